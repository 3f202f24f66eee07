import { logGamma } from "../random/logGamma.js";
import { logBeta, logRegularizedBeta } from "../stats/regularizedBeta.js";

/**
 * P(F > f) for F ~ F(d1, d2; λ), the noncentral F distribution with noncentrality λ ≥ 0 (λ = 0: the central F): the
 * Poisson(λ/2) mixture Σ_j P(J = j) · I_{d2/(d2 + d1 f)}(d2/2, d1/2 + j) (Johnson, Kotz & Balakrishnan, Continuous
 * Univariate Distributions vol. 2, 2nd ed., Wiley 1995, ch. 30). The sum runs over the Poisson weights within 10
 * standard deviations and 20 terms of the mode, outside which they add less than 1e-20.
 */
export function noncentralFSurvival(f: number, d1: number, d2: number, lambda: number): number {
  if (!(f > 0)) return 1;
  if (f === Infinity) return 0;
  const x = (d1 * f) / (d1 * f + d2);
  const y = d2 / (d1 * f + d2);
  const a = d2 / 2;
  // The j-th central tail is I_y(a, b + j), b = d1/2, and I_y(a, b + 1) = I_y(a, b) + yᵃ xᵇ / (b·B(a, b)) (DLMF 8.17.21):
  // one incomplete beta at the first j, then a term each, whose logarithm steps by ln x + ln(a + b) − ln(b + 1).
  return poissonMixture(lambda, (first, logTails) => {
    let b = d1 / 2 + first;
    let logTail = logRegularizedBeta(y, x, a, b);
    let logStep = a * Math.log(y) + b * Math.log(x) - Math.log(b) - logBeta(a, b);
    const logX = Math.log(x);
    for (let k = 0; k < logTails.length; k++) {
      logTails[k] = logTail;
      logTail = logAddExp(logTail, logStep);
      logStep += logX + Math.log(a + b) - Math.log(b + 1);
      b += 1;
    }
  });
}

/** The central F's upper `alpha` point: P(F(d1, d2) > f) = alpha, by bisection to a relative 1e-10. */
export function centralFQuantileAbove(alpha: number, d1: number, d2: number): number {
  let low = 0;
  let high = 1;
  while (noncentralFSurvival(high, d1, d2, 0) > alpha) high *= 2;
  while (high - low > 1e-10 * high) {
    const middle = (low + high) / 2;
    if (noncentralFSurvival(middle, d1, d2, 0) > alpha) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * P(F ≤ f) for F ~ F(d1, d2; λ): the same Poisson(λ/2) mixture as `noncentralFSurvival`, of the lower tails
 * I_{d1 f/(d1 f + d2)}(d1/2 + j, d2/2), so that a small probability keeps its digits (1 − survival would lose them
 * where the survival is near 1: a large λ at a small f).
 */
export function noncentralFDistribution(f: number, d1: number, d2: number, lambda: number): number {
  if (!(f > 0)) return 0;
  if (f === Infinity) return 1;
  const x = (d1 * f) / (d1 * f + d2);
  const y = d2 / (d1 * f + d2);
  const b = d2 / 2;
  // The j-th central tail is I_x(a + j, b), a = d1/2, and I_x(a, b) = I_x(a + 1, b) + xᵃ yᵇ / (a·B(a, b)) (DLMF 8.17.20):
  // one incomplete beta at the last j, then down a term each (adding: no cancellation), whose logarithm steps by
  // ln a − ln x − ln(a + b − 1) going from a to a − 1.
  return poissonMixture(lambda, (first, logTails) => {
    let a = d1 / 2 + first + logTails.length - 1;
    let logTail = logRegularizedBeta(x, y, a, b);
    const logX = Math.log(x);
    let logStep = (a - 1) * logX + b * Math.log(y) - Math.log(a - 1) - logBeta(a - 1, b);
    for (let k = logTails.length - 1; k >= 0; k--) {
      logTails[k] = logTail;
      if (k === 0) break;
      logTail = logAddExp(logTail, logStep);
      a -= 1;
      logStep += Math.log(a) - logX - Math.log(a + b - 1);
    }
  });
}

/**
 * Σ_j P(J = j) · exp(logTail_j) for J ~ Poisson(λ/2), capped at 1: the noncentral F's tails as mixtures of the central
 * ones. The sum runs over the Poisson weights within 10 standard deviations and 20 terms of the mode, outside which
 * they add less than 1e-20; at λ = 0, the central tail alone. `logTails(first, out)` writes the logs of the central
 * tails j = first, first + 1, … into `out` (one incomplete beta and a recurrence, not an incomplete beta a term: the
 * variance shares' intervals solve for λ through hundreds of these sums, and a continued fraction a term was most
 * of a comparison's closing time, ~0.3 s of `ccplan compare scenarios/default.json`).
 */
function poissonMixture(lambda: number, logTails: (first: number, out: Float64Array) => void): number {
  const half = lambda / 2;
  const reach = half > 0 ? 10 * Math.sqrt(half) + 20 : 0;
  const first = Math.max(0, Math.floor(half - reach));
  const count = half > 0 ? Math.ceil(half + reach) - first + 1 : 1;
  const tails = new Float64Array(count);
  logTails(first, tails);
  if (!(half > 0)) return Math.exp(tails[0]!);
  const logHalf = Math.log(half);
  // ln P(J = j), stepping by ln(λ/2) − ln(j + 1).
  let logWeight = -half + first * logHalf - logGamma(first + 1);
  let sum = 0;
  for (let k = 0; k < count; k++) {
    sum += Math.exp(logWeight + tails[k]!);
    logWeight += logHalf - Math.log(first + k + 1);
  }
  return Math.min(1, sum);
}

/** ln(eᵖ + e^q), without overflow or a lost small term. */
function logAddExp(p: number, q: number): number {
  if (p === -Infinity) return q;
  if (q === -Infinity) return p;
  return p > q ? p + Math.log1p(Math.exp(q - p)) : q + Math.log1p(Math.exp(p - q));
}
