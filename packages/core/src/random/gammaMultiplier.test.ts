import { expect, it } from "vitest";
import { dayVolumeMultiplier } from "./gammaMultiplier.js";
import { stream } from "./streams.js";

it("dayVolumeMultiplier is 1 when cv is 0", () => {
  expect(dayVolumeMultiplier(0.123, 0)).toBe(1);
});

it("dayVolumeMultiplier is 1 when cv is too small to square (1e-160, 5e-324), not an overflowed gamma shape", () => {
  for (const cv of [1e-160, 5e-324]) for (const u of [0, 0.5, 0.999]) expect(dayVolumeMultiplier(u, cv)).toBe(1);
});

it("dayVolumeMultiplier matches gamma quantiles with mean 1 (scipy) to 1e-7", () => {
  // scipy.stats.gamma.ppf(u, 1/0.08², scale=0.08²)
  const cases: [number, number][] = [
    [0.001, 0.7708912056301643],
    [0.5, 0.9978674776446049],
    [0.99, 1.195462005375271],
    [0.999, 1.265553953467825],
  ];
  for (const [u, expected] of cases) expect(Math.abs(dayVolumeMultiplier(u, 0.08) / expected - 1)).toBeLessThan(1e-7);
});

it("dayVolumeMultiplier has mean 1 and the given cv over a seeded sample (4 standard errors)", () => {
  // 100,000 draws of a gamma with cv 0.15: standard error of the mean 0.15/√n; of the variance
  // σ²·√((2 + 6·cv²)/n) (excess kurtosis 6/shape). Each check fails by chance with probability 6e-5.
  const n = 100_000;
  const cv = 0.15;
  const random = stream(11, 0, "dispersion");
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const deviation = dayVolumeMultiplier(random(), cv) - 1;
    sum += deviation;
    sumSquares += deviation * deviation;
  }
  const variance = cv * cv;
  expect(Math.abs(sum / n)).toBeLessThan(4 * Math.sqrt(variance / n));
  const sampleVariance = (sumSquares - (sum * sum) / n) / (n - 1);
  expect(Math.abs(sampleVariance - variance)).toBeLessThan(4 * variance * Math.sqrt((2 + 6 * variance) / n));
});

it("dayVolumeMultiplier rejects a negative cv", () => {
  expect(() => dayVolumeMultiplier(0.5, -0.1)).toThrow("invalid daily volume cv: -0.1; expected a finite number ≥ 0");
});
