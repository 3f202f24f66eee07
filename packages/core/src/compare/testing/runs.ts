/**
 * Test support for the compare tests. Compiled with core (like des/testing), so it uses nothing beyond ES2022.
 */
import type { Plan } from "../../des/plan.js";
import type { ReplicationResult } from "../../des/result.js";
import { createSimulator } from "../../des/simulate.js";
import { parseScenario } from "../../schema/parseScenario.js";
import type { Scenario } from "../../schema/scenario.js";

/** Parses a scenario file's content (a copy of it), throwing when it is invalid. */
export function scenarioOf(input: unknown): Scenario {
  const parsed = parseScenario(JSON.parse(JSON.stringify(input)));
  if (!parsed.ok) throw new Error(`test scenario rejected: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}

/** Replications 0 … count − 1 of a plan. */
export function replications(plan: Plan, count: number): ReplicationResult[] {
  const simulator = createSimulator(plan);
  return Array.from({ length: count }, (_, k) => simulator.run(k));
}

/**
 * Throws unless every number of `expected` is matched in `actual` within `tolerance` × max(1, |expected|)
 * (absolute for fractions, relative for counts and seconds), and nulls, booleans and strings exactly; keys of
 * `actual` that `expected` lacks are ignored (extensions). The message names the first path that differs.
 */
export function assertClose(actual: unknown, expected: unknown, tolerance: number, path = "$"): void {
  const fail = (what: string) => {
    throw new Error(`${path}: ${what}`);
  };
  if (typeof expected === "number") {
    if (typeof actual !== "number") fail(`expected ${expected}, got ${String(actual)}`);
    const error = Math.abs((actual as number) - expected);
    if (!(error <= tolerance * Math.max(1, Math.abs(expected)))) fail(`expected ${expected}, got ${String(actual)} (differs by ${error})`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) fail(`expected an array of ${expected.length}`);
    expected.forEach((item, i) => assertClose((actual as unknown[])[i], item, tolerance, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object") fail("expected an object");
    for (const [key, value] of Object.entries(expected)) assertClose((actual as Record<string, unknown>)[key], value, tolerance, `${path}.${key}`);
  } else if (actual !== expected) {
    fail(`expected ${String(expected)}, got ${String(actual)}`);
  }
}
