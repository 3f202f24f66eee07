import { applyIntervention } from "../interventions/applyIntervention.js";
import { STEADY_STATE, type InterventionStage } from "../interventions/interventionTimeline.js";
import type { ResolvedScenario, Scenario } from "../schema/scenario.js";
import { drawInputs, resolveAtDraw, type AssumptionsView } from "./draws.js";
import { uncertainInputs, type UncertainInput } from "./inputs.js";

/**
 * How to build one of the scenarios a comparison simulates, from the scenario file: its baseline (no intervention)
 * or one intervention applied to it at one stage of its timeline. Plain data (it crosses worker boundaries), so a
 * worker can rebuild the scenario at every replication's draw of the uncertain inputs: the same draw for the
 * baseline, every intervention and every phase, since each is built from the same file at the same draw.
 */
export interface ScenarioRecipe {
  /** The parsed scenario file, uncertain inputs and all (its seed keys the draws). */
  scenario: Scenario;
  /** The intervention applied to the baseline, by name; omitted: the baseline itself. */
  intervention?: string | undefined;
  /** How far along the intervention is (see `interventionTimeline`); omitted: its steady state. */
  stage?: InterventionStage | undefined;
  /** Omitted: `combined`. */
  assumptions?: AssumptionsView | undefined;
}

/** The recipe's scenario in one concrete world: resolved at `values` (by input key), at the central values when null. */
export function recipeScenario(recipe: ScenarioRecipe, values: ReadonlyMap<string, number> | null = null): ResolvedScenario {
  const resolved = resolveAtDraw(recipe.scenario, values ?? new Map());
  const baseline: ResolvedScenario = { ...resolved, interventions: [] };
  if (recipe.intervention === undefined) return baseline;
  const intervention = resolved.interventions.find((candidate) => candidate.name === recipe.intervention);
  if (!intervention) {
    const names = resolved.interventions.map((candidate) => JSON.stringify(candidate.name)).join(", ");
    throw new Error(`unknown intervention ${JSON.stringify(recipe.intervention)}; expected one of ${names || "(none defined)"}`);
  }
  return applyIntervention(baseline, intervention, recipe.stage ?? STEADY_STATE).scenario as ResolvedScenario;
}

/**
 * The uncertain inputs that move what the recipe simulates: the experience section's and, for an intervention,
 * its own effect sizes (not the money model's, nor another intervention's). None with `fixed` assumptions.
 */
export function simulatedInputs(recipe: ScenarioRecipe): UncertainInput[] {
  if (recipe.assumptions === "fixed") return [];
  return uncertainInputs(recipe.scenario).filter(
    (input) => input.role !== "money" && (input.intervention === null || input.intervention === recipe.intervention),
  );
}

/** Every uncertain input of a scenario, or none with `fixed` assumptions: what the money model draws. */
export function drawnInputs(scenario: Scenario, assumptions: AssumptionsView = "combined"): UncertainInput[] {
  return assumptions === "fixed" ? [] : uncertainInputs(scenario);
}

/** The recipe's scenario at replication `replication`'s draw. */
export function recipeScenarioAt(recipe: ScenarioRecipe, inputs: readonly UncertainInput[], replication: number): ResolvedScenario {
  return recipeScenario(recipe, inputs.length === 0 ? null : drawInputs(inputs, recipe.scenario.seed, replication));
}
