import { expect, it } from "vitest";
import { logGamma } from "./logGamma.js";

// Reference values: mpmath.loggamma at 50 digits.
it("logGamma matches high-precision values (5e-15 absolute up to 10, 4e-16 relative above)", () => {
  const cases: [number, number][] = [
    [0.0025, 5.9900266421145234],
    [0.5, 0.57236494292470009],
    [1.5, -0.12078223763524522],
    [3.7, 1.4280723266653879],
    [10, 12.80182748008147],
    [1000, 5905.2204232091812],
    [1e6, 12815504.569147612],
  ];
  for (const [x, expected] of cases) {
    expect(Math.abs(logGamma(x) - expected), `lnΓ(${x})`).toBeLessThan(x <= 10 ? 5e-15 : 4e-16 * expected);
  }
  expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
  expect(logGamma(2)).toBe(0);
});

it("logGamma is NaN at and below 0 and infinite at infinity", () => {
  expect(logGamma(0)).toBeNaN();
  expect(logGamma(-1.5)).toBeNaN();
  expect(logGamma(Infinity)).toBe(Infinity);
});
