import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeJson } from "./writeJson.js";

const written = (value: unknown) => {
  const pieces: string[] = [];
  writeJson((text) => pieces.push(text), value);
  return pieces;
};

describe("writeJson", () => {
  it("writes exactly JSON.stringify(value, null, 2) and a newline, for any JSON-like value", () => {
    const member = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant(Number.NaN), fc.constant(-0), fc.constant(() => 1));
    const value = fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), member), fc.array(member), fc.constant(undefined));
    fc.assert(
      fc.property(value, (v) => {
        expect(written(v).join("")).toBe(`${JSON.stringify(v, null, 2)}\n`);
      }),
      { numRuns: 300, seed: 10 },
    );
  });

  it("honours toJSON, typed arrays and dates as JSON.stringify does", () => {
    const value = { when: new Date(0), vector: Float64Array.of(1, 2), nested: { toJSON: (key: string) => ({ key, list: [undefined, 3] }) }, gone: undefined };
    expect(written(value).join("")).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it("hands a large result over in pieces, never as one string", () => {
    const big = { intervals: Array.from({ length: 5000 }, (_, i) => ({ start: `t${i}`, kpis: { serviceLevel: { mean: i / 5000, ci95: [0, 1] } } })) };
    const pieces = written(big);
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(70_000);
    expect(pieces.join("")).toBe(`${JSON.stringify(big, null, 2)}\n`);
  });

  it("writes subtrees on both sides of the size it hands to JSON.stringify whole exactly, in pieces", () => {
    // Rows of 1 + 1,015 … 1,033 values: below, at and above the 1,024 written in one JSON.stringify call; and rows of
    // small objects, each written whole inside a row that is walked.
    const numbers = Array.from({ length: 10 }, (_, i) => Array.from({ length: 1015 + i * 2 }, (_, k) => k / 7));
    const objects = Array.from({ length: 3 }, (_, i) => Array.from({ length: 600 }, (_, k) => ({ at: k + i, v: k / 7, gone: undefined })));
    const rows = { numbers, objects };
    const pieces = written(rows);
    expect(pieces.join("")).toBe(`${JSON.stringify(rows, null, 2)}\n`);
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(70_000);
  });

  it("writes runs of small items inside large arrays exactly, at every depth, beside items the walk must take", () => {
    // Large arrays (walked) of runs of primitives and small objects (each run one JSON.stringify call, cut out of its
    // text at its depth), broken by items a run must not take: toJSON (called with the item's own index), Dates,
    // typed arrays, functions with a toJSON, large subtrees; and undefined, functions and NaN, which are null in arrays.
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const withToJSON = Object.assign(() => 0, { toJSON: (key: string) => `function at ${key}` });
    const item = (depth: number): unknown => {
      const r = random();
      if (r < 0.3) return [1.5, "text\n\"quoted\"", true, null, undefined, Number.NaN, -0, () => 1, Symbol("s")][Math.floor(random() * 9)];
      if (r < 0.6) return { at: random(), list: [random(), undefined, { deep: [1, 2, { x: null }] }], gone: undefined };
      if (r < 0.65) return { toJSON: (key: string) => ({ key, twice: [key, key] }) };
      if (r < 0.68) return new Date(Math.floor(random() * 1e12));
      if (r < 0.7) return Float64Array.of(random(), 2);
      if (r < 0.72) return withToJSON;
      if (r < 0.74 && depth < 1) return Array.from({ length: 200 + Math.floor(random() * 1200) }, () => item(depth + 1));
      return Array.from({ length: Math.floor(random() * 30) }, () => random());
    };
    for (let trial = 0; trial < 6; trial++) {
      let value: unknown = Array.from({ length: 1200 + trial * 100 }, () => item(0));
      // Nested at depth 0 to 5, in arrays and in objects.
      for (let level = 0; level < trial; level++) value = level % 2 === 0 ? [value, item(1)] : { inner: value, other: item(1) };
      const pieces = written(value);
      expect(pieces.join("")).toBe(`${JSON.stringify(value, null, 2)}\n`);
      expect(pieces.length).toBeGreaterThan(3);
    }
  });
});

