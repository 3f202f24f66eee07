import { describe, expect, it } from "vitest";
import { parseScenarioText } from "@ccplan/core";
import { defaultScenario } from "../scenario/bundled.js";
import { lengthenedShift, movedShift } from "./shiftEdits.js";

const parsed = parseScenarioText(defaultScenario().text);
if (!parsed.ok) throw new Error("default.json must parse");
const scenario = parsed.scenario;

describe("shift edits through core", () => {
  it("moves a shift and its breaks 30 minutes later", () => {
    const moved = movedShift(scenario, "Service team", "Early", 30);
    expect(moved).toEqual({ ok: true, shift: expect.objectContaining({ start: "07:30", breaks: [{ start: "10:00", minutes: 15 }, { start: "11:30", minutes: 30 }] }) });
  });

  it("moves a shift across midnight onto the next days", () => {
    const moved = movedShift(scenario, "Service team", "Early", -8 * 60);
    expect(moved.ok && moved.shift.start).toBe("23:00");
    expect(moved.ok && moved.shift.days).toEqual(["sun", "mon", "tue", "wed", "thu"]);
  });

  it("lengthens a shift, and says why it cannot be shortened below zero", () => {
    const longer = lengthenedShift(scenario, "Service team", "Early", 0.5);
    expect(longer.ok && longer.shift.hours).toBe(9);
    const gone = lengthenedShift(scenario, "Service team", "Early", -9);
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error).toMatch(/would last -0.5 hours/);
  });
});
