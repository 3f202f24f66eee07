import seedrandom from "seedrandom";
import type { StreamPurpose } from "../random/streams.js";

/**
 * The generator of `stream(seed, replication, purpose, lane)` (random/streams.ts: seedrandom's xor4096 under the key
 * "seed/replication/purpose/lane"), with its state moved into an Int32Array so that a block of uniforms is made in
 * one tight loop: the same values in the same order (a test checks it), about three times faster than calling the
 * stream, since nothing goes through a closure or object fields per number. Seeding is seedrandom's own.
 * The algorithm is Richard Brent's xorgens xor4096 as seedrandom/lib/xor4096.js implements it; each uniform is its
 * 32-bit output / 2³², as the stream's default call returns.
 */
export class Xor4096Fill {
  private readonly x: Int32Array;
  private w: number;
  private i: number;

  constructor(seed: number, replication: number, purpose: StreamPurpose, lane: number) {
    const state = seedrandom.xor4096(`${seed}/${replication}/${purpose}/${lane}`, { state: true }).state();
    this.x = Int32Array.from(state.X);
    this.w = state.w;
    this.i = state.i;
  }

  /** Writes the next `count` uniforms to out[offset], out[offset + stride], … */
  fill(out: Float64Array, offset: number, stride: number, count: number): void {
    const x = this.x;
    let w = this.w;
    let i = this.i;
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
}
