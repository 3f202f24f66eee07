import { erlang, solveAgents } from "@ccplan/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculate } from "./calculate.js";
import { DEFAULT_INPUTS, type RawInputs } from "./fields.js";

const inputs = (changes: Partial<RawInputs> = {}): RawInputs => ({ ...DEFAULT_INPUTS, ...changes });
const messageOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected core to throw");
};

describe("calculate", () => {
  it("passes the example to core in seconds and fractions and returns its results unchanged", () => {
    const calc = calculate(inputs());
    expect(calc.errors).toEqual({});
    expect(calc.result).toEqual(erlang("c", { arrivalRatePerSec: 200 / 3600, ahtSec: 180, agents: 14, targetAnswerSec: 20 }));
    expect(calc.result?.serviceLevel).toBeCloseTo(0.888, 3);
    expect(calc.solve).toEqual({
      kind: "solved",
      result: solveAgents({ model: "c", arrivalRatePerSec: 200 / 3600, ahtSec: 180, targetAnswerSec: 20, targetServiceLevel: 0.8 }),
    });
    expect(calc.solve.kind === "solved" && calc.solve.result.agents).toBe(14);
    expect(calc.targetServiceLevel).toBe(0.8);
  });

  it("plots core's service level at each agent count, including the entered and the solved counts", () => {
    const { curve } = calculate(inputs({ agents: "16" }));
    expect(curve.map((p) => p.agents)).toEqual(expect.arrayContaining([14, 16]));
    for (const point of curve) {
      const r = erlang("c", { arrivalRatePerSec: 200 / 3600, ahtSec: 180, agents: point.agents, targetAnswerSec: 20 });
      expect(point.value).toBe(r.serviceLevel);
    }
    expect(curve[0]!.value).toBeNull(); // below the load, Erlang C is unstable
  });

  it("puts core's message for −3 agents beside the agents field and still solves", () => {
    const calc = calculate(inputs({ agents: "-3" }));
    const expected = messageOf(() => erlang("c", { arrivalRatePerSec: 200 / 3600, ahtSec: 180, agents: -3, targetAnswerSec: 20 }));
    expect(calc.errors).toEqual({ agents: expected });
    expect(calc.result).toBeNull();
    expect(calc.solve.kind).toBe("solved");
  });

  it("says which field is empty or not a number", () => {
    expect(calculate(inputs({ agents: "" })).errors).toEqual({ agents: "Agents is empty; enter a number" });
    expect(calculate(inputs({ ahtSec: "3 min" })).errors).toEqual({ ahtSec: "Average handle time: “3 min” is not a number" });
  });

  it("reads only the fields the model uses", () => {
    const calc = calculate(inputs({ model: "b", patienceSec: "abc", targetServiceLevelPct: "" }));
    expect(calc.errors).toEqual({});
    expect(calc.result?.model).toBe("b");
    expect(calc.solve.kind).toBe("unavailable");
    expect(calc.targetServiceLevel).toBeNull();
  });

  it("reports core's range checks beside the field they concern", () => {
    expect(calculate(inputs({ model: "a", patienceSec: "0" })).errors.patienceSec).toMatch(/patienceSec/);
    expect(calculate(inputs({ contactsPerHour: "-1" })).errors.contactsPerHour).toMatch(/arrivalRatePerSec/);
    const shrinkage = calculate(inputs({ shrinkagePct: "100" }));
    expect(shrinkage.errors.shrinkagePct).toMatch(/shrinkage/);
    expect(shrinkage.solve.kind).toBe("error");
    expect(shrinkage.result).not.toBeNull();
  });

  it("never throws, whatever is typed", () => {
    const typed = fc.oneof(
      fc.constantFrom("", " ", "-", "1e", "NaN", "Infinity", "-0", "0", "1e308", "1e-320", "0x10"),
      fc.double().map(String),
      fc.integer({ min: -5, max: 500 }).map(String),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.constantFrom("b", "c", "a") as fc.Arbitrary<RawInputs["model"]>, typed, typed, typed, typed, typed, (model, rate, aht, agents, patience, shrinkage) => {
        const calc = calculate(inputs({ model, contactsPerHour: rate, ahtSec: aht, agents, patienceSec: patience, shrinkagePct: shrinkage }));
        expect(calc.result === null || typeof calc.result.offeredLoad === "number").toBe(true);
        for (const point of calc.curve) expect(point.value === null || Number.isFinite(point.value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

it("reads a percent typed with its unit, and decimals only", () => {
  const inputs = { model: "c", contactsPerHour: "200", ahtSec: "180", agents: "14", patienceSec: "", targetAnswerSec: "20", targetServiceLevelPct: "80 %", maxOccupancyPct: "", shrinkagePct: "30%" } as const;
  const result = calculate(inputs);
  expect(result.errors).toEqual({});
  expect(result.targetServiceLevel).toBeCloseTo(0.8, 12);
  expect(calculate({ ...inputs, ahtSec: "0x10" }).errors.ahtSec).toBe("Average handle time: “0x10” is not a number");
});
