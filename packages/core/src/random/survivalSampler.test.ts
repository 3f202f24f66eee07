import { describe, expect, it } from "vitest";
import { durationSchema, durationToSeconds } from "../schema/distribution.js";
import { distributionMean, distributionVariance, inverseCdf } from "./distributions.js";
import { survivalMean, survivalSampler, survivalVariance } from "./survivalSampler.js";

const table = { timesSec: [10, 30, 60, 120], survival: [0.9, 0.7, 0.5, 0.25], tailMeanSec: 200 };

describe("survivalSampler", () => {
  it("returns each knot's time for the uniform that leaves its survival above it", () => {
    const sample = survivalSampler(table);
    expect(sample(0)).toBe(0);
    expect(sample(0.1)).toBeCloseTo(10, 9);
    expect(sample(0.3)).toBeCloseTo(30, 9);
    expect(sample(0.5)).toBeCloseTo(60, 9);
    expect(sample(0.75)).toBeCloseTo(120, 9);
  });

  it("is linear between knots and exponential beyond the last", () => {
    const sample = survivalSampler(table);
    // S = 0.8 halfway between (10, 0.9) and (30, 0.7).
    expect(sample(0.2)).toBeCloseTo(20, 9);
    // S = 0.25·e^{−(t−120)/200} = 0.25·e^{−1} at t = 320.
    expect(sample(1 - 0.25 * Math.exp(-1))).toBeCloseTo(320, 6);
    expect(Number.isFinite(sample(1))).toBe(true);
    expect(Number.isFinite(sample(Number.NaN))).toBe(true);
  });

  it("never decreases", () => {
    const sample = survivalSampler(table);
    let previous = -1;
    for (let i = 0; i <= 10_000; i++) {
      const value = sample(i / 10_000);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });

  it("has the mean and variance that survivalMean and survivalVariance compute, by quadrature over u", () => {
    const sample = survivalSampler(table);
    const points = 400_000;
    let first = 0;
    let second = 0;
    for (let i = 0; i < points; i++) {
      const x = sample((i + 0.5) / points);
      first += x;
      second += x * x;
    }
    first /= points;
    second /= points;
    // Trapezoids: 10·0.95 + 20·0.8 + 30·0.6 + 60·0.375 + 0.25·200 = 116.
    expect(survivalMean(table)).toBeCloseTo(116, 10);
    expect(first / survivalMean(table)).toBeCloseTo(1, 4);
    expect((second - first * first) / survivalVariance(table)).toBeCloseTo(1, 2);
  });

  it("is the exponential when the knots lie on an exponential curve and the tail has its mean", () => {
    const times = Array.from({ length: 600 }, (_, i) => i + 1);
    const exponential = { timesSec: times, survival: times.map((t) => Math.exp(-t / 180)), tailMeanSec: 180 };
    const sample = survivalSampler(exponential);
    for (const u of [0.01, 0.3, 0.6, 0.9, 0.99, 0.999]) expect(sample(u)).toBeCloseTo(-180 * Math.log1p(-u), 1);
    expect(survivalMean(exponential)).toBeCloseTo(180, 1);
    expect(Math.sqrt(survivalVariance(exponential))).toBeCloseTo(180, 0);
  });

  it("takes a first knot at 0 as an atom there (durations recorded as 0 s)", () => {
    const sample = survivalSampler({ timesSec: [0, 10], survival: [0.8, 0.4], tailMeanSec: 10 });
    expect(sample(0.1)).toBe(0);
    expect(sample(0.2)).toBe(0);
    expect(sample(0.4)).toBeCloseTo(5, 9);
    expect(survivalMean({ timesSec: [0, 10], survival: [0.8, 0.4], tailMeanSec: 10 })).toBeCloseTo(6 + 4, 12);
  });

  it("puts the rest at the last knot without a tail, and handles a curve that reaches 0", () => {
    const atom = survivalSampler({ timesSec: [10], survival: [0.5], tailMeanSec: 0 });
    expect(atom(0.9)).toBe(10);
    const ending = survivalSampler({ timesSec: [10, 20], survival: [0.5, 0], tailMeanSec: 50 });
    expect(ending(0.75)).toBeCloseTo(15, 9);
    expect(ending(0.999999)).toBeLessThanOrEqual(20);
  });

  it("rejects tables it cannot sample, saying what was expected", () => {
    expect(() => survivalSampler({ timesSec: [], survival: [], tailMeanSec: 1 })).toThrow(/no knots/);
    expect(() => survivalSampler({ timesSec: [1, 2], survival: [0.5], tailMeanSec: 1 })).toThrow(/as many of each/);
    expect(() => survivalSampler({ timesSec: [2, 1], survival: [0.5, 0.4], tailMeanSec: 1 })).toThrow(/time 2: 1; expected a finite number above 2/);
    expect(() => survivalSampler({ timesSec: [-1], survival: [0.5], tailMeanSec: 1 })).toThrow(/time 1: -1; expected a finite number ≥ 0/);
    expect(() => survivalSampler({ timesSec: [1, 2], survival: [0.5, 0.6], tailMeanSec: 1 })).toThrow(/survival 2: 0.6/);
    expect(() => survivalSampler({ timesSec: [1], survival: [0.5], tailMeanSec: -1 })).toThrow(/tail mean: -1/);
  });
});

describe("the survival distribution kind in a scenario", () => {
  const schema = durationSchema("Sec");

  it("parses, converts units and samples through inverseCdf", () => {
    const parsed = durationSchema("Minutes").parse({ dist: "survival", timesMinutes: [1, 2], survival: [0.5, 0.2], tailMeanMinutes: 1 });
    const spec = durationToSeconds(parsed);
    expect(spec).toEqual({ dist: "survival", timesSec: [60, 120], survival: [0.5, 0.2], tailMeanSec: 60 });
    expect(inverseCdf(spec)(0.5)).toBeCloseTo(60, 9);
    expect(distributionMean(spec)).toBeCloseTo(survivalMean({ timesSec: [60, 120], survival: [0.5, 0.2], tailMeanSec: 60 }), 12);
    expect(distributionVariance(spec)).toBeGreaterThan(0);
  });

  it("rejects unequal lists, decreasing times and increasing survival with the field's path", () => {
    const issues = (value: unknown) => {
      const result = schema.safeParse(value);
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    };
    expect(issues({ dist: "survival", timesSec: [1, 2], survival: [0.5], tailMeanSec: 1 })).toEqual([
      "survival: 1 survival values for 2 times; expected one per time",
    ]);
    expect(issues({ dist: "survival", timesSec: [2, 1], survival: [0.5, 0.4], tailMeanSec: 1 })).toEqual([
      "timesSec.1: time 1 after 2; expected increasing times",
    ]);
    expect(issues({ dist: "survival", timesSec: [1, 2], survival: [0.5, 0.6], tailMeanSec: 1 })).toEqual([
      "survival.1: survival 0.6 after 0.5; expected non-increasing values",
    ]);
    expect(issues({ dist: "survival", timesSec: [1], survival: [1.5], tailMeanSec: 1 })[0]).toMatch(/^survival.0/);
  });
});
