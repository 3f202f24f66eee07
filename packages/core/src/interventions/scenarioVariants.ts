import type { Scenario } from "../schema/scenario.js";
import { BASELINE_NAME } from "../schema/crossCheck.js";
import { applyIntervention } from "./applyIntervention.js";
import type { CostLine } from "./costLine.js";

/** One scenario of a comparison: the baseline or the baseline with one intervention applied. */
export interface ScenarioVariant {
  /** "Baseline", or the intervention's name. */
  name: string;
  scenario: Scenario;
  costLines: CostLine[];
}

/**
 * The scenarios to compare: first the baseline (`"Baseline"`, no cost lines), then one per intervention,
 * each applied to the baseline alone, in the file's order. Every variant keeps the baseline's seed, so
 * comparisons use common random numbers. A variant's scenario lists no interventions of its own: it is
 * one point of the comparison, not a menu. Throws as `applyIntervention` does.
 */
export function scenarioVariants(scenario: Scenario): ScenarioVariant[] {
  const baseline: Scenario = { ...scenario, interventions: [] };
  return [
    { name: BASELINE_NAME, scenario: baseline, costLines: [] },
    ...scenario.interventions.map((intervention) => {
      const applied = applyIntervention(baseline, intervention);
      return { name: intervention.name, scenario: applied.scenario, costLines: applied.costLines };
    }),
  ];
}
