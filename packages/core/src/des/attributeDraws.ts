import { stream, type Random, type StreamPurpose } from "../random/streams.js";
import { CONTACT_REAL_FIELDS, ContactReal } from "./contactPool.js";

/**
 * Lane offset of the streams that retries and repeats draw their attributes from: queue q's returning
 * contacts use lane `RETURN_LANE_OFFSET + q`, first contacts lane q. A returning contact is a new contact with
 * its own handle time and patience, and drawing it from separate streams keeps the first contacts' draws
 * where they were: a scenario with a better FCR (fewer repeats) still sees the same first contacts.
 */
export const RETURN_LANE_OFFSET = 1 << 16;

/** The attribute purposes, in the order of their fields in a contact's row (ContactReal.uHandle onwards). */
const PURPOSES = ["handle", "patience", "fcr", "retry", "retryDelay", "repeatDelay"] as const satisfies readonly StreamPurpose[];
const ATTRIBUTES = PURPOSES.length;
const BLOCK = 128;

/**
 * The common-random-number attribute streams of one queue (first contacts or returning contacts): every
 * contact draws exactly one uniform from each, in arrival order, whether or not it will use it, so two
 * scenarios on the same seed see the same customers (design.md, "Common random numbers").
 */
export class AttributeDraws {
  /** Uniforms of the next `BLOCK` contacts, contact-major: [handle, patience, fcr, retry, retryDelay, repeatDelay]. */
  private readonly block = new Float64Array(BLOCK * ATTRIBUTES);
  private cursor = BLOCK * ATTRIBUTES;
  private readonly streams: Random[];

  constructor(seed: number, replication: number, lane: number) {
    this.streams = PURPOSES.map((purpose) => stream(seed, replication, purpose, lane));
  }

  /** Draws the next contact's uniforms into its row of a contact pool's `real` array. */
  drawInto(real: Float64Array, id: number): void {
    if (this.cursor === this.block.length) this.refill();
    const block = this.block;
    const from = this.cursor;
    const row = id * CONTACT_REAL_FIELDS + ContactReal.uHandle;
    real[row] = block[from]!;
    real[row + 1] = block[from + 1]!;
    real[row + 2] = block[from + 2]!;
    real[row + 3] = block[from + 3]!;
    real[row + 4] = block[from + 4]!;
    real[row + 5] = block[from + 5]!;
    this.cursor = from + ATTRIBUTES;
  }

  /** Consumes one contact's uniforms without keeping them (a candidate arrival that thinning rejected). */
  skip(): void {
    if (this.cursor === this.block.length) this.refill();
    this.cursor += ATTRIBUTES;
  }

  // The streams are read BLOCK at a time, each in a tight loop (see uniformBlock.ts): same values, same order.
  private refill(): void {
    const block = this.block;
    for (let s = 0; s < ATTRIBUTES; s++) {
      const random = this.streams[s]!;
      for (let i = s; i < block.length; i += ATTRIBUTES) block[i] = random();
    }
    this.cursor = 0;
  }
}
