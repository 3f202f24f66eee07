import { logGamma } from "../random/logGamma.js";

/**
 * The binomial(n, p) variate of uniform `u` by inverse CDF: the smallest k with P(X ≤ k) > u. Drawn this way, two
 * plans that give the same uniform to cohorts of different sizes lose a monotone number of people from each (common
 * random numbers). Exact summation of the probabilities from 0, or, when P(X = 0) underflows (large n·p), from ten
 * standard deviations below the mean, where the mass left out is below 1e-20.
 */
export function binomialQuantile(n: number, p: number, u: number): number {
  if (!(n >= 1) || !(p > 0)) return 0;
  if (p >= 1) return n;
  const q = 1 - p;
  const ratio = p / q;
  let k = 0;
  let logPmf = n * Math.log1p(-p);
  if (logPmf < -700) {
    const mean = n * p;
    k = Math.max(0, Math.floor(mean - 10 * Math.sqrt(mean * q)));
    logPmf = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p);
  }
  let pmf = Math.exp(logPmf);
  let cdf = pmf;
  while (cdf <= u && k < n) {
    pmf *= ((n - k) / (k + 1)) * ratio;
    k++;
    cdf += pmf;
  }
  return k;
}
