import { describe, expect, it } from "vitest";
import { normalQuantile } from "../random/normalQuantile.js";
import { normalCdf } from "../stats/normalCdf.js";
import { acceptabilityCurve, breakEvens, customerValueGrid, type LinearNetBenefit } from "./acceptability.js";

const N = 2000;
const constant = (value: number) => new Float64Array(N).fill(value);
// B costs 1,000 net of its other benefits, give or take N(0, 400²) across futures, and keeps 10 customers in every one:
// it breaks even with the baseline at a kept customer's value of 100, and is best with probability Φ((10v − 1000)/400).
const z = Float64Array.from({ length: N }, (_, k) => normalQuantile((k + 0.5) / N));
const baseline: LinearNetBenefit = { option: "baseline", atZero: constant(0), perCustomerValue: constant(0) };
const training: LinearNetBenefit = { option: "training", atZero: z.map((v) => -1000 + 400 * v), perCustomerValue: constant(10) };

describe("the acceptability curve on two options with a known break-even", () => {
  it("breaks even at a kept customer's value of 100, exactly", () => {
    const [only, ...rest] = breakEvens([baseline, training], 1000);
    expect(rest).toEqual([]);
    expect(only!.from).toBe("baseline");
    expect(only!.to).toBe("training");
    expect(only!.customerValue).toBeCloseTo(100, 9);
  });

  it("gives the probability each option is best: Φ((10v − 1000)/400) for the training, the rest to the baseline", () => {
    const values = [0, 50, 80, 100, 120, 150, 300];
    for (const point of acceptabilityCurve([baseline, training], values)) {
      const expected = normalCdf((10 * point.customerValue - 1000) / 400);
      expect(Math.abs(point.probBest.training! - expected)).toBeLessThanOrEqual(1 / N + 1e-9);
      expect(point.probBest.baseline! + point.probBest.training!).toBeCloseTo(1, 12);
      expect(point.frontier).toBe(point.customerValue < 100 ? "baseline" : "training");
    }
  });

  it("marks the frontier by the expected net benefit, not the most probable winner", () => {
    // A skewed option: loses 100 in 90% of futures and gains 2,000 in 10%: expected +110, best in only 10% of them.
    const lottery: LinearNetBenefit = { option: "lottery", atZero: Float64Array.from({ length: N }, (_, k) => (k < 0.1 * N ? 2000 : -100)), perCustomerValue: constant(0) };
    const [point] = acceptabilityCurve([baseline, lottery], [0]);
    expect(point!.frontier).toBe("lottery");
    expect(point!.probBest.lottery).toBeCloseTo(0.1, 12);
  });
});

describe("break-evens on the frontier of several options", () => {
  const line = (option: string, a: number, b: number): LinearNetBenefit => ({ option, atZero: constant(a), perCustomerValue: constant(b) });

  it("follows the upper envelope: baseline to B at 100, B to C at 133.3", () => {
    const result = breakEvens([line("baseline", 0, 0), line("B", -1000, 10), line("C", -3000, 25)], 1000);
    expect(result.map((r) => [r.from, r.to])).toEqual([["baseline", "B"], ["B", "C"]]);
    expect(result[0]!.customerValue).toBeCloseTo(100, 9);
    expect(result[1]!.customerValue).toBeCloseTo(2000 / 15, 9);
  });

  it("skips an option that is never best, and stops at the range's end", () => {
    expect(breakEvens([line("baseline", 0, 0), line("B", -1000, 10), line("C", -3000, 40)], 1000).map((r) => [r.from, r.to, r.customerValue])).toEqual([["baseline", "C", 75]]);
    expect(breakEvens([line("baseline", 0, 0), line("B", -1000, 10)], 50)).toEqual([]);
  });

  it("draws the curve on an even grid with the break-evens added", () => {
    const grid = customerValueGrid(200, [{ customerValue: 133.3, from: "B", to: "C" }], 5);
    expect(grid).toEqual([0, 50, 100, 133.3, 150, 200]);
  });
});
