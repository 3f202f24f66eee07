/**
 * The digamma function ψ(x) = d ln Γ(x)/dx and the trigamma function ψ'(x), for x > 0: the recurrence
 * ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series (Abramowitz & Stegun 6.3.18 and 6.4.12), good to
 * about 1e-13 relative. NaN for x ≤ 0. Used by the gamma maximum-likelihood fit.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let result = 0;
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return result + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

/** ψ'(x), the derivative of `digamma`, for x > 0 (NaN otherwise). */
export function trigamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let result = 0;
  while (x < 10) {
    result += 1 / (x * x);
    x += 1;
  }
  const f = 1 / (x * x);
  return result + 1 / x + f / 2 + (f / x) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f * (1 / 30 - (f * 5) / 66))));
}
