import { fsum } from "d3-array";
import type { DurationSampler } from "../des/plan.js";
import type { DurationDistribution } from "../schema/distribution.js";
import { gammaSampler } from "./gammaSampler.js";
import { lognormalSampler } from "./lognormalSampler.js";
import { survivalMean, survivalSampler, survivalVariance, validateSurvival } from "./survivalSampler.js";

/**
 * Inverse CDF of a duration distribution in seconds: a uniform on [0, 1) in, seconds ≥ 0 out.
 * The sampler is monotone (a larger uniform never gives a shorter duration), so two scenarios that feed it
 * the same uniforms are paired (common random numbers). u = 0 gives the lower end of the support; a
 * uniform ≥ 1 or NaN is read as the largest double below 1, so every output is finite.
 * - exponential: −mean·ln(1 − u).
 * - lognormal from mean m and coefficient of variation cv: σ² = ln(1 + cv²), μ = ln m − σ²/2,
 *   exp(μ + σ·Φ⁻¹(u)), with Φ⁻¹ from Wichura's AS 241 (see `normalQuantile`), through a table built once
 *   per cv (see `lognormalSampler`).
 * - gamma from mean m and cv (shape 1/cv², scale m·cv²) and Erlang-k (shape k, scale m/k): by inversion of
 *   the regularized incomplete gamma function, through a table built once per shape (about 1 ms; see
 *   `gammaQuantileTable` for its measured accuracy) and, above shape 1e5, Wilson–Hilferty (see `gammaSampler`).
 *   Erlang-1 and gamma with cv 1 are the exponential, exactly.
 * - deterministic: the mean, whatever u.
 * - empirical: `values[floor(u·n)]` of a sorted copy, i.e. resampling the observations with equal weight.
 * - survival: a tabulated survival curve (Kaplan–Meier), linear between knots, with an exponential tail beyond the
 *   last (see `survivalSampler`): the t with S(t) = 1 − u, by a binary search over the knots.
 * Everything costly is done here, once; the returned function allocates nothing.
 * Throws on a mean or cv that is negative or not finite, or an empty list of values.
 */
export function inverseCdf(spec: DurationDistribution): DurationSampler {
  validate(spec);
  switch (spec.dist) {
    case "exponential":
      return gammaSampler(1, spec.meanSec);
    case "lognormal":
      return lognormalSampler(spec.meanSec, spec.cv);
    case "gamma": {
      // A cv below about 1e-154 squares to 0 (shape 1/cv² overflows): a spread far below a double's resolution
      // of the mean, so the duration is the mean, as with cv 0.
      const shape = 1 / (spec.cv * spec.cv);
      if (!Number.isFinite(shape) || spec.meanSec === 0) return constantSampler(spec.meanSec);
      return gammaSampler(shape, spec.meanSec * spec.cv * spec.cv);
    }
    case "erlang":
      if (spec.meanSec === 0) return constantSampler(0);
      return gammaSampler(spec.k, spec.meanSec / spec.k);
    case "deterministic":
      return constantSampler(spec.meanSec);
    case "empirical": {
      const sorted = Float64Array.from(spec.valuesSec).sort();
      const n = sorted.length;
      return (u) => {
        // u·n rounds up to n for u just below 1 when n is not a power of two.
        const index = Math.floor((u > 0 ? u : 0) * n);
        return sorted[index < n ? index : n - 1]!;
      };
    }
    case "survival":
      return survivalSampler(spec);
  }
}

/** Mean of a duration distribution, seconds. For empirical, the mean of the values. */
export function distributionMean(spec: DurationDistribution): number {
  validate(spec);
  if (spec.dist === "survival") return survivalMean(spec);
  return spec.dist === "empirical" ? fsum(spec.valuesSec) / spec.valuesSec.length : spec.meanSec;
}

/** Variance of a duration distribution, seconds². For empirical, the population variance of the values
 * (divisor n, not n − 1): it is the variance of what `inverseCdf` resamples. Erlang-k: mean²/k. */
export function distributionVariance(spec: DurationDistribution): number {
  validate(spec);
  switch (spec.dist) {
    case "exponential":
      return spec.meanSec * spec.meanSec;
    case "lognormal":
    case "gamma":
      return (spec.meanSec * spec.cv) ** 2;
    case "erlang":
      return (spec.meanSec * spec.meanSec) / spec.k;
    case "deterministic":
      return 0;
    case "empirical": {
      const mean = distributionMean(spec);
      return fsum(spec.valuesSec, (value) => (value - mean) ** 2) / spec.valuesSec.length;
    }
    case "survival":
      return survivalVariance(spec);
  }
}

function constantSampler(valueSec: number): DurationSampler {
  return () => valueSec;
}

function validate(spec: DurationDistribution): void {
  const where = `${spec.dist} distribution`;
  if (spec.dist === "survival") {
    validateSurvival(spec);
    return;
  }
  if (spec.dist === "empirical") {
    if (spec.valuesSec.length === 0) throw new Error(`invalid ${where}: no values; expected at least one`);
    for (const value of spec.valuesSec) {
      if (!(value >= 0 && Number.isFinite(value))) {
        throw new Error(`invalid ${where} value: ${value}; expected a finite number ≥ 0`);
      }
    }
    return;
  }
  if (!(spec.meanSec >= 0 && Number.isFinite(spec.meanSec))) {
    throw new Error(`invalid ${where} meanSec: ${spec.meanSec}; expected a finite number ≥ 0`);
  }
  if ((spec.dist === "lognormal" || spec.dist === "gamma") && !(spec.cv >= 0 && Number.isFinite(spec.cv))) {
    throw new Error(`invalid ${where} cv: ${spec.cv}; expected a finite number ≥ 0`);
  }
  if (spec.dist === "erlang" && !(Number.isInteger(spec.k) && spec.k >= 1)) {
    throw new Error(`invalid ${where} k: ${spec.k}; expected a whole number ≥ 1`);
  }
}
