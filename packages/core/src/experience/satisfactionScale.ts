/**
 * The scale satisfaction lives on, and how the articles' relative rules are put on it.
 *
 * A contact's probability of being satisfied is σ(L), σ the logistic function, with L a sum of log-odds terms:
 * that of an ideal contact (answered at once, resolved at first contact, not a repeat, resolution time at its
 * reference), minus a penalty `repeatPenalty` if it is not resolved, minus the same again if it is itself a
 * repeat contact, plus a term for each other effect (wait, resolution time, proficiency). So satisfaction can
 * never leave [0, 1], however many effects pile up.
 *
 * The articles state their effects relative to a center's CSAT ("−5% per minute", "+8% per 10% cut", "+6% per 5
 * points fewer repeats"). They are put on the log-odds scale at a *reference center*: contacts answered at once,
 * a share ρ of them unresolved and, independently, a share ρ of them repeats (which is what first-contact
 * resolution 1 − ρ gives when everyone is answered), with CSAT `referenceCsat`:
 *
 *   csatAt(L) = (1 − ρ)² σ(L) + 2ρ(1 − ρ) σ(L − β) + ρ² σ(L − 2β)
 *
 * - β (`repeatPenalty`) and the ideal log-odds L₀ are solved together from csatAt(L₀) = referenceCsat and the
 *   repeat rule: the same center with ρ − 0.05 has CSAT (1 + changePerFivePointsFewer) × referenceCsat.
 * - A relative change m of satisfaction (m = 0.95 for −5%) becomes the log-odds shift δ(m) that moves the
 *   reference center's CSAT from referenceCsat to m × referenceCsat: `logOddsShift`. Each rule thus holds
 *   exactly at the reference center and, elsewhere, as a log-odds shift (smaller relative changes near 100%,
 *   larger ones far below). A gain that would take the reference center beyond 80% of the way from
 *   referenceCsat to 100% (more than it can take: +33% at 75% is 100%) goes on from there at the rate the rule
 *   has at the reference center itself (the slope of the shift in ln m at m = 1), so it stays finite, monotone
 *   and moderate, instead of chasing a CSAT of 100%, which no finite shift reaches.
 * Source of the rules: article 000_84b7cbeb28961648; the scale and the reference center: assumptions.
 */
export interface SatisfactionScale {
  /** Log-odds of an ideal contact (L₀). */
  idealLogOdds: number;
  /** Log-odds penalty of an unresolved contact, and again of a repeat contact (β ≥ 0). */
  repeatPenalty: number;
  /** CSAT of the reference center. */
  referenceCsat: number;
  /** Repeat-contact rate of the reference center. */
  referenceRepeatRate: number;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

// Largest penalty tried: beyond it an unresolved contact is as good as never satisfied.
const MAX_PENALTY = 20;
// Safeguarded Newton steps (a bisection step whenever Newton's would leave the bracket): a few reach the resolution
// of a double; the bound only stops a pathological case. Each replication with its own draw of the experience inputs
// solves these again, so they must take microseconds, not the milliseconds 64 plain bisections took.
const ITERATIONS = 200;

/** CSAT of a center answering at once with repeat rate ρ whose ideal contact has log-odds `logOdds`. */
export function referenceCsatAt(logOdds: number, repeatPenalty: number, repeatRate: number): number {
  const r = repeatRate;
  return (1 - r) ** 2 * sigmoid(logOdds) + 2 * r * (1 - r) * sigmoid(logOdds - repeatPenalty) + r * r * sigmoid(logOdds - 2 * repeatPenalty);
}

/** d referenceCsatAt / dL. */
function referenceCsatSlope(logOdds: number, repeatPenalty: number, repeatRate: number): number {
  const r = repeatRate;
  const d = (x: number) => {
    const s = sigmoid(x);
    return s * (1 - s);
  };
  return (1 - r) ** 2 * d(logOdds) + 2 * r * (1 - r) * d(logOdds - repeatPenalty) + r * r * d(logOdds - 2 * repeatPenalty);
}

/**
 * The ideal log-odds L with referenceCsatAt(L) = csat (csat in (0, 1)), by Newton's method on the increasing, smooth
 * referenceCsatAt, kept inside a bracket within [−60, 60] that every step narrows (a step that would leave it bisects
 * instead). `start` is a first guess (the previous entry of a table).
 */
function solveLogOdds(csat: number, repeatPenalty: number, repeatRate: number, start = 0): number {
  let lo = -60;
  let hi = 60;
  let x = Math.min(hi, Math.max(lo, start));
  for (let i = 0; i < ITERATIONS; i++) {
    const error = referenceCsatAt(x, repeatPenalty, repeatRate) - csat;
    if (error === 0) return x;
    if (error < 0) lo = x;
    else hi = x;
    let next = x - error / referenceCsatSlope(x, repeatPenalty, repeatRate);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (next === x || hi - lo <= 4 * Number.EPSILON * Math.max(1, Math.abs(x))) return next;
    if (Math.abs(next - x) <= 2 * Number.EPSILON * Math.max(1, Math.abs(x))) return next;
    x = next;
  }
  return x;
}

/**
 * Calibrates the scale from the reference center and the repeat rule (see the module comment). When the rule
 * asks for more than any penalty gives (at most ((1 − ρ + 0.05) / (1 − ρ))² − 1, e.g. +12.9% at ρ = 0.2),
 * the penalty is the largest tried (20 on the log-odds scale).
 */
export function satisfactionScale(options: { referenceCsat: number; referenceRepeatRate: number; changePerFivePointsFewer: number }): SatisfactionScale {
  const { referenceCsat, referenceRepeatRate: rate, changePerFivePointsFewer: gain } = options;
  if (!(referenceCsat > 0 && referenceCsat < 1)) throw new Error(`invalid referenceCsat: ${referenceCsat}; expected a fraction strictly between 0 and 1`);
  if (!(rate >= 0.05 && rate < 1)) throw new Error(`invalid referenceRepeatRate: ${rate}; expected a fraction in [0.05, 1)`);
  if (!(gain >= 0)) throw new Error(`invalid changePerFivePointsFewer: ${gain}; expected a number ≥ 0`);
  // The repeat rule's gain rises with the penalty: its root by the Illinois variant of regula falsi on [0, MAX_PENALTY].
  let ideal = 0;
  const excess = (penalty: number) => {
    ideal = solveLogOdds(referenceCsat, penalty, rate, ideal);
    return referenceCsatAt(ideal, penalty, rate - 0.05) / referenceCsat - (1 + gain);
  };
  let lo = 0;
  let hi = MAX_PENALTY;
  let fLo = excess(lo);
  let fHi = excess(hi);
  let repeatPenalty: number;
  if (fHi <= 0) repeatPenalty = MAX_PENALTY;
  else if (fLo >= 0) repeatPenalty = 0;
  else {
    let side = 0;
    repeatPenalty = lo;
    for (let i = 0; i < ITERATIONS; i++) {
      const next = (lo * fHi - hi * fLo) / (fHi - fLo);
      const value = excess(next);
      repeatPenalty = next;
      if (value === 0 || hi - lo <= 4 * Number.EPSILON * Math.max(1, next)) break;
      if (value < 0) {
        lo = next;
        fLo = value;
        if (side === -1) fHi /= 2;
        side = -1;
      } else {
        hi = next;
        fHi = value;
        if (side === 1) fLo /= 2;
        side = 1;
      }
      if (Math.abs(value) < 1e-15) break;
    }
  }
  return { idealLogOdds: solveLogOdds(referenceCsat, repeatPenalty, rate, ideal), repeatPenalty, referenceCsat, referenceRepeatRate: rate };
}

/**
 * The log-odds shift that multiplies the reference center's CSAT by `multiplier` (> 0): 0 for 1, negative below,
 * positive above, −Infinity for 0. Exact while multiplier × referenceCsat ≤ referenceCsat + 0.8 (1 − referenceCsat);
 * beyond, it grows linearly in ln(multiplier) at the slope it has at multiplier 1 (see the module comment). `guess` is a
 * first guess of the shift (a table's previous entry), which only makes it faster.
 */
export function logOddsShift(scale: SatisfactionScale, multiplier: number, guess = 0): number {
  if (!(multiplier >= 0)) throw new Error(`invalid satisfaction multiplier: ${multiplier}; expected a number ≥ 0`);
  if (multiplier === 0) return -Infinity;
  const { idealLogOdds, repeatPenalty, referenceCsat, referenceRepeatRate } = scale;
  const capCsat = referenceCsat + 0.8 * (1 - referenceCsat);
  const target = multiplier * referenceCsat;
  if (target <= capCsat) return solveLogOdds(target, repeatPenalty, referenceRepeatRate, idealLogOdds + guess) - idealLogOdds;
  const capShift = solveLogOdds(capCsat, repeatPenalty, referenceRepeatRate, idealLogOdds) - idealLogOdds;
  return capShift + referenceSlope(scale) * Math.log(target / capCsat);
}

/** d(shift)/d(ln m) at m = 1: referenceCsat / csat'(L₀), csat' the derivative of `referenceCsatAt` in L. */
function referenceSlope(scale: SatisfactionScale): number {
  const { idealLogOdds: at, repeatPenalty, referenceCsat, referenceRepeatRate: r } = scale;
  const derivative = (x: number) => sigmoid(x) * (1 - sigmoid(x));
  return referenceCsat / ((1 - r) ** 2 * derivative(at) + 2 * r * (1 - r) * derivative(at - repeatPenalty) + r * r * derivative(at - 2 * repeatPenalty));
}
