import { describe, expect, it } from "vitest";
import minimal from "./fixtures/minimal.json" with { type: "json" };
import { parseScenario } from "./parseScenario.js";
import type { ScenarioIssue } from "./scenarioIssue.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const input = (): any => structuredClone(minimal);

const fullDay = () => ({
  name: "Full day",
  starts: { from: "06:00", to: "12:00", stepMinutes: 30 },
  hours: 8.5,
  days: ["mon", "tue", "wed", "thu", "fri"],
  breaks: [
    { minutes: 15, earliestAfterHours: 1.5, latestAfterHours: 2.5 },
    { minutes: 30, earliestAfterHours: 3.5, latestAfterHours: 5 },
  ],
  breakStepMinutes: 15,
  minAgents: 0,
  maxAgents: 60,
  costPerHour: 24,
});

function issuesOf(raw: unknown): ScenarioIssue[] {
  const result = parseScenario(raw);
  if (result.ok) throw new Error("expected the scenario to be rejected");
  return result.issues;
}

describe("shift templates and group limits", () => {
  it("accept the issue's example, limits and a locked shift, and fill in the defaults", () => {
    const raw = input();
    raw.groups[0].shiftTemplates = [fullDay(), { name: "Short", starts: { from: "16:00", to: "18:00" }, hours: 4, days: ["sat"] }];
    raw.groups[0].maxAgentsAtOnce = 40;
    raw.groups[0].maxWeeklyHours = 1200;
    raw.groups[0].minAgentsOnFloor = 2;
    raw.groups[0].shifts[0].locked = true;
    const result = parseScenario(raw);
    expect(result.ok ? "ok" : result.issues).toBe("ok");
    if (!result.ok) return;
    const group = result.scenario.groups[0]!;
    expect(group.shiftTemplates![1]).toEqual({ name: "Short", starts: { from: "16:00", to: "18:00", stepMinutes: 30 }, hours: 4, days: ["sat"], breaks: [], breakStepMinutes: 15, minAgents: 0 });
    expect(group.shifts[0]!.locked).toBe(true);
    expect(group.shifts[1]!.locked).toBeUndefined();
  });

  it("accept a group with templates and no shifts", () => {
    const raw = input();
    delete raw.groups[0].shifts;
    raw.groups[0].shiftTemplates = [fullDay()];
    const result = parseScenario(raw);
    expect(result.ok ? "ok" : result.issues).toBe("ok");
    if (result.ok) expect(result.scenario.groups[0]!.shifts).toEqual([]);
  });

  it("reject bad templates naming the field, the value and what was expected", () => {
    const raw = input();
    const bad = fullDay();
    bad.starts.to = "05:00";
    bad.breaks[1]!.earliestAfterHours = 2;
    bad.minAgents = 70;
    bad.days.push("mon");
    const late = { ...fullDay(), name: "Full day", breaks: [{ minutes: 30, earliestAfterHours: 8, latestAfterHours: 8.25 }, { minutes: 15, earliestAfterHours: 2, latestAfterHours: 1 }] };
    raw.groups[0].shiftTemplates = [bad, late];
    raw.groups[0].maxWeeklyHours = -5;
    const issues = issuesOf(raw);
    const at = (path: string) => issues.find((found) => found.path === path);
    expect(at("groups[0].shiftTemplates[0].starts.to")).toMatchObject({ received: '"05:00"', expected: "a time at or after 06:00" });
    expect(at("groups[0].shiftTemplates[1].breaks[1].latestAfterHours")?.message).toMatch(/before its earliest start \(2 h\); expected latestAfterHours ≥ earliestAfterHours/);
    expect(at("groups[0].shiftTemplates[0].breaks[1].earliestAfterHours")?.message).toMatch(/expected windows in order that do not overlap/);
    expect(at("groups[0].shiftTemplates[0].minAgents")).toMatchObject({ received: "70", expected: "a number ≤ 60" });
    expect(at("groups[0].shiftTemplates[0].days[5]")?.message).toMatch(/"mon" is listed twice/);
    expect(at("groups[0].shiftTemplates[1].name")?.message).toMatch(/duplicate template name "Full day"/);
    expect(at("groups[0].shiftTemplates[1].breaks[0].latestAfterHours")).toMatchObject({ received: "8.25", expected: "a number ≤ 8" });
    expect(at("groups[0].maxWeeklyHours")).toMatchObject({ received: "-5" });
  });

  it("refuse templates that would give the optimiser too many choices", () => {
    const raw = input();
    raw.groups[0].shiftTemplates = [{ ...fullDay(), starts: { from: "00:00", to: "23:55", stepMinutes: 5 }, days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], breakStepMinutes: 5 }];
    const issues = issuesOf(raw);
    expect(issues[0]).toMatchObject({ path: "groups[0].shiftTemplates", expected: "at most 60,000 choices" });
    expect(issues[0]!.message).toMatch(/use fewer starts/);
  });
});
