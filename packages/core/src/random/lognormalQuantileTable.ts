import { normalQuantile } from "./normalQuantile.js";
import { quantileTable, quantileTableGrid, type QuantileTable } from "./quantileTable.js";

const LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * The inverse CDF of the log-normal distribution exp(σ·Z) (median 1), as a `QuantileTable`; multiply by
 * exp(μ) through `quantileTableSampler(table, scale)`. Nodes are exact: y = σ·Φ⁻¹(u) from `normalQuantile`
 * (AS 241), with dy/du = σ/φ(z). It spares the hot loop AS 241's rational function and its exp: a draw in
 * the centre costs a cubic. The centre is kept in logs above σ = 1.5 (cv ≈ 2.9), where x spans more than
 * three orders of magnitude across it. Building takes about 0.2 ms. Accuracy, measured: quantiles within
 * 2.1e-6 relative of exp(σ·Φ⁻¹(u)) (largest near u = 1/64); integrated over u, mean and cv within 3e-8
 * relative of those of the exact inverse for cv from 0.1 to 20.
 * Throws on σ that is not finite and ≥ 0.
 */
export function lognormalQuantileTable(sigma: number): QuantileTable {
  if (!(sigma >= 0 && Number.isFinite(sigma))) throw new Error(`invalid log-normal sigma: ${sigma}; expected a finite number ≥ 0`);
  const { centreCells, tailCells, centreU, lowerS, upperT } = quantileTableGrid;
  const centreY = new Float64Array(centreCells + 1);
  const centreSlope = new Float64Array(centreCells + 1);
  for (let i = 0; i <= centreCells; i++) {
    const z = normalQuantile(centreU(i));
    centreY[i] = sigma * z;
    // 1/φ(z) = √(2π)·e^(z²/2).
    centreSlope[i] = sigma * Math.exp(0.5 * z * z + LOG_SQRT_TWO_PI);
  }
  const lowerY = new Float64Array(tailCells + 1);
  const lowerSlope = new Float64Array(tailCells + 1);
  const upperY = new Float64Array(tailCells + 1);
  const upperSlope = new Float64Array(tailCells + 1);
  for (let j = 0; j <= tailCells; j++) {
    // Lower: u = e^s, dy/ds = u·σ/φ(z). Upper: 1 − u = e^−t, dy/dt = (1 − u)·σ/φ(z); by symmetry z = −z(e^−t).
    const s = lowerS(j);
    const zLow = normalQuantile(Math.exp(s));
    lowerY[j] = sigma * zLow;
    lowerSlope[j] = sigma * Math.exp(s + 0.5 * zLow * zLow + LOG_SQRT_TWO_PI);
    const t = upperT(j);
    const zHigh = -normalQuantile(Math.exp(-t));
    upperY[j] = sigma * zHigh;
    upperSlope[j] = sigma * Math.exp(-t + 0.5 * zHigh * zHigh + LOG_SQRT_TWO_PI);
  }
  // Share the end nodes exactly with the centre, whatever the rounding of e^s and 1 − e^−t.
  lowerY[tailCells] = centreY[0]!;
  upperY[0] = centreY[centreCells]!;
  return quantileTable({ centreY, centreSlope, lowerY, lowerSlope, upperY, upperSlope }, sigma > 1.5);
}
