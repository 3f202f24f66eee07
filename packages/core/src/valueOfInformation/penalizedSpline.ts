/**
 * A penalised regression spline (P-spline: Eilers & Marx, "Flexible smoothing with B-splines and penalties",
 * Statistical Science 11(2), 1996) of an output on one input, or a tensor product of them on a few inputs: the
 * smoother behind the regression estimators of partial expected value of perfect information (Strong & Oakley 2013
 * and Strong, Oakley & Brennan 2014 fit E[net benefit | inputs] with a generalised additive model; a P-spline with its
 * smoothing chosen by generalised cross-validation is the same kind of fit, written here without R's mgcv).
 *
 * Each input is replaced by its rank mapped to (0, 1) (ties share their mean rank), so any distribution is fitted alike
 * and a conditional expectation given the rank is the one given the input. Each margin gets cubic B-splines on equal
 * segments; a tensor product takes every product of the margins' functions. The penalty is the sum over the margins of
 * the squared second differences of the coefficients along that margin, with one smoothing parameter λ (the margins
 * are on the same scale), chosen on a grid by generalised cross-validation, GCV(λ) = n·RSS / (n − edf)² (Craven &
 * Wahba 1979). Lines (and, in a tensor product, products of lines) are not penalised, so the fit never flattens a
 * trend into a constant.
 *
 * The fit also returns the coefficients' posterior covariance σ²(XᵀX + λP)⁻¹ (Wahba 1983; Silverman 1985; the `Vp` of
 * mgcv), σ² = RSS / (n − edf), from which the callers draw plausible fits for an interval.
 */

/** A fitted smoother: fitted values, and what it takes to draw other plausible fits. */
export interface SplineFit {
  /** E[y | inputs] at each row. */
  fitted: Float64Array;
  /** The design X (n × p, row-major) and its column count p. */
  design: Float64Array;
  columns: number;
  coefficients: Float64Array;
  /** Lower-triangular Cholesky factor L of A = XᵀX + λP (row-major, p × p): the posterior covariance is σ²A⁻¹. */
  choleskyOfA: Float64Array;
  /** Residual variance, RSS / (n − edf). */
  sigma2: number;
  /** Effective degrees of freedom, tr((XᵀX + λP)⁻¹XᵀX). */
  edf: number;
  lambda: number;
}

/** B-spline functions per margin: a cubic spline on `segments` equal segments has segments + 3 of them. */
const DEGREE = 3;

/** Inputs up to which the fit is a full tensor product; beyond, an additive fit with pairwise bilinear terms. */
export const TENSOR_UP_TO = 3;

/**
 * Segments per margin for d inputs and n rows: at most 20 functions for one input, 10 per margin for two, 5 for three
 * (a product of 125) and 10 per input side by side, and about one coefficient per 4 rows at most, so the fit never has
 * room to follow the noise (GCV guards the rest).
 */
export function segmentsFor(inputs: number, rows: number): number {
  const budget = Math.max(16, rows / 4);
  const perMargin =
    inputs <= TENSOR_UP_TO ? Math.min([20, 10, 5][inputs - 1]!, Math.floor(Math.pow(budget, 1 / inputs))) : Math.min(10, Math.floor(budget / inputs));
  return Math.max(1, perMargin - DEGREE);
}

/** Fits y on the inputs (columns of equal length). */
export function penalizedSplineFit(inputs: readonly ArrayLike<number>[], y: ArrayLike<number>, options: { segments?: number } = {}): SplineFit {
  const n = y.length;
  if (inputs.length === 0) throw new Error("penalizedSplineFit: no input to fit on");
  for (const input of inputs) if (input.length !== n) throw new Error("penalizedSplineFit: inputs and output differ in length");
  const segments = options.segments ?? segmentsFor(inputs.length, n);
  const size = segments + DEGREE;
  const margins = inputs.map((input) => bSplineBasis(ranks(input), segments));
  // A few inputs: every product of the margins' functions. More: the margins side by side (an additive fit) plus each
  // pair's product of ranks (bilinear interactions, such as a churn share times an effect size), unpenalised.
  const { design, penalty, p } =
    inputs.length <= TENSOR_UP_TO ? tensorDesign(margins, n, size) : additiveDesign(margins, inputs.map((input) => ranks(input)), n, size);
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  for (let k = 0; k < n; k++) {
    const row = k * p;
    const yk = y[k]!;
    for (let i = 0; i < p; i++) {
      const xi = design[row + i]!;
      if (xi === 0) continue;
      xty[i]! += xi * yk;
      for (let j = 0; j <= i; j++) xtx[i * p + j]! += xi * design[row + j]!;
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) xtx[j * p + i] = xtx[i * p + j]!;
  let yty = 0;
  for (let k = 0; k < n; k++) yty += y[k]! ** 2;

  // λ on a log grid relative to the ratio of the design's and the penalty's sizes.
  const scale = trace(xtx, p) / Math.max(1e-300, trace(penalty, p));
  type Candidate = { gcv: number; lambda: number; l: Float64Array; beta: Float64Array; rss: number; edf: number };
  const tryStep = (step: number): Candidate | null => {
    const lambda = scale * 10 ** step;
    const a = new Float64Array(p * p);
    for (let i = 0; i < p * p; i++) a[i] = xtx[i]! + lambda * penalty[i]!;
    // A tiny ridge keeps A positive definite where a basis function has no data under it.
    for (let i = 0; i < p; i++) a[i * p + i]! += 1e-9 * scale;
    const l = cholesky(a, p);
    if (!l) return null;
    const beta = solveCholesky(l, p, xty);
    // RSS = yᵀy − 2βᵀXᵀy + βᵀXᵀXβ.
    let quad = 0;
    for (let i = 0; i < p; i++) {
      let row = 0;
      for (let j = 0; j < p; j++) row += xtx[i * p + j]! * beta[j]!;
      quad += beta[i]! * row;
    }
    const rss = Math.max(0, yty - 2 * dot(beta, xty) + quad);
    const edf = traceOfSolve(l, p, xtx);
    if (!(n - edf > 1)) return null;
    return { gcv: (n * rss) / (n - edf) ** 2, lambda, l, beta, rss, edf };
  };
  // log₁₀ λ on a grid of whole steps, then halved twice around the best.
  let best: Candidate | null = null;
  let bestStep = 0;
  const consider = (step: number) => {
    const candidate = tryStep(step);
    if (candidate && (!best || candidate.gcv < best.gcv)) {
      best = candidate;
      bestStep = step;
    }
  };
  for (let step = -8; step <= 8; step++) consider(step);
  for (const width of [0.5, 0.25]) {
    const centre = bestStep;
    consider(centre - width);
    consider(centre + width);
  }
  if (!best) throw new Error("penalizedSplineFit: no smoothing parameter gave a fit");
  const chosen: Candidate = best;
  const fitted = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sum = 0;
    for (let i = 0; i < p; i++) sum += design[k * p + i]! * chosen.beta[i]!;
    fitted[k] = sum;
  }
  return { fitted, design, columns: p, coefficients: chosen.beta, choleskyOfA: chosen.l, sigma2: chosen.rss / (n - chosen.edf), edf: chosen.edf, lambda: chosen.lambda };
}

/**
 * One plausible fit from the coefficients' posterior N(β̂, σ²A⁻¹): β̂ + σ L⁻ᵀz for standard normal z (A = LLᵀ, so
 * the draw's covariance is σ²L⁻ᵀL⁻¹ = σ²A⁻¹), evaluated at the rows.
 */
export function drawFit(fit: SplineFit, normals: Float64Array): Float64Array {
  const p = fit.columns;
  const shift = backSolveTransposed(fit.choleskyOfA, p, normals);
  const sigma = Math.sqrt(fit.sigma2);
  const n = fit.fitted.length;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sum = 0;
    for (let i = 0; i < p; i++) sum += fit.design[k * p + i]! * sigma * shift[i]!;
    out[k] = fit.fitted[k]! + sum;
  }
  return out;
}

/** Ranks mapped to (0, 1): (rank + ½) / n, ties sharing their mean rank. */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const t = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2;
    for (let k = i; k <= j; k++) t[order[k]!] = (rank + 0.5) / n;
    i = j + 1;
  }
  return t;
}

/** Cubic B-splines on `segments` equal segments of [0, 1] at each t (n × (segments + 3), row-major), by de Boor's recursion. */
export function bSplineBasis(t: ArrayLike<number>, segments: number): Float64Array {
  const size = segments + DEGREE;
  const n = t.length;
  const out = new Float64Array(n * size);
  const h = 1 / segments;
  // Knots at (j − DEGREE)·h for j = 0 … segments + 2·DEGREE.
  const knot = (j: number) => (j - DEGREE) * h;
  const local = new Float64Array(DEGREE + 1);
  for (let k = 0; k < n; k++) {
    const x = Math.min(1 - 1e-12, Math.max(0, t[k]!));
    const span = Math.min(segments - 1, Math.floor(x / h)) + DEGREE; // knot index with knot(span) ≤ x < knot(span + 1)
    local.fill(0);
    local[0] = 1;
    for (let d = 1; d <= DEGREE; d++) {
      let saved = 0;
      for (let r = 0; r < d; r++) {
        const left = knot(span + r + 1 - d);
        const right = knot(span + r + 1);
        const temp = local[r]! / (right - left);
        local[r] = saved + (right - x) * temp;
        saved = (x - left) * temp;
      }
      local[d] = saved;
    }
    for (let r = 0; r <= DEGREE; r++) out[k * size + span - DEGREE + r] = local[r]!;
  }
  return out;
}

function tensorDesign(margins: readonly Float64Array[], n: number, size: number) {
  return { design: tensorRows(margins, n, size), penalty: tensorPenalty(margins.length, size), p: size ** margins.length };
}

/** The margins' bases side by side, each with its second-difference penalty, then each pair's (t_i − ½)(t_j − ½). */
function additiveDesign(margins: readonly Float64Array[], t: readonly Float64Array[], n: number, size: number) {
  const d = margins.length;
  // The pairs' products only where the rows can carry them (about 4 rows per coefficient).
  const pairs: [number, number][] = [];
  if (n >= 4 * (d * size + (d * (d - 1)) / 2)) for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) pairs.push([i, j]);
  const p = d * size + pairs.length;
  const design = new Float64Array(n * p);
  for (let k = 0; k < n; k++) {
    for (let m = 0; m < d; m++) for (let c = 0; c < size; c++) design[k * p + m * size + c] = margins[m]![k * size + c]!;
    pairs.forEach(([i, j], q) => {
      design[k * p + d * size + q] = (t[i]![k]! - 0.5) * (t[j]![k]! - 0.5);
    });
  }
  const one = tensorPenalty(1, size);
  const penalty = new Float64Array(p * p);
  for (let m = 0; m < d; m++) for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) penalty[(m * size + r) * p + m * size + c] = one[r * size + c]!;
  return { design, penalty, p };
}

/** Row-wise tensor products of the margins' bases (one margin: its basis). */
function tensorRows(margins: readonly Float64Array[], n: number, size: number): Float64Array {
  const d = margins.length;
  const p = size ** d;
  const out = new Float64Array(n * p);
  for (let k = 0; k < n; k++) {
    for (let index = 0; index < p; index++) {
      let value = 1;
      let rest = index;
      for (let m = d - 1; m >= 0 && value !== 0; m--) {
        value *= margins[m]![k * size + (rest % size)]!;
        rest = Math.floor(rest / size);
      }
      out[k * p + index] = value;
    }
  }
  return out;
}

/** Σ over margins of the second-difference penalty along that margin (I ⊗ … ⊗ DᵀD ⊗ … ⊗ I), p × p row-major. */
function tensorPenalty(d: number, size: number): Float64Array {
  const dtd = new Float64Array(size * size);
  for (let r = 0; r + 2 < size; r++) {
    const coefficients = [1, -2, 1];
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) dtd[(r + a) * size + r + b]! += coefficients[a]! * coefficients[b]!;
  }
  const p = size ** d;
  const out = new Float64Array(p * p);
  const digits = (index: number) => {
    const result: number[] = new Array(d);
    for (let m = d - 1; m >= 0; m--) {
      result[m] = index % size;
      index = Math.floor(index / size);
    }
    return result;
  };
  for (let i = 0; i < p; i++) {
    const di = digits(i);
    for (let j = 0; j < p; j++) {
      const dj = digits(j);
      let sum = 0;
      for (let m = 0; m < d; m++) {
        let others = true;
        for (let o = 0; o < d && others; o++) if (o !== m && di[o] !== dj[o]) others = false;
        if (others) sum += dtd[di[m]! * size + dj[m]!]!;
      }
      out[i * p + j] = sum;
    }
  }
  return out;
}

function trace(matrix: Float64Array, p: number): number {
  let sum = 0;
  for (let i = 0; i < p; i++) sum += matrix[i * p + i]!;
  return sum;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Lower-triangular L with LLᵀ = A (row-major), or null when A is not positive definite. */
export function cholesky(a: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * p + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * p + k]! * l[j * p + k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * p + i] = Math.sqrt(sum);
      } else l[i * p + j] = sum / l[j * p + j]!;
    }
  }
  return l;
}

/** Solves LLᵀx = b. */
export function solveCholesky(l: Float64Array, p: number, b: Float64Array): Float64Array {
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * p + k]! * z[k]!;
    z[i] = sum / l[i * p + i]!;
  }
  return backSolveTransposed(l, p, z);
}

/** Solves Lᵀx = b. */
function backSolveTransposed(l: Float64Array, p: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = b[i]!;
    for (let k = i + 1; k < p; k++) sum -= l[k * p + i]! * x[k]!;
    x[i] = sum / l[i * p + i]!;
  }
  return x;
}

/**
 * tr(A⁻¹M) with A = LLᵀ: Σ_j (A⁻¹ m_j)_j over M's columns. Each term is `solveCholesky`'s, operation for operation,
 * without its allocations, and its back substitution stops at row j: rows below j are not needed for x_j (this runs
 * for every smoothing parameter tried, 21 of them, in every regression of a decision analysis).
 */
export function traceOfSolve(l: Float64Array, p: number, m: Float64Array): number {
  let sum = 0;
  const z = new Float64Array(p);
  const x = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < p; i++) {
      let value = m[i * p + j]!;
      for (let k = 0; k < i; k++) value -= l[i * p + k]! * z[k]!;
      z[i] = value / l[i * p + i]!;
    }
    for (let i = p - 1; i >= j; i--) {
      let value = z[i]!;
      for (let k = i + 1; k < p; k++) value -= l[k * p + i]! * x[k]!;
      x[i] = value / l[i * p + i]!;
    }
    sum += x[j]!;
  }
  return sum;
}
