import { expect, it } from "vitest";
import { logRegularizedGamma } from "./regularizedGamma.js";

// Reference values: ln of mpmath.gammainc(a, 0, x) and gammainc(a, x, ∞), regularized, at 50 digits.
const cases: [number, number, number, number][] = [
  [0.0025, 0.5, -0.0014022453279116187, -6.5703815621677297],
  [0.5, 0.1, -1.0634020471545287, -0.42354632347596572],
  [3, 2.5, -0.78485271983740808, -0.60914962812771409],
  [3, 40, -3.5728659287002327e-15, -33.265408340027052],
  [50, 51, -0.55443821059725629, -0.85424326282477595],
  [1000, 900, -7.5057699942338924, -0.00055005351741434473],
  [1000, 1200, -1.2881606094578222e-9, -20.470050520898304],
];

it("logRegularizedGamma gives P and Q to 1e-12 relative (shape ≤ 1000), both tails", () => {
  for (const [a, x, logP, logQ] of cases) {
    // |Δ ln P| is the relative error of P.
    expect(Math.abs(logRegularizedGamma(a, x, false) - logP), `ln P(${a}, ${x})`).toBeLessThan(1e-12);
    expect(Math.abs(logRegularizedGamma(a, x, true) - logQ), `ln Q(${a}, ${x})`).toBeLessThan(1e-12);
  }
});

it("logRegularizedGamma at the ends of its range", () => {
  expect(logRegularizedGamma(2, 0, false)).toBe(-Infinity);
  expect(logRegularizedGamma(2, 0, true)).toBe(0);
  expect(logRegularizedGamma(2, Infinity, true)).toBe(-Infinity);
  expect(logRegularizedGamma(0, 1, false)).toBeNaN();
  // Q(1, x) = e^−x: the far tail stays representable in logs.
  expect(logRegularizedGamma(1, 800, true)).toBeCloseTo(-800, 10);
});
