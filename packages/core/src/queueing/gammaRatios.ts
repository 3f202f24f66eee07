// Logarithms of rising-factorial ratios and harmonic sums with a shifted start, for the Erlang A series.
// Small cases are summed term by term; long ones use Stirling's series on differences, arranged so that
// the large parts cancel analytically rather than in floating point (the device of Loader 2000,
// "Fast and accurate computation of binomial probabilities", as used by R's dpois).

/** Stirling's error ln Γ(z+1) − (z ln z − z + ½ ln 2πz) for z ≥ 10 (asymptotic series; error < 1e-15).
 * Source: Abramowitz & Stegun 6.1.40. */
function stirlingError(z: number): number {
  const w = 1 / (z * z);
  return (1 / 12 - w * (1 / 360 - w * (1 / 1260 - w * (1 / 1680 - w * (1 / 1188 - (w * 691) / 360360))))) / z;
}

/** u − ln(1 + u) for u ≥ 0, without the cancellation of the direct difference for small u. */
function uMinusLog1p(u: number): number {
  if (u > 0.01) return u - Math.log1p(u);
  // Alternating series u²/2 − u³/3 + …; 8 terms give 1e-17 relative for u ≤ 0.01.
  let sum = 0;
  let power = u;
  for (let j = 2; j <= 9; j++) {
    power *= -u;
    sum -= power / j;
  }
  return sum;
}

/** ln(a/b) for a, b > 0, exact near a = b and safe where a/b would underflow or overflow. */
function logRatio(a: number, b: number): number {
  const q = a / b;
  return q > 0 && q < Infinity ? Math.log(q) : Math.log(a) - Math.log(b);
}

/** How many leading factors are done one by one: below 10 Stirling's series is not yet accurate, and for
 * short products direct summation is both exact enough and cheap. */
const DIRECT_TERMS = 32;

/** ln( z^m / ((x+1)(x+2)…(x+m)) ) for x ≥ 0, z > 0 and whole m ≥ 0. Accurate to a few ulps of the largest
 * term; most accurate where z ≈ x + m (the mode side of the Erlang A series), where the terms nearly cancel. */
export function logRisingRatio(x: number, z: number, m: number): number {
  let sum = 0;
  let k = 0;
  while (k < m && (x + k < 10 || m - k <= DIRECT_TERMS)) {
    k++;
    sum += logRatio(z, x + k);
  }
  if (k === m) return sum;
  const x0 = x + k;
  const count = m - k;
  const u = count / x0;
  // ln Γ(x0+1) − ln Γ(x0+count+1) + count·ln z, with Γ expanded by Stirling and the large terms paired.
  return (
    sum + count * logRatio(z, x0 + count) + x0 * uMinusLog1p(u) - 0.5 * Math.log1p(u) +
    stirlingError(x0) - stirlingError(x0 + count)
  );
}

/** ψ(z) − ln z + 1/(2z) for z ≥ 10 (asymptotic series, error < 1e-14). Source: Abramowitz & Stegun 6.3.18. */
function digammaTail(z: number): number {
  const w = 1 / (z * z);
  return -w * (1 / 12 - w * (1 / 120 - w * (1 / 252 - w * (1 / 240 - w * (1 / 132 - (w * 691) / 32760)))));
}

/** Σ_{i=1..m} 1/(x+i) = ψ(x+m+1) − ψ(x+1), for x ≥ 0 and whole m ≥ 0. */
export function shiftedHarmonic(x: number, m: number): number {
  let sum = 0;
  let k = 0;
  while (k < m && (x + k < 10 || m - k <= DIRECT_TERMS)) {
    k++;
    sum += 1 / (x + k);
  }
  if (k === m) return sum;
  const a = x + k + 1;
  const b = x + m + 1;
  return sum + Math.log1p((b - a) / a) - 1 / (2 * b) + 1 / (2 * a) + digammaTail(b) - digammaTail(a);
}
