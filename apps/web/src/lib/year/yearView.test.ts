import { readFileSync } from "node:fs";
import { capacityReplication, parseScenario, weekTargetServiceLevel, type Scenario } from "@ccplan/core";
import { describe, expect, it } from "vitest";
import { weekAxis, yearView } from "./yearView";

const raw = JSON.parse(readFileSync(new URL("../../../../../scenarios/year-plan.json", import.meta.url), "utf8"));
const parsed = parseScenario(raw);
if (!parsed.ok) throw new Error("scenarios/year-plan.json must be valid");
const scenario: Scenario = parsed.scenario;

describe("the Year view's data", () => {
  it("labels weeks by their first day and ticks the first week of each month as core's calendar counts it", () => {
    const { weekLabels, weekDates, ticks } = weekAxis(scenario);
    expect(weekLabels[0]).toBe("Week 1 · 4 Jan 2027");
    expect(weekDates[4]).toBe("1 Feb 2027");
    expect(weekLabels[4]).toBe("Week 5 · 1 Feb 2027");
    expect(ticks.map((tick) => tick.label)).toEqual(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]);
    expect(ticks[1]).toEqual({ index: 4, label: "Feb" });
  });

  it("packs core's summary: a mean and P10–P90 per week, the classes, and no requirement without a plan", () => {
    const short = { ...scenario, capacity: { ...scenario.capacity!, weeks: 2, groups: { "Service team": { ...scenario.capacity!.groups["Service team"]!, hiring: { ...scenario.capacity!.groups["Service team"]!.hiring, classes: [] } } } } };
    const rows = [0, 1].map((k) => capacityReplication({ scenario: short }, k));
    const view = yearView({ run: { scenario: short }, rows, targetServiceLevel: weekTargetServiceLevel(short), weeksAsked: 4, weeksSimulated: 4 });
    expect(view.headcount.mean).toHaveLength(2);
    expect(view.headcount.mean[0]).toBe(26);
    expect(view.required).toBeNull();
    expect(view.classes).toEqual([]);
    expect(view.report.weeks.map((week) => week.week)).toEqual([1, 2]);
    expect(view.serviceLevel.p10[0]).toBeLessThanOrEqual(view.serviceLevel.p90[0]!);
  });
});
