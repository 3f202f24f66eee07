import fc from "fast-check";
import { describe, expect, it } from "vitest";
import full from "./fixtures/full.json" with { type: "json" };
import { validatePlan } from "../des/validatePlan.js";
import { scenarioVariants } from "../interventions/scenarioVariants.js";
import { compileScenario } from "../plan/compile.js";
import { parseScenario, parseScenarioText, type ParseScenarioResult } from "./parseScenario.js";

// Whatever comes in, parseScenario answers: a scenario that compiles into a valid plan with each of its
// variants, or issues that each say something.
function expectAnswer(result: ParseScenarioResult): void {
  if (result.ok) {
    for (const variant of scenarioVariants(result.scenario)) validatePlan(compileScenario(variant.scenario));
    return;
  }
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.message.length).toBeGreaterThan(0);
    expect(typeof issue.path).toBe("string");
    expect(typeof issue.received).toBe("string");
    expect(issue.expected.length).toBeGreaterThan(0);
  }
}

const extremeNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 31, 2 ** 53 + 2, Number.NaN, Infinity, -Infinity, 1e15, 20_001, 92, 93),
  fc.double(),
  fc.integer(),
);
const anyValue = fc.oneof(fc.jsonValue(), extremeNumber, fc.constantFrom(undefined, null, "", "mon", "07:00", "phone", "Phone team", "Early"));

// Every path into the fixture, so that a mutation can land anywhere, at any depth.
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key]))];
}
const PATHS = pathsOf(full).filter((path) => path.length > 0);

function mutate(base: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete parent[last];
  else parent[last] = value;
  return copy;
}

describe("parseScenario under random input", () => {
  it("answers any JSON value without throwing", () => {
    fc.assert(fc.property(anyValue, (value) => expectAnswer(parseScenario(value))), { numRuns: 300 });
  });

  it("answers a valid file with one to three fields replaced, removed or added, extreme numbers included", () => {
    const mutation = fc.record({ path: fc.constantFrom(...PATHS), value: anyValue, remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.option(fc.record({ key: fc.string(), value: anyValue })), (mutations, extra) => {
        let raw: unknown = full;
        for (const { path, value, remove } of mutations) {
          try {
            raw = mutate(raw, path, value, remove);
          } catch {
            // an earlier mutation removed or replaced the parent: nothing to change
          }
        }
        if (extra && typeof raw === "object" && raw !== null) (raw as Record<string, unknown>)[extra.key] = extra.value;
        expectAnswer(parseScenario(raw));
      }),
      { numRuns: 400 },
    );
  }, 20_000); // about a second alone; room for a busy machine

  it("answers any text", () => {
    const text = fc.oneof(fc.string(), fc.json(), fc.constantFrom(JSON.stringify(full)).map((json) => json.slice(0, json.length / 2)));
    fc.assert(fc.property(text, (source) => expectAnswer(parseScenarioText(source))), { numRuns: 300 });
  });
});
