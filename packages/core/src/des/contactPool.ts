/**
 * Contacts in the system as structure-of-arrays records with a free list: no object per contact, nothing
 * allocated per event. A contact's doubles sit in one 128-byte row of `real` and its integers in one row of
 * `int`, so the engine touches a few cache lines per contact. The arrays double when full; read
 * `pool.real` / `pool.int` again after `allocate()`.
 */

/** Fields of a contact's row in `ContactPool.real` (seconds, uniforms on [0, 1), or a probability). */
export const ContactReal = {
  /** When the contact (or this retry or repeat of it) arrived. */
  arrivalSec: 0,
  /** When it abandons if still waiting; Infinity when it never does. Also tells a live abandonment event
   * from a stale one: an event whose time differs belongs to an earlier life of the slot. */
  deadlineSec: 1,
  // The contact's common-random-number uniforms, drawn at arrival whether used or not (see attributeDraws.ts).
  uHandle: 2,
  uPatience: 3,
  uFcr: 4,
  uRetry: 5,
  uRetryDelay: 6,
  uRepeatDelay: 7,
  uSatisfaction: 8,
  uSurvey: 9,
  uResolution: 10,
  /** When the customer first contacted about this problem (kept through retries and repeats). */
  problemStartSec: 11,
  /** Probability that this contact left the customer satisfied (set when it is answered or abandons). */
  satisfaction: 12,
  /** Uniform deciding a first contact's priority class (drawn only in queues with a priority class). */
  uPriority: 13,
  /** 1 for a contact of its queue's priority class, else 0 (set at arrival in plans with a priority class; a retry
   * or repeat keeps it). */
  priorityClass: 14,
} as const;
/** Doubles per contact: 15 used, padded to two 64-byte cache lines. */
export const CONTACT_REAL_FIELDS = 16;

/** Fields of a contact's row in `ContactPool.int`. */
export const ContactInt = {
  queue: 0,
  /** Offset of the contact's counters in `queueCounters` (interval of arrival × queue), or −1 in the warm-up. */
  counterBase: 1,
  /** Interval the contact arrived in (for per-interval handle and patience scales). */
  interval: 2,
  /** One of `ContactState`. */
  state: 3,
  /** Group of the agent serving it. */
  group: 4,
  /** Position in its queue's waiting line while it waits. */
  linePosition: 5,
  /** Whether the answer resolved the problem (1) or a repeat contact follows (0). */
  resolved: 6,
  /** One of `ContactKind`: what this contact is (set at arrival; kept while a retry or repeat is pending). */
  kind: 7,
} as const;
export const CONTACT_INT_FIELDS = 8;

export const ContactState = { free: 0, waiting: 1, inService: 2, pendingReturn: 3 } as const;
export const ContactKind = { first: 0, retry: 1, repeat: 2 } as const;

export class ContactPool {
  real: Float64Array;
  int: Int32Array;
  private free: Int32Array;
  private freeCount = 0;
  /** Slots handed out since the last reset (the high-water mark; free slots below it are on the free list). */
  private used = 0;

  constructor(initialCapacity = 256) {
    const capacity = Math.max(4, initialCapacity | 0);
    this.real = new Float64Array(capacity * CONTACT_REAL_FIELDS);
    this.int = new Int32Array(capacity * CONTACT_INT_FIELDS);
    this.free = new Int32Array(capacity);
  }

  /** Forgets every contact, keeping the buffers. */
  reset(): void {
    this.freeCount = 0;
    this.used = 0;
  }

  /** A free contact id; its fields hold stale values until written. */
  allocate(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount]!;
    if (this.used * CONTACT_INT_FIELDS === this.int.length) this.grow();
    return this.used++;
  }

  release(id: number): void {
    this.int[id * CONTACT_INT_FIELDS + ContactInt.state] = ContactState.free;
    this.free[this.freeCount++] = id;
  }

  /** Ids handed out since the last reset, live or free: callers scan `[0, highWater)` and check `state`. */
  get highWater(): number {
    return this.used;
  }

  private grow(): void {
    const capacity = this.free.length * 2;
    const real = new Float64Array(capacity * CONTACT_REAL_FIELDS);
    const int = new Int32Array(capacity * CONTACT_INT_FIELDS);
    const free = new Int32Array(capacity);
    real.set(this.real);
    int.set(this.int);
    free.set(this.free);
    this.real = real;
    this.int = int;
    this.free = free;
  }
}
