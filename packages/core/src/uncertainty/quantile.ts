import { normalQuantile } from "../random/normalQuantile.js";
import { logBeta, logRegularizedBeta } from "../stats/regularizedBeta.js";
import { LOGNORMAL_TAIL, Z90, type UncertainSpec } from "../schema/uncertain.js";

/**
 * The value of an uncertain input at quantile `u` ∈ [0, 1) of its distribution (its inverse CDF), so one uniform
 * per input and replication is one draw:
 * - uniform: low + u (high − low);
 * - triangular: low + √(u (high − low)(mode − low)) below the mode's quantile, high − √((1 − u)(high − low)(high − mode)) above;
 * - beta with mean m and sd s: shape a = m κ, b = (1 − m) κ, κ = m (1 − m) / s² − 1; the quantile solves
 *   I_x(a, b) = u (regularized incomplete beta) by safeguarded Newton steps;
 * - lognormal with median M and 90th percentile P: exp(ln M + σ Φ⁻¹(u)), σ = ln(P / M) / Φ⁻¹(0.9), u kept within
 *   [0.0005, 0.9995] (the schema checks that this range stays within the field's bounds).
 */
export function uncertainQuantile(spec: UncertainSpec, u: number): number {
  switch (spec.uncertain) {
    case "uniform":
      return spec.low + u * (spec.high - spec.low);
    case "triangular": {
      const { low, mode, high } = spec;
      const width = high - low;
      const split = (mode - low) / width;
      return u < split ? low + Math.sqrt(u * width * (mode - low)) : high - Math.sqrt((1 - u) * width * (high - mode));
    }
    case "beta":
      return betaQuantile(spec.mean, spec.sd, u);
    case "lognormal": {
      const sigma = Math.log(spec.p90 / spec.median) / Z90;
      const clipped = Math.min(1 - LOGNORMAL_TAIL, Math.max(LOGNORMAL_TAIL, u));
      return spec.median * Math.exp(sigma * normalQuantile(clipped));
    }
  }
}

/** Mean and standard deviation of an uncertain input's distribution (the lognormal's without its cut tails). */
export function uncertainMoments(spec: UncertainSpec): { mean: number; sd: number } {
  switch (spec.uncertain) {
    case "uniform":
      return { mean: (spec.low + spec.high) / 2, sd: (spec.high - spec.low) / Math.sqrt(12) };
    case "triangular": {
      const { low: a, mode: c, high: b } = spec;
      return { mean: (a + b + c) / 3, sd: Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18) };
    }
    case "beta":
      return { mean: spec.mean, sd: spec.sd };
    case "lognormal": {
      const sigma = Math.log(spec.p90 / spec.median) / Z90;
      const mean = spec.median * Math.exp((sigma * sigma) / 2);
      return { mean, sd: mean * Math.sqrt(Math.expm1(sigma * sigma)) };
    }
  }
}

function betaQuantile(mean: number, sd: number, u: number): number {
  const kappa = (mean * (1 - mean)) / (sd * sd) - 1;
  const a = mean * kappa;
  const b = (1 - mean) * kappa;
  if (u <= 0) return 0;
  const logB = logBeta(a, b);
  const cdf = (x: number) => Math.exp(logRegularizedBeta(x, 1 - x, a, b));
  const logDensity = (x: number) => (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logB;
  // Start from the normal approximation; keep a bracket so that a wild Newton step falls back to bisection.
  let lo = 0;
  let hi = 1;
  let x = Math.min(1 - 1e-9, Math.max(1e-9, mean + sd * normalQuantile(u)));
  for (let i = 0; i < 100; i++) {
    const error = cdf(x) - u;
    if (error > 0) hi = x;
    else lo = x;
    if (Math.abs(error) < 1e-13) break;
    let next = x - error / Math.exp(logDensity(x));
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) < 1e-15 * Math.max(1, x)) {
      x = next;
      break;
    }
    x = next;
  }
  return x;
}
