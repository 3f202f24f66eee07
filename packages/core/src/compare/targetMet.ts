/**
 * How often a row (the span, a day or an interval) met its service-level target across replications: a
 * probability over outcomes, not a statement about the mean.
 */
export interface TargetMet {
  /** met / n: the share of replications whose service level reached the target; null when n = 0. */
  probability: number | null;
  /** 95% Wilson score interval for that probability (how precisely the runs pin it down); null when n = 0. */
  ci95: [number, number] | null;
  /** Replications whose service level was ≥ the target. */
  met: number;
  /** Replications in which the service level was defined (something was offered). */
  n: number;
}

const Z975 = 1.959963984540054;

/**
 * `TargetMet` from counts. The interval is Wilson's score interval, which stays inside [0, 1] and keeps
 * close to its nominal coverage at 0 or n successes, where the Wald interval collapses to a point.
 * Source: E. B. Wilson, "Probable inference, the law of succession, and statistical inference", JASA 22
 * (1927) 209–212; Agresti & Coull, The American Statistician 52 (1998) 119–126.
 */
export function targetMet(met: number, n: number): TargetMet {
  if (n === 0) return { probability: null, ci95: null, met, n };
  const p = met / n;
  const z2n = (Z975 * Z975) / n;
  const center = (p + z2n / 2) / (1 + z2n);
  const halfWidth = (Z975 / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return { probability: p, ci95: [Math.max(0, center - halfWidth), Math.min(1, center + halfWidth)], met, n };
}

/**
 * How often a row missed its target, from how often it met it: the complement of the probability and of its 95%
 * interval (Wilson's score interval is symmetric under p ↔ 1 − p, so this is the misses' own interval). What a
 * planner says: "Tuesday 10:00 misses in 70% of simulated weeks".
 */
export function targetMissed(met: { probability: number | null; ci95: readonly [number, number] | null }): { probability: number | null; ci95: [number, number] | null } {
  return {
    probability: met.probability === null ? null : 1 - met.probability,
    ci95: met.ci95 === null ? null : [1 - met.ci95[1], 1 - met.ci95[0]],
  };
}
