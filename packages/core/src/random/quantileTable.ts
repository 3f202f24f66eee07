/** Cells of the three pieces of a table. */
const CENTRE_CELLS = 512;
const TAIL_CELLS = 128;
/** The centre covers u in [1/64, 63/64]; each tail is 1/64 of the draws, reached through one logarithm. */
const U_LOW = 1 / 64;
const U_HIGH = 1 - 1 / 64;
const S_LOW = Math.log(U_LOW);
const T_HIGH = -Math.log1p(-U_HIGH);
/** −ln(2⁻⁵³): the far end of both tails; u = 1 − 2⁻⁵³ is the largest uniform below 1. */
const TAIL_END = 53 * Math.LN2;
const CENTRE_STEP = (U_HIGH - U_LOW) / CENTRE_CELLS;
const TAIL_STEP = (TAIL_END - T_HIGH) / TAIL_CELLS;
/** Below e^−708 a double loses precision (subnormals) and exp stops being reliably monotone: read as 0. */
const LOG_SMALLEST = -708;
/** The largest double below 1: a uniform at or above 1 is read as this. */
const MAX_UNIFORM = 1 - 2 ** -53;

/**
 * Where a table needs its nodes: u = centreU(i) for i = 0…centreCells in the centre, ln u = lowerS(j) and
 * −ln(1 − u) = upperT(j) for j = 0…tailCells in the tails. centreU(0) = e^lowerS(tailCells) and
 * centreU(centreCells) = 1 − e^−upperT(0): neighbouring pieces share their end node.
 */
export const quantileTableGrid = {
  centreCells: CENTRE_CELLS,
  tailCells: TAIL_CELLS,
  centreU: (i: number) => U_LOW + i * CENTRE_STEP,
  lowerS: (j: number) => -TAIL_END + j * TAIL_STEP,
  upperT: (j: number) => T_HIGH + j * TAIL_STEP,
};

/**
 * A quantile function x(u) ≥ 0 at the nodes of `quantileTableGrid`, as y = ln x with its derivatives:
 * dy/du in the centre, dy/d(ln u) in the lower tail, dy/d(−ln(1 − u)) in the upper tail.
 * y may be −Infinity where x is 0.
 */
export interface QuantileNodes {
  centreY: Float64Array;
  centreSlope: Float64Array;
  lowerY: Float64Array;
  lowerSlope: Float64Array;
  upperY: Float64Array;
  upperSlope: Float64Array;
}

/**
 * Precomputed inverse CDF for sampling in a hot loop, as plain data (typed arrays and numbers), so it can be
 * cached, shared and cloned. Three pieces, each a cubic Hermite interpolant through exact quantiles and
 * their exact derivatives, limited cell by cell as Fritsch & Carlson prescribe (SIAM J. Numer. Anal. 17(2),
 * 1980) and clamped to each cell's end values, so that the whole never decreases:
 * - centre: x (or ln x when `centreInLogs`) against u on a uniform grid over [1/64, 63/64];
 * - lower tail: ln x against ln u over [2⁻⁵³, 1/64], extended linearly in ln u below (so x → 0 as u → 0);
 * - upper tail: ln x against −ln(1 − u) for 1 − u from 1/64 down to 2⁻⁵³.
 * In logs both tails of the usual duration distributions are nearly straight lines, which is what lets a
 * coarse grid hold them. Tabulating x in the centre spares a transcendental function on 31 draws in 32;
 * a quantile that spans many orders of magnitude across the centre needs it in logs.
 */
export interface QuantileTable {
  centreInLogs: boolean;
  /** Per cell, four cubic coefficients in the cell's local coordinate t ∈ [0, 1]; then the last node's value. */
  centre: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** Slope of ln x against ln u at u = 2⁻⁵³, for the linear extension below it. */
  lowerEndSlope: number;
}

/** Builds a table from its nodes (see `QuantileNodes`); `centreInLogs` chooses ln x over x in the centre. */
export function quantileTable(nodes: QuantileNodes, centreInLogs: boolean): QuantileTable {
  const { centreY, centreSlope, lowerY, lowerSlope, upperY, upperSlope } = nodes;
  const centreDy = centreSlope.map((slope) => slope * CENTRE_STEP);
  const centre = centreInLogs
    ? hermiteCells(centreY, centreDy)
    : hermiteCells(
        centreY.map(expOrZero),
        centreDy.map((dy, i) => dy * expOrZero(centreY[i]!)),
      );
  return {
    centreInLogs,
    centre,
    lower: hermiteCells(lowerY, lowerSlope.map((slope) => slope * TAIL_STEP)),
    upper: hermiteCells(upperY, upperSlope.map((slope) => slope * TAIL_STEP)),
    lowerEndSlope: lowerSlope[0]!,
  };
}

const CENTRE_SCALE = 1 / CENTRE_STEP;
const TAIL_SCALE = 1 / TAIL_STEP;

/**
 * Inverse CDF from a table, times `scale`: u in [0, 1) → x ≥ 0, never decreasing, finite, 0 at u = 0;
 * a uniform ≥ 1 or NaN is read as 1 − 2⁻⁵³. Allocates nothing. In the centre (31 draws in 32) it costs a
 * cubic and, unless the table keeps the centre in logs, no transcendental function; in a tail one log and
 * one exp.
 */
export function quantileTableSampler(table: QuantileTable, scale: number): (u: number) => number {
  const { centre, lower, upper, lowerEndSlope } = table;
  const tail = (u: number) => {
    if (u > U_HIGH || !(u === u)) {
      const t = -Math.log1p(-(u < MAX_UNIFORM ? u : MAX_UNIFORM));
      return scale * expOrZero(evaluate(upper, (t - T_HIGH) * TAIL_SCALE, TAIL_CELLS));
    }
    if (!(u > 0)) return 0;
    const v = (Math.log(u) + TAIL_END) * TAIL_SCALE;
    return scale * expOrZero(v >= 0 ? evaluate(lower, v, TAIL_CELLS) : lower[0]! + (v * lowerEndSlope) / TAIL_SCALE);
  };
  if (table.centreInLogs) {
    return (u) => (u >= U_LOW && u <= U_HIGH ? scale * expOrZero(evaluate(centre, (u - U_LOW) * CENTRE_SCALE, CENTRE_CELLS)) : tail(u));
  }
  return (u) => (u >= U_LOW && u <= U_HIGH ? scale * evaluate(centre, (u - U_LOW) * CENTRE_SCALE, CENTRE_CELLS) : tail(u));
}

function expOrZero(y: number): number {
  return y < LOG_SMALLEST ? 0 : Math.exp(y);
}

/** Cubic on cell floor(v) at local coordinate v − floor(v) (v clamped to [0, cells]), kept within the
 * cell's end values so that rounding cannot make the interpolant step back at a cell boundary. */
function evaluate(coefficients: Float64Array, v: number, cells: number): number {
  let cell = Math.floor(v);
  if (cell >= cells) cell = cells - 1;
  else if (cell < 0) cell = 0;
  const t = v - cell;
  const k = 4 * cell;
  const start = coefficients[k]!;
  const end = coefficients[k + 4]!;
  const value = start + t * (coefficients[k + 1]! + t * (coefficients[k + 2]! + t * coefficients[k + 3]!));
  return value < start ? start : value > end ? end : value;
}

/**
 * Cubic Hermite coefficients per cell from node values and slopes (slopes in cell units), with the
 * Fritsch–Carlson limit (α² + β² ≤ 9) applied cell by cell so that each cubic is monotone. A cell whose
 * ends are equal (or −∞, where x underflows) is flat. The last node's value follows the last cell, so that
 * every cell can read its end value at index 4·cell + 4.
 */
function hermiteCells(values: Float64Array, slopes: Float64Array): Float64Array {
  const cells = values.length - 1;
  const out = new Float64Array(4 * cells + 1);
  for (let i = 0; i < cells; i++) {
    const delta = values[i + 1]! - values[i]!;
    const rise = delta > 0 && Number.isFinite(delta) ? delta : 0;
    let m0 = 0;
    let m1 = 0;
    if (rise > 0) {
      m0 = slopes[i]!;
      m1 = slopes[i + 1]!;
      const alpha = m0 / rise;
      const beta = m1 / rise;
      const norm = alpha * alpha + beta * beta;
      if (!(norm <= 9)) {
        const tau = 3 / Math.sqrt(norm);
        m0 = Number.isFinite(norm) ? tau * alpha * rise : 0;
        m1 = Number.isFinite(norm) ? tau * beta * rise : 0;
      }
    }
    out[4 * i] = values[i]!;
    out[4 * i + 1] = m0;
    out[4 * i + 2] = 3 * rise - 2 * m0 - m1;
    out[4 * i + 3] = m0 + m1 - 2 * rise;
  }
  out[4 * cells] = values[cells]!;
  return out;
}
