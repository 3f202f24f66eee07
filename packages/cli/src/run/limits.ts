import { checkRunLimits, formatScenarioIssues, parseScenario, type PhaseRunRequest, type Scenario } from "@ccplan/core";
import { InputError } from "../errors.js";

/** A scenario a command is about to simulate, and what messages call it (`intervention "X"`, a sensitivity point…). */
export interface PlannedVariant {
  label: string;
  scenario: Scenario;
  /** True when the scenario is handed to the workers as an object they validate again (phases, sensitivity points):
   * it must then pass `parseScenario` whole, or a worker would refuse it after the run has started. */
  revalidated?: boolean;
}

/**
 * Refuses a run (InputError, exit 2) before any worker starts when one of the variants it will simulate is beyond
 * the size limits (core's `checkVariantLimits`: expected contacts with every retry and repeat, agents per group),
 * naming each such variant, its figure and the limit; then, for variants the workers validate again, any other
 * problem they would find. Every simulating command calls it with every variant it will run.
 */
export function refuseOversizedRuns(source: string, variants: readonly PlannedVariant[]): void {
  const oversized = checkRunLimits(variants);
  if (oversized.length > 0) {
    throw new InputError(`${source}: nothing was simulated, because a run would exceed the size limits:\n${oversized.map((issue) => `✖ ${issue.message}`).join("\n")}`);
  }
  for (const variant of variants) {
    if (!variant.revalidated) continue;
    const parsed = parseScenario(variant.scenario);
    if (!parsed.ok) throw new InputError(`${source}: nothing was simulated: ${formatScenarioIssues(parsed.issues, variant.label)}`);
  }
}

/** The runs of a job (core's `plannedRuns`) as variants the workers validate again. */
export function jobVariants(runs: readonly PhaseRunRequest[]): PlannedVariant[] {
  return runs.map((run) => ({ label: run.label ?? "a run", scenario: run.scenario, revalidated: true }));
}
