import { describe, expect, it } from "vitest";
import type { DurationDistribution } from "../schema/distribution.js";
import { distributionMean, distributionVariance, inverseCdf } from "./distributions.js";
import { normalQuantile } from "./normalQuantile.js";
import { stream } from "./streams.js";

/**
 * Mean and second moment of sample(U), U uniform on [0, 1): ∫₀¹ sample(u)ᵏ du by the midpoint rule in
 * z = logit(u) over [−38, 38] (u(1 − u)·dz = du), which puts as many points in each tail as in the middle.
 * 200,000 points: quadrature error below 1e-7 relative for these distributions. u never exceeds
 * 1 − 2⁻⁵³, the largest uniform a sampler can receive.
 */
function moments(sample: (u: number) => number): [number, number] {
  const points = 200_000;
  const h = 76 / points;
  let first = 0;
  let second = 0;
  for (let i = 0; i < points; i++) {
    const z = -38 + (i + 0.5) * h;
    const e = Math.exp(-Math.abs(z));
    const u = z >= 0 ? Math.min(1 / (1 + e), 1 - 2 ** -53) : e / (1 + e);
    const x = sample(u);
    const weight = e / (1 + e) ** 2;
    first += x * weight;
    second += x * x * weight;
  }
  return [first * h, second * h];
}

const continuous: DurationDistribution[] = [
  { dist: "exponential", meanSec: 180 },
  { dist: "lognormal", meanSec: 300, cv: 0.3 },
  { dist: "lognormal", meanSec: 300, cv: 0.9 },
  { dist: "lognormal", meanSec: 60, cv: 3 },
  { dist: "lognormal", meanSec: 60, cv: 0.1 },
  { dist: "gamma", meanSec: 300, cv: 0.05 },
  { dist: "gamma", meanSec: 300, cv: 0.9 },
  { dist: "gamma", meanSec: 300, cv: 2 },
  { dist: "gamma", meanSec: 86_400, cv: 20 },
  { dist: "gamma", meanSec: 300, cv: 0.001 },
  { dist: "erlang", meanSec: 180, k: 1 },
  { dist: "erlang", meanSec: 180, k: 3 },
  { dist: "erlang", meanSec: 180, k: 1000 },
];
const label = (spec: DurationDistribution) => JSON.stringify(spec);

describe("inverseCdf integrates to the distribution's mean and coefficient of variation (1e-5 relative)", () => {
  // The requirement is 1e-4; the gamma tables measure below 5e-6 (cv 20) and below 1e-7 for cv ≤ 2.
  for (const spec of continuous) {
    it(label(spec), () => {
      const sample = inverseCdf(spec);
      const [mean, secondMoment] = moments(sample);
      const cv = Math.sqrt(secondMoment - mean * mean) / mean;
      const expectedMean = distributionMean(spec);
      expect(Math.abs(mean / expectedMean - 1)).toBeLessThan(1e-5);
      expect(Math.abs(cv / (Math.sqrt(distributionVariance(spec)) / expectedMean) - 1)).toBeLessThan(1e-5);
    });
  }
});

it("inverseCdf(lognormal, cv 20) integrates to the moments of its exact inverse, 1e-5", () => {
  // exp(μ + σΦ⁻¹(u)) itself cannot reach the 3.3e-4 of the variance that lies beyond u = 1 − 2⁻⁵³
  // (Φ⁻¹ = 8.21 there, 2σ = 4.9), so compare the table with the exact inverse on the same uniforms.
  const meanSec = 60;
  const cv = 20;
  const sigma = Math.sqrt(Math.log1p(cv * cv));
  const median = meanSec / Math.sqrt(1 + cv * cv);
  const exact = moments((u) => median * Math.exp(sigma * normalQuantile(u)));
  const table = moments(inverseCdf({ dist: "lognormal", meanSec, cv }));
  expect(Math.abs(exact[0] / meanSec - 1)).toBeLessThan(1e-7);
  expect(Math.abs(table[0] / exact[0] - 1)).toBeLessThan(1e-5);
  expect(Math.abs(table[1] / exact[1] - 1)).toBeLessThan(1e-5);
});

describe("inverseCdf agrees with a seeded sample: mean and variance within 4 standard errors", () => {
  // 200,000 draws. Standard error of the mean σ/√n; of the variance √((μ₄ − σ⁴)/n), with the fourth
  // central moment μ₄ = σ⁴(3 + excess kurtosis): 6/shape for gamma and Erlang, ω⁴ + 2ω³ + 3ω² − 6 with
  // ω = 1 + cv² for the log-normal. Each check fails by chance with probability 6e-5.
  const n = 200_000;
  const random = stream(2026, 0, "handle");
  const uniforms = Float64Array.from({ length: n }, () => random());
  const excessKurtosis = (spec: DurationDistribution): number => {
    if (spec.dist === "exponential") return 6;
    if (spec.dist === "gamma") return 6 * spec.cv * spec.cv;
    if (spec.dist === "erlang") return 6 / spec.k;
    if (spec.dist === "lognormal") {
      const w = 1 + spec.cv * spec.cv;
      return w ** 4 + 2 * w ** 3 + 3 * w * w - 6;
    }
    return 0;
  };
  for (const spec of continuous.filter((s) => !("cv" in s) || s.cv <= 3)) {
    it(label(spec), () => {
      const sample = inverseCdf(spec);
      let sum = 0;
      let sumSquares = 0;
      const mean = distributionMean(spec);
      for (const u of uniforms) {
        const deviation = sample(u) - mean;
        sum += deviation;
        sumSquares += deviation * deviation;
      }
      const variance = distributionVariance(spec);
      const sampleMean = mean + sum / n;
      const sampleVariance = (sumSquares - (sum * sum) / n) / (n - 1);
      expect(Math.abs(sampleMean - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
      expect(Math.abs(sampleVariance - variance)).toBeLessThan(4 * variance * Math.sqrt((2 + excessKurtosis(spec)) / n));
    });
  }
});

it("inverseCdf(exponential) is −mean·ln(1 − u), 0 at u = 0", () => {
  const sample = inverseCdf({ dist: "exponential", meanSec: 180 });
  expect(sample(0)).toBe(0);
  expect(sample(0.5)).toBeCloseTo(180 * Math.LN2, 12);
  expect(sample(0.99)).toBeCloseTo(180 * Math.log(100), 11);
});

it("inverseCdf(erlang, k = 1) equals the exponential's inverse exactly", () => {
  const exponential = inverseCdf({ dist: "exponential", meanSec: 180 });
  const erlang = inverseCdf({ dist: "erlang", meanSec: 180, k: 1 });
  const gamma = inverseCdf({ dist: "gamma", meanSec: 180, cv: 1 });
  for (let i = 0; i < 1000; i++) {
    const u = i / 1000 + 1e-4;
    expect(erlang(u)).toBe(exponential(u));
    expect(gamma(u)).toBe(exponential(u));
  }
});

it("inverseCdf(gamma or lognormal) with the tiniest cv a file can hold is the mean, finite everywhere", () => {
  // cv 1e-160 and 5e-324 square to 0: a gamma shape 1/cv² that would overflow to Infinity.
  for (const cv of [1e-160, 5e-324]) {
    for (const dist of ["gamma", "lognormal"] as const) {
      const sample = inverseCdf({ dist, meanSec: 180, cv });
      for (const u of [1e-12, 0.5, 1 - 2 ** -53]) expect(sample(u)).toBeCloseTo(180, 9);
    }
  }
});

it("inverseCdf(lognormal) has the log-normal's median and 97.5% quantile (1e-8)", () => {
  const sample = inverseCdf({ dist: "lognormal", meanSec: 300, cv: 0.9 });
  // median = mean/√(1 + cv²); q(0.975) = exp(μ + 1.959963984540054·σ) (numpy).
  expect(Math.abs(sample(0.5) / 222.98824387414987 - 1)).toBeLessThan(1e-8);
  expect(Math.abs(sample(0.975) / 1009.120531909255 - 1)).toBeLessThan(1e-8);
});

it("inverseCdf(gamma) and inverseCdf(erlang) match quantiles computed with mpmath to 1e-7", () => {
  const gamma = inverseCdf({ dist: "gamma", meanSec: 300, cv: 0.9 });
  const cases: [number, number][] = [
    [0.1, 44.861036371410812],
    [0.5, 223.99602997990524],
    [0.9, 655.75208509810037],
    [0.999, 1823.311935678442],
  ];
  for (const [u, x] of cases) expect(Math.abs(gamma(u) / x - 1), `gamma at ${u}`).toBeLessThan(1e-7);
  const erlang = inverseCdf({ dist: "erlang", meanSec: 180, k: 3 });
  expect(Math.abs(erlang(0.5) / 160.44361882341362 - 1)).toBeLessThan(1e-7);
  expect(Math.abs(erlang(0.95) / 377.74761731231938 - 1)).toBeLessThan(1e-7);
});

it("inverseCdf(deterministic) is the mean whatever u", () => {
  const sample = inverseCdf({ dist: "deterministic", meanSec: 42 });
  expect([0, 0.5, 1 - 2 ** -53].map(sample)).toEqual([42, 42, 42]);
});

it("inverseCdf(empirical) resamples the sorted values with equal weight", () => {
  const sample = inverseCdf({ dist: "empirical", valuesSec: [30, 10, 20, 40] });
  expect([0, 0.249, 0.25, 0.5, 0.99, 1 - 2 ** -53].map(sample)).toEqual([10, 10, 20, 30, 40, 40]);
  // u·n rounds up to n just below 1 when n is not a power of two.
  const three = inverseCdf({ dist: "empirical", valuesSec: [3, 1, 2] });
  expect(three(1 - 2 ** -53)).toBe(3);
  expect([1 / 6, 3 / 6, 5 / 6].map(three)).toEqual([1, 2, 3]);
});

it("distributionMean and distributionVariance", () => {
  expect(distributionMean({ dist: "empirical", valuesSec: [1, 2, 3, 4] })).toBe(2.5);
  // Population variance (divisor n): the variance of what inverseCdf resamples.
  expect(distributionVariance({ dist: "empirical", valuesSec: [1, 2, 3, 4] })).toBe(1.25);
  expect(distributionVariance({ dist: "exponential", meanSec: 180 })).toBe(32_400);
  expect(distributionVariance({ dist: "lognormal", meanSec: 300, cv: 0.5 })).toBe(22_500);
  expect(distributionVariance({ dist: "gamma", meanSec: 300, cv: 0.5 })).toBe(22_500);
  expect(distributionVariance({ dist: "erlang", meanSec: 180, k: 4 })).toBe(8100);
  expect(distributionVariance({ dist: "deterministic", meanSec: 180 })).toBe(0);
});

describe("inverseCdf is finite, ≥ 0 and never decreasing for every u in [0, 1)", () => {
  const grid: number[] = [0, 1e-300, 2 ** -60, 2 ** -53];
  for (let e = -15; e < 0; e++) grid.push(10 ** e);
  for (let i = 1; i < 50_000; i++) grid.push(i / 50_000);
  for (let e = -1; e >= -15; e--) grid.push(1 - 10 ** e);
  grid.push(1 - 2 ** -53);
  grid.sort((a, b) => a - b);
  const specs: DurationDistribution[] = [...continuous, { dist: "lognormal", meanSec: 60, cv: 20 }, { dist: "deterministic", meanSec: 5 }, { dist: "empirical", valuesSec: [5, 1, 9, 1] }];
  for (const spec of specs) {
    it(label(spec), () => {
      const sample = inverseCdf(spec);
      let previous = 0;
      let bad = 0;
      for (const u of grid) {
        const x = sample(u);
        if (!(Number.isFinite(x) && x >= previous)) bad++;
        previous = x;
      }
      expect(bad).toBe(0);
      // A uniform of 1 or NaN, which a Random never returns, still gives a finite duration.
      expect(Number.isFinite(sample(1))).toBe(true);
      expect(Number.isFinite(sample(Number.NaN))).toBe(true);
    });
  }
});

it("inverseCdf rejects parameters the schema would not let through", () => {
  expect(() => inverseCdf({ dist: "exponential", meanSec: -1 })).toThrow("invalid exponential distribution meanSec: -1; expected a finite number ≥ 0");
  expect(() => inverseCdf({ dist: "lognormal", meanSec: 1, cv: Number.NaN })).toThrow(/cv: NaN/);
  expect(() => inverseCdf({ dist: "erlang", meanSec: 1, k: 1.5 })).toThrow(/k: 1.5; expected a whole number ≥ 1/);
  expect(() => inverseCdf({ dist: "empirical", valuesSec: [] })).toThrow(/no values/);
  expect(() => inverseCdf({ dist: "empirical", valuesSec: [1, -2] })).toThrow(/value: -2/);
});

it("inverseCdf with cv 0 or mean 0 is constant", () => {
  expect(inverseCdf({ dist: "gamma", meanSec: 7, cv: 0 })(0.9)).toBe(7);
  expect(inverseCdf({ dist: "lognormal", meanSec: 7, cv: 0 })(0.9)).toBe(7);
  expect(inverseCdf({ dist: "erlang", meanSec: 0, k: 3 })(0.9)).toBe(0);
});
