import { summarize, type KpiSummary } from "../stats/summary.js";

/**
 * Summary of a count of whole periods across replications (a payback month, a break-even week): the mean and its 95%
 * CI as `summarize` gives them (an average of whole weeks is a fraction of a week, and says so by its decimals), but
 * P10, P50 and P90 by the inverse of the empirical distribution (Hyndman & Fan 1996, definition 1: the smallest value
 * with at least that share of the replications at or below it), so that each is a period some replication reached,
 * never an interpolation such as "week 15.7" between two weeks. Nulls (never reached) are left out, as `summarize`.
 */
export function summarizeWholePeriods(values: ArrayLike<number | null>): KpiSummary {
  const summary = summarize(values);
  if (summary.n === 0) return summary;
  const sorted: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined && !Number.isNaN(value)) sorted.push(value);
  }
  sorted.sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length - 1e-9) - 1)]!;
  return { ...summary, p10: at(0.1), p50: at(0.5), p90: at(0.9) };
}
