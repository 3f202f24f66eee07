import { describe, expect, it } from "vitest";
import { parseScenario } from "../schema/parseScenario.js";
import { tinyRosterInput } from "../roster/testing/tinyScenario.js";
import { applyIntervention } from "./applyIntervention.js";

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
    // People: 11 today, 13 in the roster: two hires at 1,000.
    expect(costLines).toEqual([{ label: "Optimised roster: roster of Team: hiring", kind: "oneOff", amount: 2000, currency: "USD" }]);
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
