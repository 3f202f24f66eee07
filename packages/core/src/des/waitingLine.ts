/**
 * The FCFS line of one queue: a ring buffer of contact ids. An abandoning contact leaves a tombstone (−1) at
 * its position, skipped when it reaches the head, so removal from the middle is O(1). `count` is the number
 * of contacts really waiting; the line also integrates it over time for the mean queue length.
 * Positions are absolute (they only grow, and restart at 0 whenever the line empties), so a contact's
 * position stays valid when the ring doubles.
 */
export class WaitingLine {
  /** Contacts waiting (tombstones excluded). */
  count = 0;
  /** ∫ count dt since the last `takeArea`, contact-seconds. */
  areaSec = 0;
  private lastChangeSec = 0;
  private ids: Int32Array;
  private mask: number;
  private head = 0;
  private tail = 0;

  constructor(initialCapacity = 64) {
    let capacity = 4;
    while (capacity < initialCapacity) capacity *= 2;
    this.ids = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  reset(): void {
    this.count = 0;
    this.areaSec = 0;
    this.lastChangeSec = 0;
    this.head = 0;
    this.tail = 0;
  }

  /** Appends a contact at time `nowSec` and returns its position (for `remove`). */
  push(id: number, nowSec: number): number {
    this.areaSec += this.count * (nowSec - this.lastChangeSec);
    this.lastChangeSec = nowSec;
    if (this.tail - this.head > this.mask) this.grow();
    const position = this.tail++;
    this.ids[position & this.mask] = id;
    this.count++;
    return position;
  }

  /** Removes and returns the contact at the head (call only when `count > 0`). */
  shift(nowSec: number): number {
    this.areaSec += this.count * (nowSec - this.lastChangeSec);
    this.lastChangeSec = nowSec;
    const ids = this.ids;
    const mask = this.mask;
    let id = ids[this.head++ & mask]!;
    while (id < 0) id = ids[this.head++ & mask]!;
    if (--this.count === 0) this.head = this.tail = 0;
    return id;
  }

  /** The contact at the head, without removing it (call only when `count > 0`); drops tombstones before it. */
  peek(): number {
    const ids = this.ids;
    const mask = this.mask;
    let id = ids[this.head & mask]!;
    while (id < 0) id = ids[++this.head & mask]!;
    return id;
  }

  /** Removes the contact at `position` (an abandonment), leaving a tombstone. */
  remove(position: number, nowSec: number): void {
    this.areaSec += this.count * (nowSec - this.lastChangeSec);
    this.lastChangeSec = nowSec;
    this.ids[position & this.mask] = -1;
    if (--this.count === 0) this.head = this.tail = 0;
  }

  /** Returns ∫ count dt since the last call (or reset), up to `nowSec`, and restarts the integral there. */
  takeArea(nowSec: number): number {
    const area = this.areaSec + this.count * (nowSec - this.lastChangeSec);
    this.areaSec = 0;
    this.lastChangeSec = nowSec;
    return area;
  }

  /** Calls `visit` with each contact still waiting, head first (for end-of-run accounting; may allocate). */
  forEach(visit: (id: number) => void): void {
    for (let position = this.head; position < this.tail; position++) {
      const id = this.ids[position & this.mask]!;
      if (id >= 0) visit(id);
    }
  }

  private grow(): void {
    const oldIds = this.ids;
    const oldMask = this.mask;
    const ids = new Int32Array(oldIds.length * 2);
    const mask = ids.length - 1;
    for (let position = this.head; position < this.tail; position++) ids[position & mask] = oldIds[position & oldMask]!;
    this.ids = ids;
    this.mask = mask;
  }
}
