import type { Plan } from "../des/plan.js";
import { withinKpiRange } from "../kpi/kpiRange.js";
import type { KpiId } from "../kpi/registry.js";
import type { RunSummary } from "../report/summarizeRun.js";
import type { KpiStatisticsByKpi } from "./kpiStatistics.js";
import { kpiVectorLayout, type KpiVectorLayout } from "./kpiVectorLayout.js";
import type { IntervalQuantileBasis, QuantileStoreOptions } from "./rowQuantileStore.js";
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
  /** Every replication's span value of one KPI, in replication order (NaN where undefined): a fresh copy. */
  values(kpi: KpiId): Float64Array;
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
      const scratch = statistics.quantileScratch();
      const daysBefore = layout.span.rows;
      const intervalsBefore = daysBefore + layout.days.rows;
      return {
        scenario: identity.scenario,
        seed: identity.seed,
        replications: statistics.count,
        targetServiceLevel,
        kpis: withinRanges(statistics.keptRow(layout.span, 0)),
        targetMet: statistics.targetMetRow(0),
        days: layout.days.labels.map((day, d) => ({
          day,
          kpis: withinRanges(statistics.keptRow(layout.days, d)),
          targetMet: statistics.targetMetRow(daysBefore + d),
        })),
        intervals: layout.intervals.labels.map((start, i) => ({
          start,
          kpis: withinRanges(statistics.intervalRow(i, scratch)),
          targetMet: statistics.targetMetRow(intervalsBefore + i),
        })),
        queues: layout.queues.labels.map((name, q) => ({ name, kpis: withinRanges(statistics.keptRow(layout.queues, q)) })),
        intervalQuantiles: statistics.quantileBasis(),
      };
    },
    values(kpi) {
      return statistics.keptValues(layout.span, 0, columnOf(kpi));
    },
  };
}

/** Throws unless `replication` is the next one expected. */
export function checkReplication(replication: number, expected: number): void {
  if (replication !== expected) {
    throw new Error(
      `replication ${replication} added out of order; expected replication ${expected}: add replications in order 0, 1, 2, … (floating-point sums depend on the order)`,
    );
  }
}
