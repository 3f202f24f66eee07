import { logGamma } from "../random/logGamma.js";

/** Two units in the last place at 1: |delta − 1| may never reach exactly 0 through rounding. */
const EPSILON = 4.5e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 1_000_000;

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0. When one argument is 1/2 and the other ≥ 20
 * (Student t with many degrees of freedom), ln Γ(a + 1/2) − ln Γ(a) comes from its asymptotic series
 * ½ ln a − 1/(8a) + 1/(192a³) − 1/(640a⁵) + 17/(14336a⁷) − 31/(18432a⁹) (derived with sympy), which avoids
 * the cancellation between two large ln Γ values; elsewhere the error is that of `logGamma`.
 */
export function logBeta(a: number, b: number): number {
  if (b === 0.5 && a >= 20) return HALF_LOG_PI - logGammaRatioHalf(a);
  if (a === 0.5 && b >= 20) return HALF_LOG_PI - logGammaRatioHalf(b);
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

const HALF_LOG_PI = 0.5 * Math.log(Math.PI);

function logGammaRatioHalf(a: number): number {
  const r = 1 / a;
  const r2 = r * r;
  return 0.5 * Math.log(a) + r * (-1 / 8 + r2 * (1 / 192 + r2 * (-1 / 640 + r2 * (17 / 14336 - r2 * (31 / 18432)))));
}

/**
 * ln I_x(a, b), the logarithm of the regularized incomplete beta function (the CDF at x of a Beta(a, b)
 * variate), given both x and y = 1 − x so that neither loses digits to a subtraction. Returns −∞ at x = 0
 * and 0 at y = 0. Relative accuracy of I about 1e-14, and the logarithm keeps tails far below 1e-308.
 * Source: the continued fraction of Numerical Recipes, 3rd ed., §6.4 (`betacf`, modified Lentz), on
 * I_x(a, b) when x < (a + 1)/(a + b + 2) and on 1 − I_y(b, a) otherwise.
 */
export function logRegularizedBeta(x: number, y: number, a: number, b: number): number {
  if (!(x >= 0 && y >= 0 && a > 0 && b > 0)) return NaN;
  if (x === 0) return -Infinity;
  if (y === 0) return 0;
  if (x < (a + 1) / (a + b + 2)) return logFront(x, y, a, b) + Math.log(continuedFraction(x, a, b));
  return Math.log1p(-Math.exp(logFront(y, x, b, a) + Math.log(continuedFraction(y, b, a))));
}

/** ln(xᵃ yᵇ / (a·B(a, b))). */
function logFront(x: number, y: number, a: number, b: number): number {
  return a * Math.log(x) + b * Math.log(y) - Math.log(a) - logBeta(a, b);
}

function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}
