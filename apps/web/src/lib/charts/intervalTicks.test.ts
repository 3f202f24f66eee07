import { describe, expect, it } from "vitest";
import { dayName, intervalName, intervalTicks } from "./intervalTicks";

const days = [...Array(48).fill("mon"), ...Array(48).fill("tue")];
const starts = Array.from({ length: 96 }, (_, i) => `${String(Math.floor((i % 48) / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`);

describe("intervalTicks", () => {
  it("puts a tick at each day's start over several days", () =>
    expect(intervalTicks({ days, starts, from: 0, to: 96 })).toEqual([
      { index: 0, label: "Mon" },
      { index: 48, label: "Tue" },
    ]));
  it("puts a tick every few hours within a day", () =>
    expect(intervalTicks({ days, starts, from: 48, to: 96, everyHours: 6 }).map((tick) => tick.label)).toEqual(["00:00", "06:00", "12:00", "18:00"]));
});

describe("intervalName / dayName", () => {
  it("names an interval by day and start", () => expect(intervalName(days, starts, 69)).toBe("Tue 10:30"));
  it("writes a date with its weekday, as a planner reads it", () => {
    expect(dayName("2026-11-23")).toBe("Mon 23 Nov");
    const dated = [...Array(48).fill("2026-12-14"), ...Array(48).fill("2026-12-15")];
    expect(intervalName(dated, starts.map((start, i) => `${dated[i]}T${start}`), 69)).toBe("Tue 15 Dec 10:30");
  });
  it("marks a dated span's days on the axis short enough for a phone: weekday and day", () =>
    expect(intervalTicks({ days: [...Array(48).fill("2026-12-14"), ...Array(48).fill("2026-12-15")], starts, from: 0, to: 96 }).map((tick) => tick.label)).toEqual(["Mon 14", "Tue 15"]));
});
