import { logRegularizedBeta } from "../stats/regularizedBeta.js";
import { ranks } from "../valueOfInformation/penalizedSpline.js";
import { fitOnDraws, leastSquaresFit, MIN_REPLICATIONS_FOR_FIT, type DrawColumn } from "./regression.js";

/** One source of an output's variance and its share of it. */
export interface VarianceShare {
  /** An input's key, or `simulation`: what the draws do not explain (the noise the replications keep). */
  input: string;
  share: number;
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
 */
export function varianceShares(columns: readonly DrawColumn[], y: ArrayLike<number>): VarianceShare[] {
  const n = y.length;
  const values = Float64Array.from(y);
  const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(1, n);
  const total = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  if (!(total > 0) || n < 4) return [];
  const level = 0.05 / Math.max(1, columns.length);
  const shares: VarianceShare[] = columns.map((column) => {
    const fit = smoothFit(column.values, values);
    return { input: column.key, share: fit.pValue < level ? clamp(fit.share) : 0 };
  });
  shares.push({ input: "simulation", share: clamp(1 - fitOnDraws(columns, values).rSquared) });
  return shares.sort((a, b) => b.share - a.share);
}

/** The first-order share of one input (see `varianceShares`): adjusted R² of y on Legendre polynomials of its rank. */
export function firstOrderShare(x: ArrayLike<number>, y: Float64Array): number {
  return smoothFit(x, y).share;
}

/** The smooth fit of y on one input: its adjusted R² and the p-value of its F test against no effect. */
function smoothFit(x: ArrayLike<number>, y: Float64Array): { share: number; pValue: number } {
  const n = y.length;
  const degree = Math.min(10, Math.max(2, Math.floor(n / 25)));
  if (n <= degree + 2) return { share: 0, pValue: 1 };
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
  if (!(total > 0)) return { share: 0, pValue: 1 };
  const dof = n - degree - 1;
  const share = 1 - residual / dof / (total / (n - 1));
  if (!(residual > 0)) return { share, pValue: 0 };
  // F = (explained / d) / (residual / dof); P(F_{d, dof} > F) = I_{dof / (dof + d F)}(dof/2, d/2).
  const f = (total - residual) / degree / (residual / dof);
  const pValue = f > 0 ? Math.exp(logRegularizedBeta(dof / (dof + degree * f), (degree * f) / (dof + degree * f), dof / 2, degree / 2)) : 1;
  return { share, pValue };
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
