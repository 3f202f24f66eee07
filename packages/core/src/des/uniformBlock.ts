import type { Random } from "../random/streams.js";
import { Xor4096Fill } from "./xor4096Fill.js";

/**
 * A stream read through a buffer: the uniforms are the stream's own, in its order, but drawn `size` at a time
 * in a tight loop, where the generator call inlines and costs a few nanoseconds, instead of one call per use
 * from a busy event handler. Reading ahead is harmless: each stream feeds one purpose only. Given an `Xor4096Fill`
 * (the engine's streams), the block is filled by it directly.
 */
export class UniformBlock {
  private readonly values: Float64Array;
  private cursor: number;
  private readonly random: Random | Xor4096Fill;

  constructor(random: Random | Xor4096Fill, size = 256) {
    this.random = random;
    this.values = new Float64Array(size);
    this.cursor = size;
  }

  /** Empties the block, for a stream that was moved back to its start (`Xor4096Fill.restart`): the next value is the
   * stream's next, as from a new block. */
  restart(): void {
    this.cursor = this.values.length;
  }

  next(): number {
    if (this.cursor === this.values.length) this.refill();
    return this.values[this.cursor++]!;
  }

  /** Moves past the next `count` uniforms (as `count` calls of `next`): those left in the block, then the stream's own
   * without making them when it is an `Xor4096Fill`. */
  skip(count: number): void {
    const left = this.values.length - this.cursor;
    if (count <= left) {
      this.cursor += count;
      return;
    }
    this.cursor = this.values.length;
    const random = this.random;
    if (random instanceof Xor4096Fill) random.skip(count - left);
    else for (let k = left; k < count; k++) random();
  }

  private refill(): void {
    const values = this.values;
    const random = this.random;
    if (random instanceof Xor4096Fill) random.fill(values, 0, 1, values.length);
    else for (let i = 0; i < values.length; i++) values[i] = random();
    this.cursor = 0;
  }
}
