import type { StreamPurpose } from "../random/streams.js";

/**
 * The generator of `stream(seed, replication, purpose, lane)` (random/streams.ts: seedrandom's xor4096 under the key
 * "seed/replication/purpose/lane"), with its state moved into an Int32Array so that a block of uniforms is made in
 * one tight loop: the same values in the same order (a test checks it), about three times faster than calling the
 * stream, since nothing goes through a closure or object fields per number. The seeding is seedrandom's string-seed
 * initialisation, transcribed onto the typed array (a replication opens nine of these per queue, so it matters).
 * The algorithm is Richard Brent's xorgens xor4096 as seedrandom/lib/xor4096.js implements it; each uniform is its
 * 32-bit output / 2³², as the stream's default call returns.
 */
export class Xor4096Fill {
  private readonly x = new Int32Array(128);
  // The Weyl counter: a 32-bit integer, half the time outside V8's small-integer range. Initialised as a double (−0 is
  // not a small integer), so the field has the representation it will need from the start, instead of changing it
  // (and its map) the first time a large value comes, under code already optimised for small ones.
  private w = -0;
  private i = 0;
  private readonly seed: number;
  private readonly purpose: StreamPurpose;
  private readonly lane: number;

  constructor(seed: number, replication: number, purpose: StreamPurpose, lane: number) {
    this.seed = seed;
    this.purpose = purpose;
    this.lane = lane;
    this.restart(replication);
  }

  /** Moves to the start of replication `replication`'s stream (same seed, purpose and lane): the values of
   * `stream(seed, replication, purpose, lane)` from its first. The engine keeps its generators from replication to
   * replication and restarts them, rather than making new ones: objects made once keep their maps, and the optimised
   * code that reads them stays valid (a fresh worker thread otherwise recompiled the engine as the new objects' maps
   * settled), with nothing allocated per replication. */
  restart(replication: number): void {
    // seedrandom's init(me, seed) for a string seed, line for line.
    const key = `${this.seed}/${replication}/${this.purpose}/${this.lane}\0`;
    const x = this.x;
    x.fill(0);
    const limit = Math.max(128, key.length);
    let v = 0;
    let w = 0;
    let i = 0;
    for (let j = -32; j < limit; ++j) {
      v ^= key.charCodeAt((j + 32) % key.length);
      if (j === 0) w = v;
      v ^= v << 10;
      v ^= v >>> 15;
      v ^= v << 4;
      v ^= v >>> 13;
      if (j >= 0) {
        w = (w + 0x61c88647) | 0;
        const t = (x[j & 127]! ^ (v + w)) | 0;
        x[j & 127] = t;
        i = t === 0 ? i + 1 : 0;
      }
    }
    if (i >= 128) x[key.length & 127] = -1;
    i = 127;
    for (let j = 4 * 128; j > 0; --j) {
      let a = x[(i + 34) & 127]!;
      i = (i + 1) & 127;
      let b = x[i]!;
      a ^= a << 13;
      b ^= b << 17;
      a ^= a >>> 15;
      b ^= b >>> 12;
      x[i] = a ^ b;
    }
    this.w = w;
    this.i = i;
  }

  /** Writes the next `count` uniforms to out[offset], out[offset + stride], … The state step is written out here, in
   * `skip` and in the seeding rather than shared: one function called from the three loops made a replication of the
   * standard day ~2% slower (11 alternating runs, 2026-12-07). */
  fill(out: Float64Array, offset: number, stride: number, count: number): void {
    const x = this.x;
    // `| 0`: the compiler then knows both are 32-bit integers and adds the Weyl constant as one, not as doubles
    // converted back each time (2% of a replication of the standard day's instructions).
    let w = this.w | 0;
    let i = this.i | 0;
    for (let k = 0, at = offset; k < count; k++, at += stride) {
      w = (w + 0x61c88647) | 0;
      let v = x[(i + 34) & 127]!;
      i = (i + 1) & 127;
      let t = x[i]!;
      v ^= v << 13;
      t ^= t << 17;
      v ^= v >>> 15;
      t ^= t >>> 12;
      v = x[i] = v ^ t;
      out[at] = ((v + (w ^ (w >>> 16))) >>> 0) / 0x100000000;
    }
    this.w = w;
    this.i = i;
  }

  /** Moves past the next `count` uniforms without making them: the state steps as in `fill`, the Weyl counter by
   * count × its constant at once, so the uniforms after them are the stream's own. */
  skip(count: number): void {
    const x = this.x;
    let i = this.i | 0;
    for (let k = 0; k < count; k++) {
      let v = x[(i + 34) & 127]!;
      i = (i + 1) & 127;
      let t = x[i]!;
      v ^= v << 13;
      t ^= t << 17;
      v ^= v >>> 15;
      t ^= t >>> 12;
      x[i] = v ^ t;
    }
    this.w = (this.w + Math.imul(count, 0x61c88647)) | 0;
    this.i = i;
  }
}
