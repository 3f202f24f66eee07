/**
 * R-7 quantiles (what d3's `quantileSorted` gives on the sorted values) of values[0 … n − 1] at increasing
 * probabilities `ps`, written to `out`, by selection instead of a sort: O(n) per quantile rather than O(n log n) for
 * the lot, which matters when a summary takes P10/P50/P90 of every interval × KPI cell over thousands of replications.
 * Reorders values[0 … n − 1]. The values must not be NaN (skip them before). Equal values are all alike to it, so
 * with both −0 and +0 among the values it may pick the other zero than a sort would (the same number).
 */
export function selectQuantiles(values: Float64Array, n: number, ps: readonly number[], out: Float64Array): void {
  let from = 0;
  for (let q = 0; q < ps.length; q++) {
    const p = ps[q]!;
    if (n < 2 || p <= 0) {
      selectInPlace(values, 0, from, n - 1);
      out[q] = values[0]!;
      continue;
    }
    if (p >= 1) {
      selectInPlace(values, n - 1, from, n - 1);
      out[q] = values[n - 1]!;
      continue;
    }
    const position = (n - 1) * p;
    const low = Math.floor(position);
    selectInPlace(values, low, from, n - 1);
    // Everything after `low` is at least values[low]: the next order statistic is the least of them.
    let next = values[low + 1]!;
    for (let i = low + 2; i < n; i++) if (values[i]! < next) next = values[i]!;
    const value0 = values[low]!;
    out[q] = value0 + (next - value0) * (position - low);
    from = low;
  }
}

/** Moves the k-th smallest of values[lo … hi] to index k, smaller ones before it and larger ones after (Hoare's
 * selection with a median-of-three pivot; a partition stops on equal values, so runs of ties stay linear). */
function selectInPlace(values: Float64Array, k: number, lo: number, hi: number): void {
  let rounds = 0;
  while (hi > lo) {
    if (++rounds > 64) {
      // Pathological pivots: finish with a sort of what is left (never seen on KPI values).
      values.subarray(lo, hi + 1).sort();
      return;
    }
    const mid = (lo + hi) >> 1;
    if (values[mid]! < values[lo]!) swap(values, mid, lo);
    if (values[hi]! < values[lo]!) swap(values, hi, lo);
    if (values[hi]! < values[mid]!) swap(values, hi, mid);
    const pivot = values[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    // values[lo … j] ≤ pivot ≤ values[i … hi]; between them, values equal to the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a]!;
  values[a] = values[b]!;
  values[b] = t;
}
