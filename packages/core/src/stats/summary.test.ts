import { expect, it } from "vitest";
import { summarize } from "./summary.js";

// Expected values from numpy/scipy (np.quantile's default is R-7; scipy.stats.t.ppf).
it("summarize gives the mean, Student t interval and R-7 quantiles", () => {
  const summary = summarize([0.81, 0.79, 0.92, 0.77, 0.85, 0.88, 0.74, 0.9]);
  expect(summary.n).toBe(8);
  expect(summary.mean).toBeCloseTo(0.8325, 15);
  expect(summary.ci95![0]).toBeCloseTo(0.7781816125575372, 13);
  expect(summary.ci95![1]).toBeCloseTo(0.8868183874424629, 13);
  expect(summary.p10).toBeCloseTo(0.761, 15);
  expect(summary.p50).toBeCloseTo(0.83, 15);
  expect(summary.p90).toBeCloseTo(0.906, 15);
});

it("summarize leaves out null values and counts the rest", () => {
  const summary = summarize([1, null, 2, 3, null, 4, 5]);
  expect(summary.n).toBe(5);
  expect(summary.mean).toBe(3);
  // t(0.975, 4)·√2.5/√5 = 1.9632431614775...
  expect(summary.ci95![0]).toBeCloseTo(1.0367568385224428, 13);
  expect(summary.ci95![1]).toBeCloseTo(4.963243161477557, 13);
  expect([summary.p10, summary.p50, summary.p90]).toEqual([1.4, 3, 4.6]);
});

it("summarize has no interval for one value and nothing but n for none", () => {
  expect(summarize([7])).toEqual({ mean: 7, ci95: null, p10: 7, p50: 7, p90: 7, n: 1 });
  expect(summarize([null, null])).toEqual({ mean: null, ci95: null, p10: null, p50: null, p90: null, n: 0 });
  expect(summarize([])).toEqual({ mean: null, ci95: null, p10: null, p50: null, p90: null, n: 0 });
});

it("summarize gives a zero-width interval for identical values and accepts typed arrays", () => {
  expect(summarize(new Float64Array([2, 2, 2])).ci95).toEqual([2, 2]);
});

it("summarize does not depend on the order of the replications", () => {
  const values = [0.1, 1e8, 0.3, -1e8, 0.7, 3.3, 1e-9, 42];
  const a = summarize(values);
  const b = summarize([...values].reverse());
  expect(b).toEqual(a);
  expect(a.mean).toBe((0.1 + 0.3 + 0.7 + 3.3 + 1e-9 + 42) / 8);
});
