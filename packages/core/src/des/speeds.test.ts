import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GroupCounter as G, QueueCounter as Q, sumCounters } from "./result.js";
import { createSimulator, simulateReplication } from "./simulate.js";
import { planForCase, replicationTotals, type ErlangCase } from "./testing/erlangCases.js";
import { describe as describeInterval, meanInterval } from "./testing/replicationStats.js";
import { exponential, groupCounter, testPlan } from "./testing/testPlan.js";
import { COMPARISON_ALPHA } from "./testing/validationFamily.js";

const fixture = JSON.parse(readFileSync(new URL("../../../../test/fixtures/erlang-cases.json", import.meta.url), "utf8")) as { cases: ErlangCase[] };

describe("agents of several speeds", () => {
  it("a group of half-speed agents (handle multiplier 2) is Erlang C with the doubled handle time (S-EC-01)", () => {
    // S-EC-01: 200 calls an hour, AHT 180 s, 14 agents. Here the contacts' own handle time is 90 s and every
    // agent takes twice as long over each: the same M/M/14 as the case.
    const erlangCase = fixture.cases.find((c) => c.id === "S-EC-01")!;
    const halved = { ...erlangCase, inputs: { ...erlangCase.inputs, aht_seconds: erlangCase.inputs.aht_seconds / 2 } };
    const plan = planForCase(halved, { hours: 200, warmupHours: 2 });
    plan.groups[0]!.handleMultiplier = 2;
    const totals = replicationTotals(plan, 20);
    const expected = erlangCase.expected;
    const kpis: [string, number, (t: (typeof totals)[number]) => number][] = [
      ["probWait", expected.prob_wait!, (t) => t.queue[Q.delayed]! / t.queue[Q.offered]!],
      ["asa", expected.asa_seconds!, (t) => t.queue[Q.waitAnsweredSumSec]! / t.queue[Q.answered]!],
      ["serviceLevel", expected.service_level!, (t) => t.queue[Q.answeredWithinTarget]! / t.queue[Q.offered]!],
    ];
    for (const [label, value, metric] of kpis) {
      const interval = meanInterval(totals.map(metric), COMPARISON_ALPHA);
      expect(Math.abs(interval.mean - value), describeInterval(`half speed ${label}`, value, interval)).toBeLessThanOrEqual(interval.halfWidth);
    }
    // The handle time counted is the agents' (180 s on average), not the contacts' draw.
    const aht = meanInterval(totals.map((t) => t.queue[Q.handleSumSec]! / t.queue[Q.answered]!), COMPARISON_ALPHA);
    expect(Math.abs(aht.mean - 180)).toBeLessThanOrEqual(aht.halfWidth);
  }, 30_000);

  it("mixed speeds conserve work: busy agent-seconds equal the handle time served, each contact at its agent's speed", () => {
    // 10 full-speed and 5 half-speed agents; arrivals stop after 6 of 8 hours so that every contact ends in the span.
    const perHour = [...Array(12).fill(240), 0, 0, 0, 0];
    const mixed = testPlan({
      intervalCount: 16,
      queues: [{ perHour, handle: exponential(150) }],
      groups: [{ agents: 10 }, { agents: 5, handleMultiplier: 2 }],
    });
    const allFull = testPlan({ intervalCount: 16, queues: [{ perHour, handle: exponential(150) }], groups: [{ agents: 10 }, { agents: 5 }] });
    const simulator = createSimulator(mixed);
    for (let k = 0; k < 5; k++) {
      const result = simulator.run(k);
      const totals = sumCounters(result, { from: 0, to: 16 });
      expect(totals.queue[Q.answered]).toBe(totals.queue[Q.offered]);
      expect(totals.group[G.busySec]).toBeCloseTo(totals.queue[Q.handleSumSec]!, 6);
      // The same contacts at full speed take less work, and at most half as much.
      const full = sumCounters(simulateReplication(allFull, k), { from: 0, to: 16 });
      expect(full.queue[Q.offered]).toBe(totals.queue[Q.offered]);
      expect(totals.queue[Q.handleSumSec]).toBeGreaterThan(full.queue[Q.handleSumSec]!);
      expect(totals.queue[Q.handleSumSec]).toBeLessThan(2 * full.queue[Q.handleSumSec]!);
      // Both kinds of agent work.
      let fullBusy = 0;
      let slowBusy = 0;
      for (let i = 0; i < 16; i++) {
        fullBusy += groupCounter(result, i, 0, G.busySec);
        slowBusy += groupCounter(result, i, 1, G.busySec);
      }
      expect(fullBusy).toBeGreaterThan(0);
      expect(slowBusy).toBeGreaterThan(0);
    }
  });

  it("refuses a handle multiplier that is not a finite factor > 0", () => {
    for (const handleMultiplier of [0, -1, Number.NaN, Infinity]) {
      const plan = testPlan({ intervalCount: 2, queues: [{ perHour: 10 }], groups: [{ agents: 1, handleMultiplier }] });
      expect(() => simulateReplication(plan, 0)).toThrow(/groups\[0\]\.handleMultiplier/);
    }
  });

  it("a single group at full speed keeps its results bit for bit with the multiplier stated as 1", () => {
    const plain = testPlan({ intervalCount: 8, queues: [{ perHour: 200, patience: exponential(120) }], groups: [{ agents: 10 }] });
    const stated = testPlan({ intervalCount: 8, queues: [{ perHour: 200, patience: exponential(120) }], groups: [{ agents: 10, handleMultiplier: 1 }] });
    expect(simulateReplication(stated, 3).queueCounters).toEqual(simulateReplication(plain, 3).queueCounters);
  });
});
