import { counterUniform } from "../random/counterUniform.js";
import { normalQuantile } from "../random/normalQuantile.js";
import { drawFit, penalizedSplineFit, type SplineFit } from "./penalizedSpline.js";

/**
 * Value of information for the decision "take the option with the highest expected net benefit" (for ccplan: the
 * highest expected NPV over the horizon), from a probabilistic sample: replications k = 1…n, each with its draw θ_k
 * of the uncertain inputs and each option d's net benefit NB_d,k.
 *
 * - EVPI, the expected value of perfect information: E_θ[max_d NB_d(θ)] − max_d E_θ[NB_d(θ)], from the net benefits
 *   *expected given the draws* (a regression's fitted values), not the raw replications: the simulation's own noise
 *   is not something a measurement could learn, and counting it would inflate the EVPI.
 * - EVPPI, the partial value of learning a subset φ of the inputs: E_φ[max_d E[NB_d | φ]] − max_d E[NB_d], with
 *   E[NB_d | φ] estimated by regressing the replications' NB_d on φ alone (Strong & Oakley, "An efficient method for
 *   computing single-parameter partial expected value of perfect information", Medical Decision Making 33(6), 2013,
 *   for one input; Strong, Oakley & Brennan, "Estimating multiparameter partial expected value of perfect information
 *   from a probabilistic sensitivity analysis sample: a nonparametric regression approach", MDM 34(3), 2014, for
 *   several). The regression is a penalised spline (`penalizedSplineFit`), a tensor product for 2–3 inputs.
 *
 * Both are biased upward on small samples (the maximum of noisy estimates exceeds the estimate of the maximum): with
 * fewer than `FEW_DRAWS` replications the result says so.
 *
 * The 95% interval of an EVPPI combines the two sources of error: the regression's (each of 200 rounds draws every
 * option's fit from its coefficients' posterior, as Strong et al. do) and the sample's (each round also resamples the
 * replications, a bootstrap). Rounds are drawn from a counter-based stream, so the answer is reproducible.
 */

/** Below this many draws the EVPI and EVPPI are noticeably biased upward (Strong et al. recommend thousands). */
export const FEW_DRAWS = 500;

/** Rounds of the EVPPI interval. */
const ROUNDS = 200;
// The counter-based uniform's lane for the EVPPI interval's draws (never one of the engine's, the assumptions' or the
// cost-effectiveness bootstrap's).
const EVPPI_LANE = -0x0e77;

/** EVPI of net benefits expected given the draws, one array per option, replications aligned. */
export function evpi(expectedNetBenefit: readonly ArrayLike<number>[]): number {
  const n = checkAligned(expectedNetBenefit);
  if (n === 0) return 0;
  return Math.max(0, meanOfMax(expectedNetBenefit, n) - maxOfMeans(expectedNetBenefit, n));
}

/** An EVPPI estimate with its 95% interval. */
export interface PartialValue {
  value: number;
  ci95: [number, number];
  /** Per option, the fit's effective degrees of freedom (1 for an option whose net benefit does not vary). */
  edf: number[];
  /** How far the inputs move the options' expected net benefits: the largest standard deviation of an option's fitted
   * values (ranks inputs whose EVPPI is the same, often 0). */
  spread: number;
}

/**
 * EVPPI of the inputs `parameters` (each an array of the replications' draws) for options whose replications' net
 * benefits are `netBenefit` (one array per option, replications aligned; an option whose net benefit never varies,
 * such as a baseline at 0, is taken as it is).
 */
export function evppi(parameters: readonly ArrayLike<number>[], netBenefit: readonly ArrayLike<number>[], options: { interval?: boolean } = {}): PartialValue {
  return evppiOf(evppiRegressions(parameters, netBenefit), options);
}

/** What an EVPPI rests on: each option's regression on the inputs (null: too few replications or no input, so 0). */
export interface EvppiRegressions {
  n: number;
  options: number;
  fits: readonly (SplineFit | Float64Array)[] | null;
}

/**
 * Each option's net benefit regressed on `parameters`, once: a screen of many inputs takes every input's estimate
 * from these and then the intervals of the few it reports from the same fits (fitting them again gave the same fits
 * and cost a tenth of a comparison's decision stage). Throws as `penalizedSplineFit` does.
 */
export function evppiRegressions(parameters: readonly ArrayLike<number>[], netBenefit: readonly ArrayLike<number>[]): EvppiRegressions {
  const n = checkAligned(netBenefit);
  if (parameters.length === 0 || n < 10) return { n, options: netBenefit.length, fits: null };
  const fits = netBenefit.map((values) => (varies(values) ? penalizedSplineFit(parameters, values) : Float64Array.from(values)));
  return { n, options: netBenefit.length, fits };
}

/** The EVPPI of regressions from `evppiRegressions`, with its 95% interval unless `interval` is false. */
export function evppiOf(regressions: EvppiRegressions, options: { interval?: boolean } = {}): PartialValue {
  const { n, fits } = regressions;
  if (fits === null) return { value: 0, ci95: [0, 0], edf: Array.from({ length: regressions.options }, () => 1), spread: 0 };
  const fitted = fits.map((fit) => (fit instanceof Float64Array ? fit : fit.fitted));
  const value = Math.max(0, meanOfMax(fitted, n) - maxOfMeans(fitted, n));
  const edf = fits.map((fit) => (fit instanceof Float64Array ? 1 : fit.edf));
  const spread = Math.max(0, ...fitted.map(standardDeviation));
  // Without the interval (a screen of many inputs): the estimate alone.
  if (options.interval === false) return { value, ci95: [value, value], edf, spread };

  const rounds: number[] = [];
  const index = new Uint32Array(n);
  const normals = fits.map((fit) => new Float64Array(fit instanceof Float64Array ? 0 : fit.columns));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < n; k++) index[k] = Math.floor(counterUniform(n, round, EVPPI_LANE, k, 0) * n);
    const drawn = fits.map((fit, option) => {
      if (fit instanceof Float64Array) return fit;
      const z = normals[option]!;
      for (let i = 0; i < z.length; i++) z[i] = normalQuantile(open(counterUniform(n, round, EVPPI_LANE, i, option + 1)));
      return drawFit(fit, z);
    });
    // The bootstrap resample of the replications is read through `index`, not copied out.
    rounds.push(Math.max(0, meanOfMax(drawn, n, index) - maxOfMeans(drawn, n, index)));
  }
  rounds.sort((a, b) => a - b);
  const at = (q: number) => rounds[Math.min(ROUNDS - 1, Math.max(0, Math.round(q * (ROUNDS - 1))))]!;
  return { value, ci95: [at(0.025), at(0.975)], edf, spread };
}

function standardDeviation(values: ArrayLike<number>): number {
  let mean = 0;
  for (let k = 0; k < values.length; k++) mean += values[k]!;
  mean /= Math.max(1, values.length);
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += (values[k]! - mean) ** 2;
  return Math.sqrt(sum / Math.max(1, values.length - 1));
}

function checkAligned(options: readonly ArrayLike<number>[]): number {
  const n = options[0]?.length ?? 0;
  for (const option of options) if (option.length !== n) throw new Error("value of information: options with different replication counts");
  return n;
}

/** The mean over replications of the best option's value; over rows[0 … n − 1] (a bootstrap resample, read through
 * its indices rather than copied out) when given. */
function meanOfMax(options: readonly ArrayLike<number>[], n: number, rows?: Uint32Array): number {
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const row = rows === undefined ? k : rows[k]!;
    let best = -Infinity;
    for (const option of options) if (option[row]! > best) best = option[row]!;
    sum += best;
  }
  return sum / n;
}

/** The best option's mean over replications; over rows[0 … n − 1] when given, as `meanOfMax`. */
function maxOfMeans(options: readonly ArrayLike<number>[], n: number, rows?: Uint32Array): number {
  let best = -Infinity;
  for (const option of options) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += option[rows === undefined ? k : rows[k]!]!;
    best = Math.max(best, sum / n);
  }
  return best;
}

function varies(values: ArrayLike<number>): boolean {
  for (let k = 1; k < values.length; k++) if (values[k] !== values[0]) return true;
  return false;
}

/** Keeps a uniform inside (0, 1) for the normal quantile. */
const open = (u: number) => Math.min(1 - 1e-12, Math.max(1e-12, u));
