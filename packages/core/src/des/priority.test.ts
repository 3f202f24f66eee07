import { describe, expect, it } from "vitest";
import { erlangC } from "../queueing/erlangC.js";
import { QueueCounter as Q, QUEUE_COUNTER_COUNT, sumCounters, type CounterTotals } from "./result.js";
import { createSimulator } from "./simulate.js";
import { stationaryPlan } from "./stationaryPlan.js";
import { describe as explain, meanInterval } from "./testing/replicationStats.js";
import { COMPARISON_ALPHA } from "./testing/validationFamily.js";

/*
 * A priority class with a head start h: its contacts wait in their own FIFO line and are served as if they had
 * arrived h seconds earlier. h = 0 is FCFS; h → ∞ is non-preemptive priority; and since the order of service never
 * looks at handle times, the work-conserving M/M/n keeps the FCFS mean wait over all contacts whatever h (the
 * conservation law: Kleinrock, Queueing Systems vol. 2, section 3.4).
 */
const AGENTS = 5;
const AHT_SEC = 180;
const PER_HOUR = 80; // offered load 4 erlangs: 80% occupancy
const SHARE = 0.3;
const HOURS = 300;
const WARMUP_HOURS = 2;
const REPLICATIONS = 16;

function plan(headStartSec: number | null, patienceSec?: number) {
  return stationaryPlan({
    arrivalsPerHour: PER_HOUR,
    ahtSec: AHT_SEC,
    agents: AGENTS,
    hours: HOURS,
    warmupHours: WARMUP_HOURS,
    intervalMinutes: 60,
    seed: 424242,
    ...(patienceSec !== undefined && { patienceSec }),
    ...(headStartSec !== null && { priority: { share: SHARE, headStartSec } }),
  });
}

/** Per replication: the totals over the counted span. */
function totals(headStartSec: number | null): CounterTotals[] {
  const p = plan(headStartSec);
  const simulator = createSimulator(p);
  const first = Math.ceil(p.warmupSec / p.intervalSec);
  return Array.from({ length: REPLICATIONS }, (_, k) => sumCounters(simulator.run(k), { from: first, to: p.intervalCount }));
}

const meanWait = (t: CounterTotals) => t.queue[Q.waitAnsweredSumSec]! / t.queue[Q.answered]!;
const priorityWait = (t: CounterTotals) => t.queue[Q.priorityWaitAnsweredSumSec]! / t.queue[Q.priorityAnswered]!;
const standardWait = (t: CounterTotals) =>
  (t.queue[Q.waitAnsweredSumSec]! - t.queue[Q.priorityWaitAnsweredSumSec]!) / (t.queue[Q.answered]! - t.queue[Q.priorityAnswered]!);

const fcfs = erlangC({ arrivalRatePerSec: PER_HOUR / 3600, ahtSec: AHT_SEC, agents: AGENTS });
// Non-preemptive priority in M/M/n with one service rate (Cobham 1954; Gross et al., Fundamentals of Queueing
// Theory, section 3.4): W_k = C / (nμ (1 − σ_{k−1})(1 − σ_k)), σ_k the load of classes 1…k over n.
const serviceRate = AGENTS / AHT_SEC;
const sigmaPriority = (SHARE * PER_HOUR * AHT_SEC) / 3600 / AGENTS;
const sigmaAll = (PER_HOUR * AHT_SEC) / 3600 / AGENTS;
const strictPriorityWait = fcfs.probWait! / (serviceRate * (1 - sigmaPriority));
const strictStandardWait = fcfs.probWait! / (serviceRate * (1 - sigmaPriority) * (1 - sigmaAll));

describe("a priority class with a head start", () => {
  const byHeadStart = new Map([0, 30, 120, Infinity].map((h) => [h, totals(h)] as const));

  it("with a head start of 0 serves in arrival order: every counter as without the class, abandonment too", () => {
    for (const patienceSec of [undefined, 200]) {
      const without = createSimulator(plan(null, patienceSec)).run(3);
      const withClass = createSimulator(plan(0, patienceSec)).run(3);
      // The queue length integrates two lines instead of one: equal up to rounding.
      const apart: number[] = [Q.priorityOffered, Q.priorityAnswered, Q.priorityAnsweredWithinTarget, Q.priorityWaitAnsweredSumSec, Q.priorityAbandoned, Q.queueLengthSec];
      const strip = (counters: Float64Array) => counters.filter((_, i) => !apart.includes(i % QUEUE_COUNTER_COUNT));
      expect(strip(withClass.queueCounters)).toEqual(strip(without.queueCounters));
      const queueLength = (counters: Float64Array) => counters.filter((_, i) => i % QUEUE_COUNTER_COUNT === Q.queueLengthSec);
      const withLengths = queueLength(withClass.queueCounters);
      queueLength(without.queueCounters).forEach((area, i) => expect(withLengths[i]).toBeCloseTo(area, 6));
      expect(withClass.waitHistogram).toEqual(without.waitHistogram);
      // About 30% of the contacts are of the class, and they are counted apart.
      const all = sumCounters(withClass, { from: 0, to: withClass.intervalCount }).queue;
      expect(all[Q.priorityOffered]! / all[Q.offered]!).toBeCloseTo(SHARE, 1);
      if (patienceSec) expect(all[Q.priorityAbandoned]).toBeGreaterThan(0);
    }
  });

  it("keeps the FCFS mean wait over all contacts whatever the head start (the conservation law, Erlang C)", () => {
    for (const h of [120, Infinity]) {
      const interval = meanInterval(byHeadStart.get(h)!.map(meanWait), COMPARISON_ALPHA);
      expect(Math.abs(interval.mean - fcfs.asa!), explain(`mean wait, head start ${h} s`, fcfs.asa!, interval)).toBeLessThanOrEqual(interval.halfWidth);
    }
  });

  it("approaches non-preemptive priority as the head start grows (Cobham's waits per class)", () => {
    const means = [0, 30, 120, Infinity].map((h) => {
      const runs = byHeadStart.get(h)!;
      return [runs.reduce((s, t) => s + priorityWait(t), 0) / REPLICATIONS, runs.reduce((s, t) => s + standardWait(t), 0) / REPLICATIONS];
    });
    // The same customers on every head start (common random numbers): the class waits less, the rest more, each step.
    for (let i = 1; i < means.length; i++) {
      expect(means[i]![0]).toBeLessThan(means[i - 1]![0]!);
      expect(means[i]![1]).toBeGreaterThan(means[i - 1]![1]!);
    }
    const strict = byHeadStart.get(Infinity)!;
    const priority = meanInterval(strict.map(priorityWait), COMPARISON_ALPHA);
    const standard = meanInterval(strict.map(standardWait), COMPARISON_ALPHA);
    expect(Math.abs(priority.mean - strictPriorityWait), explain("priority wait", strictPriorityWait, priority)).toBeLessThanOrEqual(priority.halfWidth);
    expect(Math.abs(standard.mean - strictStandardWait), explain("standard wait", strictStandardWait, standard)).toBeLessThanOrEqual(standard.halfWidth);
  });

  it("gives the class its own patience when it has one: a class that never hangs up never abandons", () => {
    const base = plan(60, 120);
    const queue = base.queues[0]!;
    const patientClass = { ...base, queues: [{ ...queue, priority: { ...queue.priority!, patience: null } }] };
    const totals = sumCounters(createSimulator(patientClass).run(0), { from: 0, to: base.intervalCount }).queue;
    expect(totals[Q.priorityAbandoned]).toBe(0);
    expect(totals[Q.abandoned]).toBeGreaterThan(0);
    const sameAsQueue = sumCounters(createSimulator(base).run(0), { from: 0, to: base.intervalCount }).queue;
    expect(sameAsQueue[Q.priorityAbandoned]).toBeGreaterThan(0);
  });
});
