import { variance } from "d3-array";
import type { KpiId } from "../kpi/registry.js";
import { studentTQuantile } from "../stats/studentTQuantile.js";
import { summarize, type KpiSummary } from "../stats/summary.js";

/**
 * `KpiSummary` (mean, `ci95` of the mean, P10/P50/P90 spread of outcomes, n) plus the sample variance of the
 * per-replication values (divisor n − 1, in the KPI's unit squared; null when n < 2). The variance describes
 * the outcomes; the CI's half-width is t(0.975, n − 1)·√(variance / n) and shrinks with more replications.
 */
export interface KpiStatistics extends KpiSummary {
  variance: number | null;
}

/** Statistics of every registry KPI, by id. */
export type KpiStatisticsByKpi = Record<KpiId, KpiStatistics>;

/** Statistics of values kept in full (replication order): exactly `summarize`, plus d3.variance. NaN = undefined. */
export function exactStatistics(values: Float64Array): KpiStatistics {
  const summary = summarize(values);
  return { ...summary, variance: summary.n >= 2 ? variance(values)! : null };
}

/** t(0.975, ν) by ν: every KPI of every interval asks for the same few. */
const tCache = new Map<number, number>();

/** t(0.975, n − 1), the Student t multiplier of a 95% interval for the mean of n values (n ≥ 2). */
export function t975(n: number): number {
  let t = tCache.get(n - 1);
  if (t === undefined) {
    t = studentTQuantile(0.975, n - 1);
    tCache.set(n - 1, t);
  }
  return t;
}

/**
 * Statistics from running moments (Welford) and separately kept quantiles: the same formulas as `summarize`
 * (Student t interval mean ± t(0.975, n − 1)·s/√n), so the two agree up to rounding (about 1e-15 relative).
 */
export function momentStatistics(
  count: number,
  mean: number,
  sumSquares: number,
  quantiles: readonly [number, number, number] | null,
): KpiStatistics {
  if (count === 0) return { mean: null, ci95: null, p10: null, p50: null, p90: null, n: 0, variance: null };
  let ci95: [number, number] | null = null;
  let sampleVariance: number | null = null;
  if (count >= 2) {
    sampleVariance = sumSquares / (count - 1);
    const halfWidth = (t975(count) * Math.sqrt(sampleVariance)) / Math.sqrt(count);
    ci95 = [mean - halfWidth, mean + halfWidth];
  }
  return {
    mean,
    ci95,
    p10: quantiles?.[0] ?? null,
    p50: quantiles?.[1] ?? null,
    p90: quantiles?.[2] ?? null,
    n: count,
    variance: sampleVariance,
  };
}
