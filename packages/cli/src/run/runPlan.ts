import {
  KPI_REGISTRY,
  createPairedAccumulator,
  createRunAccumulator,
  kpiVectorLayout,
  precisionPlan,
  precisionReached,
  type KpiId,
  type PairedComparison,
  type RunStatistics,
} from "@ccplan/core";
import { InputError } from "../errors.js";
import { progressTracker } from "./progressBar.js";
import { batchEnds, type ProgressSink, type Runner } from "./runner.js";
import type { ResolvedSource } from "./sources.js";

/** A precision-driven stop: run until the 95% CI half-width of `kpi` is at most `halfWidth`. */
export interface PrecisionTarget {
  kpi: KpiId;
  halfWidth: number;
}

/** What a precision-driven run reports beside its statistics. */
export interface PrecisionOutcome {
  kpi: KpiId;
  halfWidth: number;
  reached: boolean;
  replications: number;
}

export function checkPrecisionKpi(kpi: string): KpiId {
  const known = KPI_REGISTRY.map((definition) => definition.id as string);
  if (!known.includes(kpi)) throw new InputError(`invalid --precision-kpi: ${JSON.stringify(kpi)}; expected one of ${known.join(", ")}`);
  return kpi as KpiId;
}

/** Where a run checks whether to stop: fixed in advance, so the answer never depends on the number of workers. */
function stopPoints(maxReplications: number, precision: PrecisionTarget | undefined): number[] {
  return precision ? precisionPlan({ maxReplications }) : batchEnds(maxReplications);
}

/**
 * Runs one source for `maxReplications` replications (or, with `precision`, until the precision is reached at
 * one of the fixed check points, at most `maxReplications`), streaming KPI vectors into the accumulator in
 * replication order.
 */
export async function runSingle(options: {
  runner: Runner;
  resolved: ResolvedSource;
  maxReplications: number;
  precision?: PrecisionTarget;
  progress: ProgressSink;
}): Promise<{ statistics: RunStatistics; precision?: PrecisionOutcome }> {
  const { runner, resolved, maxReplications, precision } = options;
  const accumulator = createRunAccumulator(resolved.plan);
  const tracker = progressTracker(maxReplications, options.progress);
  let done = 0;
  let reached = false;
  for (const end of stopPoints(maxReplications, precision)) {
    const vectors = await runner.vectors(resolved.source, done, end, (d) => tracker.within(d));
    vectors.forEach((vector, i) => accumulator.add(done + i, vector));
    tracker.finishPart(end - done);
    done = end;
    if (precision && precisionReached({ values: accumulator.values(precision.kpi), halfWidth: precision.halfWidth, upTo: done })) {
      reached = true;
      break;
    }
  }
  return {
    statistics: accumulator.summary(),
    ...(precision && { precision: { ...precision, reached, replications: done } }),
  };
}

/**
 * Runs a baseline and its variants on the same seed and replication numbers (common random numbers) and
 * returns each one's statistics and the paired deltas. With `precision`, stops at the first check point where
 * every variant's delta of `precision.kpi` has a 95% CI half-width at most `precision.halfWidth`.
 */
export async function runPaired(options: {
  runner: Runner;
  baseline: ResolvedSource;
  variants: { name: string; resolved: ResolvedSource }[];
  maxReplications: number;
  precision?: PrecisionTarget;
  progress: ProgressSink;
}): Promise<{ baseline: RunStatistics; variants: RunStatistics[]; comparison: PairedComparison; precision?: PrecisionOutcome }> {
  const { runner, baseline, variants, maxReplications, precision } = options;
  const layout = kpiVectorLayout(baseline.plan);
  for (const variant of variants) {
    if (kpiVectorLayout(variant.resolved.plan).length !== layout.length) {
      throw new InputError(`intervention ${JSON.stringify(variant.name)} changes the simulated span or queues; it cannot be compared interval by interval with the baseline`);
    }
  }
  const baselineRun = createRunAccumulator(baseline.plan);
  const variantRuns = variants.map((variant) => createRunAccumulator(variant.resolved.plan));
  const paired = createPairedAccumulator({ layout, variants: variants.map((variant) => variant.name) });
  const scenarioCount = variants.length + 1;
  const tracker = progressTracker(maxReplications * scenarioCount, options.progress);
  let done = 0;
  let reached = false;
  for (const end of stopPoints(maxReplications, precision)) {
    const batches: Float64Array[][] = [];
    for (const resolved of [baseline, ...variants.map((variant) => variant.resolved)]) {
      batches.push(await runner.vectors(resolved.source, done, end, (d) => tracker.within(d)));
      tracker.finishPart(end - done);
    }
    for (let i = 0; i < end - done; i++) {
      const k = done + i;
      baselineRun.add(k, batches[0]![i]!);
      variantRuns.forEach((run, v) => run.add(k, batches[v + 1]![i]!));
      paired.add(k, batches[0]![i]!, variants.map((_, v) => batches[v + 1]![i]!));
    }
    done = end;
    if (
      precision &&
      variants.every((variant) => precisionReached({ values: paired.deltas(variant.name, precision.kpi), halfWidth: precision.halfWidth, upTo: done }))
    ) {
      reached = true;
      break;
    }
  }
  return {
    baseline: baselineRun.summary(),
    variants: variantRuns.map((run) => run.summary()),
    comparison: paired.summary(),
    ...(precision && { precision: { ...precision, reached, replications: done } }),
  };
}
