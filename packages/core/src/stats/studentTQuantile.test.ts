import { expect, it } from "vitest";
import { studentTQuantile } from "./studentTQuantile.js";

const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1);

// Reference values: root of ½·I_{ν/(ν+t²)}(ν/2, 1/2) = 1 − p with mpmath at 50 digits.
it("studentTQuantile matches high-precision values to 1e-12 relative (1e-10 for ν < 1)", () => {
  const cases: [number, number, number][] = [
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.3026527297494639],
    [0.975, 3, 3.1824463052837096],
    [0.975, 4, 2.7764451051977944],
    [0.975, 10, 2.2281388519862747],
    [0.975, 29, 2.0452296421327043],
    [0.995, 30, 2.7499956535672253],
    [0.975, 99, 1.9842169515864175],
    [0.975, 999, 1.96234146113345],
    [0.975, 10_000, 1.9602012398906263],
    [0.975, 1e6, 1.959966356814107],
    [0.025, 7, -2.3646242515927853],
    [0.6, 3, 0.27667066233268991],
    [0.75, 50, 0.67942820032634601],
    [0.9, 2.5, 1.7302509288071766],
    [0.9999, 20_000, 3.719706062884869],
    [0.55, 100_000, 0.12566166596959194],
    [0.999999, 0.5, 102849115631.634],
    [1e-10, 3, -2225.7692846830932],
    [0.05, 0.1, -1642931922.6025666],
  ];
  for (const [p, nu, t] of cases) {
    expect(relative(studentTQuantile(p, nu), t), `t(${p}, ${nu})`).toBeLessThan(nu < 1 ? 1e-10 : 1e-12);
  }
});

it("studentTQuantile tends to the normal quantile as the degrees of freedom grow", () => {
  expect(studentTQuantile(0.975, 1e12)).toBeCloseTo(1.959963984540054, 11);
  expect(studentTQuantile(0.975, 1e9)).toBeCloseTo(1.9599639869123255, 14);
  expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 15);
});

it("studentTQuantile is antisymmetric, 0 at one half, infinite at 0 and 1, NaN outside its domain", () => {
  expect(studentTQuantile(0.5, 5)).toBe(0);
  expect(studentTQuantile(0.1, 5)).toBeCloseTo(-studentTQuantile(0.9, 5), 14);
  expect(studentTQuantile(0, 5)).toBe(-Infinity);
  expect(studentTQuantile(1, 5)).toBe(Infinity);
  expect(studentTQuantile(1.5, 5)).toBeNaN();
  expect(studentTQuantile(0.9, 0)).toBeNaN();
  expect(studentTQuantile(0.9, Number.NaN)).toBeNaN();
});
