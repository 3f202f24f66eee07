import { expect, it } from "vitest";
import { distributionMean, distributionVariance, inverseCdf } from "./distributions.js";

it("inverseCdf(exponential) is −mean·ln(1 − u), 0 at u = 0", () => {
  const sample = inverseCdf({ dist: "exponential", meanSec: 180 });
  expect(sample(0)).toBe(0);
  expect(sample(0.5)).toBeCloseTo(180 * Math.LN2, 12);
  expect(Number.isFinite(sample(1 - 2 ** -53))).toBe(true);
});

it("inverseCdf(lognormal) has median mean/√(1 + cv²)", () => {
  const sample = inverseCdf({ dist: "lognormal", meanSec: 300, cv: 0.9 });
  expect(sample(0.5)).toBeCloseTo(300 / Math.sqrt(1.81), 10);
  expect(sample(0)).toBe(0);
});

it("inverseCdf(empirical) resamples the sorted values", () => {
  const sample = inverseCdf({ dist: "empirical", valuesSec: [30, 10, 20, 40] });
  expect([0, 0.249, 0.25, 0.5, 0.99, 1 - 2 ** -53].map(sample)).toEqual([10, 10, 20, 30, 40, 40]);
});

it("distributionMean and distributionVariance of an empirical list use divisor n", () => {
  const spec = { dist: "empirical", valuesSec: [1, 2, 3, 4] } as const;
  expect(distributionMean({ ...spec, valuesSec: [...spec.valuesSec] })).toBe(2.5);
  expect(distributionVariance({ ...spec, valuesSec: [...spec.valuesSec] })).toBe(1.25);
});
