import { describe, expect, it } from "vitest";
import { parseScenario } from "../schema/parseScenario.js";
import { tinyRosterInput } from "../roster/testing/tinyScenario.js";
import { applyIntervention } from "./applyIntervention.js";
import { rosterPeople } from "./applyRoster.js";

const roster = [
  { name: "Six 08:00", start: "08:00", hours: 6, days: ["mon"], agents: 7, breaks: [{ start: "10:30", minutes: 30 }] },
  { name: "Four 12:00", start: "12:00", hours: 4, days: ["mon"], agents: 6, breaks: [] },
];

function scenarioWith(intervention: Record<string, unknown>) {
  const input = tinyRosterInput();
  input.interventions = [intervention as never];
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

describe("the roster intervention", () => {
  it("replaces the group's shifts and prices the wage difference and the hiring of the extra people", () => {
    const scenario = scenarioWith({ kind: "roster", name: "Optimised roster", group: "Team", shifts: roster });
    const { scenario: after, costLines } = applyIntervention(scenario, scenario.interventions[0]!);
    expect(after.groups[0]!.shifts.map((shift) => shift.name)).toEqual(["Six 08:00", "Four 12:00"]);
    // Today: 6 × 6 h + 5 × 6 h = 66 paid hours; the roster: 7 × 6 + 6 × 4 = 66 h, at 25 an hour: no wage change.
    // People: 11 today (6 h a week each); the roster's 66 h need 11 at that, but 13 are on shift on Monday: two hires at 1,000.
    expect(costLines).toEqual([{ label: "Optimised roster: roster of Team: hiring", kind: "oneOff", amount: 2000, currency: "USD" }]);
  });

  it("counts the people a roster split by weekday needs by its hours, not one person per shift and day", () => {
    // Today: 5 agents Monday to Friday, 8 h (40 h a week each); the roster: the same 5 agents, written as one shift per
    // weekday (as the optimiser writes it), and one more Wednesday-only agent: 208 h, 6 people, not 26.
    const today = [{ name: "Day", start: "08:00", hours: 8, days: ["mon", "tue", "wed", "thu", "fri"], agents: 5, breaks: [] }];
    const split = (["mon", "tue", "wed", "thu", "fri"] as const).map((day) => ({ name: `Day ${day}`, start: "08:00", hours: 8, days: [day], agents: day === "wed" ? 6 : 5, breaks: [] }));
    const input = tinyRosterInput();
    input.days = ["mon", "tue", "wed", "thu", "fri"];
    input.groups[0]!.shifts = today as never;
    delete input.groups[0]!.shiftTemplates;
    input.queues[0]!.forecast = { dailyContacts: [100, 100, 100, 100, 100], intradayProfile: "flat" } as never;
    input.interventions = [{ kind: "roster", name: "Split", group: "Team", shifts: split } as never];
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const { costLines } = applyIntervention(parsed.scenario, parsed.scenario.interventions[0]!);
    expect(costLines.find((line) => line.label.endsWith("hiring"))).toMatchObject({ amount: 1 * 1000 });
    expect(costLines.find((line) => line.label.endsWith("wages"))).toMatchObject({ kind: "perWeek", amount: 8 * 25 });
    expect(rosterPeople(split, 40)).toBe(6);
    expect(rosterPeople(split, 20)).toBe(11); // part-timers: more people for the same hours
    expect(rosterPeople([], 40)).toBe(0);
  });

  it("uses the optimiser's own weekly cost when it states one", () => {
    const scenario = scenarioWith({ kind: "roster", name: "Cheaper", group: "Team", shifts: roster.slice(0, 1), costPerWeek: 900 });
    const { costLines } = applyIntervention(scenario, scenario.interventions[0]!);
    expect(costLines).toEqual([{ label: "Cheaper: roster of Team: wages", kind: "perWeek", amount: 900 - 66 * 25, currency: "USD" }]);
  });

  it("is refused with the field named when its group is unknown or its shifts clash", () => {
    const input = tinyRosterInput();
    input.interventions = [
      { kind: "roster", name: "Elsewhere", group: "Nobody", shifts: roster },
      { kind: "roster", name: "Twice", group: "Team", shifts: [roster[0]!, roster[0]!] },
    ] as never;
    const parsed = parseScenario(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(["interventions[1].shifts[1].name"]));
    const again = parseScenario({ ...input, interventions: [input.interventions![0]] });
    expect(again.ok ? [] : again.issues.map((issue) => [issue.path, issue.message])).toEqual([["interventions[0].group", 'unknown group "Nobody"; expected one of "Team"']]);
  });
});
