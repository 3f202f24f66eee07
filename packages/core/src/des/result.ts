import { histogramQuantile, WAIT_BIN_COUNT } from "./waitHistogram.js";

/**
 * Counters one replication accumulates per interval and queue. A contact is counted in the interval in
 * which it arrived (as an ACD report does); time-based counters (queue length) in the interval the time
 * falls in. All times in seconds.
 */
export const QueueCounter = {
  /** Contacts offered: first contacts, retries after abandoning, and repeat contacts. */
  offered: 0,
  answered: 1,
  answeredWithinTarget: 2,
  abandoned: 3,
  /** Abandoned with a wait ≤ the target: met under the "wait-or-abandon within t" convention. */
  abandonedWithinTarget: 4,
  /** Contacts that found no free agent on arrival (waited > 0 or abandoned). */
  delayed: 5,
  waitAnsweredSumSec: 6,
  /** Time abandoners spent waiting before hanging up. */
  waitAbandonedSumSec: 7,
  /** Handle time of answered contacts (known when service starts). */
  handleSumSec: 8,
  /** Answered contacts resolved at that contact. */
  resolved: 9,
  /** Offered contacts that are repeat contacts about an unresolved problem. */
  repeatOffered: 10,
  /** Offered contacts that are retries after an abandonment. */
  retryOffered: 11,
  /** Contacts still waiting or in service when the simulation stopped (neither answered nor abandoned). */
  unfinished: 12,
  /** Time integral of the number waiting over the interval (contact-seconds). */
  queueLengthSec: 13,
  // Customer experience (experience/ and des/simulate.ts); satisfaction is a probability per contact.
  /** Contacts whose satisfaction counts in CSAT: answered ones, and abandoned ones unless the scenario excludes them. */
  satisfactionEvaluated: 14,
  /** Sum of those contacts' probabilities of being satisfied (the expected number satisfied). */
  satisfiedExpected: 15,
  /** Of those, contacts that answered the survey. */
  surveyed: 16,
  /** Surveyed contacts that said they were satisfied. */
  surveyedSatisfied: 17,
  /** Expected complaints: Σ (1 − satisfaction) × complaint propensity over answered and abandoned contacts. */
  complaintsExpected: 18,
  /** Σ over problems resolved (answered contacts counted in `resolved`) of the time from the customer's first contact
   * about the problem to its resolution: end of the resolving conversation plus the resolution time beyond it. */
  resolutionTimeSumSec: 19,
  /** Customer journeys that ended: a problem resolved, or a customer who abandoned or was left unresolved and did
   * not come back within the span. Counted in the interval of the journey's last contact. */
  journeysEnded: 20,
  /** Σ satisfaction of the contacts that ended those journeys (0 for an abandonment). */
  journeySatisfiedExpected: 21,
  /** Expected promoters, detractors and customers lost among those journeys (from `journeySatisfiedExpected` by the
   * loyalty model, which is linear in satisfaction; filled at the end of the run). */
  promotersExpected: 22,
  detractorsExpected: 23,
  customersLostExpected: 24,
  /** Answered contacts of online channels (chat, email, self-service); filled at the end of the run. */
  answeredOnline: 25,
  /** Answered contacts of self-service queues (served at once, no agent); filled at the end of the run. */
  selfServed: 26,
  /** Scheduled agent-seconds of the interval (before shrinkage, breaks excluded) of the groups serving this queue,
   * shared among the queues each group serves in proportion to the handle time it started for them in the
   * interval (evenly when it started none). Counted in the interval the time falls in. */
  agentSec: 27,
  /** Of the offered, answered and abandoned contacts above, those of the queue's priority class (PlanQueue.priority),
   * with their answered-within-target count and summed answered waits; 0 without a priority class. */
  priorityOffered: 28,
  priorityAnswered: 29,
  priorityAnsweredWithinTarget: 30,
  priorityWaitAnsweredSumSec: 31,
  priorityAbandoned: 32,
} as const;
export const QUEUE_COUNTER_COUNT = 33;

/** Counters per interval and agent group, in agent-seconds. */
export const GroupCounter = {
  /** Agents on shift and not on a break, before shrinkage. */
  scheduledSec: 0,
  /** Agents on the floor (after shrinkage), including those finishing a contact past a break or shift end. */
  availableSec: 1,
  busySec: 2,
} as const;
export const GROUP_COUNTER_COUNT = 3;

/**
 * What one replication returns: flat typed arrays, no per-contact data, cheap to send between workers.
 * Layouts: `queueCounters[(interval * queueCount + queue) * QUEUE_COUNTER_COUNT + counter]`,
 * `groupCounters[(interval * groupCount + group) * GROUP_COUNTER_COUNT + counter]`,
 * `waitHistogram[interval * WAIT_BIN_COUNT + bin]` (waits of the contacts of every queue answered, by the interval they
 * arrived in) and, with several queues, `queueWaitHistogram[queue * WAIT_BIN_COUNT + bin]` (each queue's over the
 * counted span; empty for one queue, whose waits are the interval rows): the wait quantiles the KPIs report, for the
 * span, a day, an interval or a queue, without a histogram per interval and queue (which, at 539 bins, would take
 * 1.9 GB for 50 queues × 92 days of 15 minutes). One count per answered contact counted: an interval's row adds up to
 * the `answered` counters of its queues, a queue's row to that queue's, which `kpiVector` relies on.
 */
export interface ReplicationResult {
  replication: number;
  intervalCount: number;
  intervalSec: number;
  queueCount: number;
  groupCount: number;
  queueCounters: Float64Array;
  groupCounters: Float64Array;
  waitHistogram: Float64Array;
  queueWaitHistogram: Float64Array;
  /** Events processed: arrival, service start, departure and abandonment each count one (for benchmarks). */
  eventCount: number;
  /** The plan's loaded wage per scheduled agent-hour, when it has one (for cost per contact). */
  wagePerHour?: number;
}

/** Counters summed over a range of intervals (and all or one queue): the input of every KPI formula. */
export interface CounterTotals {
  queue: Float64Array;
  group: Float64Array;
  /** The p-quantile (0 < p < 1) of the answered contacts' waits, seconds (`histogramQuantile` of the range's summed
   * wait histogram); null when nothing was answered. */
  waitQuantile(p: number): number | null;
  /** Length of the summed span in seconds (for time averages such as mean queue length). */
  spanSec: number;
  /** Loaded wage per scheduled agent-hour, when the plan has one (cost per contact is undefined without it). */
  wagePerHour?: number;
}

/** Sums the counters of intervals [from, to) for one queue (or all when `queue` is undefined). Agent-group
 * counters are summed over the groups serving that queue (all groups when `queue` is undefined). The waits of one
 * queue of several are kept over the counted span only: with `queue`, the range must reach the span's end and no
 * counted wait may lie before it (as for the counted span, which starts after the warm-up); throws otherwise. The
 * summed wait histogram comes along (`waitHistogram`). */
export function sumCounters(
  result: ReplicationResult,
  range: { from: number; to: number; queue?: number; groupsServingQueue?: ArrayLike<number> },
): CounterTotals & { waitHistogram: Float64Array } {
  const { queueCount, groupCount } = result;
  const queue = new Float64Array(QUEUE_COUNTER_COUNT);
  const group = new Float64Array(GROUP_COUNTER_COUNT);
  const waitHistogram = new Float64Array(WAIT_BIN_COUNT);
  const oneQueueOfSeveral = range.queue !== undefined && queueCount > 1;
  if (oneQueueOfSeveral) {
    let before = 0;
    for (let i = 0; i < range.from * WAIT_BIN_COUNT; i++) before += result.waitHistogram[i]!;
    if (range.to !== result.intervalCount || before > 0) {
      throw new Error(`the waits of queue ${range.queue} are kept over the counted span only; expected intervals up to ${result.intervalCount} with no counted wait before ${range.from}`);
    }
    const histBase = range.queue! * WAIT_BIN_COUNT;
    for (let bin = 0; bin < WAIT_BIN_COUNT; bin++) waitHistogram[bin] = result.queueWaitHistogram[histBase + bin]!;
  }
  for (let interval = range.from; interval < range.to; interval++) {
    for (let q = 0; q < queueCount; q++) {
      if (range.queue !== undefined && q !== range.queue) continue;
      const base = (interval * queueCount + q) * QUEUE_COUNTER_COUNT;
      for (let c = 0; c < QUEUE_COUNTER_COUNT; c++) queue[c]! += result.queueCounters[base + c]!;
    }
    if (!oneQueueOfSeveral) {
      const histBase = interval * WAIT_BIN_COUNT;
      for (let bin = 0; bin < WAIT_BIN_COUNT; bin++) waitHistogram[bin]! += result.waitHistogram[histBase + bin]!;
    }
    for (let g = 0; g < groupCount; g++) {
      if (range.groupsServingQueue && !Array.prototype.includes.call(range.groupsServingQueue, g)) continue;
      const base = (interval * groupCount + g) * GROUP_COUNTER_COUNT;
      for (let c = 0; c < GROUP_COUNTER_COUNT; c++) group[c]! += result.groupCounters[base + c]!;
    }
  }
  const totals: CounterTotals & { waitHistogram: Float64Array } = {
    queue,
    group,
    waitHistogram,
    waitQuantile: (p) => histogramQuantile(waitHistogram, p),
    spanSec: (range.to - range.from) * result.intervalSec,
  };
  if (result.wagePerHour !== undefined) totals.wagePerHour = result.wagePerHour;
  return totals;
}

/**
 * Bytes of one replication's result arrays for a plan of this shape: what the engine fills while it runs one
 * replication (queue and group counters per interval, the wait histograms per interval and per queue). With the
 * KPI vector computed from them, the bulk of what a worker holds; sizes thread pools (`--workers`' default).
 */
export function replicationResultBytes(shape: { intervalCount: number; queueCount: number; groupCount: number }): number {
  const { intervalCount, queueCount, groupCount } = shape;
  const values =
    intervalCount * (queueCount * QUEUE_COUNTER_COUNT + groupCount * GROUP_COUNTER_COUNT + WAIT_BIN_COUNT) + (queueCount > 1 ? queueCount * WAIT_BIN_COUNT : 0);
  return values * Float64Array.BYTES_PER_ELEMENT;
}
