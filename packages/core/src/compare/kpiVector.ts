import type { Plan } from "../des/plan.js";
import type { ReplicationResult } from "../des/result.js";
import { replicationKpis, type KpiValues } from "../report/replicationKpis.js";
import { kpiVectorLayout, type KpiVectorLayout, type KpiVectorSection } from "./kpiVectorLayout.js";

/**
 * One replication's KPI values as one flat Float64Array in the order `kpiVectorLayout(plan)` describes: span,
 * days, counted intervals, queues (only with more than one queue), each row in registry order. NaN where a
 * KPI is undefined (e.g. ASA with nothing answered). The values are exactly those of `replicationKpis`
 * (ratios of sums within the replication), so statistics on vectors equal `summarizeReplications`.
 * A few kilobytes per replication instead of a wait histogram per interval: what workers send back
 * (transferable) and what shard files hold. Pass `layout` when calling it for many replications.
 */
export function kpiVector(plan: Plan, result: ReplicationResult, layout: KpiVectorLayout = kpiVectorLayout(plan)): Float64Array {
  const values = replicationKpis(plan, result);
  if (values.intervals.length !== layout.intervals.rows || values.days.length !== layout.days.rows || values.queues.length !== layout.queues.rows) {
    throw new Error(`the layout does not fit plan "${plan.name}"; build it with kpiVectorLayout(plan)`);
  }
  const vector = new Float64Array(layout.length);
  const write = (section: KpiVectorSection, rows: readonly KpiValues[]) => {
    rows.forEach((row, r) => {
      const base = section.offset + r * layout.kpis.length;
      layout.kpis.forEach((id, column) => {
        const value = row[id];
        vector[base + column] = value === null ? NaN : value;
      });
    });
  };
  write(layout.span, [values.span]);
  write(layout.days, values.days);
  write(layout.intervals, values.intervals);
  write(layout.queues, values.queues);
  return vector;
}
