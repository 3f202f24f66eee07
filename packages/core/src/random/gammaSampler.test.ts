import { expect, it } from "vitest";
import { gammaQuantile } from "./gammaQuantile.js";
import { gammaSampler } from "./gammaSampler.js";

it("gammaSampler with shape 1 is −scale·ln(1 − u) exactly", () => {
  const sample = gammaSampler(1, 180);
  for (const u of [0, 0.1, 0.5, 0.9, 1 - 2 ** -53]) {
    expect(sample(u)).toBe(0 - 180 * Math.log(1 - u));
    expect(Math.abs(sample(u) + 180 * Math.log1p(-u))).toBeLessThanOrEqual(1e-15 * 180 * -Math.log1p(-u));
  }
  expect(Object.is(sample(0), 0)).toBe(true);
});

it("gammaSampler above shape 1e5 (Wilson–Hilferty) stays within 2e-7 of the exact quantile", () => {
  const shape = 4e5;
  const sample = gammaSampler(shape, 1 / shape);
  for (const u of [1e-12, 0.001, 0.3, 0.5, 0.9, 0.999, 1 - 1e-12]) {
    expect(Math.abs(sample(u) / (gammaQuantile(u, shape) / shape) - 1), `u = ${u}`).toBeLessThan(2e-7);
  }
  expect(sample(0)).toBe(0);
});

it("gammaSampler reuses the table for a shape it has seen", () => {
  const a = gammaSampler(2.5, 1);
  const b = gammaSampler(2.5, 10);
  for (const u of [0.001, 0.5, 0.999]) expect(b(u)).toBeCloseTo(10 * a(u), 10);
});

it("gammaSampler rejects a bad shape or scale", () => {
  expect(() => gammaSampler(-1, 1)).toThrow("invalid gamma shape: -1; expected a finite number > 0");
  expect(() => gammaSampler(2, Number.NaN)).toThrow("invalid gamma scale: NaN; expected a finite number ≥ 0");
});
