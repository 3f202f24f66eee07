import { expect, it } from "vitest";
import { normalQuantile } from "./normalQuantile.js";

// Reference values computed with mpmath at 50 digits (root of Φ(z) = p).
it("normalQuantile matches high-precision values to 1e-15 relative", () => {
  const cases: [number, number][] = [
    [0.025, -1.9599639845400542],
    [0.975, 1.9599639845400542],
    [0.1, -1.2815515655446005],
    [0.001, -3.0902323061678135],
    [1e-10, -6.3613409024040562],
    [1e-20, -9.2623400897984076],
    [1e-300, -37.047096299361199],
  ];
  for (const [p, z] of cases) expect(Math.abs(normalQuantile(p) - z) / Math.abs(z)).toBeLessThan(1e-15);
});

it("normalQuantile is 0 at one half, infinite at 0 and 1, NaN outside", () => {
  expect(normalQuantile(0.5)).toBe(0);
  expect(normalQuantile(0)).toBe(-Infinity);
  expect(normalQuantile(1)).toBe(Infinity);
  expect(normalQuantile(-0.1)).toBeNaN();
  expect(normalQuantile(Number.NaN)).toBeNaN();
});

it("normalQuantile is antisymmetric and monotone", () => {
  let previous = -Infinity;
  let bad = 0;
  for (let i = 1; i < 10_000; i++) {
    const p = i / 10_000;
    const z = normalQuantile(p);
    if (!(z > previous) || Math.abs(normalQuantile(1 - p) + z) > 1e-12) bad++;
    previous = z;
  }
  expect(bad).toBe(0);
});
