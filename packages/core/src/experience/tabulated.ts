/**
 * The logistic function and the natural logarithm from tables, for the engine's per-contact experience work: a
 * lookup and a cubic Hermite interpolation (each table holds the function and its derivative), no `exp` or `log`.
 * Accurate to a few parts in 10¹⁰ (tested against Math.exp and Math.log), far below any effect they carry.
 */

// σ on [−LOGISTIC_LIMIT, LOGISTIC_LIMIT] every 1/LOGISTIC_STEPS_PER_UNIT; beyond, the table's end (σ(40) = 1 in a
// double, σ(−40) ≈ 4 × 10⁻¹⁸).
const LOGISTIC_LIMIT = 40;
const LOGISTIC_STEPS_PER_UNIT = 32;
const LOGISTIC_SIZE = 2 * LOGISTIC_LIMIT * LOGISTIC_STEPS_PER_UNIT + 1;
const logisticValue = new Float64Array(LOGISTIC_SIZE);
const logisticSlope = new Float64Array(LOGISTIC_SIZE);
for (let i = 0; i < LOGISTIC_SIZE; i++) {
  const s = 1 / (1 + Math.exp(-(i / LOGISTIC_STEPS_PER_UNIT - LOGISTIC_LIMIT)));
  logisticValue[i] = s;
  logisticSlope[i] = s * (1 - s);
}

/** σ(x) = 1 / (1 + e^(−x)) from the table (σ(±Infinity) = 1 or the table's lower end; NaN in, NaN out). */
export function logisticTabulated(x: number): number {
  const position = (x + LOGISTIC_LIMIT) * LOGISTIC_STEPS_PER_UNIT;
  if (!(position > 0)) return position <= 0 ? logisticValue[0]! : Number.NaN;
  if (!(position < LOGISTIC_SIZE - 1)) return logisticValue[LOGISTIC_SIZE - 1]!;
  const i = position | 0;
  return hermite(position - i, logisticValue[i]!, logisticValue[i + 1]!, logisticSlope[i]! / LOGISTIC_STEPS_PER_UNIT, logisticSlope[i + 1]! / LOGISTIC_STEPS_PER_UNIT);
}

// ln on the mantissa [1, 2) every 1/LOG_STEPS; the exponent comes from the bits of the double.
const LOG_STEPS = 256;
const logValue = new Float64Array(LOG_STEPS + 1);
const logSlope = new Float64Array(LOG_STEPS + 1);
for (let i = 0; i <= LOG_STEPS; i++) {
  const m = 1 + i / LOG_STEPS;
  logValue[i] = Math.log(m);
  logSlope[i] = 1 / m;
}
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
bits[0] = 1;
// Which of the two 32-bit words holds the sign, the exponent and the top of the mantissa (the platform's byte order).
const HIGH = words[1] === 0x3ff00000 ? 1 : 0;

/** ln x for a positive normal double x (≥ 2.2 × 10⁻³⁰⁸), from its exponent and a table of the mantissa's log. */
export function logTabulated(x: number): number {
  bits[0] = x;
  const high = words[HIGH]!;
  const exponent = (high >>> 20) - 1023;
  words[HIGH] = (high & 0x000fffff) | 0x3ff00000;
  const position = (bits[0]! - 1) * LOG_STEPS;
  const i = position | 0;
  return exponent * Math.LN2 + hermite(position - i, logValue[i]!, logValue[i + 1]!, logSlope[i]! / LOG_STEPS, logSlope[i + 1]! / LOG_STEPS);
}

/** The cubic through (0, y0) and (1, y1) with slopes d0 and d1 (per unit of t), at t in [0, 1]. */
function hermite(t: number, y0: number, y1: number, d0: number, d1: number): number {
  const t2 = t * t;
  const t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * d0 + (3 * t2 - 2 * t3) * y1 + (t3 - t2) * d1;
}
