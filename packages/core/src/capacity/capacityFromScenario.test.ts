import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../schema/parseScenario.js";
import { capacityFromScenario } from "./capacityFromScenario.js";
import { weekScenario } from "./weekScenario.js";

const parse = (raw: unknown) => {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
};
const raw = JSON.parse(readFileSync(new URL("../../../../scenarios/default.json", import.meta.url), "utf8"));

describe("capacityFromScenario", () => {
  it("builds a year's plan of the default scenario that parses, each group at its shifts' headcount", () => {
    const scenario = parse(raw);
    const capacity = capacityFromScenario(scenario);
    const agents = raw.groups[0].shifts.reduce((sum: number, shift: { agents: number }) => sum + shift.agents, 0);
    expect(capacity).toEqual({ weeks: 52, groups: { "Service team": { headcount: agents, hiring: {} } } });
    const planned = parse({ ...raw, capacity });
    expect(planned.capacity?.groups["Service team"]).toMatchObject({ headcount: agents, hiring: { leadWeeks: 6, classWeeks: 3, classes: [] } });
    // Week 1 at the full headcount runs the scenario's own roster.
    const week = weekScenario(planned, { demandFactor: 1, shrinkage: null, groups: { "Service team": { onFloor: agents, ramping: 0, rampingProductivity: 1 } }, seed: 1, intervention: null });
    expect(week.groups[0]!.shifts.map((shift) => shift.agents)).toEqual(scenario.groups[0]!.shifts.map((shift) => shift.agents));
  });

  it("starts on a dated scenario's first day", () => {
    const dated = parse(JSON.parse(readFileSync(new URL("../../../../scenarios/year-plan.json", import.meta.url), "utf8")));
    const start = dated.startDate ?? "2027-01-04";
    expect(capacityFromScenario({ ...dated, startDate: start }).start).toBe(start);
  });
});
