import { describe, expect, it } from "vitest";
import { dayLabels, dayTitle } from "./planLabels.js";

describe("dayTitle", () => {
  it("writes an ISO date with its weekday and month: 2026-12-15 is a Tuesday", () => {
    expect(dayTitle("2026-12-15")).toBe("Tue 15 Dec");
    expect(dayTitle("2027-01-03")).toBe("Sun 3 Jan");
    expect(dayTitle("2028-02-29")).toBe("Tue 29 Feb");
  });
  it("leaves the month out for an axis", () => expect(dayTitle("2026-12-14", { month: false })).toBe("Mon 14"));
  it("capitalises a weekday label and keeps its occurrence", () => {
    expect(dayTitle("tue")).toBe("Tue");
    expect(dayTitle("mon #2")).toBe("Mon #2");
  });
  it("leaves any other label as it is", () => {
    expect(dayTitle("whole span")).toBe("whole span");
    expect(dayTitle("2026-13-01")).toBe("2026-13-01");
  });
  it("leaves an impossible date as it is rather than lend it the weekday of the day it would roll over to", () => {
    expect(dayTitle("2026-02-30")).toBe("2026-02-30"); // not "Mon 30 Feb" (2 March is a Monday)
    expect(dayTitle("2026-02-29", { month: false })).toBe("2026-02-29");
    expect(dayTitle("2026-04-31")).toBe("2026-04-31");
    expect(dayTitle("2026-12-00")).toBe("2026-12-00");
    expect(dayTitle("2100-02-29")).toBe("2100-02-29"); // a century year that is not a leap year
    expect(dayTitle("2000-02-29")).toBe("Tue 29 Feb"); // one that is
    expect(dayTitle("0004-02-29")).toBe("Sun 29 Feb"); // proleptic Gregorian, not read as 1904
  });
  it("agrees with the plan's dated day labels, day after day", () =>
    expect(dayLabels({ days: ["mon", "tue", "wed"], startDate: "2026-12-14" }).map((label) => dayTitle(label))).toEqual(["Mon 14 Dec", "Tue 15 Dec", "Wed 16 Dec"]));
});
