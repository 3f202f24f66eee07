/**
 * Test support for the engine's statistical validation (used by des/*.test.ts only; not exported by core):
 * confidence intervals from independent replications, with the tolerance derived from the replications'
 * own standard error and a Student t quantile, never chosen by hand.
 */
import { studentTQuantile } from "../../stats/studentTQuantile.js";

/** Per-comparison significance level so that `comparisons` tests together fail by chance with probability
 * at most `familyError` (Bonferroni), and never looser than 0.001 (a 99.9% level per comparison). */
export function bonferroniAlpha(familyError: number, comparisons: number): number {
  return Math.min(0.001, familyError / comparisons);
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
  return { mean, standardError, halfWidth: studentTQuantile(1 - alpha / 2, n - 1) * standardError, n };
}

/** A readable line for a failed comparison: what, expected, observed, tolerance. */
export function describe(label: string, expected: number, interval: MeanInterval): string {
  return `${label}: expected ${expected}, simulated ${interval.mean} ± ${interval.halfWidth} (se ${interval.standardError}, n ${interval.n})`;
}
