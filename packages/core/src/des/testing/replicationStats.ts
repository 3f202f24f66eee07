/**
 * Test support for the engine's statistical validation (used by des/*.test.ts only; not exported by core):
 * confidence intervals from independent replications, with the tolerance derived from the replications'
 * own standard error and a Student t quantile, never chosen by hand.
 */
import { normalQuantile } from "../../random/normalQuantile.js";

/** Per-comparison significance level so that `comparisons` tests together fail by chance with probability
 * at most `familyError` (Bonferroni), and never looser than 0.001 (a 99.9% level per comparison). */
export function bonferroniAlpha(familyError: number, comparisons: number): number {
  return Math.min(0.001, familyError / comparisons);
}

/**
 * Upper p-quantile of Student's t with `df` degrees of freedom, from the normal quantile by the Cornish–Fisher
 * expansion of Abramowitz & Stegun 26.7.5 (terms to 1/df⁴). Checked against scipy's `t.ppf`: for df ≥ 20 and
 * p ≤ 1 − 1e-6 it is at most 2e-4 (relative) below the exact quantile, which moves a test's chance failure
 * rate by well under 1% of itself. Use at least 20 replications with it.
 */
export function tQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

export interface MeanInterval {
  mean: number;
  standardError: number;
  /** Half-width of the two-sided (1 − alpha) confidence interval. */
  halfWidth: number;
  n: number;
}

/** Mean of independent replication values with a two-sided (1 − alpha) Student t interval. */
export function meanInterval(values: readonly number[], alpha: number): MeanInterval {
  const n = values.length;
  if (n < 2) throw new Error(`meanInterval needs at least 2 values, got ${n}`);
  let mean = 0;
  for (const value of values) mean += value;
  mean /= n;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  const standardError = Math.sqrt(squares / (n - 1) / n);
  return { mean, standardError, halfWidth: tQuantile(1 - alpha / 2, n - 1) * standardError, n };
}

/** A readable line for a failed comparison: what, expected, observed, tolerance. */
export function describe(label: string, expected: number, interval: MeanInterval): string {
  return `${label}: expected ${expected}, simulated ${interval.mean} ± ${interval.halfWidth} (se ${interval.standardError}, n ${interval.n})`;
}
