import { targetMet } from "../compare/targetMet.js";
import { summarize, type KpiSummary } from "../stats/summary.js";
import type { Capacity } from "../schema/capacity.js";
import { capacityCalendar } from "./capacityCalendar.js";
import { CAPACITY_FIELD, CAPACITY_FIELDS, type CapacityField } from "./capacityReplication.js";

/** One planned week across replications: each simulated figure with its mean, 95% CI and P10–P90. */
export interface CapacityWeekSummary {
  week: number;
  /** Date of its first day, or null without `capacity.start`. */
  start: string | null;
  /** Every field of `CAPACITY_FIELDS` summarised (people, money, KPIs). */
  figures: Record<CapacityField, KpiSummary>;
  /** Share of replications whose week reached the target service level, with its 95% Wilson interval as `ci95`;
   * P10/P50/P90 are those of the 0/1 outcomes. */
  probTargetMet: KpiSummary;
}

/** A capacity run summarised. */
export interface CapacitySummary {
  replications: number;
  targetServiceLevel: number;
  weeks: CapacityWeekSummary[];
  totals: {
    /** Trainees hired over the planned weeks (the classes' sizes: the same in every replication). */
    hires: number;
    /** Over the planned weeks, per replication: cost and paid hours. */
    cost: KpiSummary;
    paidHours: KpiSummary;
  };
}

/**
 * Statistics of a capacity run from its replication rows (`capacityReplication`, in replication order): per week
 * every field's mean, Student t 95% CI and P10/P50/P90 across replications, the share of replications meeting
 * `targetServiceLevel` (a week whose service level is undefined, nothing offered, counts in neither n nor met), and
 * the totals over the weeks.
 */
export function summarizeCapacity(options: { capacity: Capacity; rows: readonly Float64Array[]; targetServiceLevel: number }): CapacitySummary {
  const { capacity, rows, targetServiceLevel } = options;
  const width = CAPACITY_FIELDS.length;
  const calendar = capacityCalendar(capacity);
  const column = (week: number, field: number) => rows.map((row) => row[week * width + field]!);
  const weeks = calendar.map((entry, w): CapacityWeekSummary => {
    const figures = Object.fromEntries(CAPACITY_FIELDS.map((field, f) => [field, summarize(column(w, f))])) as Record<CapacityField, KpiSummary>;
    const levels = column(w, CAPACITY_FIELD.serviceLevel).filter((level) => !Number.isNaN(level));
    const outcomes = levels.map((level) => (level >= targetServiceLevel ? 1 : 0));
    const met = targetMet(outcomes.reduce((a: number, b) => a + b, 0), outcomes.length);
    const spread = summarize(outcomes);
    return { week: entry.week, start: entry.start, figures, probTargetMet: { ...spread, mean: met.probability, ci95: met.ci95 } };
  });
  const total = (field: number) =>
    summarize(
      rows.map((row) => {
        let sum = 0;
        for (let w = 0; w < calendar.length; w++) sum += row[w * width + field]!;
        return sum;
      }),
    );
  const hires = rows.length > 0 ? calendar.reduce((sum, _, w) => sum + rows[0]![w * width + CAPACITY_FIELD.hires]!, 0) : 0;
  return {
    replications: rows.length,
    targetServiceLevel,
    weeks,
    totals: { hires, cost: total(CAPACITY_FIELD.cost), paidHours: total(CAPACITY_FIELD.paidHours) },
  };
}
