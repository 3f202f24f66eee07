import type { StreamPurpose } from "../random/streams.js";
import { CONTACT_REAL_FIELDS, ContactReal } from "./contactPool.js";
import { Xor4096Fill } from "./xor4096Fill.js";

/**
 * Lane offset of the streams that retries and repeats draw their attributes from: queue q's returning
 * contacts use lane `RETURN_LANE_OFFSET + q`, first contacts lane q. A returning contact is a new contact with
 * its own handle time and patience, and drawing it from separate streams keeps the first contacts' draws
 * where they were: a scenario with a better FCR (fewer repeats) still sees the same first contacts.
 */
export const RETURN_LANE_OFFSET = 1 << 16;

/** The attribute purposes, in the order of their fields in a contact's row (ContactReal.uHandle onwards). */
const PURPOSES = [
  "handle",
  "patience",
  "fcr",
  "retry",
  "retryDelay",
  "repeatDelay",
  "satisfaction",
  "survey",
  "resolution",
] as const satisfies readonly StreamPurpose[];
const ATTRIBUTES = PURPOSES.length;
const BLOCK = 128;
/** Where a contact's "priority" uniform goes, relative to its first attribute (see ContactReal.uPriority). */
const PRIORITY_OFFSET = ContactReal.uPriority - ContactReal.uHandle;

/**
 * The common-random-number attribute streams of one queue (first contacts or returning contacts): every
 * contact draws exactly one uniform from each, in arrival order, whether or not it will use it, so two
 * scenarios on the same seed see the same customers (design.md, "Common random numbers").
 */
export class AttributeDraws {
  /** Uniforms of the next `BLOCK` contacts, contact-major, in the order of PURPOSES (then "priority" when drawn). */
  private readonly block: Float64Array;
  private cursor: number;
  /** One generator per purpose (in the order of the row's fields); null for a purpose the plan never reads. */
  private readonly streams: (Xor4096Fill | null)[];
  /** Uniforms per contact: the PURPOSES, plus one from the "priority" stream in a queue with a priority class. */
  private readonly stride: number;
  private readonly withPriority: boolean;

  /** `withPriority`: also draw each contact's "priority" uniform (a queue with a priority class); the other purposes
   * draw the same values either way. `unused`: purposes whose uniforms the plan never reads (`unusedPurposes`): their
   * streams are neither opened nor drawn, and their fields in a contact's row hold stale values. Every other purpose
   * draws exactly the values it would draw with all of them, so pairing across scenarios is unchanged. */
  constructor(seed: number, replication: number, lane: number, withPriority = false, unused: readonly StreamPurpose[] = []) {
    const purposes: StreamPurpose[] = withPriority ? [...PURPOSES, "priority"] : [...PURPOSES];
    // Pushed into a literal rather than made by `purposes.map`: an optimised caller that inlines the map makes a
    // HOLEY_ELEMENTS array where the builtin makes a PACKED_ELEMENTS one, so `refill` would meet a second map for the
    // same field once `run` is optimised (a "wrong map" deoptimisation in a fresh worker). A literal's array keeps one.
    const streams: (Xor4096Fill | null)[] = [];
    for (const purpose of purposes) streams.push(unused.includes(purpose) ? null : new Xor4096Fill(seed, replication, purpose, lane));
    this.streams = streams;
    this.withPriority = withPriority;
    this.stride = purposes.length;
    this.block = new Float64Array(BLOCK * this.stride);
    this.cursor = this.block.length;
  }

  /** Moves every stream to the start of replication `replication` (`Xor4096Fill.restart`) and empties the block: the
   * uniforms of a new `AttributeDraws(seed, replication, lane, …)`, from an object the engine keeps (see there: why). */
  restart(replication: number): void {
    const streams = this.streams;
    for (let s = 0; s < streams.length; s++) streams[s]?.restart(replication);
    this.cursor = this.block.length;
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
    real[row + 6] = block[from + 6]!;
    real[row + 7] = block[from + 7]!;
    real[row + 8] = block[from + 8]!;
    if (this.withPriority) real[row + PRIORITY_OFFSET] = block[from + ATTRIBUTES]!;
    this.cursor = from + this.stride;
  }

  /** Consumes `count` contacts' uniforms without keeping them (candidate arrivals that thinning rejected): those left
   * in the block, then the streams move past the rest without making them (cheaper than making and dropping them). */
  skip(count = 1): void {
    const stride = this.stride;
    const left = (this.block.length - this.cursor) / stride;
    if (count <= left) {
      this.cursor += count * stride;
      return;
    }
    this.cursor = this.block.length;
    const streams = this.streams;
    for (let s = 0; s < streams.length; s++) streams[s]?.skip(count - left);
  }

  // The streams are read BLOCK at a time, each in a tight loop (xor4096Fill.ts): the values of `stream(seed,
  // replication, purpose, lane)`, in their order.
  private refill(): void {
    const stride = this.stride;
    for (let s = 0; s < stride; s++) this.streams[s]?.fill(this.block, s, stride, BLOCK);
    this.cursor = 0;
  }
}

/**
 * The attribute purposes a queue's contacts never read, so that no uniform is drawn for them: patience without a
 * patience distribution (nobody abandons), fcr and repeatDelay at FCR 1 (a uniform on [0, 1) is always below 1: every
 * answer resolves), retry and retryDelay with no retries, resolution without a resolution time. Whether a scenario
 * uses them or not, the streams that are drawn give the same values, so a variant that starts using one (FCR below 1)
 * meets the same customers with the same handle times and patience.
 */
export function unusedPurposes(queue: {
  patience: unknown;
  priority?: { patience?: unknown };
  fcr: number;
  retryProbability: number;
  resolutionTime?: unknown;
}): StreamPurpose[] {
  const unused: StreamPurpose[] = [];
  if (!queue.patience && !queue.priority?.patience) unused.push("patience");
  if (!(queue.fcr < 1)) unused.push("fcr", "repeatDelay");
  if (!(queue.retryProbability > 0)) unused.push("retry", "retryDelay");
  if (!queue.resolutionTime) unused.push("resolution");
  return unused;
}
