import { GroupCounter as G, QueueCounter as Q, type CounterTotals } from "../des/result.js";
import { histogramQuantile } from "../des/waitHistogram.js";

/** Units a KPI may be expressed in. JSON output always uses these (seconds and fractions). */
export type KpiUnit = "fraction" | "seconds" | "contacts" | "agents";

export interface KpiDefinition {
  id: string;
  label: string;
  unit: KpiUnit;
  /** What the number means, in a planner's words. */
  definition: string;
  /** How a replication's value is formed from its counters; across replications every KPI is the mean of
   * the per-replication values (so its CI is a Student t interval on those values). */
  aggregation: "ratio of sums" | "sum" | "time average" | "histogram quantile";
  /** Whether a larger value is better (for marking deltas), or null when neither. */
  higherIsBetter: boolean | null;
  /** The value from summed counters; null when undefined (e.g. nothing offered or answered). */
  compute: (totals: CounterTotals) => number | null;
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

/**
 * Every KPI ccplan reports, in display order. The CLI, the UI and the README all read this table.
 * Contacts count in the interval they arrived in; agent time in the interval it falls in.
 */
export const KPI_REGISTRY = [
  {
    id: "serviceLevel",
    label: "Service level",
    unit: "fraction",
    definition: "Contacts answered within the target time / contacts offered (abandoned and unfinished contacts count as missed).",
    aggregation: "ratio of sums",
    higherIsBetter: true,
    compute: (t) => ratio(t.queue[Q.answeredWithinTarget]!, t.queue[Q.offered]!),
  },
  {
    id: "serviceLevelWaitWithin",
    label: "Service level (wait or abandon within target)",
    unit: "fraction",
    definition: "Contacts answered or abandoned within the target time / contacts offered: the convention that counts quick hang-ups as met.",
    aggregation: "ratio of sums",
    higherIsBetter: true,
    compute: (t) => ratio(t.queue[Q.answeredWithinTarget]! + t.queue[Q.abandonedWithinTarget]!, t.queue[Q.offered]!),
  },
  {
    id: "asa",
    label: "Average speed of answer",
    unit: "seconds",
    definition: "Mean wait of answered contacts.",
    aggregation: "ratio of sums",
    higherIsBetter: false,
    compute: (t) => ratio(t.queue[Q.waitAnsweredSumSec]!, t.queue[Q.answered]!),
  },
  {
    id: "meanWaitAll",
    label: "Mean wait, all contacts",
    unit: "seconds",
    definition: "Mean time in queue over answered and abandoned contacts; abandoners count their time until they hung up.",
    aggregation: "ratio of sums",
    higherIsBetter: false,
    compute: (t) =>
      ratio(t.queue[Q.waitAnsweredSumSec]! + t.queue[Q.waitAbandonedSumSec]!, t.queue[Q.answered]! + t.queue[Q.abandoned]!),
  },
  {
    id: "probWait",
    label: "Probability of waiting",
    unit: "fraction",
    definition: "Contacts that found every agent busy / contacts offered.",
    aggregation: "ratio of sums",
    higherIsBetter: false,
    compute: (t) => ratio(t.queue[Q.delayed]!, t.queue[Q.offered]!),
  },
  {
    id: "abandonRate",
    label: "Abandonment rate",
    unit: "fraction",
    definition: "Contacts that hung up before being answered / contacts offered.",
    aggregation: "ratio of sums",
    higherIsBetter: false,
    compute: (t) => ratio(t.queue[Q.abandoned]!, t.queue[Q.offered]!),
  },
  {
    id: "waitP50",
    label: "Median wait (answered)",
    unit: "seconds",
    definition: "Median wait of answered contacts, from a histogram whose bins are 1 s wide below 3 minutes and 2.5% wide above.",
    aggregation: "histogram quantile",
    higherIsBetter: false,
    compute: (t) => histogramQuantile(t.waitHistogram, 0.5),
  },
  {
    id: "waitP90",
    label: "90th percentile wait (answered)",
    unit: "seconds",
    definition: "Wait that 90% of answered contacts did not exceed (same histogram as the median).",
    aggregation: "histogram quantile",
    higherIsBetter: false,
    compute: (t) => histogramQuantile(t.waitHistogram, 0.9),
  },
  {
    id: "occupancy",
    label: "Occupancy",
    unit: "fraction",
    definition: "Agent time spent handling contacts / agent time on the floor (after breaks and shrinkage).",
    aggregation: "ratio of sums",
    higherIsBetter: null,
    compute: (t) => ratio(t.group[G.busySec]!, t.group[G.availableSec]!),
  },
  {
    id: "aht",
    label: "Average handle time",
    unit: "seconds",
    definition: "Mean handle time of answered contacts.",
    aggregation: "ratio of sums",
    higherIsBetter: false,
    compute: (t) => ratio(t.queue[Q.handleSumSec]!, t.queue[Q.answered]!),
  },
  {
    id: "fcr",
    label: "First-contact resolution",
    unit: "fraction",
    definition: "Answered contacts whose problem was resolved at that contact / answered contacts.",
    aggregation: "ratio of sums",
    higherIsBetter: true,
    compute: (t) => ratio(t.queue[Q.resolved]!, t.queue[Q.answered]!),
  },
  {
    id: "repeatRate",
    label: "Repeat-contact rate",
    unit: "fraction",
    definition: "Offered contacts that are repeats about a problem not resolved before / contacts offered.",
    aggregation: "ratio of sums",
    higherIsBetter: false,
    compute: (t) => ratio(t.queue[Q.repeatOffered]!, t.queue[Q.offered]!),
  },
  {
    id: "offered",
    label: "Contacts offered",
    unit: "contacts",
    definition: "First contacts, retries after abandoning and repeat contacts that arrived.",
    aggregation: "sum",
    higherIsBetter: null,
    compute: (t) => t.queue[Q.offered]!,
  },
  {
    id: "answered",
    label: "Contacts answered",
    unit: "contacts",
    definition: "Offered contacts an agent answered.",
    aggregation: "sum",
    higherIsBetter: true,
    compute: (t) => t.queue[Q.answered]!,
  },
  {
    id: "abandoned",
    label: "Contacts abandoned",
    unit: "contacts",
    definition: "Offered contacts that hung up while waiting.",
    aggregation: "sum",
    higherIsBetter: false,
    compute: (t) => t.queue[Q.abandoned]!,
  },
  {
    id: "meanQueueLength",
    label: "Mean queue length",
    unit: "contacts",
    definition: "Time-average number of contacts waiting.",
    aggregation: "time average",
    higherIsBetter: false,
    compute: (t) => ratio(t.queue[Q.queueLengthSec]!, t.spanSec),
  },
  {
    id: "scheduledAgents",
    label: "Scheduled agents",
    unit: "agents",
    definition: "Time-average agents on shift and not on a break, before shrinkage.",
    aggregation: "time average",
    higherIsBetter: null,
    compute: (t) => ratio(t.group[G.scheduledSec]!, t.spanSec),
  },
  {
    id: "availableAgents",
    label: "Agents on the floor",
    unit: "agents",
    definition: "Time-average agents available to take contacts, after shrinkage (includes agents finishing a contact into a break).",
    aggregation: "time average",
    higherIsBetter: null,
    compute: (t) => ratio(t.group[G.availableSec]!, t.spanSec),
  },
] as const satisfies readonly KpiDefinition[];

export type KpiId = (typeof KPI_REGISTRY)[number]["id"];

/** KPI values of one set of counter totals, keyed by id; null where undefined. */
export function computeKpis(totals: CounterTotals): Record<KpiId, number | null> {
  const values = {} as Record<KpiId, number | null>;
  for (const kpi of KPI_REGISTRY as readonly KpiDefinition[]) {
    const value = kpi.compute(totals);
    values[kpi.id as KpiId] = value !== null && Number.isFinite(value) ? value : null;
  }
  return values;
}
