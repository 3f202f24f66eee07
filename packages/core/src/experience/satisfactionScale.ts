/**
 * The scale satisfaction lives on, and how the articles' relative rules are put on it.
 *
 * A contact's probability of being satisfied is σ(L), σ the logistic function, with L a sum of log-odds terms:
 * that of an ideal contact (answered at once, resolved at first contact, not a repeat, its problem resolved in the
 * reference time), minus a penalty `repeatPenalty` if it is not resolved, minus the same again if it is itself a
 * repeat contact, plus a term for each other effect (wait, its problem's resolution time, proficiency). So
 * satisfaction can never leave [0, 1], however many effects pile up.
 *
 * The articles state their effects relative to a center's CSAT ("−5% per minute", "+8% per 10% cut", "+6% per 5
 * points fewer repeats"). They are put on the log-odds scale at a *reference center*: contacts answered at once,
 * a share ρ of them unresolved and, independently, a share ρ of them repeats (which is what first-contact
 * resolution 1 − ρ gives when everyone is answered), with CSAT `referenceCsat`. A problem answered at its first
 * contact takes the reference resolution time T; a repeat contact's problem takes (1 + λ) T, λ = D / T for repeats
 * that come back D later (`repeatLengthening`), and loses γ (`repeatResolutionPenalty`) to that longer time:
 *
 *   csatAt(L) = (1 − ρ)² σ(L) + ρ(1 − ρ) σ(L − β) + ρ(1 − ρ) σ(L − β − γ) + ρ² σ(L − 2β − γ)
 *
 * - β (`repeatPenalty`) and the ideal log-odds L₀ are solved together from csatAt(L₀) = referenceCsat and the
 *   repeat rule: the same center with ρ − 0.05 has CSAT (1 + changePerFivePointsFewer) × referenceCsat. Since the
 *   fewer repeats also shorten the center's resolution times (γ), β is what the rule leaves once γ is counted: an
 *   unresolved problem is not penalised twice, once by β and again by the time its repeat adds.
 * - A relative change m of satisfaction (m = 0.95 for −5%) becomes the log-odds shift δ(m) that moves the
 *   reference center's CSAT from referenceCsat to m × referenceCsat: `logOddsShift`. Each rule thus holds
 *   exactly at the reference center and, elsewhere, as a log-odds shift (smaller relative changes near 100%,
 *   larger ones far below). A gain that would take the reference center beyond 80% of the way from
 *   referenceCsat to 100% (more than it can take: +33% at 75% is 100%) goes on from there at the rate the rule
 *   has at the reference center itself (the slope of the shift in ln m at m = 1), so it stays finite, monotone
 *   and moderate, instead of chasing a CSAT of 100%, which no finite shift reaches.
 * - The resolution-time rule is per contact: a contact whose problem takes r times the reference time has the shift
 *   δ(r^(−a)) (`resolutionShift`), a compounding the rule's "+8% per 10% cut". The exponent a is solved with β, L₀
 *   and γ = −δ((1 + λ)^(−a)) so that cutting every problem's time by 10% raises the reference center's CSAT by
 *   exactly changePerTenPercentCut; without repeats that lengthen problems (λ = 0) it is ln(1 + c) / ln(1 / 0.9).
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
  /** Log-odds a repeat contact of the reference center loses to its problem's longer resolution time (γ ≥ 0). */
  repeatResolutionPenalty: number;
  /** Exponent a of the per-contact resolution-time rule (0: no resolution-time effect); see `resolutionShift`. */
  resolutionExponent: number;
  /** λ: how much longer (as a share of the reference resolution time) a repeat's problem takes at the reference
   * center: the one asked, or shorter when both rules cannot hold with it (see `satisfactionScale`). */
  repeatLengthening: number;
}

/** What the scale is calibrated from (experience.referenceCsat, .repeats and .resolutionTime). */
export interface ScaleSettings {
  referenceCsat: number;
  referenceRepeatRate: number;
  changePerFivePointsFewer: number;
  /** Relative change of CSAT per 10% cut in resolution time (0.08 = +8%); omitted or 0: no resolution-time effect. */
  changePerTenPercentCut?: number;
  /** λ = D / T: how much longer a problem resolved at a repeat contact takes at the reference center, as a share of
   * the reference resolution time; omitted or 0: repeats do not lengthen problems there. */
  repeatLengthening?: number;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

// Largest penalty tried: beyond it an unresolved contact is as good as never satisfied.
const MAX_PENALTY = 20;
// Safeguarded Newton steps (a bisection step whenever Newton's would leave the bracket): a few reach the resolution
// of a double; the bound only stops a pathological case. Each replication with its own draw of the experience inputs
// solves these again, so they must take microseconds, not the milliseconds 64 plain bisections took.
const ITERATIONS = 200;
// The fixed point of γ (given the exponent) converges geometrically; this tolerance is far below any effect.
const PENALTY_TOLERANCE = 1e-12;
const TEN_PERCENT_CUT = 0.9;

/** The reference center's four outcomes, as the scale's solvers see it. */
interface Center {
  repeatPenalty: number;
  repeatRate: number;
  repeatResolutionPenalty: number;
}

/** CSAT of a center answering at once with repeat rate ρ whose ideal contact has log-odds `logOdds` (γ: what a repeat
 * loses to its longer resolution time; 0 by default). */
export function referenceCsatAt(logOdds: number, repeatPenalty: number, repeatRate: number, repeatResolutionPenalty = 0): number {
  const r = repeatRate;
  const b = repeatPenalty;
  const g = repeatResolutionPenalty;
  return (1 - r) ** 2 * sigmoid(logOdds) + r * (1 - r) * (sigmoid(logOdds - b) + sigmoid(logOdds - b - g)) + r * r * sigmoid(logOdds - 2 * b - g);
}

const csatOf = (center: Center, logOdds: number, repeatRate = center.repeatRate) =>
  referenceCsatAt(logOdds, center.repeatPenalty, repeatRate, center.repeatResolutionPenalty);

/** d csatOf / dL. */
function csatSlope(center: Center, logOdds: number): number {
  const r = center.repeatRate;
  const b = center.repeatPenalty;
  const g = center.repeatResolutionPenalty;
  const d = (x: number) => {
    const s = sigmoid(x);
    return s * (1 - s);
  };
  return (1 - r) ** 2 * d(logOdds) + r * (1 - r) * (d(logOdds - b) + d(logOdds - b - g)) + r * r * d(logOdds - 2 * b - g);
}

/**
 * The ideal log-odds L with csatOf(L) = csat (csat in (0, 1)), by Newton's method on the increasing, smooth csatOf,
 * kept inside a bracket within [−60, 60] that every step narrows (a step that would leave it bisects instead).
 * `start` is a first guess (the previous entry of a table).
 */
function solveLogOdds(center: Center, csat: number, start = 0): number {
  let lo = -60;
  let hi = 60;
  let x = Math.min(hi, Math.max(lo, start));
  for (let i = 0; i < ITERATIONS; i++) {
    const error = csatOf(center, x) - csat;
    if (error === 0) return x;
    if (error < 0) lo = x;
    else hi = x;
    let next = x - error / csatSlope(center, x);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (next === x || hi - lo <= 4 * Number.EPSILON * Math.max(1, Math.abs(x))) return next;
    if (Math.abs(next - x) <= 2 * Number.EPSILON * Math.max(1, Math.abs(x))) return next;
    x = next;
  }
  return x;
}

/**
 * The root in [lo, hi] of an increasing function by the Illinois variant of regula falsi; `lo` when f(lo) ≥ 0, `hi`
 * when f(hi) ≤ 0 (the rule asks for more than the bracket gives).
 */
function increasingRoot(f: (x: number) => number, lo: number, hi: number): number {
  let fLo = f(lo);
  if (fLo >= 0) return lo;
  let fHi = f(hi);
  if (fHi <= 0) return hi;
  let side = 0;
  let x = lo;
  for (let i = 0; i < ITERATIONS; i++) {
    x = (lo * fHi - hi * fLo) / (fHi - fLo);
    const value = f(x);
    if (value === 0 || hi - lo <= 4 * Number.EPSILON * Math.max(1, Math.abs(x)) || Math.abs(value) < 1e-15) break;
    if (value < 0) {
      lo = x;
      fLo = value;
      if (side === -1) fHi /= 2;
      side = -1;
    } else {
      hi = x;
      fHi = value;
      if (side === 1) fLo /= 2;
      side = 1;
    }
  }
  return x;
}

/** L₀ and β from the reference CSAT and the repeat rule, given γ (see the module comment). */
function calibrateRepeats(options: { referenceCsat: number; repeatRate: number; gain: number; repeatResolutionPenalty: number }) {
  const { referenceCsat, repeatRate, gain, repeatResolutionPenalty } = options;
  let ideal = 0;
  const centerWith = (repeatPenalty: number): Center => ({ repeatPenalty, repeatRate, repeatResolutionPenalty });
  // The repeat rule's gain rises with the penalty.
  const repeatPenalty = increasingRoot(
    (penalty) => {
      const center = centerWith(penalty);
      ideal = solveLogOdds(center, referenceCsat, ideal);
      return csatOf(center, ideal, repeatRate - 0.05) / referenceCsat - (1 + gain);
    },
    0,
    MAX_PENALTY,
  );
  const center = centerWith(repeatPenalty);
  return { center, idealLogOdds: solveLogOdds(center, referenceCsat, ideal) };
}

/**
 * Calibrates the scale from the reference center, the repeat rule and the resolution-time rule (see the module
 * comment). When the repeat rule asks for more than any penalty gives (at most ((1 − ρ + 0.05) / (1 − ρ))² − 1, e.g.
 * +12.9% at ρ = 0.2), the penalty is the largest tried (20 on the log-odds scale). When the two rules cannot both hold
 * with the reference center's repeats lengthening problems by λ (a high reference CSAT or repeat rate leaves the
 * lengthened repeats too little to gain from a cut: e.g. λ above about 0.28 at CSAT 80% and 20% repeats), λ is
 * shortened to the longest with which they can (`repeatLengthening` in the result says which).
 */
export function satisfactionScale(options: ScaleSettings): SatisfactionScale {
  const { referenceCsat, referenceRepeatRate: rate, changePerFivePointsFewer: gain } = options;
  const cut = options.changePerTenPercentCut ?? 0;
  const lengthening = options.repeatLengthening ?? 0;
  if (!(referenceCsat > 0 && referenceCsat < 1)) throw new Error(`invalid referenceCsat: ${referenceCsat}; expected a fraction strictly between 0 and 1`);
  if (!(rate >= 0.05 && rate < 1)) throw new Error(`invalid referenceRepeatRate: ${rate}; expected a fraction in [0.05, 1)`);
  if (!(gain >= 0)) throw new Error(`invalid changePerFivePointsFewer: ${gain}; expected a number ≥ 0`);
  if (!(cut >= 0 && Number.isFinite(cut))) throw new Error(`invalid changePerTenPercentCut: ${cut}; expected a number ≥ 0`);
  if (!(lengthening >= 0 && Number.isFinite(lengthening))) throw new Error(`invalid repeatLengthening: ${lengthening}; expected a number ≥ 0`);
  const settings: Calibration = { referenceCsat, rate, gain, cut, analyticExponent: cut > 0 ? Math.log(1 + cut) / Math.log(1 / TEN_PERCENT_CUT) : 0 };
  if (cut === 0 || lengthening === 0) return calibrateWith(settings, 0)!;
  const full = calibrateWith(settings, lengthening);
  if (full) return full;
  // The longest lengthening with which both rules hold, by bisection (0 always does).
  let lo = 0;
  let hi = lengthening;
  let best = calibrateWith(settings, 0)!;
  for (let i = 0; i < LENGTHENING_BISECTIONS; i++) {
    const mid = (lo + hi) / 2;
    const scale = calibrateWith(settings, mid);
    if (scale) {
      lo = mid;
      best = scale;
    } else hi = mid;
  }
  return best;
}

// Halvings of the lengthening when the rules cannot both hold with the one asked: to 1/4096 of it.
const LENGTHENING_BISECTIONS = 12;
// Largest resolution exponent tried, as a multiple of the analytic one: past it the cut's gain at the reference center
// has stopped rising (the lengthened repeats lose more than the cut gives them).
const EXPONENT_SPAN = 3;

/** What every calibration of one scale shares. */
interface Calibration {
  referenceCsat: number;
  rate: number;
  gain: number;
  cut: number;
  analyticExponent: number;
}

/** The scale with the reference center's repeats lengthening problems by `lengthening`, or null when the resolution
 * rule cannot hold with it (no exponent up to EXPONENT_SPAN times the analytic one gives the cut's gain). */
function calibrateWith(settings: Calibration, lengthening: number): SatisfactionScale | null {
  const { referenceCsat, rate, gain, cut, analyticExponent } = settings;
  const scaleOf = (calibrated: ReturnType<typeof calibrateRepeats>, resolutionExponent: number): SatisfactionScale => ({
    idealLogOdds: calibrated.idealLogOdds,
    repeatPenalty: calibrated.center.repeatPenalty,
    referenceCsat,
    referenceRepeatRate: rate,
    repeatResolutionPenalty: calibrated.center.repeatResolutionPenalty,
    resolutionExponent,
    repeatLengthening: lengthening,
  });
  if (cut === 0 || lengthening === 0) {
    // Every outcome's problem takes the same time, so a 10% cut is one shift for all: the rule's own exponent.
    return scaleOf(calibrateRepeats({ referenceCsat, repeatRate: rate, gain, repeatResolutionPenalty: 0 }), analyticExponent);
  }
  const fast = newtonCalibration({ referenceCsat, rate, gain, cut, lengthening, analyticExponent, scaleOf });
  if (fast) return fast;
  // Given the exponent a, γ = −δ((1 + λ)^(−a)) on the scale calibrated with γ: a fixed point, reached by iterating
  // from below (γ rises with a, so from the γ of a smaller exponent), which finds the smallest one: the one that
  // goes to 0 with λ (larger ones exist, where repeats lose everything).
  const withExponent = (exponent: number, fromPenalty: number) => {
    let penalty = fromPenalty;
    let calibrated = calibrateRepeats({ referenceCsat, repeatRate: rate, gain, repeatResolutionPenalty: penalty });
    for (let i = 0; i < ITERATIONS; i++) {
      const next = -resolutionShift(scaleOf(calibrated, exponent), 1 + lengthening);
      const moved = Math.abs(next - penalty);
      penalty = next;
      calibrated = calibrateRepeats({ referenceCsat, repeatRate: rate, gain, repeatResolutionPenalty: penalty });
      if (moved <= PENALTY_TOLERANCE * Math.max(1, penalty)) break;
    }
    return scaleOf(calibrated, exponent);
  };
  // The exponent that makes a 10% cut of every problem's time raise the reference center's CSAT by `cut`: above the
  // analytic one (the lengthened repeats gain less from the cut), bracketed by growing steps, then regula falsi.
  const largest = EXPONENT_SPAN * analyticExponent;
  let lo = withExponent(analyticExponent, 0);
  let fLo = resolutionCutGain(lo) - cut;
  if (fLo >= 0) return lo;
  let hi = lo;
  let fHi = fLo;
  while (fHi < 0) {
    if (hi.resolutionExponent >= largest) return null;
    lo = hi;
    fLo = fHi;
    hi = withExponent(Math.min(largest, hi.resolutionExponent * 1.5), lo.repeatResolutionPenalty);
    fHi = resolutionCutGain(hi) - cut;
  }
  let side = 0;
  let best = hi;
  for (let i = 0; i < ITERATIONS && hi.resolutionExponent - lo.resolutionExponent > 1e-13 * hi.resolutionExponent; i++) {
    const exponent = (lo.resolutionExponent * fHi - hi.resolutionExponent * fLo) / (fHi - fLo);
    best = withExponent(exponent, lo.repeatResolutionPenalty);
    const value = resolutionCutGain(best) - cut;
    if (Math.abs(value) < 1e-14) break;
    if (value < 0) {
      lo = best;
      fLo = value;
      if (side === -1) fHi /= 2;
      side = -1;
    } else {
      hi = best;
      fHi = value;
      if (side === 1) fLo /= 2;
      side = 1;
    }
  }
  return Math.abs(resolutionCutGain(best) - cut) < 1e-9 ? best : null;
}

/**
 * The exponent a and γ by Newton's method on the two equations γ + δ((1 + λ)^(−a)) = 0 and (the 10% cut's gain) = c,
 * from the analytic exponent and γ = −δ((1 + λ)^(−a)) on the scale without γ, with a forward-difference Jacobian: a
 * few dozen calibrations of L₀ and β instead of hundreds. Null when it does not converge to a root with γ ≥ 0 and
 * 0 < a ≤ EXPONENT_SPAN times the analytic one (then the caller's bracketed search, slower and sure, takes over).
 */
function newtonCalibration(options: {
  referenceCsat: number;
  rate: number;
  gain: number;
  cut: number;
  lengthening: number;
  analyticExponent: number;
  scaleOf: (calibrated: ReturnType<typeof calibrateRepeats>, exponent: number) => SatisfactionScale;
}): SatisfactionScale | null {
  const { referenceCsat, rate, gain, cut, lengthening, analyticExponent, scaleOf } = options;
  const evaluate = (exponent: number, penalty: number) => {
    const scale = scaleOf(calibrateRepeats({ referenceCsat, repeatRate: rate, gain, repeatResolutionPenalty: penalty }), exponent);
    return { scale, f1: penalty + resolutionShift(scale, 1 + lengthening), f2: resolutionCutGain(scale) - cut };
  };
  let a = analyticExponent;
  let g = -resolutionShift(scaleOf(calibrateRepeats({ referenceCsat, repeatRate: rate, gain, repeatResolutionPenalty: 0 }), a), 1 + lengthening);
  let at = evaluate(a, g);
  for (let i = 0; i < 30; i++) {
    if (Math.abs(at.f1) < 1e-12 && Math.abs(at.f2) < 1e-14) return at.scale;
    const ha = 1e-7 * Math.max(1, a);
    const hg = 1e-7 * Math.max(1, g);
    const byA = evaluate(a + ha, g);
    const byG = evaluate(a, g + hg);
    const j11 = (byA.f1 - at.f1) / ha;
    const j21 = (byA.f2 - at.f2) / ha;
    const j12 = (byG.f1 - at.f1) / hg;
    const j22 = (byG.f2 - at.f2) / hg;
    const det = j11 * j22 - j12 * j21;
    if (!(Math.abs(det) > 0) || !Number.isFinite(det)) return null;
    const nextA = a - (j22 * at.f1 - j12 * at.f2) / det;
    const nextG = g - (-j21 * at.f1 + j11 * at.f2) / det;
    if (!(nextA > 0 && nextA <= EXPONENT_SPAN * analyticExponent && nextG >= 0 && Number.isFinite(nextG))) return null;
    a = nextA;
    g = nextG;
    at = evaluate(a, g);
  }
  return null;
}

/**
 * Relative change of the reference center's CSAT when every problem's resolution time is cut by 10%: its
 * first-contact outcomes move from T to 0.9 T, its repeats from (1 + λ) T to 0.9 (1 + λ) T.
 */
export function resolutionCutGain(scale: SatisfactionScale): number {
  const { idealLogOdds: L, repeatPenalty: b, referenceRepeatRate: r, referenceCsat, repeatLengthening } = scale;
  const first = resolutionShift(scale, TEN_PERCENT_CUT);
  const repeat = resolutionShift(scale, TEN_PERCENT_CUT * (1 + repeatLengthening));
  const csat =
    (1 - r) ** 2 * sigmoid(L + first) + r * (1 - r) * (sigmoid(L - b + first) + sigmoid(L - b + repeat)) + r * r * sigmoid(L - 2 * b + repeat);
  return csat / referenceCsat - 1;
}

/**
 * The log-odds shift of a contact whose problem takes `ratio` times the reference resolution time (> 0): δ(ratio^(−a)),
 * the article's "+8% per 10% cut" compounded and put on the scale at the reference center; 0 at the reference, and 0
 * everywhere when the scale has no resolution-time effect. `guess` as for `logOddsShift`.
 */
export function resolutionShift(scale: SatisfactionScale, ratio: number, guess = 0): number {
  const a = scale.resolutionExponent;
  if (a === 0 || ratio === 1) return 0;
  if (!(ratio > 0)) throw new Error(`invalid resolution-time ratio: ${ratio}; expected a number > 0`);
  return logOddsShift(scale, Math.exp(-a * Math.log(ratio)), guess);
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
  const { idealLogOdds, referenceCsat } = scale;
  const center = centerOf(scale);
  const capCsat = referenceCsat + 0.8 * (1 - referenceCsat);
  const target = multiplier * referenceCsat;
  if (target <= capCsat) return solveLogOdds(center, target, idealLogOdds + guess) - idealLogOdds;
  const capShift = solveLogOdds(center, capCsat, idealLogOdds) - idealLogOdds;
  return capShift + referenceSlope(scale) * Math.log(target / capCsat);
}

const centerOf = (scale: SatisfactionScale): Center => ({
  repeatPenalty: scale.repeatPenalty,
  repeatRate: scale.referenceRepeatRate,
  repeatResolutionPenalty: scale.repeatResolutionPenalty,
});

/** d(shift)/d(ln m) at m = 1: referenceCsat / csat'(L₀), csat' the derivative of the reference center's CSAT in L. */
function referenceSlope(scale: SatisfactionScale): number {
  return scale.referenceCsat / csatSlope(centerOf(scale), scale.idealLogOdds);
}
