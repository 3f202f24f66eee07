/**
 * Quantiles (R-7, as d3's `quantileSorted` of the sorted values) of Float32 values, by radix selection on their
 * bits instead of comparisons: a summary's interval cells are Float32 past the quantile store's exact phase, thousands of
 * replications each, and their quantiles were most of the work at the end of every long run.
 *
 * A float's bits, read as an unsigned integer with the sign bit flipped (all bits flipped for a negative float), order
 * as the floats do. One pass reads the keys and their range, one counts them in 2,048 buckets of that range, and the
 * order statistics R-7 needs (the one at ⌊(n − 1)p⌋ and the next, for each p) lie in the few buckets found from the
 * counts: one more pass gathers just those buckets' keys, and each such group is sorted when small, answered at once when
 * its keys are all equal, or split again the same way. Integer passes instead of Floyd–Rivest's comparisons and swaps,
 * and the same order statistics, so the same quantiles as `selectQuantiles` (which may pick −0 for +0, equal numbers).
 */

const BUCKET_BITS = 11;
const BUCKETS = 1 << BUCKET_BITS;
/** A group of at most this many keys is sorted rather than split again. */
const SORT_AT_MOST = 64;

/** The key of a float's bits: unsigned, ordered as the floats (NaN excluded before). */
function keyOf(bits: number): number {
  return (bits & 0x80000000 ? ~bits : bits | 0x80000000) >>> 0;
}

const keyBits = new Uint32Array(1);
const keyFloat = new Float32Array(keyBits.buffer);
/** The float whose key this is. */
function floatOf(key: number): number {
  keyBits[0] = key & 0x80000000 ? key ^ 0x80000000 : ~key;
  return keyFloat[0]!;
}

/** The cell's keys; grows to the largest cell seen. */
let keys = new Uint32Array(1024);
/** The order statistics wanted (ranks from 0, increasing) and found (keys): two a probability; grow with them. */
let wanted = new Float64Array(6);
let found = new Float64Array(6);

/**
 * The quantiles at `ps` (increasing, in [0, 1]) of the Float32 values whose bits are `bits[start … start + length − 1]`
 * (a Uint32Array over the same memory as the Float32Array), NaN skipped, into `out`; false when every value is NaN.
 */
export function float32Quantiles(bits: Uint32Array, start: number, length: number, ps: readonly number[], out: Float64Array): boolean {
  if (keys.length < length) keys = new Uint32Array(length);
  if (wanted.length < 2 * ps.length) {
    wanted = new Float64Array(2 * ps.length);
    found = new Float64Array(2 * ps.length);
  }
  let n = 0;
  let min = 0xffffffff;
  let max = 0;
  for (let i = start, end = start + length; i < end; i++) {
    const b = bits[i]!;
    // NaN: every exponent bit set and a mantissa.
    if ((b & 0x7fffffff) > 0x7f800000) continue;
    const k = keyOf(b);
    keys[n++] = k;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (n === 0) return false;
  // the order statistic at ⌊(n − 1)p⌋ and the next, interpolated (one value: that value).
  let ranks = 0;
  for (let q = 0; q < ps.length; q++) {
    const low = Math.floor((n - 1) * ps[q]!);
    wanted[ranks++] = low;
    if (n > 1) wanted[ranks++] = low + 1;
  }
  select(keys, 0, n, min, max, wanted.subarray(0, ranks), found, 0, true);
  for (let q = 0, r = 0; q < ps.length; q++) {
    const h = (n - 1) * ps[q]!;
    const value0 = floatOf(found[r++]!);
    if (n < 2) {
      out[q] = value0;
      continue;
    }
    const next = floatOf(found[r++]!);
    out[q] = value0 + (next - value0) * (h - Math.floor(h));
  }
  return true;
}

/** Bucket counts, and which group each bucket's keys go to (−1: none), reused at the top level of every cell. */
const topCounts = new Int32Array(BUCKETS);
const topGroupOf = new Int32Array(BUCKETS).fill(-1);

/**
 * Finds the order statistics `ranks` (increasing, within source[from … from + size − 1], whose least and greatest keys
 * are `min` and `max`) and writes their keys to into[at], into[at + 1], …, one for each rank.
 */
function select(source: Uint32Array, from: number, size: number, min: number, max: number, ranks: Float64Array, into: Float64Array, at: number, top: boolean): void {
  if (min === max) {
    into.fill(min, at, at + ranks.length);
    return;
  }
  if (size <= SORT_AT_MOST) {
    const sorted = source.slice(from, from + size).sort();
    for (let r = 0; r < ranks.length; r++) into[at + r] = sorted[ranks[r]!]!;
    return;
  }
  const shift = Math.max(0, 32 - Math.clz32(max - min) - BUCKET_BITS);
  const counts = top ? topCounts.fill(0) : new Int32Array(BUCKETS);
  for (let i = from, end = from + size; i < end; i++) counts[(source[i]! - min) >>> shift]!++;
  // Each wanted rank's bucket, in one walk (the ranks increase): a group per bucket, with the ranks it holds.
  const groupOf = top ? topGroupOf : new Int32Array(BUCKETS).fill(-1);
  const groups: { bucket: number; before: number; first: number; last: number; keys: Uint32Array; size: number; min: number; max: number }[] = [];
  let bucket = 0;
  let before = 0;
  for (let r = 0; r < ranks.length; ) {
    while (before + counts[bucket]! <= ranks[r]!) before += counts[bucket++]!;
    let last = r;
    while (last + 1 < ranks.length && ranks[last + 1]! < before + counts[bucket]!) last++;
    groupOf[bucket] = groups.length;
    groups.push({ bucket, before, first: r, last, keys: new Uint32Array(counts[bucket]!), size: 0, min: 0xffffffff, max: 0 });
    r = last + 1;
  }
  // One pass gathers every group's keys, and each group's range.
  for (let i = from, end = from + size; i < end; i++) {
    const k = source[i]!;
    const g = groupOf[(k - min) >>> shift]!;
    if (g < 0) continue;
    const group = groups[g]!;
    group.keys[group.size++] = k;
    if (k < group.min) group.min = k;
    if (k > group.max) group.max = k;
  }
  for (const group of groups) {
    groupOf[group.bucket] = -1;
    const within = new Float64Array(group.last - group.first + 1);
    for (let j = group.first; j <= group.last; j++) within[j - group.first] = ranks[j]! - group.before;
    select(group.keys, 0, group.size, group.min, group.max, within, into, at + group.first, false);
  }
}
