const TWO_POW_21 = 2 ** 21;
const TWO_POW_32 = 2 ** 32;
const TWO_POW_MINUS_53 = 2 ** -53;

/**
 * A uniform on [0, 1) that is a pure function of five integers: no state, no sequence.
 * The engine uses it where a draw must belong to a *slot* rather than to a position in a stream: whether
 * scheduled agent `b` of group `lane` is absent (shrinkage) in interval `a` of replication `replication`.
 * Two scenarios with different staffing then see the same absences for the agents they share, which keeps
 * their comparison paired (common random numbers) without a sequential stream.
 *
 * `seed` is taken as a 64-bit two's-complement integer (exact for every safe integer); `replication`, `lane`,
 * `a` and `b` as 32-bit integers (ToInt32: a fraction is truncated, larger values wrap). The result has 53
 * random bits: the top 32 are MurmurHash3_x86_32 (Austin Appleby, https://github.com/aappleby/smhasher,
 * public domain) with seed 0x9e3779b9 of the 24 bytes `seed` (int64) `replication` `lane` `a` `b` (int32),
 * little-endian; the low 21 are the top bits of the same hash with seed 0x7f4a7c15.
 * Outputs are multiples of 2⁻⁵³, from 0 up to 1 − 2⁻⁵³. About 35 ns a call.
 */
export function counterUniform(seed: number, replication: number, lane: number, a: number, b: number): number {
  const seedLow = seed | 0;
  // Most seeds fit in 32 bits, where the high word is just the sign; skip the division for them.
  const seedHigh = seedLow === seed ? seedLow >> 31 : Math.floor(seed / TWO_POW_32) | 0;
  const h1 = mixWord(mixWord(mixWord(mixWord(mixWord(mixWord(0x9e3779b9, seedLow), seedHigh), replication), lane), a), b);
  const h2 = mixWord(mixWord(mixWord(mixWord(mixWord(mixWord(0x7f4a7c15, seedLow), seedHigh), replication), lane), a), b);
  return (finalize(h1) * TWO_POW_21 + (finalize(h2) >>> 11)) * TWO_POW_MINUS_53;
}

/**
 * `counterUniform(seed, replication, lane, a, b)` for b = 0 … count − 1, written to out[0 … count − 1]: the same
 * values, with the words they share hashed once (what a group's absences in one interval need, slot after slot).
 */
export function counterUniformsAlongB(seed: number, replication: number, lane: number, a: number, out: Float64Array, count: number): void {
  const seedLow = seed | 0;
  const seedHigh = seedLow === seed ? seedLow >> 31 : Math.floor(seed / TWO_POW_32) | 0;
  const prefix1 = mixWord(mixWord(mixWord(mixWord(mixWord(0x9e3779b9, seedLow), seedHigh), replication), lane), a);
  const prefix2 = mixWord(mixWord(mixWord(mixWord(mixWord(0x7f4a7c15, seedLow), seedHigh), replication), lane), a);
  for (let b = 0; b < count; b++) {
    out[b] = (finalize(mixWord(prefix1, b)) * TWO_POW_21 + (finalize(mixWord(prefix2, b)) >>> 11)) * TWO_POW_MINUS_53;
  }
}

/** MurmurHash3 x86_32 body: mixes one 32-bit word into the running hash. */
function mixWord(h: number, word: number): number {
  let k = Math.imul(word | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's fmix32, after xoring in the length (six words, 24 bytes); result unsigned. */
function finalize(h: number): number {
  h ^= 24;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
