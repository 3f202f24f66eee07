import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSolverSession } from "../roster/mipSolver.js";
import { loadTestHighs } from "../roster/testing/highs.js";
import { parseScenario } from "../schema/parseScenario.js";
import type { Scenario } from "../schema/scenario.js";
import { CAPACITY_FIELD, CAPACITY_FIELDS, replicationPeople, type CapacityRun } from "./capacityReplication.js";
import { findHiringPlan, type ProjectRun } from "./hirePlan.js";

// The hiring plan's logic on a stand-in for the simulation: each week's service level is a known function of the
// agents on the floor of that replication (its people drawn as in a real run), 0.8 + 0.02 × (agents − need), so that
// the requirement, the integer program and its limits can be checked in milliseconds. The real simulation's plan is
// checked end to end on scenarios/year-plan.json (test/cli.test.ts).
const raw = JSON.parse(readFileSync(new URL("../../../../scenarios/year-plan.json", import.meta.url), "utf8"));
function scenarioWith(hiring: Record<string, unknown>): Scenario {
  const copy = structuredClone(raw);
  Object.assign(copy.capacity.groups["Service team"].hiring, hiring);
  const parsed = parseScenario(copy);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}
const NEED = (week: number) => 24 + (week > 30 ? 6 : 0);
const REPLICATIONS = 30;
const solver = createSolverSession(loadTestHighs);

function standIn(scenario: Scenario): ProjectRun {
  const width = CAPACITY_FIELDS.length;
  return async (changes) => {
    const run: CapacityRun = { scenario, ...changes };
    return Array.from({ length: REPLICATIONS }, (_, k) => {
      const people = replicationPeople(run, k)["Service team"]!;
      const row = new Float64Array(people.length * width);
      people.forEach((week, w) => {
        const effective = week.effective + (changes.extraAgents?.["Service team"] ?? 0);
        row[w * width + CAPACITY_FIELD.effective] = effective;
        row[w * width + CAPACITY_FIELD.serviceLevel] = 0.8 + 0.02 * (effective - NEED(w + 1));
      });
      return row;
    });
  };
}
const probability = (rows: Float64Array[], week: number) =>
  rows.filter((row) => row[(week - 1) * CAPACITY_FIELDS.length + CAPACITY_FIELD.serviceLevel]! >= 0.8).length / rows.length;

describe("findHiringPlan", () => {
  it("covers every week from the first possible graduation at the confidence, with classes within the lead time and sizes", async () => {
    const scenario = scenarioWith({});
    const plan = await findHiringPlan({ scenario, confidence: 0.9, replications: REPLICATIONS, project: standIn(scenario), solver });
    expect(plan.firstGraduationWeek).toBe(10);
    for (let week = 10; week <= 52; week++) expect(probability(plan.rows, week), `week ${week}`).toBeGreaterThanOrEqual(0.9);
    expect(plan.planned.length).toBeGreaterThan(0);
    for (const entry of plan.planned) {
      expect(entry.week).toBeGreaterThanOrEqual(7); // recruiting 6 weeks from week 1
      expect(entry.size).toBeGreaterThanOrEqual(4);
      expect(entry.size).toBeLessThanOrEqual(12);
    }
    // The committed class stays; the plan's classes come on top.
    expect(plan.classes["Service team"]!.find((entry) => entry.week === 10)).toEqual({ week: 10, size: 6, committed: true });
    expect(plan.atRisk.every((week) => week.week < 10 && week.reason.includes("inside the lead time"))).toBe(true);
    expect(plan.cost.total).toBeCloseTo(plan.cost.hiring + plan.cost.wages, 6);
  });

  it("stays within the budget and says which weeks it leaves short, and why", async () => {
    const scenario = scenarioWith({ budget: 30_000 });
    const plan = await findHiringPlan({ scenario, confidence: 0.9, replications: REPLICATIONS, project: standIn(scenario), solver });
    expect(plan.cost.budgetUsed).toBeLessThanOrEqual(30_000);
    const late = plan.atRisk.filter((week) => week.week >= 10);
    expect(late.length).toBeGreaterThan(0);
    // The amount in the scenario's currency (year-plan's: USD), as every other amount is shown.
    for (const week of late) expect(week.reason).toContain("the hiring budget (30,000 USD) is spent");
  });

  it("refuses a confidence outside (0, 1) and a scenario without a capacity plan", async () => {
    const scenario = scenarioWith({});
    await expect(findHiringPlan({ scenario, confidence: 1, replications: 10, project: standIn(scenario), solver })).rejects.toThrow(/invalid confidence/);
    const { capacity: _capacity, ...without } = scenario;
    await expect(findHiringPlan({ scenario: without as Scenario, confidence: 0.9, replications: 10, project: standIn(scenario), solver })).rejects.toThrow(/no capacity plan/);
  });
});
