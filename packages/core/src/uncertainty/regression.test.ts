import { describe, expect, it } from "vitest";
import { counterUniform } from "../random/counterUniform.js";
import { normalQuantile } from "../random/normalQuantile.js";
import { fitOnDraws, leastSquaresFit } from "./regression.js";

// Deterministic independent draws: uniform u(k, j) of replication k and column j.
const u = (seed: number, k: number, j: number) => counterUniform(seed, k, 7, j, 0);

describe("leastSquaresFit", () => {
  it("recovers an exact linear relation and drops a repeated column", () => {
    const x = [1, 2, 3, 4, 5];
    const y = x.map((v) => 2 + 3 * v);
    const fitted = leastSquaresFit([x, x.map((v) => 2 * v)], y);
    fitted.forEach((value, i) => expect(value).toBeCloseTo(y[i]!, 10));
  });
});

describe("fitOnDraws: the expected output given the draws, on a case with a known answer", () => {
  // y = g(θ) + ε with g = 3 + 2 θ1 − θ2² + θ1 θ3, θ ~ U(−1, 1) independent, four more inputs that do nothing, ε ~ N(0, 0.5²).
  const g = (t: number[]) => 3 + 2 * t[0]! - t[1]! ** 2 + t[0]! * t[2]!;
  const NOISE = 0.5;
  const K = 600;

  function sample(seed: number) {
    const theta = Array.from({ length: K }, (_, k) => Array.from({ length: 7 }, (_, j) => 2 * u(seed, k, j) - 1));
    const truth = theta.map(g);
    const y = truth.map((value, k) => value + NOISE * normalQuantile(u(seed, k, 99)));
    const columns = Array.from({ length: 7 }, (_, j) => ({ key: `x${j}`, values: theta.map((t) => t[j]!) }));
    return { truth, y, fit: fitOnDraws(columns, y) };
  }

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: the fitted values track g(θ) far closer than the noise, and the residuals carry the noise`, () => {
      const { truth, y, fit } = sample(seed);
      const rmse = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((sum, v, k) => sum + (v - b[k]!) ** 2, 0) / a.length);
      // The fit's error is the noise projected on its ~12 terms: about √(12/600) × 0.5 ≈ 0.07; allow three times that.
      expect(rmse(fit.fitted, truth)).toBeLessThan(0.2);
      // The residuals' spread is the noise's: their sd within 10% of 0.5 (600 draws: its own sampling sd is ~3%).
      const sd = Math.sqrt(Array.from(fit.residuals).reduce((sum, r) => sum + r * r, 0) / (K - fit.terms.length - 1));
      expect(sd).toBeGreaterThan(0.45);
      expect(sd).toBeLessThan(0.55);
      // The terms of g are selected (its curvature and interaction too), and at most one that does nothing.
      expect(fit.terms).toEqual(expect.arrayContaining(["x0", "x1²", "x0×x2"]));
      expect(fit.terms.length).toBeLessThanOrEqual(4);
      expect(fit.fitted.reduce((s, v) => s + v, 0) / K).toBeCloseTo(y.reduce((s, v) => s + v, 0) / K, 9);
    });
  }

  it("is the mean when nothing is drawn", () => {
    const fit = fitOnDraws([], [1, 2, 3, 6]);
    expect(Array.from(fit.fitted)).toEqual([3, 3, 3, 3]);
    expect(Array.from(fit.residuals)).toEqual([-2, -1, 0, 3]);
  });
});

describe("fitOnDraws on the same columns again", () => {
  it("fits each output as on columns of its own: the candidate terms built once are copied, never changed by a fit", () => {
    const K = 120;
    const columns = Array.from({ length: 5 }, (_, j) => ({ key: `x${j}`, values: Array.from({ length: K }, (_, k) => 2 * u(9, k, j) - 1) }));
    // Outputs that pick different terms, fitted in turn on one columns array (its candidates cached) and each on a
    // fresh copy (built anew): the same bits.
    const outputs = [
      (t: number[]) => 1 + 2 * t[0]! - t[1]! ** 2,
      (t: number[]) => t[2]! * t[3]! + 0.5 * t[4]!,
      (t: number[]) => 3 * t[1]! + t[0]! * t[4]!,
    ];
    for (const [o, output] of outputs.entries()) {
      const y = Array.from({ length: K }, (_, k) => output(columns.map((column) => column.values[k]!)) + 0.3 * normalQuantile(u(10 + o, k, 99)));
      const cached = fitOnDraws(columns, y);
      const fresh = fitOnDraws(columns.map((column) => ({ ...column, values: [...column.values] })), y);
      expect(cached).toEqual(fresh);
      expect(cached.terms.length).toBeGreaterThan(1);
    }
  });
});
