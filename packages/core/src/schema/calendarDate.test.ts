import { describe, expect, it } from "vitest";
import { daysInMonth, impossibleDateReason, isCalendarDate, yearOutOfRangeReason } from "./calendarDate.js";

describe("calendar dates", () => {
  it("daysInMonth follows the Gregorian leap-year rule", () => {
    expect([2026, 2028, 2100, 2000, 0].map((year) => daysInMonth(year, 2))).toEqual([28, 29, 28, 29, 29]);
    expect([1, 4, 6, 9, 11, 12].map((month) => daysInMonth(2026, month))).toEqual([31, 30, 30, 30, 30, 31]);
  });
  it("impossibleDateReason says why text names no day, and nothing for a real date or text of another shape", () => {
    expect(impossibleDateReason("2026-02-30")).toBe("no such day: February 2026 has 28 days");
    expect(impossibleDateReason("2026-04-31")).toBe("no such day: April 2026 has 30 days");
    expect(impossibleDateReason("2026-12-00")).toBe("no such day: December 2026 has 31 days");
    expect(impossibleDateReason("2026-13-01")).toBe("no such month: 13");
    expect(impossibleDateReason("2028-02-29")).toBeNull();
    expect(impossibleDateReason("26-2-30")).toBeNull();
  });
  it("isCalendarDate takes only YYYY-MM-DD days that exist", () => {
    expect(["2028-02-29", "2026-12-31", "2026-01-01"].every(isCalendarDate)).toBe(true);
    expect(["2026-02-29", "2026-02-30", "2026-00-10", "2026-1-01", "2026-01-01T00:00"].some(isCalendarDate)).toBe(false);
  });
  it("refuses years before 1900, which Date.UTC would read as 1900–1999 (0050 → 1950), naming the year", () => {
    expect(impossibleDateReason("0050-01-04")).toBe("year 0050 is before 1900 (a year is written in full, like 2026)");
    expect(impossibleDateReason("0000-02-30")).toBe("year 0000 is before 1900 (a year is written in full, like 2026)");
    expect(impossibleDateReason("1899-12-31")).toBe("year 1899 is before 1900 (a year is written in full, like 2026)");
    expect(impossibleDateReason("1900-01-01")).toBeNull();
    expect(yearOutOfRangeReason("0026-11-23T08:00")).toBe("year 0026 is before 1900 (a year is written in full, like 2026)");
    expect(yearOutOfRangeReason("2026-11-23T08:00")).toBeNull();
    // isCalendarDate asks only whether the day exists (plan labels read the proleptic calendar of any year).
    expect(["0050-01-04", "0004-02-29", "1899-06-01"].every(isCalendarDate)).toBe(true);
  });
});
