import { describe, expect, it } from "vitest";
import { GroupCounter as G, QueueCounter as Q } from "./result.js";
import { createSimulator, simulateReplication } from "./simulate.js";
import { meanInterval } from "./testing/replicationStats.js";
import { COMPARISON_ALPHA } from "./testing/validationFamily.js";
import { deterministic, exponential, groupCounter, queueCounter, testPlan } from "./testing/testPlan.js";

describe("staffing", () => {
  it("a break that falls mid-contact waits for the contact to end", () => {
    // One agent, 10-minute contacts arriving every ~1 s: the agent is busy from the first seconds. The break
    // starts at 300 s, mid-contact: the agent stays on the floor until the contact ends (~600 s), is away until
    // 1200 s, then serves again.
    const plan = testPlan({
      intervalSec: 60,
      intervalCount: 40,
      queues: [{ perHour: 3600, handle: deterministic(600) }],
      groups: [{ agents: [[0, 1], [300, 0], [1200, 1]] }],
    });
    const result = simulateReplication(plan, 0);
    const firstStart = groupCounter(result, 10, 0, G.busySec); // the first contact ends at firstStart + 600
    expect(firstStart).toBeGreaterThan(0);
    expect(firstStart).toBeLessThan(60);
    for (let i = 0; i < 40; i++) {
      const scheduled = groupCounter(result, i, 0, G.scheduledSec);
      const available = groupCounter(result, i, 0, G.availableSec);
      const busy = groupCounter(result, i, 0, G.busySec);
      expect(scheduled).toBe(i < 5 || i >= 20 ? 60 : 0);
      if (i === 0) expect(available).toBe(60);
      if (i >= 1 && i < 10) expect([available, busy]).toEqual([60, 60]); // finishing the contact into the break
      if (i > 10 && i < 20) expect([available, busy]).toEqual([0, 0]); // away
      if (i >= 20) expect([available, busy]).toEqual([60, 60]); // back, with a queue waiting
    }
    // Nobody is answered during the break: the contacts of minutes 0…19, bar the first, wait until 1200 s or later.
    expect(queueCounter(result, 0, 0, Q.answered)).toBeGreaterThanOrEqual(1);
  });

  it("zero agents: every contact waits and is left unfinished, or abandons", () => {
    const patient = testPlan({ intervalCount: 4, queues: [{ perHour: 100 }], groups: [{ agents: 0 }] });
    const impatient = testPlan({ intervalCount: 4, queues: [{ perHour: 100, patience: exponential(60) }], groups: [{ agents: 0 }] });
    const noGroups = testPlan({ intervalCount: 4, queues: [{ perHour: 100 }], groups: [] });
    for (const plan of [patient, noGroups]) {
      const result = simulateReplication(plan, 0);
      for (let i = 0; i < 4; i++) {
        const offered = queueCounter(result, i, 0, Q.offered);
        expect(offered).toBeGreaterThan(0);
        expect(queueCounter(result, i, 0, Q.delayed)).toBe(offered);
        expect(queueCounter(result, i, 0, Q.unfinished)).toBe(offered);
        expect(queueCounter(result, i, 0, Q.answered)).toBe(0);
      }
    }
    const result = simulateReplication(impatient, 0);
    for (let i = 0; i < 4; i++) {
      expect(queueCounter(result, i, 0, Q.abandoned)).toBe(queueCounter(result, i, 0, Q.offered));
      expect(queueCounter(result, i, 0, Q.unfinished)).toBe(0);
    }
  });

  it("new agents take waiting contacts at once, and the queue carries over interval boundaries", () => {
    // No agent in the first interval, 5 from the second: the first interval's contacts are answered in the
    // second, but counted (answered, waits) in the interval they arrived in.
    const plan = testPlan({
      intervalCount: 3,
      queues: [{ perHour: 120 }],
      groups: [{ agents: [[0, 0], [1800, 5]] }],
    });
    const result = simulateReplication(plan, 0);
    const offered = queueCounter(result, 0, 0, Q.offered);
    expect(offered).toBeGreaterThan(30);
    expect(queueCounter(result, 0, 0, Q.answered)).toBe(offered);
    expect(queueCounter(result, 0, 0, Q.answeredWithinTarget)).toBe(0);
    // Each waited until 1800 s at least: the mean wait is at least the mean time to the boundary.
    expect(queueCounter(result, 0, 0, Q.waitAnsweredSumSec) / offered).toBeGreaterThan(600);
    expect(queueCounter(result, 1, 0, Q.queueLengthSec)).toBeGreaterThan(0); // carried over
    expect(groupCounter(result, 1, 0, G.busySec)).toBeGreaterThan(0);
  });

  it("shrinkage removes the expected fraction of scheduled agent time", () => {
    // No contacts, so agents on the floor are exactly scheduled minus absent.
    const shrinkage = 0.3;
    const plan = testPlan({ intervalCount: 48, queues: [{ perHour: 0 }], groups: [{ agents: 100, shrinkage }] });
    const simulator = createSimulator(plan);
    const fractions: number[] = [];
    for (let k = 0; k < 24; k++) {
      const result = simulator.run(k);
      let scheduled = 0;
      let available = 0;
      for (let i = 0; i < 48; i++) {
        scheduled += groupCounter(result, i, 0, G.scheduledSec);
        available += groupCounter(result, i, 0, G.availableSec);
        // Whole agents for whole intervals.
        expect(groupCounter(result, i, 0, G.availableSec) % 1800).toBe(0);
      }
      expect(scheduled).toBe(100 * 48 * 1800);
      fractions.push(available / scheduled);
    }
    const interval = meanInterval(fractions, COMPARISON_ALPHA);
    expect(Math.abs(interval.mean - (1 - shrinkage))).toBeLessThanOrEqual(interval.halfWidth);
  });

  it("absences belong to agent slots: one more scheduled agent keeps the same absences for the others", () => {
    const plan = (agents: number) => testPlan({ intervalCount: 48, queues: [{ perHour: 0 }], groups: [{ agents, shrinkage: 0.2 }] });
    const a = simulateReplication(plan(30), 4);
    const b = simulateReplication(plan(31), 4);
    for (let i = 0; i < 48; i++) {
      const extra = groupCounter(b, i, 0, G.availableSec) - groupCounter(a, i, 0, G.availableSec);
      expect([0, 1800]).toContain(extra);
    }
  });

  it("a break under load: busy agents finish their contacts, idle ones leave at once", () => {
    // 10 agents, heavy load; at 3600 s the schedule drops to 4. Agent time on the floor then falls to 4 within
    // about one handle time, never below.
    const plan = testPlan({
      intervalSec: 300,
      intervalCount: 24,
      queues: [{ perHour: 220, handle: exponential(180) }],
      groups: [{ agents: [[0, 10], [3600, 4]] }],
    });
    const result = simulateReplication(plan, 2);
    for (let i = 12; i < 24; i++) {
      const available = groupCounter(result, i, 0, G.availableSec);
      expect(available).toBeGreaterThanOrEqual(4 * 300);
      expect(groupCounter(result, i, 0, G.busySec)).toBeLessThanOrEqual(available);
      if (i >= 16) expect(available).toBe(4 * 300); // everyone over target has finished by then (w.h.p.)
    }
    expect(groupCounter(result, 12, 0, G.availableSec)).toBeGreaterThan(4 * 300);
  });
});

describe("warm-up", () => {
  it("contacts and time before warmupSec are simulated but not counted", () => {
    const base = { intervalCount: 8, queues: [{ perHour: 150, patience: exponential(120) }], groups: [{ agents: 5 }] };
    const cold = simulateReplication(testPlan(base), 1);
    const warm = simulateReplication(testPlan({ ...base, warmupSec: 3600 }), 1);
    // The first two intervals are warm-up: nothing counted.
    for (let i = 0; i < 2; i++) {
      for (let c = 0; c < 14; c++) expect(queueCounter(warm, i, 0, c)).toBe(0);
      for (let c = 0; c < 3; c++) expect(groupCounter(warm, i, 0, c)).toBe(0);
    }
    // The rest is the same simulation.
    for (let i = 2; i < 8; i++) {
      for (let c = 0; c < 14; c++) expect(queueCounter(warm, i, 0, c)).toBe(queueCounter(cold, i, 0, c));
      for (let c = 0; c < 3; c++) expect(groupCounter(warm, i, 0, c)).toBe(groupCounter(cold, i, 0, c));
    }
    // A warm-up ending mid-interval counts that interval's time from the end of the warm-up only.
    const mid = simulateReplication(testPlan({ ...base, warmupSec: 2700 }), 1);
    expect(groupCounter(mid, 1, 0, G.scheduledSec)).toBeCloseTo(5 * 900, 9);
  });
});
