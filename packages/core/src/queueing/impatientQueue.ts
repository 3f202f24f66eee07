import { logRisingRatio, shiftedHarmonic } from "./gammaRatios.js";

// The Erlang A (M/M/n+M) queue seen by a delayed arrival, in the dimensionless parameters
// x = n·μ/θ (agents × patience / aht) and z = λ/θ (arrivals per patience), μ = 1/aht, θ = 1/patience.
//
// An arrival that finds all n agents busy and k callers ahead does so with probability proportional to
//   t_k(x, z) = z^k / ((x+1)(x+2)…(x+k)),
// since the birth–death balance gives π(n+k) = π(n)·Π λ/(nμ + iθ). Their sum is Σ t_k = A(x, z) =
// x·e^z·z^(−x)·γ(x, z), the scaled lower incomplete gamma function of Garnett, Mandelbaum & Reiman (2002),
// "Designing a call center with impatient customers", M&SOM 4(3), appendix. From k ahead, the stages
// "i callers ahead" (i = k…0) end at rate nμ + (i+1)θ, by the queue moving or by the caller's own patience;
// telescoping gives P(served | k) = x / (x+k+1), E[wait | k] = (k+1) / (θ(x+k+1)) and
// E[wait; served | k] = x/(θ(x+k+1)) · Σ_{i=1..k+1} 1/(x+i).
//
// Sums run outward from the largest term, in ratios to it, so they neither overflow nor lose terms: the
// work grows with the spread of the terms (about √x and 1/(1 − z/x)), not with the queue length.

/** Sums over the number k of callers ahead of a delayed arrival, each term in ratio to the largest one. */
export interface DelayedStateSums {
  /** m, the number ahead with the largest term: ⌊z − x⌋, or 0 when z ≤ x. */
  mode: number;
  /** ln of the largest term t_m; the true sums are exp(logScale) × the fields below. */
  logScale: number;
  /** Σ_k t_k / t_m, i.e. A(x, z) / t_m. */
  total: number;
  /** Σ_k t_k (k+1)/(x+k+1) / t_m: abandonment. */
  abandon: number;
  /** Σ_k t_k x/(x+k+1) / t_m: service. */
  served: number;
  /** Σ_k t_k x/(x+k+1) · Σ_{i=1..k+1} 1/(x+i) / t_m: θ × wait of those served. */
  servedWait: number;
}

/** Truncation: a tail is dropped once a geometric bound on it is below this fraction of the sum. */
const TAIL = 1e-17;
/** A guard against a bug turning the loop infinite; the checked inputs need far fewer terms. */
const MAX_TERMS = 50_000_000;

/** Sums over the delayed states of M/M/n+M for x ≥ 0 (agents × patience / aht) and z ≥ 0 (λ × patience). */
export function delayedStateSums(x: number, z: number): DelayedStateSums {
  // Terms rise while z/(x+k) ≥ 1, so the largest is at m = ⌊z − x⌋ (or 0).
  const m = z > x ? Math.floor(z - x) : 0;
  const logScale = m > 0 ? logRisingRatio(x, z, m) : 0;
  let total = 0;
  let abandon = 0;
  let served = 0;
  let servedWait = 0;
  const add = (r: number, k: number, h: number): void => {
    const rest = x + k + 1;
    const s = (r * x) / rest;
    total += r;
    abandon += (r * (k + 1)) / rest;
    served += s;
    servedWait += s * h;
  };
  const hAtMode = shiftedHarmonic(x, m + 1);
  add(1, m, hAtMode);
  let r = 1;
  let h = hAtMode;
  let steps = 0;
  for (let k = m + 1; ; k++) {
    r *= z / (x + k);
    h += 1 / (x + k + 1);
    add(r, k, h);
    const q = z / (x + k + 1); // < 1 past the mode: the tail is below r·q/(1 − q)
    if ((r * q) / (1 - q) <= TAIL * total || r === 0) break;
    if (++steps > MAX_TERMS) throw new Error("erlang a: series did not converge");
  }
  r = 1;
  h = hAtMode;
  for (let k = m - 1; k >= 0; k--) {
    h -= 1 / (x + k + 2);
    r *= (x + k + 1) / z;
    add(r, k, h);
    const q = (x + k) / z; // ratio of the next term down; shrinks as k falls
    if (q < 1 && (r * q) / (1 - q) <= TAIL * total) break;
    if (++steps > MAX_TERMS) throw new Error("erlang a: series did not converge");
  }
  return { mode: m, logScale, total, abandon, served, servedWait };
}
