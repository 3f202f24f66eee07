import { describe, expect, it } from "vitest";
import { QueueCounter as Q, sumCounters } from "./result.js";
import { createSimulator, simulateReplication } from "./simulate.js";
import { describe as explain, meanInterval } from "./testing/replicationStats.js";
import { COMPARISON_ALPHA } from "./testing/validationFamily.js";
import { exponential, testPlan } from "./testing/testPlan.js";

const REPLICATIONS = 24;

/** Totals over each replication's whole span. */
function totals(plan: ReturnType<typeof testPlan>) {
  const simulator = createSimulator(plan);
  return Array.from({ length: REPLICATIONS }, (_, k) => {
    const result = simulator.run(k);
    return sumCounters(result, { from: 0, to: result.intervalCount }).queue;
  });
}

function expectMean(label: string, values: number[], expected: number) {
  const interval = meanInterval(values, COMPARISON_ALPHA);
  expect(Math.abs(interval.mean - expected), explain(label, expected, interval)).toBeLessThanOrEqual(interval.halfWidth);
}

describe("repeat contacts and retries", () => {
  it("an FCR of f makes 1 − f of offered contacts repeats (every contact answered)", () => {
    // Each first contact brings a geometric number of repeats: 1/f contacts in all, of which 1 − f repeats.
    // Repeats come back after ~10 minutes in a 10-day span, so those cut off by the end are a negligible share.
    const fcr = 0.7;
    const plan = testPlan({
      intervalCount: 480,
      queues: [{ perHour: 60, fcr, repeatDelay: exponential(600) }],
      groups: [{ agents: 8 }],
    });
    const queue = totals(plan);
    for (const t of queue) {
      expect(t[Q.answered]).toBe(t[Q.offered]);
      expect(t[Q.resolved]).toBeLessThan(t[Q.answered]!);
    }
    expectMean("repeat rate", queue.map((t) => t[Q.repeatOffered]! / t[Q.offered]!), 1 - fcr);
    expectMean("FCR", queue.map((t) => t[Q.resolved]! / t[Q.answered]!), fcr);
  }, 20_000);

  it("with every agent absent, every contact abandons and a share r of offered contacts are retries", () => {
    // A first contact gives 1/(1 − r) contacts in all (geometric retries), r/(1 − r) of them retries. The agents
    // are scheduled (the line is open, so retries come back at once) but all absent (shrinkage 1).
    const retryProbability = 0.4;
    const plan = testPlan({
      intervalCount: 480,
      queues: [{ perHour: 60, patience: exponential(60), retryProbability, retryDelay: exponential(120) }],
      groups: [{ agents: 3, shrinkage: 1 }],
    });
    const queue = totals(plan);
    for (const t of queue) expect(t[Q.abandoned]).toBe(t[Q.offered]);
    expectMean("retry share", queue.map((t) => t[Q.retryOffered]! / t[Q.offered]!), retryProbability);
  }, 20_000);

  it("retries and repeats that would come back after the end are not generated", () => {
    const plan = testPlan({
      intervalCount: 4,
      queues: [{ perHour: 100, fcr: 0, repeatDelay: exponential(1e9), patience: exponential(10), retryProbability: 1, retryDelay: exponential(1e9) }],
      groups: [{ agents: 1 }],
    });
    const result = simulateReplication(plan, 0);
    const queue = sumCounters(result, { from: 0, to: 4 }).queue;
    expect(queue[Q.repeatOffered]! + queue[Q.retryOffered]!).toBe(0);
    expect(queue[Q.answered]! + queue[Q.abandoned]!).toBe(queue[Q.offered]);
  });

  it("contacts that return at once forever are refused past maxArrivals, not run forever", () => {
    const plan = testPlan({
      intervalCount: 1,
      queues: [{ perHour: 10, fcr: 0, repeatDelay: () => 0, handle: () => 0 }],
      groups: [{ agents: 1 }],
    });
    expect(() => simulateReplication(plan, 0, { maxArrivals: 10_000 })).toThrow(/too many arrivals/);
  });
});
