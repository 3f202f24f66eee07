import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { scenarioOf } from "../compare/testing/runs.js";
import { staffingWarnings } from "./shiftsWithoutContacts.js";

const file = JSON.parse(readFileSync(new URL("../../../../scenarios/default.json", import.meta.url), "utf8")) as {
  groups: { shifts: { name: string; start: string; days: string[] }[] }[];
  interventions: Record<string, unknown>[];
};

it("staffingWarnings finds nothing in the default scenario: every shift works while contacts come", () => {
  expect(staffingWarnings(scenarioOf(file))).toEqual([]);
});

it("staffingWarnings names an intervention that moves a shift past closing, with the stretch and its days", () => {
  const input = structuredClone(file);
  input.interventions.push({ kind: "moveShift", name: "Late 30 min later", group: "Service team", shift: "Late", minutes: 30 });
  const late = input.groups[0]!.shifts.find((shift) => shift.name === "Late")!;
  const warnings = staffingWarnings(scenarioOf(input));
  expect(warnings).toEqual([
    {
      path: `interventions[${input.interventions.length - 1}]`,
      message: `with this intervention, shift “Late” of “Service team” has agents with no contacts forecast: 22:00–22:30 on ${late.days.join(", ")} (after the last contacts)`,
    },
  ]);
});

it("staffingWarnings names a shift of the scenario that starts before opening", () => {
  const input = structuredClone(file);
  input.interventions = [];
  input.groups[0]!.shifts[0]!.start = "06:00";
  const [warning] = staffingWarnings(scenarioOf(input));
  expect(warning?.path).toBe("groups[0].shifts[0]");
  expect(warning?.message).toContain(`06:00–07:00 on ${input.groups[0]!.shifts[0]!.days.join(", ")} (before the first contacts)`);
});
