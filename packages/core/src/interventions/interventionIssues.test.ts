import { describe, expect, it } from "vitest";
import full from "../schema/fixtures/full.json" with { type: "json" };
import { interventionSchema } from "../schema/intervention.js";
import { parseScenario } from "../schema/parseScenario.js";
import type { Scenario } from "../schema/scenario.js";
import { interventionIssues } from "./interventionIssues.js";

function withInterventions(...inputs: Record<string, unknown>[]): Scenario {
  const result = parseScenario({ ...full, interventions: [] });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { ...result.scenario, interventions: inputs.map((input) => interventionSchema.parse(input)) };
}

describe("interventionIssues", () => {
  it("finds nothing wrong with the fixture's interventions", () => {
    const result = parseScenario(full);
    expect(result.ok && interventionIssues(result.scenario)).toEqual([]);
  });

  it("names unknown groups and queues by their path", () => {
    const issues = interventionIssues(
      withInterventions(
        { kind: "training", name: "T", groups: ["Phone team", "Nobody"] },
        { kind: "channelShift", name: "C", from: "fax", to: "fax", share: 0.1 },
      ),
    );
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ["interventions[0].groups[1]", 'unknown group "Nobody"; expected one of "Phone team", "Chat team"'],
      ["interventions[1].from", 'unknown queue "fax"; expected one of "phone", "chat"'],
      ["interventions[1].to", 'unknown queue "fax"; expected one of "phone", "chat"'],
      ["interventions[1].to", 'contacts would move from queue "fax" to itself; expected another queue'],
    ]);
  });

  it("refuses a process change without a resolution time to shorten", () => {
    const scenario = withInterventions({ kind: "processChange", name: "P", resolutionTimeChange: -0.3 });
    const without = { ...scenario, resolution: { ...scenario.resolution, resolutionTime: undefined } };
    expect(interventionIssues(without).map((issue) => issue.path)).toEqual(["interventions[0].resolutionTimeChange"]);
  });

  it("checks each part of a combined intervention against what the parts before it left", () => {
    const issues = interventionIssues(
      withInterventions({
        kind: "combined",
        name: "Both",
        interventions: [
          { kind: "removeAgents", name: "fewer", group: "Phone team", shift: "Night", agents: 2 },
          { kind: "removeAgents", name: "fewer again", group: "Phone team", shift: "Night", agents: 1 },
          { kind: "addAgents", name: "elsewhere", group: "Phone team", shift: "Nope", agents: 1 },
        ],
      }),
    );
    expect(issues).toEqual([
      { path: "interventions[0].interventions[1]", message: 'shift "Night" has 0 agents; removing 1 would leave -1', received: '"fewer again"', expected: "an intervention the scenario can take" },
      { path: "interventions[0].interventions[2]", message: 'group "Phone team" has no shift "Nope"', received: '"elsewhere"', expected: "an intervention the scenario can take" },
    ]);
  });
});
