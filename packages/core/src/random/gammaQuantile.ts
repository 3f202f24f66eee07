import { logGamma } from "./logGamma.js";
import { normalQuantile } from "./normalQuantile.js";
import { logRegularizedGamma } from "./regularizedGamma.js";

/**
 * Quantile of the gamma distribution with the given shape and scale 1: the x with P(shape, x) = p.
 * Multiply by the scale (mean/shape) for other scales. Returns 0 at p = 0, Infinity at p = 1, NaN for p
 * outside [0, 1] or shape ≤ 0. Solved by Halley's method on ln P(shape, x) (or ln Q for p > 1/2, which keeps
 * the upper tail accurate) as a function of ln x: the log-gamma density is log-concave, so these are concave
 * and safeguarded steps converge from any start. Relative error below 1e-12 against mpmath for shapes from
 * 1/400 to 1000 (gammaQuantile.test.ts), set by `logRegularizedGamma`. A few µs a call: for many draws
 * build a table (`gammaQuantileTable`).
 */
export function gammaQuantile(p: number, shape: number): number {
  if (!(p >= 0 && p <= 1) || !(shape > 0)) return NaN;
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  const upper = p > 0.5;
  const logTarget = upper ? Math.log1p(-p) : Math.log(p);
  return Math.exp(solveLogGammaQuantile(shape, logTarget, upper, initialLogGuess(p, shape)));
}

/** A starting point for ln x: Wilson–Hilferty's cube-root normal approximation for shape ≥ 1, the
 * small-x asymptote P ≈ xᵃ/Γ(a + 1) below. */
export function initialLogGuess(p: number, shape: number): number {
  if (shape < 1) return (Math.log(p) + logGamma(shape + 1)) / shape;
  const c = 1 / (9 * shape);
  const cube = 1 - c + normalQuantile(p) * Math.sqrt(c);
  return cube > 0.1 ? Math.log(shape) + 3 * Math.log(cube) : Math.log(shape) + 3 * Math.log(0.1);
}

/**
 * Solves ln P(a, eʸ) = logTarget (or ln Q with `upper`) for y = ln x, starting from `y0`.
 * Halley steps (cubic convergence), kept inside the bracket that the signs seen so far establish. A step
 * below 1e-7 in y leaves an error of order 1e-21 times a curvature of order a, so the iteration stops after
 * it: from a good start (as when a table marches from its previous point) that is one evaluation of the
 * incomplete gamma function.
 */
export function solveLogGammaQuantile(a: number, logTarget: number, upper: boolean, y0: number): number {
  const logGammaA = logGamma(a);
  let y = y0;
  let below = -Infinity; // largest y known to lie left of the root
  let above = Infinity; // smallest y known to lie right of it
  for (let iteration = 0; iteration < 200; iteration++) {
    const x = Math.exp(y);
    const logCdf = logRegularizedGamma(a, x, upper);
    const residual = logCdf - logTarget;
    if (residual === 0) return y;
    // g = d ln P / d ln x = x·f(x)/P, with x·f(x) = exp(a·y − x − ln Γ(a)); ln Q has the opposite sign.
    // Then dg/dy = g·(a − x − g).
    const slope = Math.exp(a * y - x - logGammaA - logCdf) * (upper ? -1 : 1);
    const curvature = slope * (a - x - slope);
    if (upper ? residual < 0 : residual > 0) above = Math.min(above, y);
    else below = Math.max(below, y);
    const newton = residual / slope;
    const halley = newton / (1 - (newton * curvature) / (2 * slope));
    let next = y - (Number.isFinite(halley) && Math.abs(halley) < 2 * Math.abs(newton) ? halley : newton);
    if (!(next >= below && next <= above)) {
      // Concavity keeps a Newton step inside the bracket when one side is still open.
      next = below > -Infinity && above < Infinity ? (below + above) / 2 : y - newton;
    }
    if (!Number.isFinite(next)) {
      // A slope that underflowed: widen from the side already known.
      next = above < Infinity ? above - 1 - Math.abs(above) : below + 1 + Math.abs(below);
    } else if (Math.abs(next - y) <= 1e-7) {
      return next;
    }
    y = next;
  }
  return y;
}
