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

/** Moves the k-th smallest of values[lo … hi] to index k, smaller ones before it and larger ones after: Floyd and
 * Rivest's SELECT (CACM 18(3), 1975; as d3-array's quickselect): on a long range it first selects within a sample around
 * the expected position, so that the pivot lands within a few dozen ranks of k and one pass over the range leaves a
 * short one (about 1.2n comparisons where quickselect with a median of three makes about 3.4n). A partition stops on
 * equal values, so runs of ties stay linear. */
function selectInPlace(values: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    if (hi - lo > SAMPLE_ABOVE) {
      const n = hi - lo + 1;
      const i = k - lo + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      selectInPlace(values, k, Math.max(lo, Math.floor(k - (i * s) / n + sd)), Math.min(hi, Math.floor(k + ((n - i) * s) / n + sd)));
    }
    const pivot = values[k]!;
    let i = lo;
    let j = hi;
    swap(values, lo, k);
    if (values[hi]! > pivot) swap(values, hi, lo);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
    }
    if (values[lo] === pivot) swap(values, lo, j);
    else {
      j++;
      swap(values, j, hi);
    }
    // values[j] is the pivot, at its rank: smaller before, larger after.
    if (j <= k) lo = j + 1;
    if (k <= j) hi = j - 1;
  }
}

/** Ranges longer than this select a sample first (Floyd and Rivest's constant). */
const SAMPLE_ABOVE = 600;

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a]!;
  values[a] = values[b]!;
  values[b] = t;
}
