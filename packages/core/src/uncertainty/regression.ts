import { normalQuantile } from "../random/normalQuantile.js";

/**
 * Regression of a per-replication output on the replications' draws of the uncertain inputs: the output's expected
 * value given the draws, E[y | θ], estimated from the very replications that drew them (Strong, Oakley & Brennan,
 * "Estimating multiparameter partial expected value of perfect information from a probabilistic sensitivity analysis
 * sample: a nonparametric regression approach", Medical Decision Making 34(3), 2014; the same fit serves their
 * EVPPI). Each replication's output is y_k = g(θ_k) + ε_k, ε_k the simulation's noise; the fit's values estimate
 * g(θ_k) and its residuals the noise.
 *
 * The design is chosen from the data, because a replication count of 100 cannot carry every term of 15 inputs:
 * forward stepwise selection among every input (standardised), its square and every product of two (curvature and
 * interactions, such as a churn share times an effect size), each step adding the term that removes the most
 * residual variance while its F statistic exceeds the Bonferroni bound for the candidates (χ²₁ at 1 − 0.05 / their
 * number: on pure noise, a spurious term enters one time in twenty), and at most one term per five replications.
 * Terms are orthogonalised as they enter (modified Gram–Schmidt), so the fitted values are the least-squares fit.
 */

/** One column of draws: an input's value in each replication. */
export interface DrawColumn {
  key: string;
  values: ArrayLike<number>;
}

/** A fit of an output on the draws. */
export interface DrawFit {
  /** E[y | θ_k] for each replication k. */
  fitted: Float64Array;
  /** y_k − fitted_k: each replication's noise. */
  residuals: Float64Array;
  /** Share of the output's variance the fit explains (0 when the output does not vary). */
  rSquared: number;
  /** The design's terms beside the intercept, in the order they entered (`key`, `key²`, `key×other`). */
  terms: string[];
}

/** Replications per term the design keeps at least. */
const REPLICATIONS_PER_TERM = 5;
/** Fewer replications than this and the fit on the draws can take no term at all (its R² is 0 whatever the draws). */
export const MIN_REPLICATIONS_FOR_FIT = 2 * REPLICATIONS_PER_TERM;

/** Fits `y` on the draws (see the module comment). With no term selected, the fit is the mean. */
export function fitOnDraws(columns: readonly DrawColumn[], y: ArrayLike<number>): DrawFit {
  const n = y.length;
  const response = Float64Array.from(y);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += response[k]!;
  const mean = sum / Math.max(1, n);
  const residuals = new Float64Array(n);
  for (let k = 0; k < n; k++) residuals[k] = response[k]! - mean;
  const total = sumOfSquares(residuals);
  // Candidates, each kept centred (orthogonal to the intercept) and then to every term that enters: copies of the
  // columns' (built once for every output fitted on the same columns).
  const candidates = termCandidates(columns).map((candidate) => ({ name: candidate.name, values: candidate.values.slice() }));
  const threshold = chiSquareOneBound(0.05 / Math.max(1, candidates.length));
  const maxTerms = Math.min(candidates.length, Math.floor(n / REPLICATIONS_PER_TERM) - 1);
  const terms: string[] = [];
  let rss = total;
  const active = candidates.map(() => true);
  while (terms.length < maxTerms && rss > 1e-24 * Math.max(1, total)) {
    let best = -1;
    let bestReduction = 0;
    candidates.forEach((candidate, c) => {
      if (!active[c]) return;
      const norm2 = dot(candidate.values, candidate.values);
      if (!(norm2 > 1e-9 * n)) {
        active[c] = false;
        return;
      }
      const reduction = dot(candidate.values, residuals) ** 2 / norm2;
      if (reduction > bestReduction) {
        best = c;
        bestReduction = reduction;
      }
    });
    if (best < 0) break;
    const dof = n - terms.length - 2;
    if (dof <= 0 || bestReduction / ((rss - bestReduction) / dof) < threshold) break;
    // Enter the term: normalise it, take it out of the residuals and of every other candidate.
    const chosen = candidates[best]!;
    active[best] = false;
    // The norm once, not once a value (the same number either way).
    const norm = Math.sqrt(dot(chosen.values, chosen.values));
    const q = chosen.values.map((v) => v / norm);
    subtractProjection(residuals, q);
    candidates.forEach((candidate, c) => {
      if (active[c]) subtractProjection(candidate.values, q);
    });
    rss = dot(residuals, residuals);
    terms.push(chosen.name);
  }
  const fitted = response.map((value, k) => value - residuals[k]!);
  return { fitted, residuals, rSquared: total > 0 ? Math.max(0, Math.min(1, 1 - rss / total)) : 0, terms };
}

/** The candidate terms of a fit on `columns`: each input standardised, its square and every product of two, centred. */
function termCandidates(columns: readonly DrawColumn[]): readonly { name: string; values: Float64Array }[] {
  const known = candidatesByColumns.get(columns);
  if (known) return known;
  const standardised = columns.flatMap((column) => {
    const values = standardise(column.values);
    return values ? [{ key: column.key, values }] : [];
  });
  const candidates: { name: string; values: Float64Array }[] = [];
  for (const column of standardised) candidates.push({ name: column.key, values: Float64Array.from(column.values) });
  for (const column of standardised) candidates.push({ name: `${column.key}²`, values: centre(product(column.values, column.values)) });
  for (let i = 0; i < standardised.length; i++) {
    for (let j = i + 1; j < standardised.length; j++) {
      const a = standardised[i]!;
      const b = standardised[j]!;
      candidates.push({ name: `${a.key}×${b.key}`, values: centre(product(a.values, b.values)) });
    }
  }
  candidatesByColumns.set(columns, candidates);
  return candidates;
}

/** Candidates by the columns array they were built from: a money stage fits a dozen outputs on the same columns. The
 * columns' values must not change once fitted on (they are each replication's draws). */
const candidatesByColumns = new WeakMap<readonly DrawColumn[], readonly { name: string; values: Float64Array }[]>();

function product(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k]! * b[k]!;
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function subtractProjection(target: Float64Array, unit: Float64Array): void {
  const amount = dot(target, unit);
  for (let i = 0; i < target.length; i++) target[i]! -= amount * unit[i]!;
}

/** The values minus their mean, in place (summed in order, as a reduce would). */
function centre(values: Float64Array): Float64Array {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const mean = sum / Math.max(1, values.length);
  for (let i = 0; i < values.length; i++) values[i] = values[i]! - mean;
  return values;
}

/** The χ²₁ quantile at 1 − p: the square of the normal quantile at 1 − p/2. */
function chiSquareOneBound(p: number): number {
  return normalQuantile(1 - p / 2) ** 2;
}

/** The least-squares fitted values of y on an intercept and `columns` (Householder QR; rank-deficient columns are dropped). */
export function leastSquaresFit(columns: readonly ArrayLike<number>[], y: ArrayLike<number>): Float64Array {
  const n = y.length;
  const p = columns.length + 1;
  if (n === 0) return new Float64Array(0);
  // Column-major copy of the design [1, columns…] and of y, reduced in place.
  const a = columns.map((column) => Float64Array.from(column));
  a.unshift(new Float64Array(n).fill(1));
  const b = Float64Array.from(y);
  const used: number[] = [];
  for (let j = 0, row = 0; j < p && row < n; j++) {
    const column = a[j]!;
    let norm = 0;
    for (let i = row; i < n; i++) norm += column[i]! * column[i]!;
    norm = Math.sqrt(norm);
    const size = Math.sqrt(sumOfSquares(column));
    if (norm <= 1e-10 * Math.max(1, size)) continue;
    const alpha = column[row]! > 0 ? -norm : norm;
    const v = new Float64Array(n - row);
    for (let i = row; i < n; i++) v[i - row] = column[i]!;
    v[0]! -= alpha;
    const vNorm2 = sumOfSquares(v);
    if (vNorm2 === 0) continue;
    const reflect = (target: Float64Array) => {
      let dot = 0;
      for (let i = row; i < n; i++) dot += v[i - row]! * target[i]!;
      const factor = (2 * dot) / vNorm2;
      for (let i = row; i < n; i++) target[i]! -= factor * v[i - row]!;
    };
    for (let k = j; k < p; k++) reflect(a[k]!);
    reflect(b);
    used.push(j);
    row++;
  }
  // Back-substitution on the upper triangle of the kept columns, then the fitted values.
  const r = used.length;
  const coefficients = new Float64Array(r);
  for (let i = r - 1; i >= 0; i--) {
    let sum = b[i]!;
    for (let k = i + 1; k < r; k++) sum -= a[used[k]!]![i]! * coefficients[k]!;
    coefficients[i] = sum / a[used[i]!]![i]!;
  }
  const fitted = new Float64Array(n);
  const original = [new Float64Array(n).fill(1), ...columns];
  used.forEach((j, i) => {
    const column = original[j]!;
    for (let k = 0; k < n; k++) fitted[k]! += coefficients[i]! * column[k]!;
  });
  return fitted;
}

/** Σ values[i]², in order. Loops here, not reduce, map or from with a callback: a call per value was most of a money
 * stage's regressions. */
function sumOfSquares(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * values[i]!;
  return sum;
}

/** The column minus its mean over its standard deviation; null when it does not vary. */
function standardise(values: ArrayLike<number>): Float64Array | null {
  const n = values.length;
  if (n < 2) return null;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (values[i]! - mean) ** 2;
  const sd = Math.sqrt(variance / (n - 1));
  if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) return null;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (values[i]! - mean) / sd;
  return out;
}

