import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "./parseScenario.js";

const yearPlan = JSON.parse(readFileSync(new URL("../../../../scenarios/year-plan.json", import.meta.url), "utf8")) as Record<string, unknown> & {
  capacity: Record<string, unknown> & { groups: Record<string, Record<string, unknown>> };
};
const clone = () => structuredClone(yearPlan);
const paths = (raw: unknown) => {
  const result = parseScenario(raw);
  return result.ok ? [] : result.issues.map((issue) => issue.path);
};

describe("the capacity block", () => {
  it("parses the year plan with its defaults filled in", () => {
    const result = parseScenario(yearPlan);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const group = result.scenario.capacity!.groups["Service team"]!;
    expect(group.hiring.classes).toEqual([{ week: 10, size: 6, committed: true }]);
    expect(group.attrition).toEqual({ perMonth: 0.03, newHirePerMonth: 0.06, newHireMonths: 3 });
  });

  it("needs only weeks and each group's headcount; empty lists are valid", () => {
    const minimal = { ...clone(), capacity: { weeks: 4, groups: { "Service team": { headcount: 30, recentHires: [] } }, shrinkageByMonth: [], volume: { monthlyIndex: [] } } };
    const result = parseScenario(minimal);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const capacity = result.scenario.capacity!;
    expect(capacity.volume).toEqual({ growthPerYear: 0, monthlyIndex: [] });
    expect(capacity.groups["Service team"]).toEqual({
      headcount: 30,
      recentHires: [],
      hiring: { leadWeeks: 6, classWeeks: 3, graduation: 0.9, classSize: { min: 1, max: 20 }, classes: [] },
    });
  });

  it("refuses a start date the calendar does not have, naming the field, the value and what was expected", () => {
    const raw = clone();
    (raw.capacity as Record<string, unknown>).start = "2027-02-29";
    const result = parseScenario(raw);
    expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.message])).toEqual([
      ["capacity.start", 'no such day: February 2027 has 28 days; expected a calendar date YYYY-MM-DD, received "2027-02-29"'],
    ]);
    (raw.capacity as Record<string, unknown>).start = "0027-01-04"; // a year Date.UTC would read as 1927
    expect(parseScenario(raw).ok ? [] : (parseScenario(raw) as { issues: { path: string; message: string }[] }).issues.map((issue) => [issue.path, issue.message])).toEqual([
      ["capacity.start", 'year 0027 is before 1900 (a year is written in full, like 2026); expected a date YYYY-MM-DD from 1900 on, received "0027-01-04"'],
    ]);
    (raw.capacity as Record<string, unknown>).start = "2028-02-29"; // a leap year
    expect(parseScenario(raw).ok).toBe(true);
  });

  it("refuses groups the scenario lacks, monthly lists that are not 12 long, and more recent hires than agents", () => {
    const raw = clone();
    raw.capacity.groups["Night team"] = { headcount: 3 };
    (raw.capacity as Record<string, unknown>).shrinkageByMonth = [0.1, 0.2];
    raw.capacity.groups["Service team"]!.recentHires = [{ weeksAgo: 1, agents: 60 }];
    expect(paths(raw)).toEqual(['capacity.shrinkageByMonth', 'capacity.groups["Service team"].recentHires', 'capacity.groups["Night team"]']);
  });

  it("refuses classes after the planned weeks or two in one week, inverted class sizes and a span over a week", () => {
    const raw = clone();
    const hiring = raw.capacity.groups["Service team"]!.hiring as Record<string, unknown>;
    hiring.classes = [{ week: 53, size: 5 }, { week: 10, size: 5 }, { week: 10, size: 4 }];
    hiring.classSize = { min: 9, max: 8 };
    raw.days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "mon"];
    (raw.queues as { forecast: { dailyContacts: number[] } }[])[0]!.forecast.dailyContacts = [1, 1, 1, 1, 1, 1, 1, 1];
    expect(paths(raw)).toEqual([
      "days",
      'capacity.groups["Service team"].hiring.classSize.min',
      'capacity.groups["Service team"].hiring.classes[0].week',
      'capacity.groups["Service team"].hiring.classes[2].week',
    ]);
  });

  it("names the field, the value and what was expected", () => {
    const raw = clone();
    raw.capacity.groups["Service team"]!.headcount = -1;
    const result = parseScenario(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ path: 'capacity.groups["Service team"].headcount', received: "-1" });
  });
});
