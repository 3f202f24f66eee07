import { describe, expect, it } from "vitest";
import { inverseCdf } from "../random/distributions.js";
import { normalQuantile } from "../random/normalQuantile.js";
import { stream } from "../random/streams.js";
import { fitGamma, fitLognormal, fittedDensity, ksDistance } from "./fitDistributions.js";

const N = 3000;
const SEEDS = [11, 12, 13];

function sample(seed: number, draw: (u: number) => number): Float64Array {
  const random = stream(seed, 0, "handle");
  return Float64Array.from({ length: N }, () => draw(random()));
}

describe("maximum likelihood recovers known parameters within 3 standard errors (fixed seeds)", () => {
  const mu = 5;
  const sigma = 0.7;
  const shape = 2.5;
  const scale = 70;

  for (const seed of SEEDS) {
    it(`log-normal μ ${mu}, σ ${sigma}, seed ${seed}: the fit, and AIC prefers it to gamma`, () => {
      const values = sample(seed, (u) => Math.exp(mu + sigma * normalQuantile(u)));
      const fit = fitLognormal(values);
      expect(Math.abs(fit.parameters.mu! - mu)).toBeLessThan(3 * fit.standardErrors.mu!);
      expect(Math.abs(fit.parameters.sigma! - sigma)).toBeLessThan(3 * fit.standardErrors.sigma!);
      expect(fit.cv).toBeCloseTo(Math.sqrt(Math.expm1(fit.parameters.sigma! ** 2)), 12);
      expect(fit.aic).toBeLessThan(fitGamma(values).aic);
      expect(fit.ksDistance).toBeLessThan(0.03);
    });

    it(`gamma shape ${shape}, scale ${scale}, seed ${seed}: the fit, and AIC prefers it to log-normal`, () => {
      const values = sample(seed, inverseCdf({ dist: "gamma", meanSec: shape * scale, cv: 1 / Math.sqrt(shape) }));
      const fit = fitGamma(values);
      expect(Math.abs(fit.parameters.shape! - shape)).toBeLessThan(3 * fit.standardErrors.shape!);
      expect(Math.abs(fit.parameters.scale! - scale)).toBeLessThan(3 * fit.standardErrors.scale!);
      // The gamma MLE keeps the sample mean exactly.
      expect(fit.meanSec).toBeCloseTo(values.reduce((a, b) => a + b, 0) / N, 9);
      expect(fit.aic).toBeLessThan(fitLognormal(values).aic);
      expect(fit.ksDistance).toBeLessThan(0.03);
    });
  }
});

describe("fit helpers", () => {
  it("ksDistance is the largest gap between the empirical and the given CDF", () => {
    // Uniform CDF on [0, 4] against the sample {1, 2, 3}: gaps 1/4, 1/12, … the largest is 1/4 (at 3: 1 − 3/4).
    expect(ksDistance([1, 2, 3], (x) => x / 4)).toBeCloseTo(0.25, 12);
  });

  it("fittedDensity integrates to 1", () => {
    const fit = fitGamma([100, 150, 200, 260, 90, 400, 120]);
    let integral = 0;
    for (let x = 0.05; x < 5000; x += 0.1) integral += fittedDensity(fit, x) * 0.1;
    expect(integral).toBeCloseTo(1, 3);
  });

  it("refuses samples it cannot fit, saying why", () => {
    expect(() => fitLognormal([5])).toThrow(/1 value\(s\); expected at least 2/);
    expect(() => fitGamma([3, 0, 4])).toThrow(/value 0 at 1; expected a finite duration > 0/);
    expect(() => fitGamma([3, 3, 3])).toThrow(/every value is the same/);
  });
});
