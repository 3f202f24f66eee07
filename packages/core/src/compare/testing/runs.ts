/**
 * Test support: plans and replications shared by the compare tests.
 */
import { expect } from "vitest";
import type { Plan } from "../../des/plan.js";
import type { ReplicationResult } from "../../des/result.js";
import { createSimulator } from "../../des/simulate.js";
import { compileScenario } from "../../plan/compile.js";
import full from "../../schema/fixtures/full.json" with { type: "json" };
import { parseScenario } from "../../schema/parseScenario.js";
import type { Scenario } from "../../schema/scenario.js";

/** Parses a scenario file's content, failing the test when it is invalid. */
export function scenarioOf(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`test scenario rejected: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}

/** The full fixture: two queues, three days of 30-minute intervals, day-level dispersion, eight interventions. */
export const fullScenario = (): Scenario => scenarioOf(structuredClone(full));

/** Replications 0 … count − 1 of a plan. */
export function replications(plan: Plan, count: number): ReplicationResult[] {
  const simulator = createSimulator(plan);
  return Array.from({ length: count }, (_, k) => simulator.run(k));
}

/** The full fixture's baseline, compiled. */
export const fullPlan = (): Plan => compileScenario(fullScenario());

/**
 * Asserts that every number of `expected` is matched in `actual` within `tolerance` × max(1, |expected|)
 * (absolute for fractions, relative for counts and seconds), nulls and strings exactly; keys of `actual`
 * that `expected` lacks are ignored (extensions).
 */
export function expectClose(actual: unknown, expected: unknown, tolerance: number, path = "$"): void {
  if (typeof expected === "number") {
    expect(typeof actual, path).toBe("number");
    expect(Math.abs((actual as number) - expected), path).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((item, i) => expectClose((actual as unknown[])[i], item, tolerance, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === "object") {
    expect(actual !== null && typeof actual === "object", path).toBe(true);
    for (const [key, value] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[key], value, tolerance, `${path}.${key}`);
  } else {
    expect(actual, path).toBe(expected);
  }
}
