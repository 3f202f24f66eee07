import { describe, expect, it } from "vitest";
import type { Shift } from "../schema/shift.js";
import { peakAgents, staffingTimeline } from "./staffingTimeline.js";

const shift = (overrides: Partial<Shift>): Shift => ({ name: "S", start: "08:00", hours: 8, days: ["mon"], agents: 5, breaks: [], ...overrides });
const hours = (h: number) => h * 3600;

describe("staffingTimeline", () => {
  it("steps up at the shift start, down for each break and at the shift end", () => {
    const timeline = staffingTimeline({
      shifts: [shift({ breaks: [{ start: "10:00", minutes: 15 }, { start: "12:00", minutes: 30 }] })],
      days: ["mon"],
    });
    expect([...timeline.timesSec]).toEqual([0, hours(8), hours(10), hours(10.25), hours(12), hours(12.5), hours(16)]);
    expect([...timeline.counts]).toEqual([0, 5, 0, 5, 0, 5, 0]);
  });

  it("adds overlapping shifts and keeps only the instants where the count changes", () => {
    const timeline = staffingTimeline({
      shifts: [shift({ name: "A" }), shift({ name: "B", start: "12:00", agents: 3 }), shift({ name: "C", start: "16:00", hours: 4, agents: 3 })],
      days: ["mon"],
    });
    // B starts while A is on (8); at 16:00 A leaves as C arrives (3 + 3 = 6): one change; B and C end at 20:00.
    expect([...timeline.timesSec]).toEqual([0, hours(8), hours(12), hours(16), hours(20)]);
    expect([...timeline.counts]).toEqual([0, 5, 8, 6, 0]);
    expect(peakAgents(timeline)).toBe(8);
  });

  it("runs a shift past midnight into the next simulated day, with a break after midnight", () => {
    const timeline = staffingTimeline({
      shifts: [shift({ start: "22:00", hours: 8, days: ["mon"], agents: 2, breaks: [{ start: "02:00", minutes: 30 }] })],
      days: ["mon", "tue"],
    });
    expect([...timeline.timesSec]).toEqual([0, hours(22), hours(26), hours(26.5), hours(30)]);
    expect([...timeline.counts]).toEqual([0, 2, 0, 2, 0]);
  });

  it("carries the night shift of the day before the first simulated day into it", () => {
    const timeline = staffingTimeline({ shifts: [shift({ start: "22:00", hours: 8, days: ["sun"], agents: 2 })], days: ["mon"] });
    expect([...timeline.timesSec]).toEqual([0, hours(6)]);
    expect([...timeline.counts]).toEqual([2, 0]);
  });

  it("repeats a shift on each of its days and drops what falls after the span", () => {
    const timeline = staffingTimeline({ shifts: [shift({ start: "20:00", hours: 10, days: ["mon", "wed"], agents: 4 })], days: ["mon", "tue", "wed"] });
    expect([...timeline.timesSec]).toEqual([0, hours(20), hours(30), hours(68)]);
    expect([...timeline.counts]).toEqual([0, 4, 0, 4]);
  });

  it("handles fractional hours so that a break ending with the shift cancels exactly", () => {
    const timeline = staffingTimeline({ shifts: [shift({ start: "09:00", hours: 7.75, breaks: [{ start: "16:15", minutes: 30 }] })], days: ["mon"] });
    expect([...timeline.timesSec]).toEqual([0, hours(9), hours(16.25)]);
    expect([...timeline.counts]).toEqual([0, 5, 0]);
  });

  it("is all zero without shifts", () => {
    const timeline = staffingTimeline({ shifts: [], days: ["mon", "tue"] });
    expect([...timeline.timesSec]).toEqual([0]);
    expect([...timeline.counts]).toEqual([0]);
  });
});
