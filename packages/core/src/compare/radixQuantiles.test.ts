import { quantileSorted } from "d3-array";
import { expect, it } from "vitest";
import { stream } from "../random/streams.js";
import { float32Quantiles } from "./radixQuantiles.js";
import { selectQuantiles } from "./selectQuantiles.js";

/** The quantiles `selectQuantiles` gives of the same Float32 values (NaN skipped), or null. */
function bySelection(values: Float32Array): number[] | null {
  const kept = Float64Array.from(Array.from(values).filter((v) => !Number.isNaN(v)));
  if (kept.length === 0) return null;
  const out = new Float64Array(3);
  selectQuantiles(kept, kept.length, [0.1, 0.5, 0.9], out);
  return Array.from(out);
}

function byRadix(values: Float32Array, start = 0, length = values.length): number[] | null {
  const out = new Float64Array(3);
  return float32Quantiles(new Uint32Array(values.buffer, values.byteOffset, values.length), start, length, [0.1, 0.5, 0.9], out) ? Array.from(out) : null;
}

it("float32Quantiles gives selectQuantiles' quantiles of Float32 values: signs, ties, outliers, NaN, tiny and large samples", () => {
  const random = stream(23, 0, "handle");
  const shapes: ((k: number) => number)[] = [
    () => random() * 100,
    () => random() * 200 - 100, // both signs
    () => Math.floor(random() * 4) / 4, // a few distinct values (service levels of small intervals)
    () => (random() < 0.9 ? 0 : random()), // mostly zeros
    () => (random() < 0.999 ? 1 + random() * 1e-3 : 1e6), // a narrow band and a rare outlier
    () => (random() < 0.1 ? NaN : random() ** 6 * 1e4), // NaN now and then, skewed
    (k) => (k % 2 ? -0 : 0), // signed zeros only
    () => 7, // all equal
    () => (random() < 0.5 ? 3.4e38 : -3.4e38), // the ends of Float32's range
  ];
  for (let trial = 0; trial < 300; trial++) {
    const shape = shapes[trial % shapes.length]!;
    const n = trial < 20 ? 1 + (trial % 10) : 1 + Math.floor(random() * 6000);
    const values = Float32Array.from({ length: n }, (_, k) => shape(k));
    const expected = bySelection(values);
    expect(byRadix(values)).toEqual(expected);
    if (expected) {
      const sorted = Array.from(values).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
      expect(expected).toEqual([0.1, 0.5, 0.9].map((p) => quantileSorted(sorted, p)));
    }
  }
});

it("float32Quantiles reads only its run, and says when every value is NaN", () => {
  const values = Float32Array.of(NaN, 5, 1, 3, NaN, 100);
  expect(byRadix(values, 1, 3)).toEqual([1.4, 3, 4.6]);
  expect(byRadix(Float32Array.of(NaN, NaN))).toBeNull();
  expect(byRadix(values, 0, 1)).toBeNull();
});
