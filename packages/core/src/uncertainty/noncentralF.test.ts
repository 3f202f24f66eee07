import { expect, it } from "vitest";
import { centralFQuantileAbove, noncentralFDistribution, noncentralFSurvival } from "./noncentralF.js";

// Reference values from SciPy 1.17 (scipy.stats.ncf.sf and f.sf / f.isf).
it("noncentralFSurvival matches SciPy's noncentral F from small to large noncentrality", () => {
  expect(noncentralFSurvival(3, 2, 17, 0)).toBeCloseTo(0.07658244462677809, 12);
  expect(noncentralFSurvival(3, 2, 17, 5)).toBeCloseTo(0.518039806805062, 10);
  expect(noncentralFSurvival(7.5, 2, 37, 1.8)).toBeCloseTo(0.01885028335768548, 10);
  expect(noncentralFSurvival(1.2, 4, 95, 3)).toBeCloseTo(0.6332044212923701, 10);
  expect(noncentralFSurvival(30, 8, 191, 200)).toBeCloseTo(0.1967345487606084, 10);
  expect(noncentralFSurvival(60, 10, 4000, 600)).toBeCloseTo(0.5709181644841689, 10);
});

it("noncentralFSurvival is 1 at 0 and 0 at infinity", () => {
  expect(noncentralFSurvival(0, 2, 17, 3)).toBe(1);
  expect(noncentralFSurvival(Infinity, 2, 17, 3)).toBe(0);
});

it("centralFQuantileAbove inverts the central F's survival (SciPy: f.isf(0.05 / 12, 2, 27) = 6.760292560660243)", () => {
  expect(centralFQuantileAbove(0.05 / 12, 2, 27)).toBeCloseTo(6.760292560660243, 8);
});

it("noncentralFDistribution is the complement of noncentralFSurvival (each from its own tail of the incomplete beta)", () => {
  for (const [f, d1, d2, lambda] of [[3, 2, 17, 0], [3, 2, 17, 5], [7.5, 2, 37, 1.8], [1.2, 4, 95, 3], [30, 8, 191, 200], [0.2, 2, 37, 40]]) {
    expect(noncentralFDistribution(f!, d1!, d2!, lambda!) + noncentralFSurvival(f!, d1!, d2!, lambda!)).toBeCloseTo(1, 12);
  }
  // A lower tail far below 1e-16, which 1 − survival would give as 0.
  const tail = noncentralFDistribution(0.05, 2, 37, 400);
  expect(tail).toBeGreaterThan(0);
  expect(tail).toBeLessThan(1e-30);
  expect(noncentralFDistribution(0, 2, 17, 3)).toBe(0);
  expect(noncentralFDistribution(Infinity, 2, 17, 3)).toBe(1);
});
