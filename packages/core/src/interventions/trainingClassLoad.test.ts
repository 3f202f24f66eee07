import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../schema/parseScenario.js";
import type { Intervention } from "../schema/intervention.js";
import { groupAgentHoursPerWeek, groupHeadcount } from "./scenarioEdits.js";
import { CLASS_HOURS_ALLOWANCE, trainingClassLoad, trainingTemplate } from "./trainingClassLoad.js";

const raw = JSON.parse(readFileSync(new URL("../../../../scenarios/default.json", import.meta.url), "utf8"));
const withTraining = (training: Record<string, unknown>) => {
  const parsed = parseScenario({ ...raw, interventions: [training] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return { scenario: parsed.scenario, training: parsed.scenario.interventions[0] as Extract<Intervention, { kind: "training" }> };
};

describe("trainingClassLoad", () => {
  it("takes 16 hours of each agent's paid week off the floor when the whole team is in class at once", () => {
    const { scenario, training } = withTraining({ kind: "training", name: "T" });
    const group = scenario.groups[0]!;
    const hoursPerAgent = groupAgentHoursPerWeek(group) / groupHeadcount(group);
    const load = trainingClassLoad(scenario, training);
    expect(load.classWeeks).toBe(1);
    expect(load.cohorts).toBe(1);
    expect(load.peakShareInClass).toBeCloseTo(16 / hoursPerAgent, 12);
    // The default center: about half its paid hours in class that week.
    expect(load.peakShareInClass).toBeGreaterThan(0.4);
    expect(load.groups[0]!.shrinkageInPeakWeek).toBeCloseTo(1 - (1 - group.shrinkage) * (1 - load.peakShareInClass), 12);
  });

  it("shares the load among weekly cohorts, and adds up overlapping cohorts of a class spread over two weeks", () => {
    const all = withTraining({ kind: "training", name: "T" });
    const whole = trainingClassLoad(all.scenario, all.training).peakShareInClass;
    const quarter = withTraining({ kind: "training", name: "T", cohorts: { share: 0.25 } });
    expect(trainingClassLoad(quarter.scenario, quarter.training)).toMatchObject({ classWeeks: 4, cohorts: 4 });
    expect(trainingClassLoad(quarter.scenario, quarter.training).peakShareInClass).toBeCloseTo(whole / 4, 12);
    const twoWeeks = withTraining({ kind: "training", name: "T", classWeeks: 2, cohorts: { share: 0.25 } });
    // Each trainee loses half as much a week, but two cohorts sit in class at once.
    expect(trainingClassLoad(twoWeeks.scenario, twoWeeks.training).peakShareInClass).toBeCloseTo(whole / 4, 12);
    expect(trainingClassLoad(twoWeeks.scenario, twoWeeks.training).classWeeks).toBe(5);
  });
});

describe("trainingTemplate", () => {
  it("staggers the default class in weekly cohorts of whole agents, so no week takes more than 5% of the paid hours", () => {
    const { scenario } = withTraining({ kind: "training", name: "T" });
    const template = trainingTemplate(scenario, "Training programme");
    expect(template.kind).toBe("training");
    expect(template.cohorts?.agents).toBeGreaterThan(0);
    const staggered = withTraining(template);
    const load = trainingClassLoad(staggered.scenario, staggered.training);
    expect(load.peakShareInClass).toBeLessThanOrEqual(CLASS_HOURS_ALLOWANCE);
    expect(load.peakShareInClass).toBeGreaterThan(CLASS_HOURS_ALLOWANCE / 2);
    expect(load.cohorts).toBeGreaterThan(1);
  });

  it("keeps everyone in one week when the class fits within the allowance", () => {
    const { scenario } = withTraining({ kind: "training", name: "T" });
    const light = { ...scenario, groups: scenario.groups.map((group) => ({ ...group, shifts: group.shifts.map((shift) => ({ ...shift, hours: shift.hours * 100 })) })) };
    expect(trainingTemplate(light, "T")).toEqual({ kind: "training", name: "T" });
  });
});
