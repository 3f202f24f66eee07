/**
 * R-7 quantiles (what d3's `quantileSorted` gives on the sorted values) of values[0 … n − 1] at increasing
 * probabilities `ps`, written to `out`, by selection instead of a sort: O(n) per quantile rather than O(n log n) for
 * the lot, which matters when a summary takes P10/P50/P90 of every interval × KPI cell over thousands of replications
 * (it is most of the serial work at the end of every run).
 *
 * The middle quantile is selected first, over all the values, then the lower ones among the values left of it and the
 * upper ones right of it, so each later selection searches a part (for P10/P50/P90: n, then n/2 twice, instead of n,
 * 0.9n and 0.5n). Each selection is Floyd & Rivest's (Comm. ACM 18(3), 1975, algorithm 489: a pivot close to the k-th
 * value, found by selecting in a sample, so about n + min(k, n − k) comparisons). The order statistic after a
 * quantile's, which R-7 interpolates towards, is the least value between it and the next selected position.
 *
 * Reorders values[0 … n − 1]. The values must not be NaN (skip them before). Equal values are all alike to it, so
 * with both −0 and +0 among the values it may pick the other zero than a sort would (the same number).
 */
export function selectQuantiles(values: Float64Array, n: number, ps: readonly number[], out: Float64Array): void {
  const count = ps.length;
  if (positions.length < count) positions = new Int32Array(count * 2);
  for (let q = 0; q < count; q++) {
    const p = ps[q]!;
    positions[q] = n < 2 || p <= 0 ? 0 : p >= 1 ? n - 1 : Math.floor((n - 1) * p);
  }
  selectPositions(values, 0, count - 1, 0, n - 1);
  for (let q = 0; q < count; q++) {
    const p = ps[q]!;
    const low = positions[q]!;
    const value0 = values[low]!;
    if (n < 2 || p <= 0 || p >= 1) {
      out[q] = value0;
      continue;
    }
    // Everything after `low` is at least values[low], and everything up to the next selected position above it is at
    // most that position's value: the next order statistic is the least of values[low + 1 … that position].
    let bound = n - 1;
    for (let r = q + 1; r < count; r++) {
      if (positions[r]! > low) {
        bound = positions[r]!;
        break;
      }
    }
    let next = values[low + 1]!;
    for (let i = low + 2; i <= bound; i++) if (values[i]! < next) next = values[i]!;
    out[q] = value0 + (next - value0) * ((n - 1) * p - low);
  }
}

/** Positions of the order statistics `selectQuantiles` needs (a module scratch: it runs once per cell of a summary). */
let positions = new Int32Array(8);

/** Selects positions[qFrom … qTo] (increasing) within values[lo … hi]: the middle one first, then each side's within
 * its side. */
function selectPositions(values: Float64Array, qFrom: number, qTo: number, lo: number, hi: number): void {
  if (qFrom > qTo || hi <= lo) return;
  const mid = (qFrom + qTo) >> 1;
  const k = positions[mid]!;
  floydRivestSelect(values, k, lo, hi);
  let left = mid - 1;
  while (left >= qFrom && positions[left]! === k) left--;
  let right = mid + 1;
  while (right <= qTo && positions[right]! === k) right++;
  selectPositions(values, qFrom, left, lo, k - 1);
  selectPositions(values, right, qTo, k + 1, hi);
}

/**
 * Moves the k-th smallest of values[lo … hi] to index k, smaller ones before it and larger ones after. Each round
 * splits the range in two passes without a branch on the data (Lomuto's partition, swapping every value and
 * advancing by the comparison's 0 or 1): the values below the pivot first, then, if k is beyond them, the values
 * equal to it. A partition that branched on each comparison mispredicted about half of them on values in random
 * order, and took twice as long (the quantiles of a comparison's ~50,000 interval cells of 100 values: ~95 ms against
 * ~50 ms). Runs of ties end in one round: they are the pivot's equals.
 */
function floydRivestSelect(values: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    let pivot: number;
    if (hi - lo > 600) {
      // Narrow [lo, hi] to a sample's range expected to hold the k-th value, and select in it first: values[k] is
      // then a pivot near the answer.
      const size = hi - lo + 1;
      const rank = k - lo + 1;
      const z = Math.log(size);
      const sample = 0.5 * Math.exp((2 * z) / 3);
      const spread = 0.5 * Math.sqrt((z * sample * (size - sample)) / size) * (rank - size / 2 < 0 ? -1 : 1);
      const from = Math.max(lo, Math.floor(k - (rank * sample) / size + spread));
      const to = Math.min(hi, Math.floor(k + ((size - rank) * sample) / size + spread));
      floydRivestSelect(values, k, from, to);
      pivot = values[k]!;
    } else pivot = medianOfThree(values[lo]!, values[(lo + hi) >>> 1]!, values[hi]!);
    // The pivot is one of the values in [lo, hi], so each round leaves out at least it.
    const below = partitionBelow(values, lo, hi, pivot);
    if (k < below) {
      hi = below - 1;
      continue;
    }
    const atMost = partitionAtMost(values, below, hi, pivot);
    if (k < atMost) return;
    lo = atMost;
  }
}

/** Moves the values of [lo, hi] below `pivot` to its start; returns the index after them. */
function partitionBelow(values: Float64Array, lo: number, hi: number, pivot: number): number {
  let store = lo;
  for (let i = lo; i <= hi; i++) {
    const value = values[i]!;
    values[i] = values[store]!;
    values[store] = value;
    store += +(value < pivot);
  }
  return store;
}

/** Moves the values of [lo, hi] at most `pivot` to its start; returns the index after them. */
function partitionAtMost(values: Float64Array, lo: number, hi: number, pivot: number): number {
  let store = lo;
  for (let i = lo; i <= hi; i++) {
    const value = values[i]!;
    values[i] = values[store]!;
    values[store] = value;
    store += +(value <= pivot);
  }
  return store;
}

function medianOfThree(a: number, b: number, c: number): number {
  const low = b < a ? b : a;
  const high = b < a ? a : b;
  return c < high ? (c < low ? low : c) : high;
}
