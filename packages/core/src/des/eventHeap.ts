/**
 * A binary min-heap of timed events over typed arrays: times in a `Float64Array`, payloads in an
 * `Int32Array`, and an insertion sequence number that breaks ties, so two events at the same instant pop
 * in the order they were pushed (the engine's results must not depend on the heap's internal layout).
 * Nothing is allocated per push or pop; the arrays double when full.
 *
 * An empty heap keeps Infinity in `times[0]`, so that `topTime` is one load. Written as `size > 0 ? times[0] :
 * Infinity`, its branch for an empty heap (taken once a replication, at its end) had not run when the event loop was
 * optimised, and its untyped load of the global made the loop keep each event's time boxed: a 16-byte heap number per
 * event, ~270 KB a replication of the standard day, ~1 GB and a few hundred scavenges in a run of 4,000 (2026-12-07,
 * `--trace-gc-nvp`: 272 KB → 17 KB a replication, with `NEVER` in `ArrivalSource.advance` too).
 */
export class EventHeap {
  /** Number of events in the heap. */
  size = 0;
  private times: Float64Array;
  private payloads: Int32Array;
  // A float rather than a 32-bit integer: a long overloaded replication could push more than 2^32 events.
  private seqs: Float64Array;
  private nextSeq = 0;

  constructor(initialCapacity = 64) {
    const capacity = Math.max(4, initialCapacity | 0);
    this.times = new Float64Array(capacity);
    this.payloads = new Int32Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.times[0] = Infinity;
  }

  /** Empties the heap, keeping its buffers (and resetting the tie-break sequence). */
  clear(): void {
    this.size = 0;
    this.nextSeq = 0;
    this.times[0] = Infinity;
  }

  /** Time of the earliest event, seconds; Infinity when the heap is empty. */
  topTime(): number {
    return this.times[0]!;
  }

  /** Payload of the earliest event (undefined behaviour when empty: check `size` or `topTime()` first). */
  topPayload(): number {
    return this.payloads[0]!;
  }

  /** Adds an event. `time` must not be NaN. */
  push(time: number, payload: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const payloads = this.payloads;
    const seqs = this.seqs;
    const seq = this.nextSeq++;
    let i = this.size++;
    // Sift up: a newcomer never passes an equal time, since its sequence number is the largest.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime <= time) break;
      times[i] = parentTime;
      payloads[i] = payloads[parent]!;
      seqs[i] = seqs[parent]!;
      i = parent;
    }
    times[i] = time;
    payloads[i] = payload;
    seqs[i] = seq;
  }

  /** Removes the earliest event and returns its payload (call only when `size > 0`). */
  pop(): number {
    const times = this.times;
    const payloads = this.payloads;
    const seqs = this.seqs;
    const top = payloads[0]!;
    const n = --this.size;
    const time = times[n]!;
    const payload = payloads[n]!;
    const seq = seqs[n]!;
    // The slot just vacated reads Infinity: at n = 0 it is the empty heap's top (`topTime`). Stored on every pop, not
    // only when the heap empties: a store that had never run when the engine was optimised (a replication's heap
    // empties once, at its end) has no type feedback, and the optimised event loop deoptimised there. Read on every
    // pop, the global `Infinity` has its feedback and compiles as the constant it is (arrivals.ts's NEVER: why a rare
    // branch needs a module constant instead).
    times[n] = Infinity;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let childTime = times[child]!;
      const right = child + 1;
      if (right < n) {
        const rightTime = times[right]!;
        if (rightTime < childTime || (rightTime === childTime && seqs[right]! < seqs[child]!)) {
          child = right;
          childTime = rightTime;
        }
      }
      if (childTime > time || (childTime === time && seqs[child]! > seq)) break;
      times[i] = childTime;
      payloads[i] = payloads[child]!;
      seqs[i] = seqs[child]!;
      i = child;
    }
    times[i] = time;
    payloads[i] = payload;
    seqs[i] = seq;
    return top;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const payloads = new Int32Array(capacity);
    const seqs = new Float64Array(capacity);
    times.set(this.times);
    payloads.set(this.payloads);
    seqs.set(this.seqs);
    this.times = times;
    this.payloads = payloads;
    this.seqs = seqs;
  }
}
