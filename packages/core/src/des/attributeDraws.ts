import { stream, type Random } from "../random/streams.js";
import { CONTACT_REAL_FIELDS, ContactReal } from "./contactPool.js";

/**
 * Lane offset of the streams that retries and repeats draw their attributes from: queue q's returning
 * contacts use lane `RETURN_LANE_OFFSET + q`, first contacts lane q. A returning contact is a new contact with
 * its own handle time and patience, and drawing it from separate streams keeps the first contacts' draws
 * where they were: a scenario with a better FCR (fewer repeats) still sees the same first contacts.
 */
export const RETURN_LANE_OFFSET = 1 << 16;

/**
 * The common-random-number attribute streams of one queue (first contacts or returning contacts): every
 * contact draws exactly one uniform from each, in arrival order, whether or not it will use it, so two
 * scenarios on the same seed see the same customers (design.md, "Common random numbers").
 */
export class AttributeDraws {
  private readonly handle: Random;
  private readonly patience: Random;
  private readonly fcr: Random;
  private readonly retry: Random;
  private readonly retryDelay: Random;
  private readonly repeatDelay: Random;

  constructor(seed: number, replication: number, lane: number) {
    this.handle = stream(seed, replication, "handle", lane);
    this.patience = stream(seed, replication, "patience", lane);
    this.fcr = stream(seed, replication, "fcr", lane);
    this.retry = stream(seed, replication, "retry", lane);
    this.retryDelay = stream(seed, replication, "retryDelay", lane);
    this.repeatDelay = stream(seed, replication, "repeatDelay", lane);
  }

  /** Draws the next contact's uniforms into its row of a contact pool's `real` array. */
  drawInto(real: Float64Array, id: number): void {
    const row = id * CONTACT_REAL_FIELDS;
    real[row + ContactReal.uHandle] = this.handle();
    real[row + ContactReal.uPatience] = this.patience();
    real[row + ContactReal.uFcr] = this.fcr();
    real[row + ContactReal.uRetry] = this.retry();
    real[row + ContactReal.uRetryDelay] = this.retryDelay();
    real[row + ContactReal.uRepeatDelay] = this.repeatDelay();
  }

  /** Consumes one contact's uniforms without keeping them (a candidate arrival that thinning rejected). */
  skip(): void {
    this.handle();
    this.patience();
    this.fcr();
    this.retry();
    this.retryDelay();
    this.repeatDelay();
  }
}
