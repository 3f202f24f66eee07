/**
 * Customers kept, month by month. The engine counts, per simulated span, the customers expected to leave within the
 * financial horizon (`customersLost`: a churn share per customer journey). A would-be leaver does not leave at once:
 * every customer leaves at a constant monthly hazard a = −ln(1 − c) / H, c the churn share over the horizon H
 * (months), so that a share c has left H months after their contact. An intervention that lowers the churn share
 * from c_B to c_I keeps, per customer whose journey ended at time s, e^(−a_I (t − s)) − e^(−a_B (t − s)) more of
 * them at time t ≥ s: none at once, the whole difference c_B − c_I after H months. Cohorts of customers come every
 * week, so the customers kept accumulate over the horizon. Each month a kept customer stays within the horizon earns
 * a monthly margin; what the customers still kept at the horizon's end are worth beyond it is reported apart.
 */

/** The monthly hazard of a churn share `churn` over `horizonMonths`: −ln(1 − churn) / horizon (churn < 1). */
export function monthlyHazard(churn: number, horizonMonths: number): number {
  const share = Math.min(Math.max(churn, 0), 1 - 1e-12);
  return -Math.log1p(-share) / horizonMonths;
}

// (1 − e^(−a w)) / a, → w as a → 0: the customers (per unit rate) a cohort of width w leaves behind at its end.
function filled(a: number, w: number): number {
  if (w <= 0) return 0;
  const x = a * w;
  return Math.abs(x) < 1e-8 ? w * (1 - x / 2) : -Math.expm1(-x) / a;
}

// ∫₀ᵘ (1 − e^(−a x)) / a dx = (a u + e^(−a u) − 1) / a², → u²/2 as a → 0.
function filling(a: number, u: number): number {
  if (u <= 0) return 0;
  const x = a * u;
  if (Math.abs(x) < 1e-4) return u * u * (0.5 - x / 6 + (x * x) / 24);
  return (x + Math.expm1(-x)) / (a * a);
}

/**
 * Customer-months within [t0, t1] of customers who arrive at rate 1 per month over [s0, s1] and each stay with
 * survival e^(−a τ) (τ months since they came): ∫_{t0}^{t1} ∫_{s0}^{min(s1, t)} e^(−a (t − s)) ds dt, in closed form.
 */
export function cohortCustomerMonths(a: number, s0: number, s1: number, t0: number, t1: number): number {
  if (!(t1 > t0) || !(s1 > s0)) return 0;
  let total = 0;
  // While the cohort is still arriving, t ∈ [s0, s1]: (1 − e^(−a (t − s0))) / a customers.
  const lo = Math.max(t0, s0);
  const hi = Math.min(t1, s1);
  if (hi > lo) total += filling(a, hi - s0) - filling(a, lo - s0);
  // After it: the cohort's customers at s1, decaying.
  const after = Math.max(t0, s1);
  if (t1 > after) total += filled(a, s1 - s0) * Math.exp(-a * (after - s1)) * filled(a, t1 - after);
  return total;
}

/** Customers present at time t of the cohort of `cohortCustomerMonths` (rate 1 per month over [s0, s1]). */
export function cohortCustomersAt(a: number, s0: number, s1: number, t: number): number {
  if (t <= s0) return 0;
  if (t <= s1) return filled(a, t - s0);
  return filled(a, s1 - s0) * Math.exp(-a * (t - s1));
}

/** One phase's churn, as the retention model reads it. */
export interface RetentionPhase {
  /** Months from the intervention's start: when the phase's cohorts come (to the horizon's end at most). */
  startMonth: number;
  endMonth: number;
  /** Customers whose journey ends per month, in the baseline (journeys ÷ journeys per customer); null when the engine
   * does not report the churn share (then `keptPerMonth` alone, in the small-churn limit). */
  customersPerMonth: number | null;
  /** Churn share over the horizon without and with the intervention (null: see `customersPerMonth`). */
  churnBaseline: number | null;
  churnIntervention: number | null;
  /** Would-be leavers the intervention keeps per month of cohorts (customers whose loss within the horizon it avoids). */
  keptPerMonth: number;
}

/**
 * Per period of the horizon (boundaries in months, from 0), the customer-months the intervention keeps within it, and
 * the customers still kept at the horizon's end. Cohorts come through each phase at its rate; each keeps
 * e^(−a_I τ) − e^(−a_B τ) of its customers τ months on. Without the churn shares, the small-churn limit: a cohort
 * keeps its would-be leavers in proportion to τ / H.
 */
export function keptCustomers(phases: readonly RetentionPhase[], horizonMonths: number, boundaries: readonly number[]): { customerMonths: number[]; atHorizonEnd: number } {
  const customerMonths = new Array<number>(Math.max(0, boundaries.length - 1)).fill(0);
  let atHorizonEnd = 0;
  for (const phase of phases) {
    const s0 = phase.startMonth;
    const s1 = Math.min(phase.endMonth, horizonMonths);
    if (!(s1 > s0) || phase.keptPerMonth === 0) continue;
    if (phase.customersPerMonth === null || phase.churnBaseline === null || phase.churnIntervention === null) {
      // kept(τ) = keptPerMonth × τ / H per unit of cohort: ∫∫ (t − s) / H ds dt in closed form.
      const cube = (x: number) => (x > 0 ? x * x * x : 0);
      const integral = (t: number) => (cube(t - s0) - cube(t - s1)) / (6 * horizonMonths);
      for (let p = 0; p + 1 < boundaries.length; p++) customerMonths[p]! += phase.keptPerMonth * (integral(boundaries[p + 1]!) - integral(boundaries[p]!));
      const square = (x: number) => (x > 0 ? x * x : 0);
      atHorizonEnd += (phase.keptPerMonth * (square(horizonMonths - s0) - square(horizonMonths - s1))) / (2 * horizonMonths);
      continue;
    }
    const aB = monthlyHazard(phase.churnBaseline, horizonMonths);
    const aI = monthlyHazard(phase.churnIntervention, horizonMonths);
    for (let p = 0; p + 1 < boundaries.length; p++) {
      const t0 = boundaries[p]!;
      const t1 = boundaries[p + 1]!;
      customerMonths[p]! += phase.customersPerMonth * (cohortCustomerMonths(aI, s0, s1, t0, t1) - cohortCustomerMonths(aB, s0, s1, t0, t1));
    }
    atHorizonEnd += phase.customersPerMonth * (cohortCustomersAt(aI, s0, s1, horizonMonths) - cohortCustomersAt(aB, s0, s1, horizonMonths));
  }
  return { customerMonths, atHorizonEnd };
}
