import type { Plan } from "../des/plan.js";
import { GROUP_COUNTER_COUNT, QUEUE_COUNTER_COUNT, QueueCounter, type CounterTotals, type ReplicationResult } from "../des/result.js";
import { WAIT_BIN_COUNT, waitBinLowerSec, waitBinUpperSec } from "../des/waitHistogram.js";
import { KPI_REGISTRY, type KpiDefinition } from "../kpi/registry.js";
import { firstCountedInterval } from "../report/replicationKpis.js";
import { kpiVectorLayout, type KpiVectorLayout } from "./kpiVectorLayout.js";

/**
 * One replication's KPI values as one flat Float64Array in the order `kpiVectorLayout(plan)` describes: span,
 * days, counted intervals, queues (only with more than one queue), each row in registry order. NaN where a
 * KPI is undefined (e.g. ASA with nothing answered). The values are exactly those of `replicationKpis`
 * (ratios of sums within the replication, summed in the same order, so equal to the last bit), so statistics on
 * vectors equal `summarizeReplications`. A few kilobytes per replication instead of a wait histogram per interval:
 * what workers send back and what shard files hold. Pass `layout` when calling it for many replications, and `into`
 * (`layout.length` values, each written) to fill a slice of a larger array: a worker writes a chunk's vectors into one
 * array, so that they cross to the main thread as one buffer and the worker allocates one array a chunk, not one a
 * replication.
 *
 * It runs once per replication of every run, so it is written for speed: each row's counters are summed into one
 * reused scratch, and the wait quantiles are read from the per-interval and per-queue histograms where they lie, without
 * building a summed histogram per row (the histogram of a row holds one count per answered contact, so its total is
 * the row's `answered` counter, and a walk from the first bin stops at the quantile's bin).
 */
export function kpiVector(plan: Plan, result: ReplicationResult, layout: KpiVectorLayout = kpiVectorLayout(plan), into?: Float64Array): Float64Array {
  const first = firstCountedInterval(plan);
  const queueRows = plan.queues.length > 1 ? plan.queues.length : 0;
  if (plan.intervalCount - first !== layout.intervals.rows || plan.dayLabels.length !== layout.days.rows || queueRows !== layout.queues.rows) {
    throw new Error(`the layout does not fit plan "${plan.name}"; build it with kpiVectorLayout(plan)`);
  }
  if (into !== undefined && into.length !== layout.length) throw new Error(`kpiVector: the array to write into holds ${into.length} values; the layout has ${layout.length}`);
  const vector = into ?? new Float64Array(layout.length);
  const rows = new RowTotals(result, columnsOf(layout));
  let at = layout.span.offset;
  rows.write(first, plan.intervalCount, -1, null, vector, at);
  at = layout.days.offset;
  for (let day = 0; day < layout.days.rows; day++, at += rows.width) {
    const from = Math.max(first, day * plan.intervalsPerDay);
    const to = Math.max(from, Math.min(plan.intervalCount, (day + 1) * plan.intervalsPerDay));
    // A one-day plan's day is its span: the same sums, the same values.
    if (from === first && to === plan.intervalCount) vector.copyWithin(at, layout.span.offset, layout.span.offset + rows.width);
    else rows.write(from, to, -1, null, vector, at);
  }
  at = layout.intervals.offset;
  for (let interval = first; interval < plan.intervalCount; interval++, at += rows.width) rows.write(interval, interval + 1, -1, null, vector, at);
  at = layout.queues.offset;
  for (let queue = 0; queue < queueRows; queue++, at += rows.width) {
    const serving = new Uint8Array(plan.groups.length);
    plan.groups.forEach((group, g) => (serving[g] = group.serves.includes(queue) ? 1 : 0));
    rows.write(first, plan.intervalCount, queue, serving, vector, at);
  }
  return vector;
}

/** The registry's definitions in a layout's column order (the registry's own order for every layout core builds). */
const columnCache = new WeakMap<KpiVectorLayout, readonly KpiDefinition[]>();
function columnsOf(layout: KpiVectorLayout): readonly KpiDefinition[] {
  let columns = columnCache.get(layout);
  if (!columns) {
    const byId = new Map((KPI_REGISTRY as readonly KpiDefinition[]).map((kpi) => [kpi.id, kpi]));
    columns = layout.kpis.map((id) => {
      const kpi = byId.get(id);
      if (!kpi) throw new Error(`unknown KPI ${JSON.stringify(id)} in the layout`);
      return kpi;
    });
    columnCache.set(layout, columns);
  }
  return columns;
}

/**
 * Counter totals of one row (a range of intervals, all queues or one) of a replication, in reused buffers: the sums
 * `sumCounters` forms (same order of additions), and the row's wait quantiles read from the result's histograms.
 */
class RowTotals implements CounterTotals {
  readonly queue = new Float64Array(QUEUE_COUNTER_COUNT);
  readonly group = new Float64Array(GROUP_COUNTER_COUNT);
  spanSec = 0;
  wagePerHour?: number;
  readonly width: number;
  private from = 0;
  private to = 0;
  /** The queue of the row, or −1 for all queues. */
  private only = -1;
  /** The row's wait histogram summed over its cells, bins 0 … summedBins − 1 so far (extended as quantiles need). */
  private readonly summed = new Float64Array(WAIT_BIN_COUNT);
  private summedBins = 0;
  /** Where the row's last quantile walk stopped: its rank, the bin it stopped in and the count below that bin
   * (walkRank −1: no walk yet in this row). */
  private walkRank = -1;
  private walkBin = 0;
  private walkBelow = 0;

  constructor(
    private readonly result: ReplicationResult,
    private readonly columns: readonly KpiDefinition[],
  ) {
    this.width = columns.length;
    if (result.wagePerHour !== undefined) this.wagePerHour = result.wagePerHour;
  }

  /** Sums the row's counters and writes its KPI values at vector[at …]. */
  write(from: number, to: number, only: number, serving: Uint8Array | null, vector: Float64Array, at: number): void {
    const { queueCounters, groupCounters, queueCount, groupCount, intervalSec } = this.result;
    const queue = this.queue;
    const group = this.group;
    // Loops, not fill(): a builtin call costs more than zeroing a few dozen values, and this runs per row per replication.
    for (let c = 0; c < queue.length; c++) queue[c] = 0;
    for (let c = 0; c < group.length; c++) group[c] = 0;
    for (let interval = from; interval < to; interval++) {
      for (let q = 0; q < queueCount; q++) {
        if (only >= 0 && q !== only) continue;
        const base = (interval * queueCount + q) * QUEUE_COUNTER_COUNT;
        for (let c = 0; c < QUEUE_COUNTER_COUNT; c++) queue[c]! += queueCounters[base + c]!;
      }
      for (let g = 0; g < groupCount; g++) {
        if (serving !== null && serving[g] === 0) continue;
        const base = (interval * groupCount + g) * GROUP_COUNTER_COUNT;
        for (let c = 0; c < GROUP_COUNTER_COUNT; c++) group[c]! += groupCounters[base + c]!;
      }
    }
    this.spanSec = (to - from) * intervalSec;
    this.from = from;
    this.to = to;
    this.only = only;
    this.summedBins = 0;
    this.walkRank = -1;
    const columns = this.columns;
    for (let column = 0; column < columns.length; column++) {
      const value = columns[column]!.compute(this);
      vector[at + column] = value !== null && Number.isFinite(value) ? value : NaN;
    }
  }

  /** `histogramQuantile` of the row's summed wait histogram, walking bins from the first until the quantile's. */
  waitQuantile(p: number): number | null {
    const total = this.queue[QueueCounter.answered]!;
    if (total <= 0) return null;
    const rank = p * total;
    const { waitHistogram, queueWaitHistogram } = this.result;
    // A queue's row (with several queues: over the counted span, as the layout's queue rows are) and an interval's
    // row read their histogram where it is; a row of several intervals sums theirs, a chunk of bins at a time.
    const ofQueue = this.only >= 0;
    const single = ofQueue || this.to - this.from === 1;
    const counts = ofQueue ? queueWaitHistogram : single ? waitHistogram : this.summed;
    const offset = ofQueue ? this.only * WAIT_BIN_COUNT : single ? this.from * WAIT_BIN_COUNT : 0;
    // A higher quantile of the same row (P90 after P50) walks on from where the last walk stopped: the bins before it
    // are summed in the same order either way, so `below` is the same number.
    const resume = this.walkRank >= 0 && rank >= this.walkRank;
    let below = resume ? this.walkBelow : 0;
    for (let bin = resume ? this.walkBin : 0; bin < WAIT_BIN_COUNT; bin++) {
      if (!single && bin === this.summedBins) this.sumBins(bin, Math.min(WAIT_BIN_COUNT, bin + SUM_CHUNK_BINS));
      const count = counts[offset + bin]!;
      if (count > 0 && below + count >= rank) {
        this.walkRank = rank;
        this.walkBin = bin;
        this.walkBelow = below;
        const lower = waitBinLowerSec(bin);
        return lower + ((rank - below) / count) * (waitBinUpperSec(bin) - lower);
      }
      below += count;
    }
    return waitBinLowerSec(WAIT_BIN_COUNT - 1);
  }

  /** Adds bins [fromBin, toBin) of the row's cells into `summed` (counts are whole numbers: any order is exact). */
  private sumBins(fromBin: number, toBin: number): void {
    const waitHistogram = this.result.waitHistogram;
    const summed = this.summed;
    for (let bin = fromBin; bin < toBin; bin++) summed[bin] = 0;
    for (let interval = this.from; interval < this.to; interval++) {
      const base = interval * WAIT_BIN_COUNT;
      for (let bin = fromBin; bin < toBin; bin++) summed[bin]! += waitHistogram[base + bin]!;
    }
    this.summedBins = toBin;
  }
}

/** Bins summed at a time for a row of several cells: most quantiles lie in the first few dozen (waits under a minute). */
const SUM_CHUNK_BINS = 32;
