import { fsum, quantileSorted, variance } from "d3-array";
import { studentTQuantile } from "./studentTQuantile.js";

/** Summary of one KPI across replications, as the CLI's `--json` and the UI show it. */
export interface KpiSummary {
  /** Mean over the replications where the KPI is defined; null when it is defined in none. */
  mean: number | null;
  /** 95% confidence interval for the mean: mean ± t(0.975, n − 1)·s/√n (Student t); null when n < 2. */
  ci95: [number, number] | null;
  /** Quantiles of the per-replication values (R-7, linear interpolation, as d3.quantile); null when n = 0. */
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /** Replications in which the KPI was defined. */
  n: number;
}

/** t(0.975, ν) by ν: every KPI of every interval of a run asks for the same few. */
const tCache = new Map<number, number>();

/**
 * Summary of one KPI over replications: the values that are null (or NaN) — the KPI was undefined in that
 * replication, such as a wait with nothing answered — are left out, and `n` counts the rest.
 * The mean is summed exactly (d3.fsum, Shewchuk), so it does not depend on the order of the replications;
 * the standard deviation s uses divisor n − 1 (d3.variance). The interval is the Student t interval for the
 * mean of n independent replications (e.g. Law, Simulation Modeling and Analysis, 5th ed., §9.4.1); it
 * assumes the replication means are roughly normal, which holds for a few dozen replications of a day.
 */
export function summarize(values: ArrayLike<number | null>): KpiSummary {
  const defined = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined && !Number.isNaN(value)) defined[n++] = value;
  }
  if (n === 0) return { mean: null, ci95: null, p10: null, p50: null, p90: null, n };
  // A typed array's own sort is numeric and ascending (as d3.ascending orders numbers), without a comparator call.
  // d3's quantileSorted reads only length and indices, which a typed array has; its types ask for an array.
  const sorted = defined.subarray(0, n).sort() as unknown as number[];
  const mean = fsum(sorted) / n;
  let ci95: [number, number] | null = null;
  if (n >= 2) {
    let t = tCache.get(n - 1);
    if (t === undefined) {
      t = studentTQuantile(0.975, n - 1);
      tCache.set(n - 1, t);
    }
    const halfWidth = (t * Math.sqrt(variance(sorted)!)) / Math.sqrt(n);
    ci95 = [mean - halfWidth, mean + halfWidth];
  }
  return {
    mean,
    ci95,
    p10: quantileSorted(sorted, 0.1)!,
    p50: quantileSorted(sorted, 0.5)!,
    p90: quantileSorted(sorted, 0.9)!,
    n,
  };
}
