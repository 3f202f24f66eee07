import type { Plan } from "../des/plan.js";
import { KPI_REGISTRY, type KpiId } from "../kpi/registry.js";
import { firstCountedInterval } from "../report/replicationKpis.js";

/** One block of a KPI vector: `rows` rows of one value per KPI, row r starting at `offset + r × kpis.length`. */
export interface KpiVectorSection {
  offset: number;
  rows: number;
  /** One label per row: "span", the day labels, the interval start labels or the queue names. */
  labels: string[];
}

/**
 * Where each value of a KPI vector sits. Plain JSON-safe data, so that shard files can carry it and a
 * merge can check that every shard speaks of the same layout. Sections follow one another in the order
 * span, days, intervals, queues; within a row the KPIs follow `kpis` (registry order).
 */
export interface KpiVectorLayout {
  /** KPI ids in column order. */
  kpis: KpiId[];
  /** One row: every KPI over the counted span (after the warm-up). */
  span: KpiVectorSection;
  /** One row per simulated day of the plan (days wholly inside the warm-up included, as `replicationKpis` does). */
  days: KpiVectorSection;
  /** One row per counted interval; `first` is the plan's index of the first one (intervals before it end in the warm-up). */
  intervals: KpiVectorSection & { first: number };
  /** One row per queue over the span, only when the plan has more than one queue (else 0 rows). */
  queues: KpiVectorSection;
  /** Total number of values (Float64Array length). */
  length: number;
  /**
   * Service level an interval (or day, or span) must reach to count as "target met" in the accumulator's
   * `targetMet`, a fraction. From the plan's queues when they carry `targetServiceLevel` (the strictest when
   * they differ: the row's service level is that of all queues together), else 0.8.
   */
  targetServiceLevel: number;
}

/** The default share of contacts to answer within the target time (80/20). */
export const DEFAULT_TARGET_SERVICE_LEVEL = 0.8;

/**
 * The layout of `kpiVector(plan, result)`: every registry KPI over the span, per day, per counted interval and
 * per queue (when the plan has more than one). `options.targetServiceLevel` (a fraction in [0, 1]) overrides
 * the target read from the plan. Throws on a target outside [0, 1].
 */
export function kpiVectorLayout(plan: Plan, options?: { targetServiceLevel?: number }): KpiVectorLayout {
  const kpis = KPI_REGISTRY.map((kpi) => kpi.id) as KpiId[];
  const width = kpis.length;
  const first = firstCountedInterval(plan);
  const intervalRows = plan.intervalCount - first;
  const queueLabels = plan.queues.length > 1 ? plan.queues.map((queue) => queue.name) : [];
  const span: KpiVectorSection = { offset: 0, rows: 1, labels: ["span"] };
  const days: KpiVectorSection = { offset: width, rows: plan.dayLabels.length, labels: [...plan.dayLabels] };
  const intervalsOffset = days.offset + days.rows * width;
  const intervals = { offset: intervalsOffset, rows: intervalRows, labels: plan.intervalLabels.slice(first), first };
  const queues: KpiVectorSection = { offset: intervalsOffset + intervalRows * width, rows: queueLabels.length, labels: queueLabels };
  const targetServiceLevel = options?.targetServiceLevel ?? planTargetServiceLevel(plan);
  if (!(targetServiceLevel >= 0 && targetServiceLevel <= 1)) {
    throw new Error(`invalid targetServiceLevel: ${targetServiceLevel}; expected a fraction between 0 and 1`);
  }
  return { kpis, span, days, intervals, queues, length: queues.offset + queues.rows * width, targetServiceLevel };
}

/** Index in a KPI vector of one KPI (its column) in one row of a section. */
export function kpiVectorIndex(layout: KpiVectorLayout, section: KpiVectorSection, row: number, column: number): number {
  return section.offset + row * layout.kpis.length + column;
}

// PlanQueue gains `targetServiceLevel` from the scenario; read it structurally so plans without it still work.
function planTargetServiceLevel(plan: Plan): number {
  let strictest: number | null = null;
  for (const queue of plan.queues) {
    const target = (queue as { targetServiceLevel?: unknown }).targetServiceLevel;
    if (typeof target === "number" && Number.isFinite(target)) strictest = Math.max(strictest ?? target, target);
  }
  return strictest ?? DEFAULT_TARGET_SERVICE_LEVEL;
}
