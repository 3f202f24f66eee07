import { describe, expect, it } from "vitest";
import { lognormalQuantileTable } from "./lognormalQuantileTable.js";
import { normalQuantile } from "./normalQuantile.js";
import { quantileTableSampler } from "./quantileTable.js";
import { stream } from "./streams.js";

describe("lognormalQuantileTable reproduces exp(σ·Φ⁻¹(u))", () => {
  // 2,000 seeded uniforms, half of them in the tails on a log scale. Largest relative error measured on a
  // fine grid: 2.1e-6 (cv 20), near u = 1/64 where the centre's cubic meets the steepest part of Φ⁻¹.
  const random = stream(5, 0, "handle");
  const uniforms = Array.from({ length: 2000 }, (_, i) => {
    const v = random();
    if (i % 4 === 1) return Math.exp(-4.2 - 32 * v);
    if (i % 4 === 2) return 1 - Math.exp(-4.2 - 32 * v);
    return v;
  });
  for (const cv of [0.1, 0.9, 3, 20]) {
    it(`cv ${cv}: within 3e-6 relative`, () => {
      const sigma = Math.sqrt(Math.log1p(cv * cv));
      const sample = quantileTableSampler(lognormalQuantileTable(sigma), 1);
      let worst = 0;
      for (const u of uniforms) worst = Math.max(worst, Math.abs(sample(u) / Math.exp(sigma * normalQuantile(u)) - 1));
      expect(worst).toBeLessThan(3e-6);
    });
  }
});

it("lognormalQuantileTable never decreases and is 0 at u = 0", () => {
  const sample = quantileTableSampler(lognormalQuantileTable(1.2), 1);
  const grid: number[] = [];
  for (let e = -60; e < -1; e += 0.01) grid.push(2 ** e, 1 - 2 ** e);
  for (let i = 1; i < 100_000; i++) grid.push(i / 100_000);
  grid.sort((a, b) => a - b);
  let previous = 0;
  let decreases = 0;
  for (const u of grid) {
    const x = sample(u);
    if (!(x >= previous)) decreases++;
    previous = x;
  }
  expect(decreases).toBe(0);
  expect(sample(0)).toBe(0);
  expect(Number.isFinite(sample(1 - 2 ** -53))).toBe(true);
});

it("lognormalQuantileTable rejects a negative sigma", () => {
  expect(() => lognormalQuantileTable(-1)).toThrow("invalid log-normal sigma: -1; expected a finite number ≥ 0");
});
