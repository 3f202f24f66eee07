import { describe, expect, it } from "vitest";
import { BUNDLED_SCENARIOS, defaultScenario } from "../scenario/bundled.js";
import { helpAt, schemaAt } from "./schema.js";

const draft = JSON.parse(defaultScenario().text) as Record<string, unknown>;

describe("the scenario schema, for help texts", () => {
  it("finds a field inside lists, unions and $refs", () => {
    expect(schemaAt(["groups", 0, "shifts", 1, "agents"], draft)?.type).toBe("integer");
    expect(schemaAt(["queues", 0, "handle", "cv"], draft)?.type).toBe("number");
    expect(schemaAt(["queues", 0, "forecast", "dailyContacts"], draft)?.type).toBe("array");
    expect(schemaAt(["interventions", 0, "agents"], draft)?.description).toBe("Agents added to the shift (negative removes).");
    expect(schemaAt(["nonsense", 3], draft)).toBeUndefined();
  });

  it("finds a field under a record keyed by name: the capacity plan's groups (their help named no source before)", () => {
    const year = JSON.parse(BUNDLED_SCENARIOS.find((entry) => entry.id === "year-plan")!.text) as Record<string, unknown>;
    const group = Object.keys((year.capacity as { groups: Record<string, unknown> }).groups)[0]!;
    expect(helpAt(["capacity", "groups", group, "attrition", "perMonth"], year)).toBe("Share of agents who leave in a month (0.03: 3%). Default 0 (assumption: enter your own).");
    expect(helpAt(["capacity", "groups", group, "hiring", "leadWeeks"], year)).toContain("Default 6 (assumption)");
    expect(helpAt(["capacity", "groups", group, "headcount"], year)).toContain("Agents employed at the start");
  });

  it("chooses an intervention's fields by its kind", () => {
    const training = { ...draft, interventions: [{ kind: "training", name: "T" }] };
    expect(helpAt(["interventions", 0, "satisfactionChange"], training)).toContain("the article “The customer-service KPI dimensions 90% of companies overlook");
    expect(schemaAt(["interventions", 0, "agents"], training)).toBeUndefined();
  });

  it("adds the default when the description does not state it", () => {
    expect(helpAt(["groups", 0, "shrinkage"], draft)).toBe("Share of scheduled time lost beyond the explicit breaks (absence, meetings, coaching). Default: 0.");
    expect(helpAt(["queues", 0, "targetAnswerSec"], draft)).toBe("Service-level target: answered within this many seconds. Default: 20.");
    expect(helpAt(["money", "horizonMonths"], draft)).toMatch(/^Financial horizon: .*\(default 12, a budget year; assumption\)/);
  });
});
