import { describe, expect, it } from "vitest";
import { agentRange } from "./agentRange.js";

describe("agentRange", () => {
  it("starts just below the offered load and runs past the marked counts", () => {
    const range = agentRange(10, [14]);
    expect(range[0]).toBe(9);
    expect(range.at(-1)).toBeGreaterThan(14);
    expect(range).toContain(14);
  });
  it("never goes below one agent", () => expect(agentRange(0.2, [])[0]).toBe(1));
  it("samples wide ranges with a step but keeps the marked counts", () => {
    const range = agentRange(1000, [1063, 1200]);
    expect(range.length).toBeLessThanOrEqual(83);
    expect(range).toContain(1063);
    expect(range).toContain(1200);
    expect([...range].sort((a, b) => a - b)).toEqual(range);
  });
});

describe("agentRange at the edges", () => {
  it("draws nothing for a load the formulas cannot take", () => {
    expect(agentRange(Number.POSITIVE_INFINITY, [])).toEqual([]);
    expect(agentRange(1e150, [])).toEqual([]);
    expect(agentRange(Number.NaN, [3])).toEqual([]);
  });
  it("ignores marks that are not agent counts", () => {
    expect(agentRange(5, [Number.NaN, 2.5, -1, 1e9])).toEqual(agentRange(5, []));
  });
});
