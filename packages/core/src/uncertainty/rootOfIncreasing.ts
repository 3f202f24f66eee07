/**
 * The λ ≥ 0 at which the increasing `fn` crosses 0 (0 when it is ≥ 0 at 0): bracketed by doubling from `start`, then
 * bisected until the bracket is within `relativeTolerance` of its upper end. Infinity when no λ up to 1e12 reaches it.
 * The noncentrality at which a noncentral F's (truncated) tail reaches a level: the selection-corrected variance share
 * and its interval (both tails grow with λ: the family's monotone likelihood ratio).
 */
export function rootOfIncreasing(fn: (lambda: number) => number, start: number, relativeTolerance: number): number {
  if (fn(0) >= 0) return 0;
  let low = 0;
  let high = start;
  while (fn(high) < 0) {
    if (high > 1e12) return Infinity;
    low = high;
    high *= 2;
  }
  while (high - low > relativeTolerance * high) {
    const middle = (low + high) / 2;
    if (fn(middle) < 0) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
