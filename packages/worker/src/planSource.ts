import type { AssumptionsView, CalibratedPlanInput, InterventionStage, IntervalPlanOptions, ScenarioInput, ScenarioRecipe, StationaryPlanOptions } from "@ccplan/core";
import type { CapacityWeeksSource } from "./capacityJob.js";

/** `stationaryPlan` options without its sampler overrides (functions cannot cross a worker boundary). */
export type StationarySourceOptions = Omit<StationaryPlanOptions, "handle" | "patience">;

/**
 * Where a job's plan comes from, as structured-clonable data. A `Plan` holds sampler functions, so it
 * cannot cross a worker boundary: each worker compiles it from this description (once, then cached).
 * - `scenario`: a scenario file's contents (parsed JSON or an already validated `Scenario`); `variant`
 *   names an intervention to apply (omitted = the baseline), `stage` how far along it is (omitted: its steady
 *   state; the money stage's phases: in class, learning curve…); `seed` overrides the file's seed; `label` says what
 *   the run is in messages (a phase, a sensitivity point), so that a failure names it. Each replication runs at its
 *   own draw of the file's uncertain inputs unless `assumptions` is "fixed".
 * - `stationary`: a stationary center (`stationaryPlan` options, exponential handle time and patience).
 * - `intervals`: the text of an interval CSV file and how to read it (`planFromIntervals` options).
 * - `capacityWeeks`: planned weeks of a capacity plan (`CapacityWeeksSource`), run with the `capacityWeeks` output.
 * - `calibrated`: a day (or span) run with a calibrated model, as the backtest builds it (`calibratedPlan` input).
 */
export type PlanSource =
  | { kind: "scenario"; scenario: ScenarioInput | unknown; variant?: string; stage?: InterventionStage; seed?: number; label?: string; assumptions?: AssumptionsView }
  | { kind: "stationary"; options: StationarySourceOptions }
  | { kind: "intervals"; csv: string; options: IntervalPlanOptions }
  | CapacityWeeksSource
  | { kind: "calibrated"; input: CalibratedPlanInput };

/** The source that runs a core recipe (a money-stage request's, a sensitivity point's): its file, the intervention at
 * its stage, each replication at its own draw of the uncertain inputs unless the recipe fixes them. */
export function recipeSource(recipe: ScenarioRecipe, label?: string): PlanSource {
  return {
    kind: "scenario",
    scenario: recipe.scenario,
    ...(recipe.intervention !== undefined && { variant: recipe.intervention }),
    ...(recipe.stage !== undefined && { stage: recipe.stage }),
    ...(recipe.assumptions === "fixed" && { assumptions: recipe.assumptions }),
    ...(label !== undefined && { label }),
  };
}

/** A short name of the source for messages: the scenario's name (and variant), "stationary center", or
 * the interval file's name. Never throws, whatever the source holds. */
export function describeSource(source: PlanSource): string {
  switch (source.kind) {
    case "scenario": {
      const scenario = source.scenario as { name?: unknown } | null;
      const name = typeof scenario === "object" && scenario !== null && typeof scenario.name === "string" ? scenario.name : "unnamed";
      if (typeof source.label === "string") return `scenario "${name}" (${source.label})`;
      return source.variant === undefined ? `scenario "${name}"` : `scenario "${name}" (variant "${source.variant}")`;
    }
    case "stationary":
      return "stationary center";
    case "intervals":
      return `interval file "${source.options.name}"`;
    case "calibrated":
      return `calibrated plan "${source.input.name}"`;
    case "capacityWeeks": {
      const scenario = source.scenario as { name?: unknown } | null;
      const name = typeof scenario === "object" && scenario !== null && typeof scenario.name === "string" ? scenario.name : "unnamed";
      return `capacity plan of "${name}"`;
    }
    default:
      return "unknown source";
  }
}
