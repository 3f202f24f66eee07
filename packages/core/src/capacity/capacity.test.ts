import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { meanInterval } from "../des/testing/replicationStats.js";
import { capacitySchema, type CapacityGroup } from "../schema/capacity.js";
import { parseScenario } from "../schema/parseScenario.js";
import type { Scenario } from "../schema/scenario.js";
import { capacityCalendar } from "./capacityCalendar.js";
import { CAPACITY_FIELD, CAPACITY_FIELDS, capacityReplication, capacityWeekScenario, replicationPeople } from "./capacityReplication.js";
import { projectPeople } from "./projectPeople.js";
import { simulateWeek, WEEK_KPIS } from "./simulateWeek.js";
import { apportion, weekScenario } from "./weekScenario.js";

const yearPlanFile = JSON.parse(readFileSync(new URL("../../../../scenarios/year-plan.json", import.meta.url), "utf8")) as Record<string, unknown>;
function yearPlan(capacityChanges: Record<string, unknown> = {}): Scenario {
  const raw = structuredClone(yearPlanFile) as { capacity: Record<string, unknown> & { groups: Record<string, { hiring: { classes: unknown[] } }> } };
  Object.assign(raw.capacity, capacityChanges);
  // A shorter plan drops the committed class of week 10.
  if (typeof capacityChanges.weeks === "number" && capacityChanges.weeks < 10) raw.capacity.groups["Service team"]!.hiring.classes = [];
  const result = parseScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}
const groupOf = (input: Record<string, unknown>): CapacityGroup => capacitySchema.parse({ weeks: 1, groups: { g: input } }).groups.g!;
// A 99.9% interval per check: several weeks are checked, and none may fail by chance (fixed seeds).
const ALPHA = 0.001;

describe("projectPeople", () => {
  it("with no hiring and constant attrition, mean headcount follows H·(1 − a)^months within its CI", () => {
    const group = groupOf({ headcount: 200, attrition: { perMonth: 0.03 } });
    const runs = Array.from({ length: 300 }, (_, k) => projectPeople({ group, classes: [], weeks: 52, seed: 11, replication: k, groupIndex: 0 }));
    for (const week of [1, 5, 13, 26, 39, 52]) {
      const months = ((week - 1) * 12) / 52;
      const expected = 200 * (1 - 0.03) ** months;
      const interval = meanInterval(runs.map((weeks) => weeks[week - 1]!.employed), ALPHA);
      if (week === 1) expect(interval.mean).toBe(200);
      else expect(Math.abs(interval.mean - expected), `week ${week}: ${interval.mean} vs ${expected} ± ${interval.halfWidth}`).toBeLessThanOrEqual(interval.halfWidth);
    }
  });

  it("a class is paid from its start, graduates its yield after its class weeks and ramps as configured", () => {
    const group = groupOf({ headcount: 30, ramp: { weeks: 4, startProductivity: 0.5 }, hiring: { classWeeks: 3, graduation: 0.8 } });
    const classes = [{ week: 5, size: 20, committed: false }];
    const runs = Array.from({ length: 400 }, (_, k) => projectPeople({ group, classes, weeks: 14, seed: 3, replication: k, groupIndex: 0 }));
    for (const weeks of runs) {
      expect(weeks.map((week) => week.trainees)).toEqual([0, 0, 0, 0, 20, 20, 20, 0, 0, 0, 0, 0, 0, 0]);
      expect(weeks[4]!.hires).toBe(20);
      const graduates = weeks[7]!.graduates;
      expect(weeks.map((week) => week.graduates).reduce((a, b) => a + b)).toBe(graduates);
      expect(weeks[6]!.onFloor).toBe(30);
      expect(weeks[7]!.onFloor).toBe(30 + graduates);
      // Productivity 0.5, 0.625, 0.75, 0.875 in their first four weeks on the floor, then 1.
      [0.5, 0.625, 0.75, 0.875, 1, 1].forEach((productivity, t) => expect(weeks[7 + t]!.effective).toBeCloseTo(30 + graduates * productivity, 12));
      expect(weeks[7]!.ramping).toBe(graduates);
      expect(weeks[11]!.ramping).toBe(0);
    }
    const yieldInterval = meanInterval(runs.map((weeks) => weeks[7]!.graduates), ALPHA);
    expect(Math.abs(yieldInterval.mean - 16)).toBeLessThanOrEqual(yieldInterval.halfWidth);
  });

  it("new hires leave at their own rate for newHireMonths on the floor, then at the veterans'", () => {
    const group = groupOf({ headcount: 1000, recentHires: [{ weeksAgo: 0, agents: 1000 }], attrition: { perMonth: 0, newHirePerMonth: 0.1, newHireMonths: 2 } });
    const runs = Array.from({ length: 50 }, (_, k) => projectPeople({ group, classes: [], weeks: 20, seed: 5, replication: k, groupIndex: 0 }));
    // Nobody leaves from week 9 on: 2 months are 8.67 weeks on the floor.
    for (const weeks of runs) expect(weeks.slice(9).every((week) => week.leavers === 0)).toBe(true);
    const interval = meanInterval(runs.map((weeks) => weeks[8]!.employed), ALPHA);
    expect(Math.abs(interval.mean - 1000 * 0.9 ** (8 / (52 / 12)))).toBeLessThanOrEqual(interval.halfWidth);
  });

  it("draws the same leavers among the agents two plans share (common random numbers)", () => {
    const group = groupOf({ headcount: 60, attrition: { perMonth: 0.05 }, hiring: { classWeeks: 2 } });
    const without = projectPeople({ group, classes: [], weeks: 30, seed: 9, replication: 4, groupIndex: 0 });
    const withClass = projectPeople({ group, classes: [{ week: 3, size: 10, committed: false }], weeks: 30, seed: 9, replication: 4, groupIndex: 0 });
    // Before the class graduates (week 5) both plans are the same people.
    expect(withClass.slice(0, 4).map((week) => week.onFloor)).toEqual(without.slice(0, 4).map((week) => week.onFloor));
    // Later, the veterans left are the same: the plan with the class has exactly its graduates who stayed on top.
    expect(withClass[29]!.onFloor).toBeGreaterThanOrEqual(without[29]!.onFloor);
  });
});

describe("the calendar and each week's scenario", () => {
  it("puts each week in the month of its middle day, compounding growth month by month", () => {
    const weeks = capacityCalendar(yearPlan().capacity!);
    expect(weeks[0]).toEqual({ week: 1, start: "2027-01-04", monthOffset: 0, demandFactor: 1.1, shrinkage: 0.12 });
    // 2027-01-25 to 01-31 is January; 2027-02-01 starts February (index 1.0, one month of 8% a year).
    expect(weeks[3]!.monthOffset).toBe(0);
    expect(weeks[4]).toMatchObject({ start: "2027-02-01", monthOffset: 1, shrinkage: 0.12 });
    expect(weeks[4]!.demandFactor).toBeCloseTo(1.08 ** (1 / 12), 12);
    expect(weeks[51]).toMatchObject({ start: "2027-12-27", monthOffset: 11 });
    expect(weeks[51]!.demandFactor).toBeCloseTo(1.2 * 1.08 ** (11 / 12), 12);
  });

  it("apportions whole agents by largest remainder, so totals hold", () => {
    expect(apportion([23, 22], 40)).toEqual([20, 20]); // quotas 20.44 and 19.56
    expect(apportion([1, 1, 1], 2)).toEqual([1, 1, 0]);
    expect(apportion([5, 0, 5], 7)).toEqual([4, 0, 3]);
    expect(apportion([3, 4], 0)).toEqual([0, 0]);
  });

  it("scales the forecast, the shrinkage and the shifts, and spreads the ramping agents over them", () => {
    const scenario = yearPlan();
    const week = weekScenario(scenario, {
      demandFactor: 1.5,
      shrinkage: 0.2,
      groups: { "Service team": { onFloor: 20, ramping: 4, rampingProductivity: 0.7 } },
      seed: 99,
      intervention: null,
    });
    expect(week.seed).toBe(99);
    expect(week.capacity).toBeUndefined();
    expect((week.queues[0]!.forecast as { dailyContacts: number[] }).dailyContacts).toEqual([1575, 1462.5, 1425, 1425, 1350]);
    const group = week.groups[0]!;
    expect(group.shrinkage).toBe(0.2);
    // 25 rostered (13 + 12) for a headcount of 26: 20 on the floor → round(25 × 20/26) = 19 agents (quotas 9.88 and
    // 9.12: 10 and 9), 4/20 of them ramping (round(19 × 0.2) = 4: 2 and 2).
    expect(group.shifts.map((shift) => [shift.agents, shift.ramping])).toEqual([
      [10, [{ agents: 2, productivity: 0.7 }]],
      [9, [{ agents: 2, productivity: 0.7 }]],
    ]);
    expect(parseScenario(JSON.parse(JSON.stringify(week))).ok).toBe(true);
  });
});

describe("capacityReplication", () => {
  const scenario = yearPlan({ weeks: 3 });
  const row = capacityReplication({ scenario }, 2);

  it("writes every field of every week, and week W of replication K is exactly its scenario simulated on its own", () => {
    expect(row).toHaveLength(3 * CAPACITY_FIELDS.length);
    const written = JSON.parse(JSON.stringify(capacityWeekScenario({ scenario }, 2, 3)));
    const parsed = parseScenario(written);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const alone = simulateWeek(parsed.scenario);
    const base = 2 * CAPACITY_FIELDS.length + CAPACITY_FIELD.serviceLevel;
    expect(Array.from(row.subarray(base, base + WEEK_KPIS.length))).toEqual(Array.from(alone));
  });

  it("prices the week: everyone employed at the wage for the paid hours per person, hires at the cost per hire", () => {
    const people = replicationPeople({ scenario }, 2)["Service team"]!;
    // Shifts: 25 people × 8.5 h × 5 days a week, 42.5 h per person.
    expect(row[CAPACITY_FIELD.paidHours]).toBeCloseTo(people[0]!.employed * 42.5, 9);
    expect(row[CAPACITY_FIELD.cost]).toBeCloseTo(people[0]!.employed * 42.5 * 24, 9);
    const withClass = yearPlan({ weeks: 1 });
    const hired = capacityReplication({ scenario: withClass, classes: { "Service team": [{ week: 1, size: 5, committed: false }] } }, 0);
    expect(hired[CAPACITY_FIELD.cost]).toBeCloseTo(31 * 42.5 * 24 + 5 * 4000, 9);
    expect(hired[CAPACITY_FIELD.trainees]).toBe(5);
  });
});
