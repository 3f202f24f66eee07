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
});
