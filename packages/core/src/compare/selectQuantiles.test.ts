import { quantileSorted } from "d3-array";
import { expect, it } from "vitest";
import { stream } from "../random/streams.js";
import { selectQuantiles } from "./selectQuantiles.js";

it("selectQuantiles gives d3's R-7 quantiles of the sorted values, ties and tiny samples included", () => {
  const random = stream(7, 0, "handle");
  const ps = [0.1, 0.5, 0.9];
  const out = new Float64Array(3);
  for (let trial = 0; trial < 400; trial++) {
    const n = trial < 10 ? trial + 1 : 1 + Math.floor(random() * 3000);
    // Service levels of small intervals repeat (0, 1, k/n): a few distinct values in some trials.
    const distinct = trial % 3 === 0 ? 1 + Math.floor(random() * 4) : 0;
    const values = Float64Array.from({ length: n }, () => (distinct > 0 ? Math.floor(random() * distinct) / distinct : random() * 100 - 20));
    const sorted = Array.from(values).sort((a, b) => a - b);
    selectQuantiles(values, n, ps, out);
    expect(Array.from(out)).toEqual(ps.map((p) => quantileSorted(sorted, p)));
    // Only reordered: the same values are still there.
    expect(Array.from(values).sort((a, b) => a - b)).toEqual(sorted);
  }
});

it("selectQuantiles gives R-7 quantiles at any increasing probabilities, repeated and at the ends, over large samples", () => {
  const random = stream(11, 0, "handle");
  const sets = [[0.5], [0, 1], [0.1, 0.5, 0.9], [0.025, 0.25, 0.5, 0.5, 0.75, 0.975], [0, 0.1, 0.9, 1], [0.9, 0.95, 0.99]];
  for (let trial = 0; trial < 120; trial++) {
    const ps = sets[trial % sets.length]!;
    const n = 1 + Math.floor(random() * 8000);
    const distinct = trial % 4 === 0 ? 1 + Math.floor(random() * 6) : 0;
    const values = Float64Array.from({ length: n }, () => (distinct > 0 ? Math.floor(random() * distinct) : random() * 1000));
    const sorted = Array.from(values).sort((a, b) => a - b);
    const out = new Float64Array(ps.length);
    selectQuantiles(values, n, ps, out);
    expect(Array.from(out)).toEqual(ps.map((p) => quantileSorted(sorted, p)));
    expect(Array.from(values).sort((a, b) => a - b)).toEqual(sorted);
  }
});

it("selectQuantiles gives R-7 quantiles of ordered, reversed, organ-pipe, constant and two-valued samples of every size up to 700", () => {
  // Orders that make a partition's pivot a poor one (the median of the first, middle and last values), and ties that
  // a partition must set aside at once: each against the quantiles of the sorted values.
  const shapes: ((i: number, n: number) => number)[] = [
    (i) => i,
    (i, n) => n - i,
    (i, n) => Math.min(i, n - 1 - i),
    () => 3.5,
    (i) => i % 2,
    (i, n) => (i < n / 2 ? 1 : 0),
    (i) => (i * 7919) % 13,
  ];
  const ps = [0.1, 0.5, 0.9];
  const out = new Float64Array(3);
  for (let n = 1; n <= 700; n += n < 40 ? 1 : 37) {
    for (const shape of shapes) {
      const values = Float64Array.from({ length: n }, (_, i) => shape(i, n));
      const sorted = Array.from(values).sort((a, b) => a - b);
      selectQuantiles(values, n, ps, out);
      expect(Array.from(out)).toEqual(ps.map((p) => quantileSorted(sorted, p)));
    }
  }
});
