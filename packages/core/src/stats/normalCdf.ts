import { logRegularizedGamma } from "../random/regularizedGamma.js";

/** Φ(z), the standard normal CDF, through the regularized incomplete gamma function: erf(|z|/√2) = P(½, z²/2)
 * (Abramowitz & Stegun 6.5.17 with 7.1.1), so it carries that function's accuracy into both tails. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === 0) return 0.5;
  const tail = 0.5 * Math.exp(logRegularizedGamma(0.5, (z * z) / 2, true));
  return z < 0 ? tail : 1 - tail;
}
