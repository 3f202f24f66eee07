import type { Plan } from "../des/plan.js";
import { sumCounters, type ReplicationResult } from "../des/result.js";
import { computeKpis, type KpiId } from "../kpi/registry.js";

export type KpiValues = Record<KpiId, number | null>;

/** The KPI values of one replication: over the whole counted span, per simulated day and per interval. */
export interface ReplicationKpis {
  span: KpiValues;
  days: KpiValues[];
  intervals: KpiValues[];
  /** Per queue over the whole span, in plan order (only filled when the plan has more than one queue). */
  queues: KpiValues[];
}

/** The first interval that counts: intervals that end before the warm-up ends are left out of every figure. */
export function firstCountedInterval(plan: Plan): number {
  return Math.min(plan.intervalCount, Math.floor(plan.warmupSec / plan.intervalSec));
}

/**
 * Forms every KPI of one replication from its counters, as ratios of sums within the replication
 * (see the registry's `aggregation`). Days that lie wholly in the warm-up have all-null values.
 */
export function replicationKpis(plan: Plan, result: ReplicationResult): ReplicationKpis {
  const first = firstCountedInterval(plan);
  const span = computeKpis(sumCounters(result, { from: first, to: plan.intervalCount }));
  const days: KpiValues[] = plan.dayLabels.map((_, day) => {
    const from = Math.max(first, day * plan.intervalsPerDay);
    const to = Math.min(plan.intervalCount, (day + 1) * plan.intervalsPerDay);
    return computeKpis(sumCounters(result, { from, to: Math.max(from, to) }));
  });
  const intervals: KpiValues[] = [];
  for (let interval = first; interval < plan.intervalCount; interval++) {
    intervals.push(computeKpis(sumCounters(result, { from: interval, to: interval + 1 })));
  }
  const queues =
    plan.queues.length > 1
      ? plan.queues.map((_, queue) => {
          const groupsServingQueue = plan.groups.flatMap((group, index) => (group.serves.includes(queue) ? [index] : []));
          return computeKpis(sumCounters(result, { from: first, to: plan.intervalCount, queue, groupsServingQueue }));
        })
      : [];
  return { span, days, intervals, queues };
}
