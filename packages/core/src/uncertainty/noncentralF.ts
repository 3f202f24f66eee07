import { logGamma } from "../random/logGamma.js";
import { logRegularizedBeta } from "../stats/regularizedBeta.js";

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
  return poissonMixture(lambda, (j) => logRegularizedBeta(y, x, d2 / 2, d1 / 2 + j));
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
  return poissonMixture(lambda, (j) => logRegularizedBeta(x, y, d1 / 2 + j, d2 / 2));
}

/**
 * Σ_j P(J = j) · exp(logTerm(j)) for J ~ Poisson(λ/2), capped at 1: the noncentral F's tails as mixtures of the central
 * ones (`logTerm(j)`: the log of the j-th central tail). The sum runs over the Poisson weights within 10 standard
 * deviations and 20 terms of the mode, outside which they add less than 1e-20; at λ = 0, the central tail alone.
 */
function poissonMixture(lambda: number, logTerm: (j: number) => number): number {
  const half = lambda / 2;
  if (!(half > 0)) return Math.exp(logTerm(0));
  const reach = 10 * Math.sqrt(half) + 20;
  const logHalf = Math.log(half);
  let sum = 0;
  for (let j = Math.max(0, Math.floor(half - reach)); j <= Math.ceil(half + reach); j++) {
    sum += Math.exp(-half + j * logHalf - logGamma(j + 1) + logTerm(j));
  }
  return Math.min(1, sum);
}
