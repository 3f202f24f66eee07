import { compileScenario, scenarioVariants, type PairedComparison, type RunStatistics, type Scenario } from "@ccplan/core";
import { poolRunner, runPaired, type PlannedSource, type Pool, type PrecisionOutcome, type PrecisionTarget } from "@ccplan/worker";

/** What a comparison run returns: the baseline, each chosen intervention and their paired deltas, as core computed them. */
export interface ComparisonOutcome {
  scenario: Scenario;
  names: string[];
  baseline: RunStatistics;
  variants: RunStatistics[];
  comparison: PairedComparison;
  precision?: PrecisionOutcome;
}

export interface RunComparisonOptions {
  pool: Pool;
  /** A validated scenario (plain data: a Svelte state proxy must be snapshotted first). */
  scenario: Scenario;
  /** Names of the interventions to compare with the baseline, in the order to show them. */
  selected: readonly string[];
  maxReplications: number;
  precision?: PrecisionTarget;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, etaSec: number | null) => void;
}

/**
 * Runs the baseline and the selected interventions on common random numbers in the pool's workers
 * (`runPaired`, exactly as `ccplan compare` does). Rejects with an AbortError when `signal` aborts.
 */
export async function runComparison(options: RunComparisonOptions): Promise<ComparisonOutcome> {
  const { scenario, selected } = options;
  const variants = scenarioVariants(scenario);
  const baselineVariant = variants[0]!;
  const chosen = variants.slice(1).filter((variant) => selected.includes(variant.name));
  const planned = (name: string | undefined, variantScenario: Scenario): PlannedSource => ({
    source: { kind: "scenario", scenario, ...(name !== undefined && { variant: name }) },
    plan: compileScenario(variantScenario),
  });
  const outcome = await runPaired({
    runner: poolRunner(options.pool, options.signal),
    baseline: planned(undefined, baselineVariant.scenario),
    variants: chosen.map((variant) => ({ name: variant.name, planned: planned(variant.name, variant.scenario) })),
    maxReplications: options.maxReplications,
    ...(options.precision && { precision: options.precision }),
    ...(options.onProgress && { onProgress: options.onProgress }),
  });
  return { scenario, names: chosen.map((variant) => variant.name), ...outcome };
}
