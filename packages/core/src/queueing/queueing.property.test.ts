import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlang } from "./erlang.js";
import { erlangA, erlangAOfferedWaitTail } from "./erlangA.js";
import { erlangB } from "./erlangB.js";
import { erlangC } from "./erlangC.js";
import type { ErlangResult } from "./erlangResult.js";
import { requiredAgentsByInterval } from "./requiredAgentsByInterval.js";
import { MAX_SOLVED_AGENTS, solveAgents, type SolveAgentsResult } from "./solveAgents.js";

// Every input either throws an Error with a message or gives values that are finite or explicitly null:
// never NaN, never a negative wait, every probability in [0, 1].

const extremes = [0, -0, 1e-300, 5e-324, 1e300, Number.MAX_VALUE, Number.NaN, Infinity, -Infinity, -1, 0.5, 1, 20];
const anyNumber = fc.oneof(fc.constantFrom(...extremes), fc.double(), fc.double({ min: 0, max: 1e4, noNaN: true }));
const anyAgents = fc.oneof(
  fc.constantFrom(0, 1, 2, 20_000, 1_000_000, 1_000_001, 1e9, 1.5, -1, Number.NaN, Infinity),
  fc.integer({ min: 0, max: 500 }),
  fc.double(),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const inputs = fc.record({
  arrivalRatePerSec: anyNumber, ahtSec: anyNumber, agents: anyAgents, patienceSec: maybe(anyNumber), targetAnswerSec: maybe(anyNumber),
});
/** Plausible traffic mixed with extremes, so that a good share of runs get past validation. */
const plausible = fc.record({
  arrivalRatePerSec: fc.oneof(fc.double({ min: 0, max: 20, noNaN: true }), fc.constantFrom(0, 1e-300, 1e300)),
  ahtSec: fc.oneof(fc.double({ min: 1, max: 3600, noNaN: true }), fc.constantFrom(1e-300, 1e300)),
  agents: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 300 }), weight: 6 }, { arbitrary: fc.constantFrom(20_000, 1_000_000), weight: 1 }),
  patienceSec: maybe(fc.oneof(fc.double({ min: 1e-3, max: 3600, noNaN: true }), fc.constantFrom(1e-300, 1e300))),
  targetAnswerSec: maybe(fc.oneof(fc.double({ min: 0, max: 600, noNaN: true }), fc.constantFrom(0, 1e300))),
});

const PROBABILITIES = ["probWait", "probAbandon", "serviceLevel", "serviceLevelWaitWithin", "serviceLevelOfAnswered", "occupancy"] as const;
const NON_NEGATIVE = ["offeredLoad", "asa", "meanWaitAll", "meanQueueLength"] as const;

function expectSane(result: ErlangResult | SolveAgentsResult): void {
  for (const [key, value] of Object.entries(result)) {
    if (typeof value === "number") expect(Number.isFinite(value), `${key} = ${value}`).toBe(true);
    else expect(value === null || typeof value === "string" || typeof value === "boolean", key).toBe(true);
  }
  for (const key of PROBABILITIES) {
    const p = result[key];
    if (p !== null) expect(p >= 0 && p <= 1, `${key} = ${p}`).toBe(true);
  }
  for (const key of NON_NEGATIVE) {
    const w = result[key];
    if (w !== null) expect(w >= 0, `${key} = ${w}`).toBe(true);
  }
  expect(Number.isInteger(result.agents)).toBe(true);
}

/** Runs `call`; a throw must be an Error with a short message, anything returned goes to `check`. */
function either<T>(call: () => T, check: (value: T) => void): void {
  let value: T;
  try {
    value = call();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^(interval \d+: )?invalid /);
    return;
  }
  check(value);
}

describe("the queueing formulas never return NaN, negative waits or probabilities outside [0, 1]", () => {
  it("erlangB", () => {
    fc.assert(
      fc.property(anyAgents, anyNumber, (agents, load) => {
        either(() => erlangB(agents, load), (b) => expect(b >= 0 && b <= 1, `B = ${b}`).toBe(true));
      }),
      { numRuns: 300 },
    );
  });
  it.each(["b", "c", "a"] as const)("erlang(%s) on extreme inputs", (model) => {
    fc.assert(fc.property(inputs, (x) => either(() => erlang(model, x), expectSane)), { numRuns: 300 });
  });
  it.each(["b", "c", "a"] as const)("erlang(%s) on plausible inputs", (model) => {
    fc.assert(fc.property(plausible, (x) => either(() => erlang(model, x), expectSane)), { numRuns: 200 });
  });
  it("erlangC and erlangA directly, and the offered-wait tail", () => {
    fc.assert(
      fc.property(plausible, (x) => {
        either(() => erlangC(x), expectSane);
        either(() => erlangA(x), expectSane);
        either(() => erlangAOfferedWaitTail(x), (p) => expect(p >= 0 && p <= 1, `P(V > t) = ${p}`).toBe(true));
      }),
      { numRuns: 200 },
    );
  });
  it("erlang rejects an unknown model", () => {
    expect(() => erlang("d" as never, { arrivalRatePerSec: 1, ahtSec: 1, agents: 2 })).toThrow('invalid model: "d"');
  });
});

describe("the solvers never return NaN and always stop", () => {
  const options = fc.record({
    model: fc.constantFrom("c" as const, "a" as const),
    targetServiceLevel: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 1e-300, 1.5, -0.1, Number.NaN)),
    maxOccupancy: maybe(fc.oneof(fc.double({ min: 0.5, max: 1, noNaN: true }), fc.constantFrom(0, 1e-300, 2, Number.NaN))),
    shrinkage: maybe(fc.oneof(fc.double({ min: 0, max: 0.6, noNaN: true }), fc.constantFrom(0.999, 1, -1, Number.NaN))),
    convention: maybe(fc.constantFrom("answeredWithin" as const, "waitWithin" as const)),
  });
  it("solveAgents", () => {
    fc.assert(
      fc.property(plausible, options, ({ agents: _, ...traffic }, rule) => {
        either(
          () => solveAgents({ ...traffic, ...rule }),
          (r) => {
            expectSane(r);
            expect(r.agents).toBeLessThanOrEqual(MAX_SOLVED_AGENTS);
            expect(r.scheduledAgents).toBeGreaterThanOrEqual(r.agents);
            if (!r.targetMet) expect(r.agents).toBe(MAX_SOLVED_AGENTS);
          },
        );
      }),
      { numRuns: 80 },
    );
  });
  it("requiredAgentsByInterval", () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 6 }), anyNumber, options, (rates, ahtSec, rule) => {
        either(
          () => requiredAgentsByInterval({ ...rule, arrivalRatePerSec: rates, ahtSec, patienceSec: 60, targetAnswerSec: 20 }),
          ({ agents, scheduledAgents }) => {
            expect(agents.length).toBe(rates.length);
            for (let i = 0; i < agents.length; i++) {
              expect(agents[i]!).toBeGreaterThanOrEqual(0);
              expect(scheduledAgents[i]!).toBeGreaterThanOrEqual(agents[i]!);
            }
          },
        );
      }),
      { numRuns: 80 },
    );
  });
});
