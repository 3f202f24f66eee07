import { describe, expect, it } from "vitest";
import { closedSpans, heldReturnSec, HELD_RETURN_SPREAD_SEC } from "./openHours.js";
import { QueueCounter as Q, sumCounters } from "./result.js";
import { createSimulator } from "./simulate.js";
import { exponential, queueCounter, testPlan } from "./testing/testPlan.js";

const h = (hours: number) => hours * 3600;

describe("closedSpans and heldReturnSec", () => {
  // Two groups serve queue 0: A 08:00–12:00, B 11:00–20:00 (so 08:00–20:00 open), both with a break of nobody at
  // 14:00 for A only (B covers it). Queue 1 is served by A alone.
  const plan = testPlan({
    intervalSec: 3600,
    intervalCount: 24,
    queues: [{ perHour: 0 }, { perHour: 0 }],
    groups: [
      { agents: [[0, 0], [h(8), 3], [h(12), 0]], serves: [0, 1] },
      { agents: [[0, 0], [h(11), 2], [h(20), 0]], serves: [0] },
    ],
  });

  it("finds where no serving group has anyone scheduled", () => {
    const spans = closedSpans(plan, 0);
    expect([...spans.closedSec]).toEqual([0, h(20)]);
    expect([...spans.openSec]).toEqual([h(8), Infinity]);
    expect([...spans.spreadSec]).toEqual([HELD_RETURN_SPREAD_SEC, 0]);
    const queue1 = closedSpans(plan, 1);
    expect([...queue1.closedSec]).toEqual([0, h(12)]);
    expect([...queue1.openSec]).toEqual([h(8), Infinity]);
  });

  it("moves a time in a closed span after the opening, by its place in the span, and leaves an open time alone", () => {
    const spans = closedSpans(plan, 0);
    expect(heldReturnSec(spans, 0)).toBe(h(8));
    expect(heldReturnSec(spans, h(2))).toBe(h(8.5)); // a quarter into the night, a quarter into the two hours
    expect(heldReturnSec(spans, h(6))).toBe(h(9.5));
    expect(heldReturnSec(spans, h(8))).toBe(h(8));
    expect(heldReturnSec(spans, h(12.5))).toBe(h(12.5));
    expect(heldReturnSec(spans, h(21))).toBe(Infinity);
  });

  it("spreads over the open span when it is shorter than two hours", () => {
    const short = testPlan({ intervalSec: 3600, intervalCount: 6, queues: [{ perHour: 0 }], groups: [{ agents: [[0, 0], [h(2), 1], [h(3), 0], [h(4), 1]] }] });
    const spans = closedSpans(short, 0);
    expect([...spans.spreadSec]).toEqual([h(1), h(2)]);
    expect(heldReturnSec(spans, h(1))).toBe(h(2.5));
    expect(heldReturnSec(spans, h(3.5))).toBe(h(5));
  });

  it("a queue that no group serves is closed throughout", () => {
    const alone = testPlan({ intervalCount: 4, queues: [{ perHour: 1 }, { perHour: 1 }], groups: [{ agents: 1 }] });
    const spans = closedSpans(alone, 1);
    expect([...spans.closedSec]).toEqual([0]);
    expect([...spans.openSec]).toEqual([Infinity]);
    expect(closedSpans(alone, 0).count).toBe(0);
  });
});

describe("returns outside opening hours", () => {
  // Open 08:00–20:00 on three days; calls only while open. Half the problems are unresolved and their repeats come
  // back about 6 hours later, so many fall in the night; impatient callers retry after about 2 hours.
  const open = (day: number): [number, number][] => [[h(24 * day + 8), 10], [h(24 * day + 20), 0]];
  const perHour = Array.from({ length: 72 }, (_, i) => (i % 24 >= 8 && i % 24 < 20 ? 60 : 0));
  const plan = testPlan({
    intervalSec: 3600,
    intervalCount: 72,
    queues: [{ perHour, fcr: 0.5, repeatDelay: exponential(h(6)), patience: exponential(120), retryProbability: 0.5, retryDelay: exponential(h(2)) }],
    groups: [{ agents: [[0, 0], ...open(0), ...open(1), ...open(2)] }],
  });
  const simulator = createSimulator(plan);

  it("come back when the line opens, never at night", () => {
    for (let k = 0; k < 4; k++) {
      const result = simulator.run(k);
      for (let i = 0; i < 72; i++) {
        const offered = queueCounter(result, i, 0, Q.offered);
        if (i % 24 < 8 || i % 24 >= 20) expect(offered, `interval ${i}`).toBe(0);
      }
      // The night's repeats come back in the first two hours of days 2 and 3: more repeats then than in the
      // two hours after.
      for (const day of [1, 2]) {
        const at = (hour: number) => queueCounter(result, 24 * day + hour, 0, Q.repeatOffered);
        expect(at(8) + at(9)).toBeGreaterThan(at(10) + at(11));
      }
      // Every offered contact is answered or abandons (nobody is left waiting in a closed center).
      const total = sumCounters(result, { from: 0, to: 72 }).queue;
      expect(total[Q.answered]! + total[Q.abandoned]! + total[Q.unfinished]!).toBe(total[Q.offered]);
    }
  });

  it("are not generated when the line never opens again before the end of the span", () => {
    // The last closing is 20:00 on day 3: nothing after it, and the last day's evening repeats are dropped.
    const result = simulator.run(0);
    const lastEvening = sumCounters(result, { from: 68, to: 72 }).queue;
    expect(lastEvening[Q.offered]).toBe(0);
  });
});
