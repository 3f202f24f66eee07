import { describe, expect, it } from "vitest";
import { KPI_REGISTRY } from "../kpi/registry.js";
import { replicationKpis } from "../report/replicationKpis.js";
import { replicationResultBytes, sumCounters } from "./result.js";
import { createSimulator } from "./simulate.js";
import { exponential, testPlan } from "./testing/testPlan.js";
import { WAIT_BIN_COUNT } from "./waitHistogram.js";

// Three queues, two groups, a day of 30-minute intervals.
const plan = testPlan({
  intervalCount: 48,
  intervalsPerDay: 48,
  queues: [
    { perHour: 60, handle: exponential(200), patience: exponential(120) },
    { perHour: 40, handle: exponential(300) },
    { perHour: 20, handle: exponential(100), patience: exponential(60) },
  ],
  groups: [
    { serves: [0, 1], agents: 4 },
    { serves: [2, 1], agents: 2 },
  ],
});

describe("a replication's result arrays grow with what the reports read", () => {
  const simulator = createSimulator(plan);
  const result = simulator.run(0);

  it("keeps waits per interval (all queues) and per queue over the span, not per interval and queue", () => {
    expect(result.waitHistogram).toHaveLength(48 * WAIT_BIN_COUNT);
    expect(result.queueWaitHistogram).toHaveLength(3 * WAIT_BIN_COUNT);
    const bytes = [result.queueCounters, result.groupCounters, result.waitHistogram, result.queueWaitHistogram].reduce((sum, array) => sum + array.byteLength, 0);
    expect(replicationResultBytes({ intervalCount: 48, queueCount: 3, groupCount: 2 })).toBe(bytes);
    // The benchmark's 50 queues × 92 days of 15 minutes: 157 MB a replication, where a histogram per interval and
    // queue took 1.9 GB of it alone.
    expect(replicationResultBytes({ intervalCount: 92 * 96, queueCount: 50, groupCount: 10 })).toBeLessThan(160e6);
  });

  it("gives each queue's span and each interval the same waits, as the per-interval-and-queue histogram did", () => {
    let answered = 0;
    for (let q = 0; q < 3; q++) {
      const span = sumCounters(result, { from: 0, to: 48, queue: q });
      let binned = 0;
      for (let bin = 0; bin < WAIT_BIN_COUNT; bin++) binned += span.waitHistogram[bin]!;
      expect(binned).toBe(span.queue[1]); // answered
      answered += binned;
    }
    let byInterval = 0;
    for (let i = 0; i < 48; i++) {
      const interval = sumCounters(result, { from: i, to: i + 1 });
      for (let bin = 0; bin < WAIT_BIN_COUNT; bin++) byInterval += interval.waitHistogram[bin]!;
    }
    expect(byInterval).toBe(answered);
    const kpis = replicationKpis(plan, result);
    expect(kpis.queues.every((row) => row.waitP90 === null || Number.isFinite(row.waitP90))).toBe(true);
    expect(KPI_REGISTRY.length).toBeGreaterThan(0);
  });

  it("refuses one queue's waits over part of the span, which it no longer keeps", () => {
    expect(() => sumCounters(result, { from: 10, to: 20, queue: 1 })).toThrow(/the waits of queue 1 are kept over the counted span only/);
  });

  it("holds no replication's arrays between runs: each result owns fresh ones", () => {
    const next = simulator.run(1);
    expect(next.queueCounters).not.toBe(result.queueCounters);
    expect(next.waitHistogram.buffer).not.toBe(result.waitHistogram.buffer);
    expect(result.queueCounters.length).toBeGreaterThan(0); // the first result is untouched by the second run
  });
});
