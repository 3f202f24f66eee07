import { logRegularizedGamma } from "../random/regularizedGamma.js";
import { logGamma } from "../random/logGamma.js";
import { digamma, trigamma } from "../stats/digamma.js";
import { normalCdf } from "../stats/normalCdf.js";

/** A maximum-likelihood fit of a two-parameter duration distribution, in the terms a scenario uses (mean, cv). */
export interface ParametricFit {
  dist: "lognormal" | "gamma";
  /** Fitted mean and coefficient of variation of the distribution, seconds and a ratio. */
  meanSec: number;
  cv: number;
  /** The natural parameters and their standard errors (inverse Fisher information): lognormal μ (of ln x) and σ;
   * gamma shape k and scale θ (seconds). */
  parameters: Record<string, number>;
  standardErrors: Record<string, number>;
  logLikelihood: number;
  /** Akaike's information criterion, 2·2 − 2 ln L: the smaller fits better for the same data. */
  aic: number;
  /** Kolmogorov–Smirnov distance: the largest gap between the sample's CDF and the fitted one (a description of the
   * fit, not a test: the parameters came from the same sample). */
  ksDistance: number;
  n: number;
}

/**
 * Log-normal maximum likelihood: μ̂ = mean of ln x, σ̂² = mean of (ln x − μ̂)² (divisor n); standard errors σ̂/√n and
 * σ̂/√(2n). Mean e^{μ+σ²/2}, cv √(e^{σ²} − 1). Expects at least 2 values, all > 0.
 */
export function fitLognormal(values: ArrayLike<number>): ParametricFit {
  const n = checkSample(values);
  let sumLog = 0;
  for (let i = 0; i < n; i++) sumLog += Math.log(values[i]!);
  const mu = sumLog / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (Math.log(values[i]!) - mu) ** 2;
  const sigma = Math.sqrt(squares / n);
  const logLikelihood = -sumLog - n * Math.log(sigma) - (n / 2) * Math.log(2 * Math.PI) - n / 2;
  const cdf = (x: number) => (x > 0 ? normalCdf((Math.log(x) - mu) / sigma) : 0);
  return {
    dist: "lognormal",
    meanSec: Math.exp(mu + (sigma * sigma) / 2),
    cv: Math.sqrt(Math.expm1(sigma * sigma)),
    parameters: { mu, sigma },
    standardErrors: { mu: sigma / Math.sqrt(n), sigma: sigma / Math.sqrt(2 * n) },
    logLikelihood,
    aic: 4 - 2 * logLikelihood,
    ksDistance: ksDistance(values, cdf),
    n,
  };
}

/**
 * Gamma maximum likelihood: the shape k̂ solves ln k − ψ(k) = ln x̄ − mean of ln x (Newton's method from Minka's
 * starting point, "Estimating a Gamma distribution", 2002), scale θ̂ = x̄ / k̂. Standard errors from the Fisher
 * information: var k̂ = k / (n (k ψ'(k) − 1)), var θ̂ = ψ'(k) θ² / (n (k ψ'(k) − 1)). Mean x̄, cv 1/√k. Expects at
 * least 2 values, all > 0, not all equal.
 */
export function fitGamma(values: ArrayLike<number>): ParametricFit {
  const n = checkSample(values);
  let sum = 0;
  let sumLog = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i]!;
    sumLog += Math.log(values[i]!);
  }
  const mean = sum / n;
  const s = Math.log(mean) - sumLog / n;
  if (!(s > 0)) throw new Error("invalid sample for a gamma fit: every value is the same; expected some spread");
  let k = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  for (let iteration = 0; iteration < 100; iteration++) {
    const step = (Math.log(k) - digamma(k) - s) / (1 / k - trigamma(k));
    const next = k - step;
    k = next > 0 ? next : k / 2;
    if (Math.abs(step) < 1e-12 * k) break;
  }
  const theta = mean / k;
  const logLikelihood = (k - 1) * sumLog - sum / theta - n * k * Math.log(theta) - n * logGamma(k);
  const information = k * trigamma(k) - 1;
  const cdf = (x: number) => (x > 0 ? Math.exp(logRegularizedGamma(k, x / theta, false)) : 0);
  return {
    dist: "gamma",
    meanSec: mean,
    cv: 1 / Math.sqrt(k),
    parameters: { shape: k, scale: theta },
    standardErrors: { shape: Math.sqrt(k / (n * information)), scale: Math.sqrt((trigamma(k) * theta * theta) / (n * information)) },
    logLikelihood,
    aic: 4 - 2 * logLikelihood,
    ksDistance: ksDistance(values, cdf),
    n,
  };
}

/** The Kolmogorov–Smirnov distance sup |F_n(x) − F(x)| between a sample and a continuous CDF. */
export function ksDistance(values: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let distance = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    distance = Math.max(distance, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  }
  return distance;
}

/** The density of a fitted distribution at x (per second), for drawing it over a histogram. */
export function fittedDensity(fit: Pick<ParametricFit, "dist" | "parameters">, x: number): number {
  if (!(x > 0)) return 0;
  if (fit.dist === "lognormal") {
    const { mu, sigma } = fit.parameters as { mu: number; sigma: number };
    const z = (Math.log(x) - mu) / sigma;
    return Math.exp(-0.5 * z * z) / (x * sigma * Math.sqrt(2 * Math.PI));
  }
  const { shape, scale } = fit.parameters as { shape: number; scale: number };
  return Math.exp((shape - 1) * Math.log(x) - x / scale - shape * Math.log(scale) - logGamma(shape));
}

function checkSample(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) throw new Error(`invalid sample: ${n} value(s); expected at least 2 to fit a distribution`);
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    if (!(value > 0 && Number.isFinite(value))) throw new Error(`invalid sample value ${value} at ${i}; expected a finite duration > 0`);
  }
  return n;
}
