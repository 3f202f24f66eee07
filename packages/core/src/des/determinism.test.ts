import { describe, expect, it } from "vitest";
import { QueueCounter as Q } from "./result.js";
import { createSimulator, simulateReplication } from "./simulate.js";
import { stationaryPlan } from "./stationaryPlan.js";
import { exponential, queueCounter, testPlan } from "./testing/testPlan.js";

const busyDay = () =>
  testPlan({
    intervalCount: 48,
    queues: [
      {
        perHour: Array.from({ length: 48 }, (_, i) => (i >= 14 && i < 40 ? 150 + 5 * (i - 14) : 10)),
        patience: exponential(200),
        fcr: 0.75,
        repeatDelay: exponential(1800),
        retryProbability: 0.5,
        retryDelay: exponential(300),
        dailyVolumeCv: 0.1,
      },
    ],
    groups: [{ agents: [[0, 2], [7 * 3600, 12], [12 * 3600, 9], [13 * 3600, 12], [20 * 3600, 2]], shrinkage: 0.15 }],
  });

describe("determinism", () => {
  it("the same plan and replication give identical arrays, bit for bit, fresh or on a reused simulator", () => {
    const plan = busyDay();
    const simulator = createSimulator(plan);
    const a = simulator.run(3);
    simulator.run(4); // grows and dirties the reused buffers
    const b = simulator.run(3);
    const c = simulateReplication(plan, 3);
    for (const other of [b, c]) {
      expect(other.queueCounters).toEqual(a.queueCounters);
      expect(other.groupCounters).toEqual(a.groupCounters);
      expect(other.waitHistogram).toEqual(a.waitHistogram);
      expect(other.eventCount).toBe(a.eventCount);
    }
    expect(b.queueCounters).not.toBe(a.queueCounters); // fresh arrays each run
  });

  it("different replications differ", () => {
    const plan = busyDay();
    const a = simulateReplication(plan, 0);
    const b = simulateReplication(plan, 1);
    expect(b.queueCounters).not.toEqual(a.queueCounters);
    expect(simulateReplication({ ...plan, seed: 2 }, 0).queueCounters).not.toEqual(a.queueCounters);
  });
});

describe("common random numbers", () => {
  it("a plan with one more agent sees the same arrivals in every interval", () => {
    const plan = stationaryPlan({ arrivalsPerHour: 200, ahtSec: 180, agents: 12, patienceSec: 300, hours: 24 });
    const more = stationaryPlan({ arrivalsPerHour: 200, ahtSec: 180, agents: 13, patienceSec: 300, hours: 24 });
    const a = simulateReplication(plan, 5);
    const b = simulateReplication(more, 5);
    for (let i = 0; i < plan.intervalCount; i++) expect(queueCounter(b, i, 0, Q.offered)).toBe(queueCounter(a, i, 0, Q.offered));
    expect(b.queueCounters).not.toEqual(a.queueCounters); // …but waits less
  });

  it("a handle time 10% shorter turns the same contacts into 10% shorter handle times", () => {
    const base = stationaryPlan({ arrivalsPerHour: 100, ahtSec: 180, agents: 8, hours: 24 });
    const faster = stationaryPlan({ arrivalsPerHour: 100, ahtSec: 162, agents: 8, hours: 24 });
    const a = simulateReplication(base, 2);
    const b = simulateReplication(faster, 2);
    for (let i = 0; i < base.intervalCount; i++) {
      expect(queueCounter(b, i, 0, Q.answered)).toBe(queueCounter(a, i, 0, Q.answered));
      expect(queueCounter(b, i, 0, Q.handleSumSec)).toBeCloseTo(0.9 * queueCounter(a, i, 0, Q.handleSumSec), 6);
    }
  });

  it("thinning keeps the same customers where the forecasts agree", () => {
    const rates = Array.from({ length: 12 }, () => 300);
    const lower = rates.map((rate, i) => (i % 3 === 1 ? rate / 2 : rate));
    const plan = (perHour: number[]) =>
      testPlan({ intervalCount: 12, queues: [{ perHour, candidateRatePerSec: 300 / 3600 }], groups: [{ agents: 40 }] });
    const a = simulateReplication(plan(rates), 1);
    const b = simulateReplication(plan(lower), 1);
    for (let i = 0; i < 12; i++) {
      if (i % 3 === 1) {
        expect(queueCounter(b, i, 0, Q.offered)).toBeLessThan(queueCounter(a, i, 0, Q.offered));
      } else {
        expect(queueCounter(b, i, 0, Q.offered)).toBe(queueCounter(a, i, 0, Q.offered));
        // The same customers with the same handle times: rejected candidates consumed their draws too.
        expect(queueCounter(b, i, 0, Q.handleSumSec)).toBe(queueCounter(a, i, 0, Q.handleSumSec));
      }
    }
  });
});

describe("progress", () => {
  it("reports the fraction of the span done, rarely, ending at 1", () => {
    const plan = stationaryPlan({ arrivalsPerHour: 600, ahtSec: 180, agents: 40, hours: 200 });
    const fractions: number[] = [];
    const result = simulateReplication(plan, 0, { onProgress: (fraction) => fractions.push(fraction) });
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.length).toBeLessThanOrEqual(Math.ceil(result.eventCount / 65_536) + 1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(fractions[0]!).toBeGreaterThan(0);
    expect(fractions.at(-1)).toBe(1);
  });
});
