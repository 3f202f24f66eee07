import type { Random } from "../random/streams.js";

/**
 * A stream read through a buffer: the uniforms are the stream's own, in its order, but drawn `size` at a time
 * in a tight loop, where the generator call inlines and costs a few nanoseconds, instead of one call per use
 * from a busy event handler. Reading ahead is harmless: each stream feeds one purpose only.
 */
export class UniformBlock {
  private readonly values: Float64Array;
  private cursor: number;
  private readonly random: Random;

  constructor(random: Random, size = 256) {
    this.random = random;
    this.values = new Float64Array(size);
    this.cursor = size;
  }

  next(): number {
    if (this.cursor === this.values.length) this.refill();
    return this.values[this.cursor++]!;
  }

  private refill(): void {
    const values = this.values;
    const random = this.random;
    for (let i = 0; i < values.length; i++) values[i] = random();
    this.cursor = 0;
  }
}
