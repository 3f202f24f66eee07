import { describe, expect, it } from "vitest";
import { counterUniform } from "../random/counterUniform.js";
import { normalQuantile } from "../random/normalQuantile.js";
import { centralFQuantileAbove } from "./noncentralF.js";
import { shareInterval } from "./shareInterval.js";
import { testedFirstOrderShare, varianceShares } from "./varianceShares.js";

// Coverage is counted over independent trials and checked against its binomial 99.9% band: a correct 95% interval
// misses it once in a thousand runs by chance.
const BAND_Z = 3.29;
const withinBand = (covered: number, trials: number, confidence = 0.95) =>
  Math.abs(covered - confidence * trials) < BAND_Z * Math.sqrt(trials * confidence * (1 - confidence));

describe("shareInterval: coverage where the F statistic is exactly noncentral F", () => {
  // An independent computation of the statistic the interval inverts: F = (Σ_{i≤d} (z_i + δ)² / d) / (χ²_dof / dof),
  // built from standard normals with d·δ² = λ, so F ~ F(d, dof; λ) by definition; nothing of noncentralF.ts draws it.
  const degree = 2;
  const dof = 37;
  const n = degree + dof + 1;
  const critical = centralFQuantileAbove(0.05 / 6, degree, dof);
  const drawF = (lambda: number, seed: number, trial: number) => {
    const normal = (i: number) => normalQuantile(counterUniform(seed, trial, 31, i, 0));
    let numerator = 0;
    for (let i = 0; i < degree; i++) numerator += (normal(i) + Math.sqrt(lambda / degree)) ** 2;
    let denominator = 0;
    for (let i = 0; i < dof; i++) denominator += normal(degree + i) ** 2;
    return numerator / degree / (denominator / dof);
  };

  // Shares 0.05, 0.15 and 0.3 with 40 replications: the test passes rarely, about half the time and nearly always.
  for (const [seed, share] of [[1, 0.05], [2, 0.15], [3, 0.3]] as const) {
    it(`share ${share}: 95% of the intervals hold it, among the tests that passed and among those that did not`, () => {
      const lambda = (n * share) / (1 - share);
      const outcome = { passed: { trials: 0, covered: 0 }, failed: { trials: 0, covered: 0 } };
      for (let trial = 0; trial < 600; trial++) {
        const f = drawF(lambda, seed, trial);
        const passed = f > critical;
        const [low, high] = shareInterval({ f, degree, dof, critical, passed });
        expect(low).toBeLessThanOrEqual(high);
        if (!passed) expect(low).toBe(0);
        const group = passed ? outcome.passed : outcome.failed;
        group.trials++;
        if (low <= share && share <= high) group.covered++;
      }
      for (const group of [outcome.passed, outcome.failed]) {
        // A group of fewer than 50 trials says little about its coverage; the other group carries the check.
        if (group.trials >= 50) expect(withinBand(group.covered, group.trials), JSON.stringify(outcome)).toBe(true);
      }
      expect(outcome.passed.trials + outcome.failed.trials).toBe(600);
    });
  }

  it("is [1, 1] for a perfect fit and reaches 0 where the observed F is what no effect would give", () => {
    expect(shareInterval({ f: Infinity, degree, dof, critical, passed: true })).toEqual([1, 1]);
    const [low, high] = shareInterval({ f: 0.5, degree, dof, critical, passed: false });
    expect(low).toBe(0);
    expect(high).toBeGreaterThan(0);
    expect(high).toBeLessThan(0.2);
  });
});

describe("varianceShares' intervals cover the first-order shares of a model that has them in closed form", () => {
  // y = Σ_j a_j θ_j + ε, θ_j ~ U(0, 1), ε ~ N(0, 0.01²): S_j = a_j² / Σ a² (ε's share is below 1e-3). One input per seed is
  // counted, so the trials are independent. a = (3, 1, 1, 1, 1, 1), 40 replications: S1 = 9/14 passes its test every
  // time, the small shares 1/14 about one time in four (their intervals then run from 0).
  const weights = [3, 1, 1, 1, 1, 1];
  const total = weights.reduce((sum, a) => sum + a * a / 12, 0) + 0.01 ** 2;
  const u = (seed: number, k: number, j: number) => counterUniform(seed, k, 11, j, 0);

  it("95% of the intervals hold the share over 600 seeds, and every reported share lies in its interval", () => {
    let covered = 0;
    const seeds = 600;
    for (let seed = 0; seed < seeds; seed++) {
      const theta = Array.from({ length: 40 }, (_, k) => weights.map((_, j) => u(500 + seed, k, j)));
      const y = Float64Array.from(theta, (t, k) => t.reduce((sum, value, j) => sum + weights[j]! * value, 0) + 0.01 * normalQuantile(u(500 + seed, k, 99)));
      const j = seed % weights.length;
      const tested = testedFirstOrderShare(theta.map((t) => t[j]!), y, weights.length);
      const [low, high] = shareInterval(tested.test!);
      expect(low).toBeLessThanOrEqual(tested.share);
      expect(tested.share).toBeLessThanOrEqual(high);
      const truth = (weights[j]! ** 2 / 12) / total;
      if (low <= truth && truth <= high) covered++;
    }
    expect(withinBand(covered, seeds), `${covered} of ${seeds}`).toBe(true);
  });

  it("gives every input an interval and the simulation's share none", () => {
    const theta = Array.from({ length: 40 }, (_, k) => weights.map((_, j) => u(7, k, j)));
    const y = theta.map((t, k) => t.reduce((sum, value, j) => sum + weights[j]! * value, 0) + 0.01 * normalQuantile(u(7, k, 99)));
    const shares = varianceShares(weights.map((_, j) => ({ key: `x${j + 1}`, values: theta.map((t) => t[j]!) })), y);
    for (const entry of shares) {
      if (entry.input === "simulation") expect(entry.ci95).toBeNull();
      else {
        expect(entry.ci95![0]).toBeLessThanOrEqual(entry.share);
        expect(entry.ci95![1]).toBeGreaterThanOrEqual(entry.share);
      }
    }
  });
});
