import { describe, expect, it } from "vitest";
import full from "../schema/fixtures/full.json" with { type: "json" };
import type { Intervention } from "../schema/intervention.js";
import { parseScenario } from "../schema/parseScenario.js";
import type { Scenario } from "../schema/scenario.js";
import { applyIntervention } from "./applyIntervention.js";
import { scenarioVariants } from "./scenarioVariants.js";

function baseline(): Scenario {
  const result = parseScenario(full);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

const named = (scenario: Scenario, name: string) => scenario.interventions.find((intervention) => intervention.name === name)!;
const phoneShift = (scenario: Scenario, name: string) => scenario.groups[0]!.shifts.find((shift) => shift.name === name)!;

describe("applyIntervention", () => {
  it("is pure: the input scenario is unchanged, even deeply", () => {
    const scenario = baseline();
    const before = structuredClone(scenario);
    for (const intervention of scenario.interventions) applyIntervention(scenario, intervention);
    expect(scenario).toEqual(before);
  });

  it("addAgents adds to the shift and prices wages per week plus hiring once", () => {
    const scenario = baseline();
    const { scenario: after, costLines } = applyIntervention(scenario, named(scenario, "+4 on Late"));
    expect(phoneShift(after, "Late").agents).toBe(12);
    expect(after.seed).toBe(7);
    // 4 agents × 9 h × 5 days × 24 EUR = 4,320 a week; 4 × 3,500 hiring.
    expect(costLines).toEqual([
      { label: "+4 on Late: +4 agents on Late (9 h × 5 days): wages", kind: "perWeek", amount: 4320, currency: "EUR" },
      { label: "+4 on Late: +4 agents on Late (9 h × 5 days): hiring", kind: "oneOff", amount: 14_000, currency: "EUR" },
    ]);
  });

  it("removeAgents takes full-speed agents first, then ramping ones, so a shift never has more ramping agents than agents", () => {
    const scenario = baseline();
    const late = phoneShift(scenario, "Late");
    const withRamping: Scenario = {
      ...scenario,
      groups: scenario.groups.map((group, g) =>
        g === 0 ? { ...group, shifts: group.shifts.map((shift) => (shift === late ? { ...shift, ramping: [{ agents: 3, productivity: 0.5 }, { agents: 2, productivity: 0.8 }] } : shift)) } : group,
      ),
    };
    const remove = (agents: number): Intervention => ({ kind: "removeAgents", name: "cut", group: scenario.groups[0]!.name, shift: "Late", agents });
    // Late has 8 agents, 5 of them ramping: removing 3 leaves the 5 ramping; removing 5 leaves 3 of them (the 50% ones).
    expect(phoneShift(applyIntervention(withRamping, remove(3)).scenario, "Late").ramping).toEqual([{ agents: 3, productivity: 0.5 }, { agents: 2, productivity: 0.8 }]);
    expect(phoneShift(applyIntervention(withRamping, remove(5)).scenario, "Late")).toMatchObject({ agents: 3, ramping: [{ agents: 3, productivity: 0.5 }] });
    expect(phoneShift(applyIntervention(withRamping, remove(8)).scenario, "Late").ramping).toBeUndefined();
  });

  it("removeAgents and negative addAgents give a negative wage line and no hiring", () => {
    const scenario = baseline();
    const removed = applyIntervention(scenario, named(scenario, "-2 on Early"));
    expect(phoneShift(removed.scenario, "Early").agents).toBe(8);
    expect(removed.costLines).toEqual([{ label: "-2 on Early: -2 agents on Early (8.5 h × 5 days): wages", kind: "perWeek", amount: -2040, currency: "EUR" }]);
    const negative: Intervention = { kind: "addAgents", name: "fewer", group: "Phone team", shift: "Early", agents: -2 };
    expect(applyIntervention(scenario, negative).costLines.map((line) => line.amount)).toEqual([-2040]);
  });

  it("moveShift moves the start and the breaks, and the days when it crosses midnight", () => {
    const scenario = baseline();
    const early = phoneShift(applyIntervention(scenario, named(scenario, "Early 30 min later")).scenario, "Early");
    expect(early).toMatchObject({ start: "07:30", days: ["mon", "tue", "wed", "thu", "fri"], breaks: [{ start: "10:00", minutes: 15 }, { start: "12:00", minutes: 30 }] });
    const night = phoneShift(applyIntervention(scenario, named(scenario, "Night 3 h later")).scenario, "Night");
    expect(night).toMatchObject({ start: "01:00", days: ["sun", "mon", "tue"], breaks: [{ start: "05:00", minutes: 30 }] });
    const earlier: Intervention = { kind: "moveShift", name: "earlier", group: "Phone team", shift: "Early", minutes: -480 };
    expect(phoneShift(applyIntervention(scenario, earlier).scenario, "Early")).toMatchObject({ start: "23:00", days: ["sun", "mon", "tue", "wed", "thu"] });
    expect(applyIntervention(scenario, earlier).costLines).toEqual([]);
  });

  it("lengthenShift changes the hours and prices the extra paid hours", () => {
    const scenario = baseline();
    const { scenario: after, costLines } = applyIntervention(scenario, named(scenario, "Late +1 h"));
    expect(phoneShift(after, "Late").hours).toBe(10);
    expect(costLines).toEqual([{ label: "Late +1 h: +1 h for 8 agents on Late: wages", kind: "perWeek", amount: 960, currency: "EUR" }]);
  });

  it("addShift appends the shift to its group, with wages and hiring", () => {
    const scenario = baseline();
    const { scenario: after, costLines } = applyIntervention(scenario, named(scenario, "Weekend day"));
    expect(after.groups[1]!.shifts.map((shift) => shift.name)).toEqual(["Day", "Weekend"]);
    expect(after.groups[0]).toBe(scenario.groups[0]); // untouched parts are shared, not copied
    expect(costLines.map((line) => [line.kind, line.amount])).toEqual([
      ["perWeek", 3 * 6 * 2 * 24],
      ["oneOff", 3 * 3500],
    ]);
  });

  it("scaleAht scales the handle time of one queue, scalePatience of all queues with patience", () => {
    const scenario = baseline();
    const aht = applyIntervention(scenario, named(scenario, "Training")).scenario;
    expect(aht.queues[0]!.handle).toEqual({ dist: "lognormal", meanSec: 276, cv: 0.9 });
    expect(aht.queues[1]!.handle).toBe(scenario.queues[1]!.handle);
    const patience = applyIntervention(scenario, named(scenario, "Queue announcements")).scenario;
    expect(patience.queues[0]!.patience).toEqual({ dist: "exponential", meanSec: 276 });
    expect(patience.queues[1]!.patience).toEqual({ dist: "empirical", valuesSec: [34.5, 69, 138, 345, 690] });
  });

  it("gives no cost lines without money", () => {
    const scenario = { ...baseline(), money: undefined };
    expect(applyIntervention(scenario, named(scenario, "+4 on Late")).costLines).toEqual([]);
  });

  it("throws on an intervention the scenario cannot take", () => {
    const scenario = baseline();
    expect(() => applyIntervention(scenario, { kind: "addAgents", name: "x", group: "Nobody", shift: "Late", agents: 1 })).toThrow(
      'invalid intervention "x": unknown group "Nobody"; expected one of "Phone team", "Chat team"',
    );
    expect(() => applyIntervention(scenario, { kind: "removeAgents", name: "y", group: "Phone team", shift: "Night", agents: 3 })).toThrow(
      'invalid intervention "y": shift "Night" has 2 agents; removing 3 would leave -1',
    );
  });
});

describe("scenarioVariants", () => {
  it("puts the baseline first, then one variant per intervention applied to the baseline, all on the same seed", () => {
    const scenario = baseline();
    const variants = scenarioVariants(scenario);
    expect(variants.map((variant) => variant.name)).toEqual(["Baseline", ...scenario.interventions.map((intervention) => intervention.name)]);
    expect(variants.every((variant) => variant.scenario.seed === 7 && variant.scenario.interventions.length === 0)).toBe(true);
    expect(variants[0]!.costLines).toEqual([]);
    expect(phoneShift(variants[0]!.scenario, "Late").agents).toBe(8);
    expect(phoneShift(variants[1]!.scenario, "Late").agents).toBe(12);
    // Each applies to the baseline alone: the second variant does not carry the first one's agents.
    expect(phoneShift(variants[2]!.scenario, "Late").agents).toBe(8);
    expect(variants[1]!.costLines).toHaveLength(2);
  });
});
