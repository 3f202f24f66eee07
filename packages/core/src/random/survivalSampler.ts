/**
 * A tabulated survival curve: S(t) = P(duration > t) at knots `timesSec` (strictly increasing, ≥ 0) with values
 * `survival` (non-increasing, in [0, 1]); S(0) = 1. Between knots S is linear (a Kaplan–Meier curve measured in
 * whole seconds, joined by straight lines, so that the distribution is continuous); beyond the last knot an
 * exponential tail S(t) = S_K · exp(−(t − t_K) / tailMeanSec) carries the rest (tailMeanSec 0: the rest, S_K, is
 * an atom at t_K).
 */
export interface SurvivalTable {
  timesSec: ArrayLike<number>;
  survival: ArrayLike<number>;
  tailMeanSec: number;
}

/** The largest double below 1: a uniform at or above 1 is read as this. */
const MAX_UNIFORM = 1 - 2 ** -53;

/**
 * Inverse CDF of a tabulated survival curve: u in [0, 1) → the t with S(t) = 1 − u (linear between knots, the
 * exponential tail beyond the last). Monotone in u, 0 at u = 0, finite for every u (a uniform ≥ 1 or NaN is read
 * as 1 − 2⁻⁵³). A binary search over the knots (about 10 steps for 1,000 knots); allocates nothing.
 * Throws on knots that are not increasing and positive, survival values outside [0, 1] or increasing, lists of
 * different lengths, or a tail mean that is negative or not finite.
 */
export function survivalSampler(table: SurvivalTable): (u: number) => number {
  validateSurvival(table);
  const count = table.timesSec.length;
  // Knot 0 is (0, 1): the curve starts at certainty.
  const times = new Float64Array(count + 1);
  const values = new Float64Array(count + 1);
  values[0] = 1;
  for (let i = 0; i < count; i++) {
    times[i + 1] = table.timesSec[i]!;
    values[i + 1] = table.survival[i]!;
  }
  const lastTime = times[count]!;
  const lastValue = values[count]!;
  const tailMean = table.tailMeanSec;
  return (u) => {
    if (!(u > 0)) return 0;
    const s = 1 - (u < MAX_UNIFORM ? u : MAX_UNIFORM);
    if (s < lastValue) return tailMean > 0 ? lastTime + tailMean * Math.log(lastValue / s) : lastTime;
    // The first knot whose survival is ≤ s; the one before it is > s (values[0] = 1 > s).
    let low = 0;
    let high = count;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (values[middle]! > s) low = middle;
      else high = middle;
    }
    const drop = values[low]! - values[high]!;
    const width = times[high]! - times[low]!;
    return width > 0 ? times[low]! + ((values[low]! - s) / drop) * width : times[low]!;
  };
}

/** Mean of a tabulated survival curve, seconds: ∫S dt, trapezoids between knots plus S_K × tailMeanSec. */
export function survivalMean(table: SurvivalTable): number {
  validateSurvival(table);
  let previousTime = 0;
  let previousValue = 1;
  let sum = 0;
  for (let i = 0; i < table.timesSec.length; i++) {
    const time = table.timesSec[i]!;
    const value = table.survival[i]!;
    sum += ((previousValue + value) / 2) * (time - previousTime);
    previousTime = time;
    previousValue = value;
  }
  return sum + previousValue * table.tailMeanSec;
}

/** Variance of a tabulated survival curve, seconds²: E[T²] = ∫2t S(t) dt, exact for the linear pieces and the
 * exponential tail (∫ 2t S_K e^{−(t−t_K)/m} dt from t_K = 2 S_K (t_K m + m²)), minus the mean squared. */
export function survivalVariance(table: SurvivalTable): number {
  const mean = survivalMean(table);
  let t0 = 0;
  let s0 = 1;
  let second = 0;
  for (let i = 0; i < table.timesSec.length; i++) {
    const t1 = table.timesSec[i]!;
    const s1 = table.survival[i]!;
    // ∫ 2t S(t) dt over [t0, t1] with S linear: S = s0 + k (t − t0).
    if (t1 > t0) {
      const k = (s1 - s0) / (t1 - t0);
      const a = s0 - k * t0;
      second += a * (t1 * t1 - t0 * t0) + ((2 * k) / 3) * (t1 ** 3 - t0 ** 3);
    }
    t0 = t1;
    s0 = s1;
  }
  const m = table.tailMeanSec;
  second += 2 * s0 * (t0 * m + m * m);
  return Math.max(0, second - mean * mean);
}

/** Throws with a message naming the problem when a survival table is not one `survivalSampler` accepts. */
export function validateSurvival(table: SurvivalTable): void {
  const { timesSec, survival, tailMeanSec } = table;
  const where = "survival distribution";
  if (timesSec.length === 0) throw new Error(`invalid ${where}: no knots; expected at least one time with its survival`);
  if (timesSec.length !== survival.length) {
    throw new Error(`invalid ${where}: ${timesSec.length} times and ${survival.length} survival values; expected as many of each`);
  }
  let previousTime = 0;
  let previousValue = 1;
  for (let i = 0; i < timesSec.length; i++) {
    const time = timesSec[i]!;
    const value = survival[i]!;
    // The first knot may be at 0 (an atom there: durations recorded as 0 s); the others increase strictly.
    if (!((i === 0 ? time >= 0 : time > previousTime) && Number.isFinite(time))) {
      throw new Error(`invalid ${where} time ${i + 1}: ${time}; expected a finite number ${i === 0 ? "≥ 0" : `above ${previousTime}`} (increasing)`);
    }
    if (!(value >= 0 && value <= previousValue)) {
      throw new Error(`invalid ${where} survival ${i + 1}: ${value}; expected a number in [0, ${previousValue}] (non-increasing)`);
    }
    previousTime = time;
    previousValue = value;
  }
  if (!(tailMeanSec >= 0 && Number.isFinite(tailMeanSec))) {
    throw new Error(`invalid ${where} tail mean: ${tailMeanSec}; expected a finite number ≥ 0`);
  }
}
