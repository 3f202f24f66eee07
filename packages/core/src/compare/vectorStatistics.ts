import type { KpiId } from "../kpi/registry.js";
import { runningMomentsArray, type RunningMomentsArray } from "../stats/runningMoments.js";
import { exactStatistics, momentStatistics, type KpiStatisticsByKpi } from "./kpiStatistics.js";
import type { KpiVectorLayout, KpiVectorSection } from "./kpiVectorLayout.js";
import { RowQuantileStore, type CellQuantileBlock, type IntervalQuantileBasis, type QuantileStoreOptions } from "./rowQuantileStore.js";
import { targetMet, type TargetMet } from "./targetMet.js";

/** The most the kept rows take before the first replication arrives, whatever the run expects. */
const KEPT_PREALLOCATION_BYTES = 16 * 1024 * 1024;

/**
 * Statistics over a stream of vectors in one layout (KPI vectors, or deltas between two of them), added
 * in replication order. Span, day and queue values are kept in full (exact quantiles, exact `summarize`);
 * intervals get Welford moments and a `RowQuantileStore`. With a target, it also counts per span, day and
 * interval row how many replications reached it (service level ≥ target). Not exported from core: the run
 * and paired accumulators wrap it.
 */
export class VectorStatistics {
  readonly layout: KpiVectorLayout;
  private readonly width: number;
  /** Span, days, queues: every replication's values, row after row of `keptWidth`. */
  private kept: Float64Array;
  private readonly keptWidth: number;
  private readonly keptSections: readonly KpiVectorSection[];
  private readonly intervalMoments: RunningMomentsArray;
  private readonly intervalQuantiles: RowQuantileStore;
  /** Per span, day and interval row: replications with a defined service level, and those that met the target. */
  private readonly targetDefined: Float64Array | null;
  private readonly targetReached: Float64Array | null;
  private readonly target: number | null;
  private readonly serviceLevelColumn: number;
  /** Vectors added so far. */
  count = 0;

  constructor(layout: KpiVectorLayout, options: QuantileStoreOptions & { target: number | null }) {
    this.layout = layout;
    this.width = layout.kpis.length;
    this.keptSections = [layout.span, layout.days, layout.queues];
    this.keptWidth = (layout.span.rows + layout.days.rows + layout.queues.rows) * this.width;
    // Room for the replications the run expects (`expectedRows`, up to 16 MiB at first), else 16, doubling as they come.
    const keptRows = Math.min(options.expectedRows ?? 16, Math.floor(KEPT_PREALLOCATION_BYTES / (this.keptWidth * 8)));
    this.kept = new Float64Array(this.keptWidth * Math.max(16, keptRows));
    const intervalCells = layout.intervals.rows * this.width;
    this.intervalMoments = runningMomentsArray(intervalCells);
    this.intervalQuantiles = new RowQuantileStore(intervalCells, options);
    this.target = options.target;
    this.serviceLevelColumn = layout.kpis.indexOf("serviceLevel" as KpiId);
    const targetRows = layout.span.rows + layout.days.rows + layout.intervals.rows;
    this.targetDefined = this.target === null ? null : new Float64Array(targetRows);
    this.targetReached = this.target === null ? null : new Float64Array(targetRows);
  }

  /** Adds the next replication's vector (length `layout.length`, NaN = undefined). */
  add(vector: ArrayLike<number>): void {
    const { layout, width } = this;
    if ((this.count + 1) * this.keptWidth > this.kept.length) {
      const grown = new Float64Array(this.kept.length * 2);
      grown.set(this.kept);
      this.kept = grown;
    }
    let at = this.count * this.keptWidth;
    for (const section of this.keptSections) {
      for (let i = 0; i < section.rows * width; i++) this.kept[at++] = vector[section.offset + i]!;
    }
    const offset = layout.intervals.offset;
    addIntervalMoments(this.intervalMoments, vector, offset);
    this.intervalQuantiles.add(vector, offset);
    if (this.target !== null && this.serviceLevelColumn >= 0) {
      let row = 0;
      for (const section of [layout.span, layout.days, layout.intervals]) {
        for (let r = 0; r < section.rows; r++, row++) {
          const serviceLevel = vector[section.offset + r * width + this.serviceLevelColumn]!;
          if (Number.isNaN(serviceLevel)) continue;
          this.targetDefined![row]! += 1;
          if (serviceLevel >= this.target) this.targetReached![row]! += 1;
        }
      }
    }
    this.count++;
  }

  /** Every replication's value of one KPI in one kept row (span, day or queue section), in order. */
  keptValues(section: KpiVectorSection, row: number, column: number): Float64Array {
    let base = 0;
    for (const candidate of this.keptSections) {
      if (candidate === section) break;
      base += candidate.rows * this.width;
    }
    const out = new Float64Array(this.count);
    const cell = base + row * this.width + column;
    for (let k = 0; k < this.count; k++) out[k] = this.kept[k * this.keptWidth + cell]!;
    return out;
  }

  /** Exact statistics of every KPI in one kept row. */
  keptRow(section: KpiVectorSection, row: number): KpiStatisticsByKpi {
    const out = {} as KpiStatisticsByKpi;
    this.layout.kpis.forEach((id, column) => (out[id] = exactStatistics(this.keptValues(section, row, column))));
    return out;
  }

  /** Statistics of every KPI in one interval row: moments and the quantile store. */
  intervalRow(row: number, scratch: Float64Array): KpiStatisticsByKpi {
    const out = {} as KpiStatisticsByKpi;
    const { count, mean, sumSquares } = this.intervalMoments;
    const quantiles = this.intervalQuantiles.quantilesOfCells(row * this.width, this.width, scratch);
    this.layout.kpis.forEach((id, column) => {
      const cell = row * this.width + column;
      out[id] = momentStatistics(count[cell]!, mean[cell]!, sumSquares[cell]!, quantiles[column]!);
    });
    return out;
  }

  /** Target counts of a span (0), day (1 + d) or interval (1 + days + i) row. */
  targetMetRow(row: number): TargetMet {
    return targetMet(this.targetReached?.[row] ?? 0, this.targetDefined?.[row] ?? 0);
  }

  /** A scratch buffer for `intervalRow`. */
  quantileScratch(): Float64Array {
    return this.intervalQuantiles.scratch();
  }

  /** Interval cells (rows × KPIs), in the quantile store's order: row after row. */
  get intervalCells(): number {
    return this.layout.intervals.rows * this.width;
  }

  /** Interval cells from `firstCell` on, for their quantiles to be taken in another thread (`RowQuantileStore.cellBlock`). */
  intervalQuantileBlock(firstCell: number): CellQuantileBlock | null {
    return this.intervalQuantiles.cellBlock(firstCell, this.intervalCells - firstCell);
  }

  /** Takes the quantiles of interval cells [firstCell, firstCell + count) now, for the summary to come. */
  computeIntervalQuantiles(firstCell: number, count: number): void {
    this.intervalQuantiles.computeQuantiles(firstCell, count);
  }

  /** Quantiles of the interval cells from `firstCell` on, taken elsewhere (`cellBlockQuantiles` of `intervalQuantileBlock`). */
  acceptIntervalQuantiles(firstCell: number, quantiles: Float64Array): void {
    this.intervalQuantiles.acceptQuantiles(firstCell, quantiles);
  }

  /** What the interval quantiles rest on. */
  quantileBasis(): IntervalQuantileBasis {
    return this.intervalQuantiles.basis();
  }
}

/**
 * Welford's update of every interval cell's moments with one replication's values (`vector` from `offset`), as
 * addMomentAt, inlined: it runs for every interval × KPI of every replication. A function of its own, not a loop
 * inside `add`: compiled on the stack (OSR) during the first replications, before the quantile store's `add` after it
 * had type feedback, the loop's code left to the interpreter there at every later call (~50 deoptimisations a run).
 */
function addIntervalMoments(moments: RunningMomentsArray, vector: ArrayLike<number>, offset: number): void {
  const { count, mean, sumSquares } = moments;
  for (let cell = 0; cell < count.length; cell++) {
    const value = vector[offset + cell]!;
    if (Number.isNaN(value)) continue;
    const n = count[cell]! + 1;
    const delta = value - mean[cell]!;
    const nextMean = mean[cell]! + delta / n;
    count[cell] = n;
    mean[cell] = nextMean;
    sumSquares[cell] = sumSquares[cell]! + delta * (value - nextMean);
  }
}
