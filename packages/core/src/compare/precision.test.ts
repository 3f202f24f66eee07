import { describe, expect, it } from "vitest";
import { logGamma } from "../random/logGamma.js";
import { stream } from "../random/streams.js";
import { summarize } from "../stats/summary.js";
import { precisionPlan } from "./precisionPlan.js";
import { ci95HalfWidth, precisionReached, precisionStop } from "./precisionReached.js";

describe("precisionPlan", () => {
  it("doubles from the minimum and ends at the maximum", () => {
    expect(precisionPlan({ maxReplications: 1000 })).toEqual([20, 40, 80, 160, 320, 640, 1000]);
    expect(precisionPlan({ maxReplications: 160, minReplications: 10 })).toEqual([10, 20, 40, 80, 160]);
    expect(precisionPlan({ maxReplications: 12 })).toEqual([12]);
  });

  it("with a batch, checks at its multiples from the minimum on", () => {
    expect(precisionPlan({ maxReplications: 100, batch: 25 })).toEqual([25, 50, 75, 100]);
    expect(precisionPlan({ maxReplications: 95, batch: 30, minReplications: 2 })).toEqual([30, 60, 90, 95]);
  });

  it("refuses counts that are not whole numbers in range", () => {
    expect(() => precisionPlan({ maxReplications: 1 })).toThrow("invalid maxReplications: 1; expected a whole number ≥ 2");
    expect(() => precisionPlan({ maxReplications: 100, batch: 0 })).toThrow("invalid batch: 0");
    expect(() => precisionPlan({ maxReplications: 100, minReplications: 2.5 })).toThrow("invalid minReplications: 2.5");
  });
});

describe("precisionReached", () => {
  // 20 values alternating 0.78 and 0.82: mean 0.8, s = 0.02·√(20/19), half-width t(0.975, 19)·s/√20.
  const values = Float64Array.from({ length: 40 }, (_, k) => (k < 20 ? (k % 2 === 0 ? 0.78 : 0.82) : k * 1000));
  const halfWidth = (2.093024054408263 * 0.02 * Math.sqrt(20 / 19)) / Math.sqrt(20);

  it("compares the Student t half-width of the prefix with the target, in the KPI's unit", () => {
    expect(ci95HalfWidth(values, 20)).toBeCloseTo(halfWidth, 14);
    expect(precisionReached({ values, halfWidth: halfWidth + 1e-12, upTo: 20 })).toBe(true);
    expect(precisionReached({ values, halfWidth: halfWidth - 1e-12, upTo: 20 })).toBe(false);
  });

  it("reads the prefix only, so replications computed beyond it change nothing", () => {
    const more = Float64Array.from(values, (v, k) => (k < 20 ? v : -v));
    expect(precisionReached({ values: more, halfWidth: 0.01, upTo: 20 })).toBe(precisionReached({ values, halfWidth: 0.01, upTo: 20 }));
    expect(ci95HalfWidth(more, 20)).toBe(ci95HalfWidth(values, 20));
  });

  it("needs minReplications defined values, skipping NaN", () => {
    const withGaps = Float64Array.from(values.subarray(0, 20), (v, k) => (k < 2 ? NaN : v));
    expect(precisionReached({ values: withGaps, halfWidth: 1, upTo: 20 })).toBe(false); // 18 defined
    expect(precisionReached({ values: withGaps, halfWidth: 1, upTo: 20, minReplications: 18 })).toBe(true);
    expect(ci95HalfWidth([NaN, 1], 2)).toBeNull();
    expect(() => precisionReached({ values, halfWidth: 0.01, upTo: 41 })).toThrow("cannot check the first 41 replications: only 40 values");
    expect(() => precisionReached({ values, halfWidth: NaN, upTo: 20 })).toThrow("invalid halfWidth: NaN");
  });
});

describe("precisionStop", () => {
  const checkpoints = precisionPlan({ maxReplications: 100 }); // 20, 40, 80, 100
  const random = stream(3, 0, "arrivals");
  const values = Float64Array.from({ length: 100 }, () => random());

  it("stops at the first check point that reaches the precision, whatever was computed beyond it", () => {
    const stop = precisionStop({ checkpoints, values, halfWidth: 0.1 });
    expect(stop).toEqual({ replications: 40, reached: true });
    // One worker stops exactly at 40; two workers may have finished 57 or all 100: the same answer.
    for (const computed of [40, 57, 100]) expect(precisionStop({ checkpoints, values: values.subarray(0, computed), halfWidth: 0.1 })).toEqual(stop);
    expect(precisionStop({ checkpoints, values: values.subarray(0, 39), halfWidth: 0.1 })).toBeNull();
  });

  it("ends at the last check point, not reached, when the precision is out of reach", () => {
    expect(precisionStop({ checkpoints, values, halfWidth: 0.001 })).toEqual({ replications: 100, reached: false });
    expect(precisionStop({ checkpoints, values: values.subarray(0, 99), halfWidth: 0.001 })).toBeNull();
  });
});

/** ln P(X = x) for X ~ Binomial(n, p). */
const logBinomial = (x: number, n: number, p: number) =>
  logGamma(n + 1) - logGamma(x + 1) - logGamma(n - x + 1) + x * Math.log(p) + (n - x) * Math.log1p(-p);

/** The central band [low, high] with P(X < low) ≤ (1 − level)/2 and P(X > high) ≤ (1 − level)/2, exactly. */
function binomialBand(n: number, p: number, level: number): [number, number] {
  const tail = (1 - level) / 2;
  const pmf = Array.from({ length: n + 1 }, (_, x) => Math.exp(logBinomial(x, n, p)));
  let low = 0;
  for (let below = 0; below + pmf[low]! <= tail; low++) below += pmf[low]!;
  let high = n;
  for (let above = 0; above + pmf[high]! <= tail; high--) above += pmf[high]!;
  return [low, high];
}

/** Poisson draw by inversion (sequential search; fine for a mean of 20). */
function poisson(uniform: number, mean: number): number {
  let probability = Math.exp(-mean);
  let cumulative = probability;
  let k = 0;
  while (uniform > cumulative && k < 10 * mean) {
    k++;
    probability *= mean / k;
    cumulative += probability;
  }
  return k;
}

it("the precision rule keeps its promise: the final 95% CI covers the true mean as often as a 99.9% binomial band allows", () => {
  // The case: contacts offered in one hour of a stationary center at 20 an hour, a Poisson count with mean
  // λT = 20 exactly. The engine would take about 6 s for the ~30,000 replications this needs, so the count is
  // drawn directly, one stream per repetition. Target half-width 2 contacts: the required n ≈ (1.96·√20/2)² ≈ 19,
  // so most runs stop at the first or second check point (20 or 40), where stopping early costs the most coverage.
  const trueMean = 20;
  const repetitions = 1000;
  const checkpoints = precisionPlan({ maxReplications: 640 });
  let covered = 0;
  const stops = new Map<number, number>();
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const random = stream(1, repetition, "arrivals");
    const values: number[] = [];
    let stop: { replications: number; reached: boolean } | null = null;
    // As a pool does: compute up to the next check point, then ask the rule.
    for (const upTo of checkpoints) {
      while (values.length < upTo) values.push(poisson(random(), trueMean));
      stop = precisionStop({ checkpoints, values, halfWidth: 2 });
      if (stop) break;
    }
    // The CI the run reports: summarize over the replications up to the stopping point.
    const { ci95 } = summarize(values.slice(0, stop!.replications));
    if (ci95![0] <= trueMean && trueMean <= ci95![1]) covered++;
    stops.set(stop!.replications, (stops.get(stop!.replications) ?? 0) + 1);
  }
  // Exact 99.9% band of Binomial(1000, 0.95): P(X < 926) = 0.00041, P(X > 971) = 0.00039.
  expect(binomialBand(repetitions, 0.95, 0.999)).toEqual([926, 971]);
  expect(covered).toBeGreaterThanOrEqual(926);
  expect(covered).toBeLessThanOrEqual(971);
  // The case does exercise early stopping: most runs stop at 20 or 40.
  expect((stops.get(20) ?? 0) + (stops.get(40) ?? 0)).toBeGreaterThan(900);
});
