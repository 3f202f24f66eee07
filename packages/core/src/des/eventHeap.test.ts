import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventHeap } from "./eventHeap.js";

describe("EventHeap", () => {
  it("pops in time order, ties in insertion order, through growth", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { maxLength: 500 }), (times) => {
        const heap = new EventHeap(4);
        times.forEach((time, i) => heap.push(time, i));
        const expected = times.map((time, i) => ({ time, i })).sort((a, b) => a.time - b.time || a.i - b.i);
        for (const { time, i } of expected) {
          expect(heap.topTime()).toBe(time);
          expect(heap.pop()).toBe(i);
        }
        expect(heap.size).toBe(0);
        expect(heap.topTime()).toBe(Infinity);
      }),
    );
  });

  it("keeps insertion order for ties when pushes and pops interleave", () => {
    const heap = new EventHeap(4);
    const popped: number[] = [];
    for (let i = 0; i < 50; i++) {
      heap.push(i % 3, i);
      if (i % 4 === 3) popped.push(heap.pop());
    }
    while (heap.size > 0) popped.push(heap.pop());
    // Replay with a sorted list of (time, sequence) as the reference.
    const reference: { time: number; i: number }[] = [];
    const expected: number[] = [];
    for (let i = 0; i < 50; i++) {
      reference.push({ time: i % 3, i });
      reference.sort((a, b) => a.time - b.time || a.i - b.i);
      if (i % 4 === 3) expected.push(reference.shift()!.i);
    }
    expected.push(...reference.map((entry) => entry.i));
    expect(popped).toEqual(expected);
  });

  it("reads Infinity as the top time whenever it is empty: new, emptied by pops, cleared, and through growth", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant("pop" as const), fc.constant("clear" as const)), { maxLength: 300 }),
        (operations) => {
          const heap = new EventHeap(4);
          const reference: number[] = [];
          expect(heap.topTime()).toBe(Infinity);
          for (const operation of operations) {
            if (operation === "clear") {
              heap.clear();
              reference.length = 0;
            } else if (operation === "pop") {
              if (reference.length === 0) continue;
              heap.pop();
              reference.sort((a, b) => a - b).shift();
            } else {
              heap.push(operation, 0);
              reference.push(operation);
            }
            expect(heap.size).toBe(reference.length);
            expect(heap.topTime()).toBe(reference.length === 0 ? Infinity : Math.min(...reference));
          }
        },
      ),
    );
  });
});
