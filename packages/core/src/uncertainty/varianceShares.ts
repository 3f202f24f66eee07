import { logRegularizedBeta } from "../stats/regularizedBeta.js";
import { ranks } from "../valueOfInformation/penalizedSpline.js";
import { centralFQuantileAbove, noncentralFSurvival } from "./noncentralF.js";
import { rootOfIncreasing } from "./rootOfIncreasing.js";
import { shareInterval, type ShareTest } from "./shareInterval.js";
import { fitOnDraws, leastSquaresFit, MIN_REPLICATIONS_FOR_FIT, type DrawColumn } from "./regression.js";

/** One source of an output's variance and its share of it. */
export interface VarianceShare {
  /** An input's key, or `simulation`: what the draws do not explain (the noise the replications keep). */
  input: string;
  share: number;
  /**
   * The share's 95% confidence interval given its F test's outcome (`shareInterval`): for a share reported as 0, how
   * large it may be all the same. Null for `simulation` (see `varianceShares`) and where no fit could be made.
   */
  ci95: [number, number] | null;
}

/**
 * Where an output's uncertainty comes from: for each uncertain input, its first-order variance share
 * S_i = Var(E[y | θ_i]) / Var(y), the part of the variance that knowing that input alone would remove; and
 * `simulation` = 1 − R² of the joint fit of y on every input (`fitOnDraws`). Shares lie in [0, 1]; they need not sum
 * to 1 (interactions belong to no single input; estimates carry sampling error). Largest first.
 *
 * E[y | θ_i] is estimated by a smooth regression of y on θ_i alone, the scatterplot-smoothing estimator of first-order
 * indices (Saltelli et al., Global Sensitivity Analysis: The Primer, Wiley 2008, §5.2; the regression idea of Strong,
 * Oakley & Brennan, Medical Decision Making 34(3), 2014): Legendre polynomials of θ_i's rank (so any distribution is
 * fitted alike), of degree ⌊K/25⌋ between 2 and 10 for K replications, and S_i is the fit's adjusted R² (an input that
 * does nothing gets about 0, not about degree/K). A share the replications cannot tell from zero (the fit's F test,
 * at 5% Bonferroni-corrected for the number of inputs) is reported as 0, so that a few replications never name a
 * source that is only noise.
 *
 * A share that passes that test is corrected for having been selected by it (`selectionCorrectedShare`): with few
 * replications only the fits that came out high pass, so the adjusted R² of a passing fit overstates its share (on
 * twelve inputs of 1/12 each, 30 replications reported 0.29 to 0.57 for the few that passed). The corrected share is
 * median-unbiased given that the fit passed: as often below the true share as above it (its mean stays above it with
 * so few replications: 0.15 there, against 0.35 before).
 *
 * Each input's share carries its 95% interval given its test's outcome (`shareInterval`, the same noncentral F
 * inverted at 2.5% and 97.5% where the median gives the share; from 0 for a share reported as 0). The simulation's
 * share has none: 1 − R² of a fit whose terms were chosen on the same replications by forward selection, for which no
 * F statistic has a known distribution to invert.
 */
export function varianceShares(columns: readonly DrawColumn[], y: ArrayLike<number>): VarianceShare[] {
  const n = y.length;
  const values = Float64Array.from(y);
  const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(1, n);
  const total = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  if (!(total > 0) || n < 4) return [];
  const shares: VarianceShare[] = columns.map((column) => {
    const tested = testedFirstOrderShare(column.values, values, columns.length);
    return { input: column.key, share: tested.share, ci95: tested.test && shareInterval(tested.test) };
  });
  shares.push({ input: "simulation", share: clamp(1 - fitOnDraws(columns, values).rSquared), ci95: null });
  return shares.sort((a, b) => b.share - a.share);
}

/**
 * One input's first-order share as `varianceShares` reports it beside `inputs` inputs in all: whether its fit passed the
 * F test (at 5% Bonferroni-corrected for `inputs`), and the share, corrected for that selection (0 when it did not pass;
 * it may be 0 when it did, see `selectionCorrectedShare`); `test`, the test as `shareInterval` takes it to give the
 * share's interval (null where no test could be made: too few replications, or an output that does not vary).
 */
export function testedFirstOrderShare(x: ArrayLike<number>, y: Float64Array, inputs: number): { passed: boolean; share: number; test: ShareTest | null } {
  const level = 0.05 / Math.max(1, inputs);
  const fit = smoothFit(x, y);
  if (!fit.testable) return { passed: false, share: 0, test: null };
  const critical = centralFQuantileAbove(level, fit.degree, fit.dof);
  const passed = fit.pValue < level;
  const test = { f: fit.f, degree: fit.degree, dof: fit.dof, critical, passed };
  if (!passed) return { passed: false, share: 0, test };
  return { passed: true, share: clamp(selectionCorrectedShare(fit, critical)), test };
}

/** The first-order share of one input (see `varianceShares`): adjusted R² of y on Legendre polynomials of its rank. */
export function firstOrderShare(x: ArrayLike<number>, y: Float64Array): number {
  return smoothFit(x, y).share;
}

/** The smooth fit of y on one input: its adjusted R², its F statistic on (degree, dof) degrees of freedom against no
 * effect and that test's p-value; `testable` false where no test could be made (too few replications, or y constant). */
interface SmoothFit {
  testable: boolean;
  share: number;
  f: number;
  degree: number;
  dof: number;
  pValue: number;
}

/** The smooth fit of y on one input (see `SmoothFit`). */
function smoothFit(x: ArrayLike<number>, y: Float64Array): SmoothFit {
  const n = y.length;
  const degree = Math.min(10, Math.max(2, Math.floor(n / 25)));
  const dof = n - degree - 1;
  if (n <= degree + 2) return { testable: false, share: 0, f: 0, degree, dof, pValue: 1 };
  // Ranks mapped to (−1, 1), ties sharing their mean rank (doubling the (0, 1) rank is exact, so 2u − 1 is the same
  // number as 2(rank + ½)/n − 1).
  const t = ranks(x);
  for (let i = 0; i < n; i++) t[i] = 2 * t[i]! - 1;
  const fitted = leastSquaresFit(legendre(t, degree), y);
  const mean = y.reduce((sum, value) => sum + value, 0) / n;
  let total = 0;
  let residual = 0;
  for (let k = 0; k < n; k++) {
    total += (y[k]! - mean) ** 2;
    residual += (y[k]! - fitted[k]!) ** 2;
  }
  if (!(total > 0)) return { testable: false, share: 0, f: 0, degree, dof, pValue: 1 };
  const share = 1 - residual / dof / (total / (n - 1));
  if (!(residual > 0)) return { testable: true, share, f: Infinity, degree, dof, pValue: 0 };
  // F = (explained / d) / (residual / dof); P(F_{d, dof} > F) = I_{dof / (dof + d F)}(dof/2, d/2).
  const f = (total - residual) / degree / (residual / dof);
  const pValue = f > 0 ? Math.exp(logRegularizedBeta(dof / (dof + degree * f), (degree * f) / (dof + degree * f), dof / 2, degree / 2)) : 1;
  return { testable: true, share, f, degree, dof, pValue };
}

/**
 * The share of a fit that passed its F test (F above `critical`), corrected for the selection: the conditional median-unbiased
 * estimate, the share s whose noncentrality λ = n·s/(1 − s) puts the observed F at the median of the F statistics
 * that pass, P(F > F_obs | λ) / P(F > F_crit | λ) = ½ (the winner's-curse correction of Ghosh, Zou & Wright,
 * American Journal of Human Genetics 82(5), 2008, and Zhong & Prentice, Biostatistics 9(4), 2008, for the
 * regression's F: noncentral F(degree, dof; λ) under normal residuals). 0 when the observed F is below the median of
 * the passing F's even with no effect at all. Where the fit would pass almost surely at its own adjusted R² (a
 * probability of 0.999 or more) the selection changes nothing and the adjusted R² stands.
 */
function selectionCorrectedShare(fit: SmoothFit, critical: number): number {
  const n = fit.dof + fit.degree + 1;
  if (!(fit.share < 1) || fit.f === Infinity) return fit.share;
  const passes = (lambda: number) => noncentralFSurvival(critical, fit.degree, fit.dof, lambda);
  const lambdaOf = (share: number) => (n * share) / (1 - share);
  if (passes(lambdaOf(Math.max(0, fit.share))) >= 0.999) return fit.share;
  const aboveMedian = (lambda: number) => noncentralFSurvival(fit.f, fit.degree, fit.dof, lambda) / passes(lambda) - 0.5;
  const lambda = rootOfIncreasing(aboveMedian, Math.max(1, lambdaOf(Math.max(0, fit.share))), 1e-9);
  return lambda === Infinity ? 1 : lambda / (lambda + n);
}

/** P₁ … P_d at each t (Bonnet's recursion). */
function legendre(t: Float64Array, degree: number): Float64Array[] {
  const columns: Float64Array[] = [Float64Array.from(t)];
  let previous: Float64Array = new Float64Array(t.length).fill(1);
  let current: Float64Array = columns[0]!;
  for (let d = 1; d < degree; d++) {
    const next = new Float64Array(t.length);
    for (let k = 0; k < t.length; k++) next[k] = ((2 * d + 1) * t[k]! * current[k]! - d * previous[k]!) / (d + 1);
    columns.push(next);
    previous = current;
    current = next;
  }
  return columns;
}

const clamp = (share: number) => (Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0);

/**
 * What the shares leave unsaid, as a sentence, or null: when the draws together explain a good part of the variance
 * (the joint fit's R², 1 − the `simulation` share, at least 10%) but no single input's share could be told from zero
 * with `replications` (each reported as 0), a list of shares would show only the simulation's noise, as if nothing
 * else mattered. The sentence says how much the inputs explain together and that more replications would tell which.
 * With fewer replications than the fit needs for one term (`MIN_REPLICATIONS_FOR_FIT`) the simulation's share is 1 by
 * construction, not by measurement: the sentence says so.
 */
export function varianceSharesNote(shares: readonly Pick<VarianceShare, "input" | "share">[], replications: number): string | null {
  const inputs = shares.filter((entry) => entry.input !== "simulation");
  const noise = shares.find((entry) => entry.input === "simulation");
  if (inputs.length === 0 || noise === undefined || inputs.some((entry) => entry.share > 0)) return null;
  if (replications < MIN_REPLICATIONS_FOR_FIT) {
    // Too few to fit anything on the draws: the "noise" is then everything, by construction, not by measurement.
    return `With ${replications} replications nothing can be fitted on the uncertain inputs, so the simulation's noise stands for all of it: run at least ${MIN_REPLICATIONS_FOR_FIT} replications (about 100 to tell the inputs apart).`;
  }
  const together = 1 - noise.share;
  if (!(together >= 0.1)) return null;
  return `The uncertain inputs together explain ${Math.round(together * 100)}% of it; with ${replications} replications no single input's share can be told from chance: run more replications to see which matter.`;
}
