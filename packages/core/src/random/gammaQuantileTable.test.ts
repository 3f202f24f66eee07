import { describe, expect, it } from "vitest";
import { gammaQuantile } from "./gammaQuantile.js";
import { gammaQuantileTable } from "./gammaQuantileTable.js";
import { quantileTableSampler } from "./quantileTable.js";
import { stream } from "./streams.js";

describe("gammaQuantileTable reproduces the exact quantile", () => {
  // 2,000 seeded uniforms, a quarter of them in the tails (u < 1/64 or u > 63/64, on a log scale);
  // largest relative error measured: 1.1e-5 at shape 0.25, 5e-6 at 0.5, below 7e-7 from shape 1 up.
  const random = stream(3, 0, "handle");
  const uniforms = Array.from({ length: 2000 }, (_, i) => {
    const v = random();
    if (i % 4 === 1) return Math.exp(-4.2 - 32 * v);
    if (i % 4 === 2) return 1 - Math.exp(-4.2 - 32 * v);
    return v;
  });
  for (const [shape, tolerance] of [[0.25, 2e-5], [0.5, 1e-5], [1.2345, 1e-6], [3, 1e-6], [40, 1e-6], [1000, 1e-6]] as const) {
    it(`shape ${shape}: within ${tolerance} relative`, () => {
      const sample = quantileTableSampler(gammaQuantileTable(shape), 1);
      let worst = 0;
      for (const u of uniforms) {
        const exact = gammaQuantile(u, shape);
        if (exact > 1e-300) worst = Math.max(worst, Math.abs(sample(u) / exact - 1));
      }
      expect(worst).toBeLessThan(tolerance);
    });
  }
});

describe("quantileTableSampler never decreases, is 0 at u = 0 and finite up to 1 − 2⁻⁵³", () => {
  const grid: number[] = [];
  for (let e = -60; e < -1; e += 0.01) grid.push(2 ** e, 1 - 2 ** e);
  for (let i = 1; i < 200_000; i++) grid.push(i / 200_000);
  grid.push(1 - 2 ** -53);
  grid.sort((a, b) => a - b);
  for (const shape of [1 / 400, 0.01, 0.3, 1.5, 30, 1e4]) {
    it(`shape ${shape}`, () => {
      const sample = quantileTableSampler(gammaQuantileTable(shape), 2);
      let previous = 0;
      let decreases = 0;
      for (const u of grid) {
        const x = sample(u);
        if (!(x >= previous && Number.isFinite(x))) decreases++;
        previous = x;
      }
      expect(decreases).toBe(0);
      expect(sample(0)).toBe(0);
    });
  }
});

it("quantileTableSampler is continuous where the centre meets the tails", () => {
  const sample = quantileTableSampler(gammaQuantileTable(2.5), 1);
  for (const edge of [1 / 64, 63 / 64]) {
    const below = sample(edge - 1e-12);
    const above = sample(edge + 1e-12);
    expect(Math.abs(above / below - 1)).toBeLessThan(1e-9);
  }
});

it("gammaQuantileTable is plain data that survives a structured clone", () => {
  const table = gammaQuantileTable(2.5);
  const copy = structuredClone(table);
  const a = quantileTableSampler(table, 3);
  const b = quantileTableSampler(copy, 3);
  for (const u of [1e-9, 0.01, 0.3, 0.99, 1 - 1e-9]) expect(b(u)).toBe(a(u));
});

it("gammaQuantileTable rejects a shape that is not finite and > 0", () => {
  expect(() => gammaQuantileTable(0)).toThrow("invalid gamma shape: 0; expected a finite number > 0");
  expect(() => gammaQuantileTable(Infinity)).toThrow(/invalid gamma shape: Infinity/);
});
