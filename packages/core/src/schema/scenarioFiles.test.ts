import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validatePlan } from "../des/validatePlan.js";
import { scenarioVariants } from "../interventions/scenarioVariants.js";
import { compileScenario } from "../plan/compile.js";
import { expectedContacts } from "../plan/expectedContacts.js";
import { formatScenarioIssues } from "./formatIssues.js";
import { parseScenarioText } from "./parseScenario.js";
import type { Scenario } from "./scenario.js";

const folder = new URL("../../../../scenarios/", import.meta.url);
// schema.json is the JSON Schema the scenario files point to, not a scenario.
const files = readdirSync(folder).filter((file) => file.endsWith(".json") && file !== "schema.json");

function load(file: string): Scenario {
  const result = parseScenarioText(readFileSync(new URL(file, folder), "utf8"));
  if (!result.ok) throw new Error(formatScenarioIssues(result.issues, `scenarios/${file}`));
  return result.scenario;
}

describe("every file in scenarios/", () => {
  it("finds the scenario files", () => expect(files).toContain("default.json"));

  it.each(files)("%s parses, points at the schema and compiles, with every variant", (file) => {
    const scenario = load(file);
    const raw = JSON.parse(readFileSync(new URL(file, folder), "utf8")) as { $schema?: string };
    expect(raw.$schema).toBe("./schema.json");
    for (const variant of scenarioVariants(scenario)) expect(() => validatePlan(compileScenario(variant.scenario))).not.toThrow();
  });
});

describe("scenarios/default.json", () => {
  const scenario = load("default.json");
  const plan = compileScenario(scenario);

  it("is one week of a mid-size center: 20,450 new calls, 3,300-3,900 a weekday", () => {
    const daily = scenario.queues[0]!.forecast;
    expect("dailyContacts" in daily && daily.dailyContacts).toEqual([3900, 3600, 3450, 3400, 3300, 1700, 1100]);
    expect(plan.dayLabels).toEqual(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
    // Bounded with every retry (0.3) and repeat (1 − 0.78) chain: the geometric series of the larger, far below 5 million.
    expect(expectedContacts(scenario)).toBeCloseTo(20_450 / (1 - 0.3), 6);
  });

  it("schedules at most 56 agents at once (75 work a weekday), and compares at least two staffing interventions", () => {
    const group = plan.groups[0]!;
    expect(Math.max(...group.staffingCounts)).toBe(56);
    const staffing = scenario.interventions.filter((intervention) => ["addAgents", "removeAgents", "moveShift", "lengthenShift", "addShift"].includes(intervention.kind));
    expect(staffing.length).toBeGreaterThanOrEqual(2);
    expect(scenarioVariants(scenario).map((variant) => variant.name)).toEqual(["Baseline", "+4 agents on Late", "Evening part-timers", "Early starts 30 min later"]);
  });

  it("prices the interventions in USD: wages per week and hiring once", () => {
    const [, late, evening, early] = scenarioVariants(scenario);
    expect(late!.costLines.map((line) => [line.kind, line.amount, line.currency])).toEqual([
      ["perWeek", 4 * 8.5 * 5 * 24, "USD"],
      ["oneOff", 4 * 4000, "USD"],
    ]);
    expect(evening!.costLines.map((line) => line.amount)).toEqual([4 * 4 * 5 * 24, 4 * 4000]);
    expect(early!.costLines).toEqual([]);
  });
});
