import type { Plan } from "../des/plan.js";
import type { ReplicationResult } from "../des/result.js";
import { withinKpiRange } from "../kpi/kpiRange.js";
import { KPI_REGISTRY, type KpiId } from "../kpi/registry.js";
import { summarize, type KpiSummary } from "../stats/summary.js";
import { firstCountedInterval, replicationKpis, type KpiValues } from "./replicationKpis.js";

export type KpiSummaries = Record<KpiId, KpiSummary>;

/** Statistics across replications of one scenario: every registry KPI over the span, per day, per interval. */
export interface RunSummary {
  scenario: string;
  seed: number;
  replications: number;
  kpis: KpiSummaries;
  days: { day: string; kpis: KpiSummaries }[];
  intervals: { start: string; kpis: KpiSummaries }[];
  queues: { name: string; kpis: KpiSummaries }[];
}

function summarizeAcross(values: KpiValues[]): KpiSummaries {
  const out = {} as KpiSummaries;
  for (const kpi of KPI_REGISTRY) out[kpi.id] = withinKpiRange(kpi.id, summarize(values.map((replication) => replication[kpi.id])));
  return out;
}

/**
 * Summarises replications (in the order given, which callers keep as replication order so the result does not
 * depend on how the work was split): each KPI is the mean over replications of the per-replication value, with a
 * Student t 95% CI of that mean (cut at the values the KPI can take) and the P10/P50/P90 spread of outcomes; replications where a KPI is undefined are
 * left out of its statistics and `n` says how many counted.
 */
export function summarizeReplications(plan: Plan, results: readonly ReplicationResult[]): RunSummary {
  const perReplication = results.map((result) => replicationKpis(plan, result));
  const first = firstCountedInterval(plan);
  return {
    scenario: plan.name,
    seed: plan.seed,
    replications: results.length,
    kpis: summarizeAcross(perReplication.map((r) => r.span)),
    days: plan.dayLabels.map((day, index) => ({ day, kpis: summarizeAcross(perReplication.map((r) => r.days[index]!)) })),
    intervals: plan.intervalLabels.slice(first).map((start, index) => ({
      start,
      kpis: summarizeAcross(perReplication.map((r) => r.intervals[index]!)),
    })),
    queues:
      plan.queues.length > 1
        ? plan.queues.map((queue, index) => ({ name: queue.name, kpis: summarizeAcross(perReplication.map((r) => r.queues[index]!)) }))
        : [],
  };
}
