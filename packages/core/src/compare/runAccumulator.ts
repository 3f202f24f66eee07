import type { Plan } from "../des/plan.js";
import { withinKpiRange } from "../kpi/kpiRange.js";
import type { KpiId } from "../kpi/registry.js";
import type { RunSummary } from "../report/summarizeRun.js";
import type { KpiStatisticsByKpi } from "./kpiStatistics.js";
import { kpiVectorLayout, type KpiVectorLayout } from "./kpiVectorLayout.js";
import type { CellQuantileBlock, IntervalQuantileBasis, QuantileStoreOptions } from "./rowQuantileStore.js";
import type { TargetMet } from "./targetMet.js";
import { VectorStatistics } from "./vectorStatistics.js";

/** A row of levels with each 95% interval cut at the values its KPI can take (a mean of fractions stays in [0, 1]). */
function withinRanges(row: KpiStatisticsByKpi): KpiStatisticsByKpi {
  for (const id of Object.keys(row) as KpiId[]) row[id] = withinKpiRange(id, row[id]);
  return row;
}

/**
 * A `RunSummary` with more in it: every KPI also has its `variance` across replications, and the span,
 * each day and each interval say how often the service level met `targetServiceLevel` (`targetMet`). `ci95`
 * is always the 95% confidence interval of the mean (it narrows with more replications); `p10`/`p50`/`p90`
 * are the spread of outcomes across replications (it does not).
 */
export interface RunStatistics extends RunSummary {
  /** Service level (a fraction) that counts as met in `targetMet`. */
  targetServiceLevel: number;
  kpis: KpiStatisticsByKpi;
  targetMet: TargetMet;
  days: { day: string; kpis: KpiStatisticsByKpi; targetMet: TargetMet }[];
  intervals: { start: string; kpis: KpiStatisticsByKpi; targetMet: TargetMet }[];
  queues: { name: string; kpis: KpiStatisticsByKpi }[];
  /** What the per-interval P10/P50/P90 rest on (see `RowQuantileStore`): all replications exactly, or not. */
  intervalQuantiles: IntervalQuantileBasis;
}

/** What a run accumulator needs when there is no plan at hand (e.g. merging shard files). */
export interface RunIdentity {
  /** The scenario's name (`plan.name`). */
  scenario: string;
  seed: number;
  layout: KpiVectorLayout;
}

export interface RunAccumulatorOptions extends QuantileStoreOptions {
  /** Service level (fraction) for `targetMet`; default the layout's `targetServiceLevel`. */
  targetServiceLevel?: number;
}

/** Statistics of one scenario's replications, fed one KPI vector at a time. */
export interface RunAccumulator {
  readonly layout: KpiVectorLayout;
  /** Replications added so far (the next `add` must be this replication). */
  readonly replications: number;
  /**
   * Adds replication `replication`'s KPI vector. Replications must come in order 0, 1, 2, …: floating-point
   * sums are not associative, so a fixed order is what makes the summary identical whatever the number of
   * workers or shards. Throws on any other replication number or a vector of the wrong length.
   */
  add(replication: number, vector: ArrayLike<number>): void;
  /** The statistics of the replications added so far. */
  summary(): RunStatistics;
  /**
   * `summary()` in parts, for a caller with an idle thread: the per-interval quantiles of the last `share` (a fraction)
   * of the interval cells are `work` for that thread (`cellBlockQuantiles(work)` there, the same numbers as here), while
   * this one runs `prepare()` (everything else the summary needs); `finish(quantiles)` then returns exactly what
   * `summary()` would, and `finish()` without them (the other thread failed) takes those quantiles here. null when
   * there is nothing worth sharing (the quantile store's exact phase: a hundred replications or fewer). Nothing may be
   * added in between.
   */
  shareSummary(share: number): SharedSummary | null;
  /** Every replication's span value of one KPI, in replication order (NaN where undefined): a fresh copy. */
  values(kpi: KpiId): Float64Array;
}

/** A summary taken in two threads: see `RunAccumulator.shareSummary`. */
export interface SharedSummary {
  work: CellQuantileBlock;
  prepare(): void;
  finish(quantiles?: Float64Array): RunStatistics;
}


/**
 * Streams replications into statistics without keeping their `ReplicationResult`s, for runs of thousands of
 * replications. Span, day and queue values are kept in full (8 bytes per KPI per row per replication), so
 * their statistics equal `summarizeReplications` exactly; per interval it keeps Welford moments (mean and CI
 * equal to about 1e-15 relative) and a bounded quantile store whose accuracy `RowQuantileStore` documents
 * (exact for the first 100 replications by default). Accepts a plan, or a `RunIdentity` when only a shard
 * file's layout is known (`mergeShards` returns one). `summary()` may be called at any time (e.g. for progress)
 * and changes nothing. Throws on a target service level outside [0, 1].
 */
export function createRunAccumulator(run: Plan | RunIdentity, options?: RunAccumulatorOptions): RunAccumulator {
  const identity: RunIdentity = "layout" in run ? run : { scenario: run.name, seed: run.seed, layout: kpiVectorLayout(run) };
  const { layout } = identity;
  const targetServiceLevel = options?.targetServiceLevel ?? layout.targetServiceLevel;
  if (!(targetServiceLevel >= 0 && targetServiceLevel <= 1)) {
    throw new Error(`invalid targetServiceLevel: ${targetServiceLevel}; expected a fraction between 0 and 1`);
  }
  const statistics = new VectorStatistics(layout, { ...options, target: targetServiceLevel });
  const columnOf = (kpi: KpiId): number => {
    const column = layout.kpis.indexOf(kpi);
    if (column < 0) throw new Error(`unknown KPI ${JSON.stringify(kpi)}; expected one of ${layout.kpis.join(", ")}`);
    return column;
  };

  const daysBefore = layout.span.rows;
  const intervalsBefore = daysBefore + layout.days.rows;
  /** The summary's span, days and queues: exact statistics of every replication's kept values. */
  const keptParts = (): KeptParts => ({
    kpis: withinRanges(statistics.keptRow(layout.span, 0)),
    days: layout.days.labels.map((day, d) => ({
      day,
      kpis: withinRanges(statistics.keptRow(layout.days, d)),
      targetMet: statistics.targetMetRow(daysBefore + d),
    })),
    queues: layout.queues.labels.map((name, q) => ({ name, kpis: withinRanges(statistics.keptRow(layout.queues, q)) })),
  });
  /** The whole summary: the kept parts, and the intervals' moments and quantiles (those already taken, as they were). */
  const intervalParts = (kept: KeptParts): RunStatistics => {
    const scratch = statistics.quantileScratch();
    return {
      scenario: identity.scenario,
      seed: identity.seed,
      replications: statistics.count,
      targetServiceLevel,
      kpis: kept.kpis,
      targetMet: statistics.targetMetRow(0),
      days: kept.days,
      intervals: layout.intervals.labels.map((start, i) => ({
        start,
        kpis: withinRanges(statistics.intervalRow(i, scratch)),
        targetMet: statistics.targetMetRow(intervalsBefore + i),
      })),
      queues: kept.queues,
      intervalQuantiles: statistics.quantileBasis(),
    };
  };

  return {
    layout,
    get replications() {
      return statistics.count;
    },
    add(replication, vector) {
      checkReplication(replication, statistics.count);
      if (vector.length !== layout.length) {
        throw new Error(`replication ${replication} has a KPI vector of ${vector.length} values; expected ${layout.length} (the layout of "${identity.scenario}")`);
      }
      statistics.add(vector);
    },
    summary() {
      return intervalParts(keptParts());
    },
    shareSummary(share) {
      const cells = statistics.intervalCells;
      const firstShared = Math.max(0, Math.min(cells, cells - Math.round(cells * share)));
      const work = firstShared < cells ? statistics.intervalQuantileBlock(firstShared) : null;
      if (work === null) return null;
      const added = statistics.count;
      let kept: KeptParts | undefined;
      return {
        work,
        prepare() {
          kept = keptParts();
          statistics.computeIntervalQuantiles(0, firstShared);
        },
        finish(quantiles) {
          if (statistics.count !== added) throw new Error("replications were added while a shared summary was being taken");
          if (quantiles !== undefined) statistics.acceptIntervalQuantiles(firstShared, quantiles);
          return intervalParts(kept ?? keptParts());
        },
      };
    },
    values(kpi) {
      return statistics.keptValues(layout.span, 0, columnOf(kpi));
    },
  };
}

type KeptParts = Pick<RunStatistics, "kpis" | "days" | "queues">;

/** Throws unless `replication` is the next one expected. */
export function checkReplication(replication: number, expected: number): void {
  if (replication !== expected) {
    throw new Error(
      `replication ${replication} added out of order; expected replication ${expected}: add replications in order 0, 1, 2, … (floating-point sums depend on the order)`,
    );
  }
}
