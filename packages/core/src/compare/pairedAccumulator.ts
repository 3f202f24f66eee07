import { KPI_REGISTRY, type KpiDefinition, type KpiId } from "../kpi/registry.js";
import { addMomentAt, runningMomentsArray, type RunningMomentsArray } from "../stats/runningMoments.js";
import { exactStatistics, momentStatistics, type KpiStatistics } from "./kpiStatistics.js";
import type { KpiVectorLayout } from "./kpiVectorLayout.js";
import type { IntervalQuantileBasis, QuantileStoreOptions } from "./rowQuantileStore.js";
import { checkReplication } from "./runAccumulator.js";
import { VectorStatistics } from "./vectorStatistics.js";

/**
 * Statistics of the paired deltas of one KPI (variant minus baseline, replication by replication, on common
 * random numbers), in the KPI's unit: mean, `ci95` of the mean delta, P10/P50/P90 of the per-replication
 * deltas (how much the gain varies from one day to another), n (replications where both are defined) and
 * the deltas' variance; plus the verdict and the variance reduction.
 */
export interface DeltaStatistics extends KpiStatistics {
  /** Whether the 95% CI of the mean delta excludes zero (false when there is no CI, n < 2). */
  significant: boolean;
  /** For a significant delta of a KPI with a direction (the registry's `higherIsBetter`), whether the variant
   * is better or worse than the baseline; null otherwise. */
  effect: "better" | "worse" | null;
  /**
   * (Var(A) + Var(B)) / Var(B − A) over the paired replications: how many times more replications the same
   * CI width would need with independent seeds than with common random numbers. Null when n < 2 or the
   * deltas do not vary beyond rounding (Var(B − A) ≈ 0: the factor is unbounded, or 0/0).
   */
  varianceReduction: number | null;
}

export type DeltaStatisticsByKpi = Record<KpiId, DeltaStatistics>;

/** One variant's deltas against the baseline, at every level of the layout. */
export interface VariantDeltas {
  name: string;
  replications: number;
  deltas: DeltaStatisticsByKpi;
  days: { day: string; deltas: DeltaStatisticsByKpi }[];
  intervals: { start: string; deltas: DeltaStatisticsByKpi }[];
  queues: { name: string; deltas: DeltaStatisticsByKpi }[];
  /** What the per-interval P10/P50/P90 of the deltas rest on (see `RowQuantileStore`). */
  intervalQuantiles: IntervalQuantileBasis;
}

export interface PairedComparison {
  replications: number;
  variants: VariantDeltas[];
}

/** Paired statistics fed one replication (baseline and every variant) at a time. */
export interface PairedAccumulator {
  readonly layout: KpiVectorLayout;
  readonly replications: number;
  /**
   * Adds replication `replication` of the baseline and of every variant (in the order of `variants`), each a
   * KPI vector in `layout`. Replications must come in order 0, 1, 2, …; throws otherwise, or on a vector of
   * the wrong length or a wrong number of variants.
   */
  add(replication: number, baseline: ArrayLike<number>, variants: readonly ArrayLike<number>[]): void;
  summary(): PairedComparison;
  /** A variant's span deltas of one KPI in replication order (NaN where either side is undefined): a copy. */
  deltas(variant: string, kpi: KpiId): Float64Array;
}

interface VariantState {
  name: string;
  statistics: VectorStatistics;
  baseline: RunningMomentsArray;
  variant: RunningMomentsArray;
  delta: RunningMomentsArray;
}

const higherIsBetter = new Map((KPI_REGISTRY as readonly KpiDefinition[]).map((kpi) => [kpi.id, kpi.higherIsBetter]));

/**
 * Paired comparisons on common random numbers: for each variant and each value of the layout, the per-replication
 * delta d_k = variant_k − baseline_k (left out where either is undefined), with the statistics of a run (span,
 * days and queues kept in full, intervals by Welford moments and the quantile store), the verdict and the
 * variance-reduction factor. Both scenarios of a pair must be run with the same seed and replication number:
 * then they meet the same callers (design.md, "Common random numbers"), and the delta's variance is
 * Var(A) + Var(B) − 2·Cov(A, B), far below the Var(A) + Var(B) of independent runs. Source for the paired
 * t interval: Law, Simulation Modeling and Analysis, 5th ed., §10.2.1 and §11.2 (common random numbers).
 */
export function createPairedAccumulator(
  options: { layout: KpiVectorLayout; variants: readonly string[] } & QuantileStoreOptions,
): PairedAccumulator {
  const { layout } = options;
  if (new Set(options.variants).size !== options.variants.length) {
    throw new Error(`variant names must be unique; got ${options.variants.map((name) => JSON.stringify(name)).join(", ")}`);
  }
  const states: VariantState[] = options.variants.map((name) => ({
    name,
    statistics: new VectorStatistics(layout, { ...options, target: null }),
    baseline: runningMomentsArray(layout.length),
    variant: runningMomentsArray(layout.length),
    delta: runningMomentsArray(layout.length),
  }));
  const delta = new Float64Array(layout.length);
  let count = 0;

  const checkLength = (vector: ArrayLike<number>, what: string) => {
    if (vector.length !== layout.length) {
      throw new Error(`replication ${count}: the ${what} KPI vector has ${vector.length} values; expected ${layout.length}`);
    }
  };

  return {
    layout,
    get replications() {
      return count;
    },
    add(replication, baseline, variants) {
      checkReplication(replication, count);
      if (variants.length !== states.length) {
        throw new Error(`replication ${replication}: got ${variants.length} variant vectors; expected ${states.length} (${states.map((s) => s.name).join(", ")})`);
      }
      checkLength(baseline, "baseline");
      for (let v = 0; v < states.length; v++) {
        const state = states[v]!;
        const vector = variants[v]!;
        checkLength(vector, `"${state.name}"`);
        addPairedValues(state, baseline, vector, delta);
        state.statistics.add(delta);
      }
      count++;
    },
    summary() {
      return { replications: count, variants: states.map((state) => variantSummary(layout, state)) };
    },
    deltas(variant, kpi) {
      const state = states.find((s) => s.name === variant);
      if (!state) throw new Error(`unknown variant ${JSON.stringify(variant)}; expected one of ${states.map((s) => JSON.stringify(s.name)).join(", ")}`);
      const column = layout.kpis.indexOf(kpi);
      if (column < 0) throw new Error(`unknown KPI ${JSON.stringify(kpi)}; expected one of ${layout.kpis.join(", ")}`);
      return state.statistics.keptValues(layout.span, 0, column);
    },
  };
}

/**
 * Paired comparisons of vectors already in memory: `baseline[k]` and each variant's `vectors[k]` are
 * replication k of each scenario (same seed). See `createPairedAccumulator`. Throws when a variant has a
 * different number of replications than the baseline.
 */
export function comparePaired(
  options: {
    layout: KpiVectorLayout;
    baseline: readonly ArrayLike<number>[];
    variants: readonly { name: string; vectors: readonly ArrayLike<number>[] }[];
  } & QuantileStoreOptions,
): PairedComparison {
  const { baseline, variants } = options;
  for (const variant of variants) {
    if (variant.vectors.length !== baseline.length) {
      throw new Error(`variant ${JSON.stringify(variant.name)} has ${variant.vectors.length} replications; expected ${baseline.length}, as the baseline`);
    }
  }
  const accumulator = createPairedAccumulator({ ...options, variants: variants.map((variant) => variant.name) });
  baseline.forEach((vector, k) => accumulator.add(k, vector, variants.map((variant) => variant.vectors[k]!)));
  return accumulator.summary();
}

/**
 * Adds one replication's pair of vectors to a variant's moments and writes their deltas into `delta` (NaN where
 * either is undefined). A function of its own, not a loop inside `add`: V8 compiled such a loop on the stack (OSR)
 * during the first replications, before the statements after it had run, and the compiled code then left to the
 * interpreter at those statements at every later call (a comparison deoptimised ~150 times).
 */
function addPairedValues(state: VariantState, baseline: ArrayLike<number>, vector: ArrayLike<number>, delta: Float64Array): void {
  for (let i = 0; i < delta.length; i++) {
    const a = baseline[i]!;
    const b = vector[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) {
      delta[i] = NaN;
      continue;
    }
    delta[i] = b - a;
    addMomentAt(state.baseline, i, a);
    addMomentAt(state.variant, i, b);
    addMomentAt(state.delta, i, b - a);
  }
}

function variantSummary(layout: KpiVectorLayout, state: VariantState): VariantDeltas {
  const { statistics } = state;
  const width = layout.kpis.length;
  const withVerdict = (base: KpiStatistics, id: KpiId, index: number): DeltaStatistics => {
    const ci = base.ci95;
    const significant = ci !== null && (ci[0] > 0 || ci[1] < 0);
    const direction = higherIsBetter.get(id) ?? null;
    const effect = significant && direction !== null ? ((base.mean! > 0) === direction ? "better" : "worse") : null;
    return { ...base, significant, effect, varianceReduction: varianceReduction(state, index) };
  };
  const kept = (section: KpiVectorLayout["span"], row: number): DeltaStatisticsByKpi => {
    const out = {} as DeltaStatisticsByKpi;
    layout.kpis.forEach((id, column) => {
      out[id] = withVerdict(exactStatistics(statistics.keptValues(section, row, column)), id, section.offset + row * width + column);
    });
    return out;
  };
  const scratch = statistics.quantileScratch();
  return {
    name: state.name,
    replications: statistics.count,
    deltas: kept(layout.span, 0),
    days: layout.days.labels.map((day, d) => ({ day, deltas: kept(layout.days, d) })),
    intervals: layout.intervals.labels.map((start, i) => {
      const row = statistics.intervalRow(i, scratch);
      const out = {} as DeltaStatisticsByKpi;
      layout.kpis.forEach((id, column) => (out[id] = withVerdict(row[id], id, layout.intervals.offset + i * width + column)));
      return { start, deltas: out };
    }),
    queues: layout.queues.labels.map((name, q) => ({ name, deltas: kept(layout.queues, q) })),
    intervalQuantiles: statistics.quantileBasis(),
  };
}

function varianceReduction(state: VariantState, index: number): number | null {
  const n = state.delta.count[index]!;
  const deltaSquares = state.delta.sumSquares[index]!;
  const independentSquares = state.baseline.sumSquares[index]! + state.variant.sumSquares[index]!;
  // Deltas that differ only by rounding (a constant +1 agent through a time average) have a variance of
  // about n·(1e-16·mean)²: a factor of 1e30 would be noise, not a reduction.
  const scale = n * (state.baseline.mean[index]! ** 2 + state.variant.mean[index]! ** 2);
  if (n < 2 || !(deltaSquares > 1e-24 * scale)) return null;
  // The divisors n − 1 cancel.
  return independentSquares / deltaSquares;
}
