import { describe, expect, it } from "vitest";
import { counterUniform } from "../random/counterUniform.js";
import { normalQuantile } from "../random/normalQuantile.js";
import { drawFit, penalizedSplineFit } from "./penalizedSpline.js";
import { evpi, evppi, evppiOf, evppiRegressions } from "./valueOfInformation.js";

// A constructed decision with known answers. Inputs θ1…θ4 uniform on (0, 1); two options:
//   A: NB = 400·θ3 + noise                                   (θ3 moves both options alike)
//   B: NB = 400·θ3 + 1000(θ1 − 0.4) + 600(θ2 − 0.5) + noise  (θ1 and θ2 decide; θ4 does nothing)
// with the simulation's noise N(0, 300²) on each. B − A = D = 1000θ1 + 600θ2 − 700, E[D] = 100, so B is chosen now.
// EVPI = E[max(−D, 0)] = ∫₀¹ 500(0.7 − 0.6w)² dw = 95;
// EVPPI(θ1) = E[max(−1000(θ1 − 0.4), 0)] = 80;  EVPPI(θ2) = E[max(200 − 600θ2, 0)] = 100/3;  EVPPI(θ3) = EVPPI(θ4) = 0;
// EVPPI(θ1, θ2) = EVPI = 95.
const N = 1000;
const uniform = (input: number) => Float64Array.from({ length: N }, (_, k) => counterUniform(2013, k, 7, input, 0));
const normal = (lane: number) => Float64Array.from({ length: N }, (_, k) => normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, counterUniform(2014, k, lane, 0, 0)))));
const [t1, t2, t3, t4] = [uniform(1), uniform(2), uniform(3), uniform(4)];
const expectedA = Float64Array.from(t3!, (v) => 400 * v);
const expectedB = Float64Array.from({ length: N }, (_, k) => 400 * t3![k]! + 1000 * (t1![k]! - 0.4) + 600 * (t2![k]! - 0.5));
const noiseA = normal(1);
const noiseB = normal(2);
const nbA = expectedA.map((v, k) => v + 300 * noiseA[k]!);
const nbB = expectedB.map((v, k) => v + 300 * noiseB[k]!);

describe("EVPI", () => {
  it("from the net benefits expected given the draws: the analytic 95 within the sample's error", () => {
    const value = evpi([expectedA, expectedB]);
    // The sample's own error: the standard error of the mean of max(−D, 0) around its mean.
    const gains = expectedA.map((a, k) => Math.max(0, a - expectedB[k]!));
    const m = gains.reduce((s, v) => s + v, 0) / N;
    const se = Math.sqrt(gains.reduce((s, v) => s + (v - m) ** 2, 0) / (N - 1) / N);
    expect(Math.abs(value - 95)).toBeLessThan(3 * se + Math.abs(expectedB.reduce((s, v, k) => s + v - expectedA[k]!, 0) / N - 100));
  });

  it("counts the simulation's noise as learnable when fed the raw replications (why the fitted values are used)", () => {
    expect(evpi([nbA, nbB])).toBeGreaterThan(evpi([expectedA, expectedB]) + 30);
  });

  it("is 0 for a single option, and for options that never swap", () => {
    expect(evpi([expectedB])).toBe(0);
    expect(evpi([expectedA, expectedA.map((v) => v + 1)])).toBe(0);
  });
});

describe("EVPPI by regression on the draws (Strong & Oakley 2013; Strong, Oakley & Brennan 2014)", () => {
  const options = [nbA, nbB];
  const single = [t1!, t2!, t3!, t4!].map((input) => evppi([input], options));

  it("an input that decides: θ1's analytic 80 and θ2's 33.3 lie in their 95% intervals", () => {
    expect(single[0]!.ci95[0]).toBeLessThan(80);
    expect(single[0]!.ci95[1]).toBeGreaterThan(80);
    expect(single[1]!.ci95[0]).toBeLessThan(100 / 3);
    expect(single[1]!.ci95[1]).toBeGreaterThan(100 / 3);
    // Intervals narrow enough to mean something.
    expect(single[0]!.ci95[1] - single[0]!.ci95[0]).toBeLessThan(40);
  });

  it("an input that cannot change the decision has EVPPI ≈ 0: one that moves both options alike, and one that does nothing", () => {
    for (const result of [single[2]!, single[3]!]) {
      expect(result.value).toBeLessThan(5);
      expect(result.ci95[0]).toBe(0);
    }
  });

  it("two inputs together (a tensor-product spline): EVPPI(θ1, θ2) = EVPI = 95 within its interval", () => {
    const both = evppi([t1!, t2!], options);
    expect(both.ci95[0]).toBeLessThan(95);
    expect(both.ci95[1]).toBeGreaterThan(95);
    expect(both.value).toBeGreaterThan(single[0]!.value);
  });

  it("many inputs together (additive splines with pairwise bilinear terms): EVPPI(θ1…θ4) = EVPI = 95 within its interval", () => {
    const all = evppi([t1!, t2!, t3!, t4!], options);
    expect(all.ci95[0]).toBeLessThan(95);
    expect(all.ci95[1]).toBeGreaterThan(95);
  });

  it("EVPI ≥ every EVPPI", () => {
    const value = evpi([expectedA, expectedB]);
    for (const result of single) expect(value).toBeGreaterThanOrEqual(result.value);
  });

  it("is reproducible: the same draws give the same value and interval", () => {
    expect(evppi([t1!], options)).toEqual(single[0]);
  });
});

describe("the EVPPI interval read through the bootstrap's indices", () => {
  it("equals the interval of resamples copied out, round by round, and the estimate from the same regressions", () => {
    // The straightforward interval: every round's drawn fits resampled into arrays of their own.
    const n = 200;
    const parameters = [t1!.slice(0, n), t2!.slice(0, n)];
    const netBenefit = [nbA.slice(0, n), nbB.slice(0, n), new Float64Array(n)];
    const fits = netBenefit.map((values, option) => (option < 2 ? penalizedSplineFit(parameters, values) : null));
    const rounds: number[] = [];
    for (let round = 0; round < 200; round++) {
      const index = Array.from({ length: n }, (_, k) => Math.floor(counterUniform(n, round, -0x0e77, k, 0) * n));
      const drawn = fits.map((fit, option) => {
        if (!fit) return netBenefit[option]!;
        const normals = Float64Array.from({ length: fit.columns }, (_, i) => normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, counterUniform(n, round, -0x0e77, i, option + 1)))));
        return drawFit(fit, normals);
      });
      const resampled = drawn.map((values) => index.map((k) => values[k]!));
      const meanOfMax = resampled[0]!.reduce((sum, _, k) => sum + Math.max(...resampled.map((option) => option[k]!)), 0) / n;
      const maxOfMeans = Math.max(...resampled.map((option) => option.reduce((sum, value) => sum + value, 0) / n));
      rounds.push(Math.max(0, meanOfMax - maxOfMeans));
    }
    rounds.sort((a, b) => a - b);
    const result = evppi(parameters, netBenefit);
    expect(result.ci95).toEqual([rounds[Math.round(0.025 * 199)], rounds[Math.round(0.975 * 199)]]);
    const regressions = evppiRegressions(parameters, netBenefit);
    expect(evppiOf(regressions)).toEqual(result);
    expect(evppiOf(regressions, { interval: false })).toEqual({ ...result, ci95: [result.value, result.value] });
    // Too few replications: no regression, nothing learnt.
    expect(evppiOf(evppiRegressions(parameters.map((p) => p.slice(0, 9)), netBenefit.map((o) => o.slice(0, 9))))).toEqual({ value: 0, ci95: [0, 0], edf: [1, 1, 1], spread: 0 });
  });
});
