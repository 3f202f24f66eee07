import { describe, expect, it } from "vitest";
import { GroupCounter as G, QueueCounter as Q, sumCounters } from "./result.js";
import { createSimulator } from "./simulate.js";
import { meanInterval } from "./testing/replicationStats.js";
import { COMPARISON_ALPHA } from "./testing/validationFamily.js";
import { exponential, testPlan } from "./testing/testPlan.js";

describe("routing across queues and groups", () => {
  it("a group serves its queues in priority order: the high-priority queue waits less", () => {
    // Two equal queues at 92% occupancy in all, one group serving queue 0 first.
    const plan = testPlan({
      intervalCount: 96,
      queues: [{ perHour: 110 }, { perHour: 110 }],
      groups: [{ agents: 11, serves: [0, 1] }],
    });
    const simulator = createSimulator(plan);
    const differences: number[] = [];
    for (let k = 0; k < 24; k++) {
      const result = simulator.run(k);
      const high = sumCounters(result, { from: 0, to: 96, queue: 0 }).queue;
      const low = sumCounters(result, { from: 0, to: 96, queue: 1 }).queue;
      expect(high[Q.answered]).toBe(high[Q.offered]);
      differences.push(low[Q.waitAnsweredSumSec]! / low[Q.answered]! - high[Q.waitAnsweredSumSec]! / high[Q.answered]!);
    }
    const interval = meanInterval(differences, COMPARISON_ALPHA);
    expect(interval.mean - interval.halfWidth).toBeGreaterThan(0);
  });

  it("a group that serves only one queue never takes the other's contacts; priority lists may differ by group", () => {
    const plan = testPlan({
      intervalCount: 48,
      queues: [{ perHour: 60 }, { perHour: 60, patience: exponential(120) }],
      groups: [
        { agents: 3, serves: [0] },
        { agents: 3, serves: [1, 0] },
      ],
    });
    const result = createSimulator(plan).run(0);
    const queue1 = sumCounters(result, { from: 0, to: 48, queue: 1 }).queue;
    const group0 = sumCounters(result, { from: 0, to: 48, groupsServingQueue: [0] }).group;
    // Group 0 is busy only with queue 0's contacts: at most queue 0's handle time.
    const queue0 = sumCounters(result, { from: 0, to: 48, queue: 0 }).queue;
    expect(group0[G.busySec]).toBeLessThanOrEqual(queue0[Q.handleSumSec]! + 1e-6);
    expect(queue1[Q.answered]! + queue1[Q.abandoned]!).toBe(queue1[Q.offered]);
  });

  it("an arriving contact goes to the first group in plan order with an idle agent", () => {
    // Light load: group 0 takes nearly everything, group 1 only what finds group 0 full.
    const plan = testPlan({
      intervalCount: 48,
      queues: [{ perHour: 40 }],
      groups: [
        { agents: 4, serves: [0] },
        { agents: 4, serves: [0] },
      ],
    });
    const result = createSimulator(plan).run(0);
    const busy0 = sumCounters(result, { from: 0, to: 48, groupsServingQueue: [0] }).group[G.busySec]!;
    const busy1 = sumCounters(result, { from: 0, to: 48, groupsServingQueue: [1] }).group[G.busySec]!;
    expect(busy0).toBeGreaterThan(5 * busy1);
  });
});
