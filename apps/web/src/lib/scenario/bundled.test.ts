import { describe, expect, it } from "vitest";
import { parseScenarioText } from "@ccplan/core";
import { BUNDLED_SCENARIOS, defaultScenario } from "./bundled.js";

describe("bundled scenarios", () => {
  it("holds scenarios/default.json first and leaves schema.json out", () => {
    expect(BUNDLED_SCENARIOS[0]?.id).toBe("default");
    expect(BUNDLED_SCENARIOS.some((entry) => entry.fileName === "schema.json")).toBe(false);
    expect(defaultScenario().fileName).toBe("default.json");
  });

  it("every bundled scenario parses and carries its title", () => {
    for (const entry of BUNDLED_SCENARIOS) {
      const parsed = parseScenarioText(entry.text);
      expect(parsed.ok, `${entry.fileName}: ${parsed.ok ? "" : parsed.issues.map((i) => i.message).join("; ")}`).toBe(true);
      if (parsed.ok) expect(entry.title).toBe(parsed.scenario.name);
    }
  });
});
