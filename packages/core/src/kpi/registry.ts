import { GroupCounter as G, QueueCounter as Q, type CounterTotals } from "../des/result.js";

/** Units a KPI may be expressed in. JSON output always uses these (seconds and fractions; NPS as a score from −100
 * to 100; money in the scenario's currency; customers as a count). */
export type KpiUnit = "fraction" | "seconds" | "contacts" | "agents" | "score" | "money" | "customers";

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
  /** Where the model behind the KPI and its defaults come from (articles, papers or "assumption"), when it has one. */
  source?: string;
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
    definition: "Median wait of answered contacts, from a histogram whose bins are 1 s wide below 3 minutes and 2.5% wide above, with the contacts answered at once (a wait of exactly 0) counted apart: 0 when at least half were answered at once.",
    aggregation: "histogram quantile",
    higherIsBetter: false,
    compute: (t) => t.waitQuantile(0.5),
  },
  {
    id: "waitP90",
    label: "90th percentile wait (answered)",
    unit: "seconds",
    definition: "Wait that 90% of answered contacts did not exceed (same histogram as the median).",
    aggregation: "histogram quantile",
    higherIsBetter: false,
    compute: (t) => t.waitQuantile(0.9),
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
    definition: "Mean handle time of contacts answered by agents (self-service contacts, which take no agent time, are left out).",
    aggregation: "ratio of sums",
    higherIsBetter: false,
    compute: (t) => ratio(t.queue[Q.handleSumSec]!, t.queue[Q.answered]! - t.queue[Q.selfServed]!),
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
    id: "csat",
    label: "Customer satisfaction (CSAT)",
    unit: "fraction",
    definition:
      "Surveyed contacts who were satisfied / contacts surveyed (a share experience.surveyResponseRate of answered contacts, and of abandoned ones, which count as dissatisfied unless experience.abandoned is \"excluded\"). Each contact's probability of being satisfied falls with its wait, the mean resolution time, an unresolved problem and being a repeat, and moves with experience.effects, on the log-odds scale.",
    aggregation: "ratio of sums",
    higherIsBetter: true,
    source: "definition and effect sizes: article 000_84b7cbeb28961648 (−5% per minute of waiting; −10% resolution time → +8%; −5 points of repeats → +6%); the log-odds scale, reference center and survey rate: assumptions",
    compute: (t) => ratio(t.queue[Q.surveyedSatisfied]!, t.queue[Q.surveyed]!),
  },
  {
    id: "csatExpected",
    label: "Expected satisfaction (model)",
    unit: "fraction",
    definition: "Mean probability of being satisfied over the contacts CSAT counts, surveyed or not: what CSAT estimates, without the survey's sampling noise.",
    aggregation: "ratio of sums",
    higherIsBetter: true,
    source: "as csat",
    compute: (t) => ratio(t.queue[Q.satisfiedExpected]!, t.queue[Q.satisfactionEvaluated]!),
  },
  {
    id: "nps",
    label: "Net promoter score",
    unit: "score",
    definition:
      "100 × (promoters − detractors) / customers, over customer journeys that ended (resolved, or not coming back within the span), from the satisfaction of each journey's last contact: satisfied and dissatisfied customers have their own promoter and detractor shares (experience.loyalty).",
    aggregation: "ratio of sums",
    higherIsBetter: true,
    source: "NPS as promoters % − detractors %: article 004_49af8e83df4febe5; the shares per class: assumption",
    compute: (t) => {
      const journeys = t.queue[Q.journeysEnded]!;
      return journeys > 0 ? (100 * (t.queue[Q.promotersExpected]! - t.queue[Q.detractorsExpected]!)) / journeys : null;
    },
  },
  {
    id: "churnRate",
    label: "Churn rate",
    unit: "fraction",
    definition:
      "Expected customers lost over the financial horizon / customers whose journey ended (resolved, or not coming back within the span): satisfied and dissatisfied customers leave at their own rates (experience.loyalty), applied to the satisfaction of each journey's last contact.",
    aggregation: "ratio of sums",
    higherIsBetter: false,
    source: "satisfaction drives retention: article 004_49af8e83df4febe5; the rates: assumption",
    compute: (t) => ratio(t.queue[Q.customersLostExpected]!, t.queue[Q.journeysEnded]!),
  },
  {
    id: "customersLost",
    label: "Customers lost (expected)",
    unit: "customers",
    definition: "Expected customers lost over the financial horizon among the journeys that ended: churnRate × journeys.",
    aggregation: "sum",
    higherIsBetter: false,
    source: "as churnRate",
    compute: (t) => t.queue[Q.customersLostExpected]!,
  },
  {
    id: "complaints",
    label: "Complaints (expected)",
    unit: "contacts",
    definition:
      "Expected complaints: over answered and abandoned contacts, (1 − probability of being satisfied) × the complaint propensity of a dissatisfied customer, which rises with the contact's resolution time (abandoned contacts: the propensity at the reference).",
    aggregation: "sum",
    higherIsBetter: false,
    source: "assumption (propensity 4% after the often-quoted TARP finding that about 1 in 25 dissatisfied customers complains; elasticity in the resolution time 0.1)",
    compute: (t) => t.queue[Q.complaintsExpected]!,
  },
  {
    id: "complaintRate",
    label: "Complaint rate",
    unit: "fraction",
    definition: "Expected complaints / contacts offered.",
    aggregation: "ratio of sums",
    higherIsBetter: false,
    source: "as complaints",
    compute: (t) => ratio(t.queue[Q.complaintsExpected]!, t.queue[Q.offered]!),
  },
  {
    id: "resolutionTime",
    label: "Resolution time",
    unit: "seconds",
    definition:
      "Mean over problems resolved of the time from the customer's first contact about it to its resolution: the end of the resolving conversation plus the resolution time beyond it (resolution.resolutionTime; 0 when the scenario gives none). Repeats and retries lengthen it.",
    aggregation: "ratio of sums",
    higherIsBetter: false,
    source: "definition: article 000_84b7cbeb28961648",
    compute: (t) => ratio(t.queue[Q.resolutionTimeSumSec]!, t.queue[Q.resolved]!),
  },
  {
    id: "onlineShare",
    label: "Online substitution rate",
    unit: "fraction",
    definition: "Contacts served online (answered on chat, email or self-service queues) / contacts offered on every channel.",
    aggregation: "ratio of sums",
    higherIsBetter: null,
    source: "definition: article 004_49af8e83df4febe5 (online requests / all requests)",
    compute: (t) => ratio(t.queue[Q.answeredOnline]!, t.queue[Q.offered]!),
  },
  {
    id: "costPerContact",
    label: "Agent cost per contact",
    unit: "money",
    definition:
      "Loaded wage (money.wagePerHour) × scheduled agent hours (breaks excluded, shrinkage included) / contacts answered, self-service included; per queue, each group's hours are shared among its queues by the handle time it gave them. Undefined without a wage.",
    aggregation: "ratio of sums",
    higherIsBetter: false,
    source: "cost-benefit view of article 004_49af8e83df4febe5",
    compute: (t) => (t.wagePerHour === undefined ? null : ratio((t.wagePerHour * t.queue[Q.agentSec]!) / 3600, t.queue[Q.answered]!)),
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
    id: "journeysAnswered",
    label: "Problems answered by an agent",
    unit: "contacts",
    definition:
      "Customer problems an agent took up: contacts answered by an agent (self-service excluded) that are not repeat contacts about a problem answered before, estimated as agent-answered contacts × (1 − repeat-contact rate) since the engine does not count answered repeats apart. Sales through service count per problem, not per call.",
    aggregation: "sum",
    higherIsBetter: true,
    compute: (t) => {
      const offered = t.queue[Q.offered]!;
      const agentAnswered = t.queue[Q.answered]! - t.queue[Q.selfServed]!;
      return offered > 0 ? agentAnswered * (1 - t.queue[Q.repeatOffered]! / offered) : 0;
    },
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
