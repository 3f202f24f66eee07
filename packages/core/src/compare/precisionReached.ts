import { t975 } from "./kpiStatistics.js";
import { DEFAULT_MIN_REPLICATIONS } from "./precisionPlan.js";

/**
 * Half-width of the 95% Student t CI of the mean of the defined values among the first `upTo` (replications
 * 0 … upTo − 1; NaN = undefined), in the values' unit: t(0.975, n − 1)·s/√n. null when fewer than two are
 * defined. Sums in replication order (Welford), so the answer depends only on the prefix.
 */
export function ci95HalfWidth(values: ArrayLike<number>, upTo: number = values.length): number | null {
  let n = 0;
  let mean = 0;
  let sumSquares = 0;
  for (let k = 0; k < Math.min(upTo, values.length); k++) {
    const value = values[k]!;
    if (Number.isNaN(value)) continue;
    n++;
    const delta = value - mean;
    mean += delta / n;
    sumSquares += delta * (value - mean);
  }
  return n < 2 ? null : (t975(n) * Math.sqrt(sumSquares / (n - 1))) / Math.sqrt(n);
}

/**
 * The stopping rule of a precision-driven run: true when the 95% CI of the mean of a KPI over replications
 * 0 … upTo − 1 has a half-width at most `halfWidth`, in the KPI's unit (registry `unit`: a fraction such as
 * 0.005 for service level, seconds for time KPIs), and at least `minReplications` (default 20) of them define
 * the KPI. Reads only that prefix of `values` (span values in replication order, NaN where undefined), so it
 * gives the same answer however many replications beyond it have been computed. Throws when `values` holds
 * fewer than `upTo` or the half-width is negative or not a number.
 */
export function precisionReached(options: {
  values: ArrayLike<number>;
  halfWidth: number;
  upTo: number;
  minReplications?: number;
}): boolean {
  const { values, halfWidth, upTo } = options;
  if (!(halfWidth >= 0)) throw new Error(`invalid halfWidth: ${halfWidth}; expected a number ≥ 0 in the KPI's unit`);
  if (values.length < upTo) throw new Error(`cannot check the first ${upTo} replications: only ${values.length} values`);
  let defined = 0;
  for (let k = 0; k < upTo; k++) if (!Number.isNaN(values[k]!)) defined++;
  if (defined < Math.max(2, options.minReplications ?? DEFAULT_MIN_REPLICATIONS)) return false;
  return ci95HalfWidth(values, upTo)! <= halfWidth;
}

/**
 * Where a precision-driven run stops, given the check points of `precisionPlan` and the values computed so far
 * (possibly past a check point, as parallel workers do): the first check point whose prefix reaches the
 * precision (`reached: true`), or the last check point when none does (`reached: false`); null while the
 * values do not yet reach the next check point that has to be looked at (run more replications).
 */
export function precisionStop(options: {
  checkpoints: readonly number[];
  values: ArrayLike<number>;
  halfWidth: number;
  minReplications?: number;
}): { replications: number; reached: boolean } | null {
  const { checkpoints, values } = options;
  for (const upTo of checkpoints) {
    if (upTo > values.length) return null;
    if (precisionReached({ ...options, upTo })) return { replications: upTo, reached: true };
  }
  const last = checkpoints[checkpoints.length - 1];
  return last === undefined ? null : { replications: last, reached: false };
}
