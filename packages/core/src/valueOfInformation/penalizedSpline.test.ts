import { describe, expect, it } from "vitest";
import { counterUniform } from "../random/counterUniform.js";
import { normalQuantile } from "../random/normalQuantile.js";
import { bSplineBasis, cholesky, drawFit, penalizedSplineFit, ranks, solveCholesky, traceOfSolve } from "./penalizedSpline.js";

describe("the P-spline smoother", () => {
  it("cubic B-splines sum to 1 everywhere on [0, 1] (a partition of unity)", () => {
    const t = Float64Array.from({ length: 101 }, (_, i) => i / 100);
    const basis = bSplineBasis(t, 7);
    for (let k = 0; k < t.length; k++) {
      let sum = 0;
      for (let c = 0; c < 10; c++) sum += basis[k * 10 + c]!;
      expect(sum).toBeCloseTo(1, 12);
    }
  });

  it("ranks ties together and maps them into (0, 1)", () => {
    expect(Array.from(ranks([3, 1, 3, 2]))).toEqual([0.75, 0.125, 0.75, 0.375]);
  });

  // y = sin(2πx) + N(0, 0.5²) on 600 uniform x: the fit's error is well under the noise, and its residual variance
  // estimates the noise's.
  const n = 600;
  const x = Float64Array.from({ length: n }, (_, k) => counterUniform(5, k, 1, 0, 0));
  const truth = x.map((v) => Math.sin(2 * Math.PI * v));
  const y = truth.map((v, k) => v + 0.5 * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, counterUniform(5, k, 2, 0, 0)))));
  const fit = penalizedSplineFit([x], y);

  it("recovers a smooth curve from noisy data, and estimates the noise", () => {
    const rmse = Math.sqrt(fit.fitted.reduce((sum, v, k) => sum + (v - truth[k]!) ** 2, 0) / n);
    expect(rmse).toBeLessThan(0.1);
    expect(Math.sqrt(fit.sigma2)).toBeGreaterThan(0.45);
    expect(Math.sqrt(fit.sigma2)).toBeLessThan(0.55);
    expect(fit.edf).toBeGreaterThan(3);
    expect(fit.edf).toBeLessThan(15);
  });

  it("keeps a straight line straight (lines are not penalised) and draws plausible fits around it", () => {
    const line = penalizedSplineFit([x], x.map((v) => 3 * v + 1));
    // On the rank scale a uniform input's line stays a line: fitted equals the data.
    for (let k = 0; k < n; k += 50) expect(line.fitted[k]!).toBeCloseTo(3 * x[k]! + 1, 1);
    const zero = drawFit(fit, new Float64Array(fit.columns));
    expect(Array.from(zero)).toEqual(Array.from(fit.fitted));
  });
});

describe("tr(A⁻¹M) for the effective degrees of freedom", () => {
  it("equals the sum over M's columns of solveCholesky's solution at the column's own row, bit for bit", () => {
    for (let p = 1; p <= 24; p++) {
      // A = XᵀX + I and M = XᵀX for a random X: symmetric, and A positive definite, as in a fit.
      const rows = p + 5;
      const x = Float64Array.from({ length: rows * p }, (_, i) => counterUniform(p, i, 3, 0, 0) - 0.5);
      const m = new Float64Array(p * p);
      for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) for (let k = 0; k < rows; k++) m[i * p + j]! += x[k * p + i]! * x[k * p + j]!;
      const a = m.map((value, index) => value + (index % (p + 1) === 0 ? 1 : 0));
      const l = cholesky(a, p)!;
      let straightforward = 0;
      for (let j = 0; j < p; j++) straightforward += solveCholesky(l, p, Float64Array.from({ length: p }, (_, i) => m[i * p + j]!))[j]!;
      expect(traceOfSolve(l, p, m)).toBe(straightforward);
      expect(straightforward).toBeGreaterThan(0);
    }
  });
});
