import { expect, it } from "vitest";
import { digamma, trigamma } from "./digamma.js";
import { normalCdf } from "./normalCdf.js";

it("digamma and trigamma match published values", () => {
  // ψ(1) = −γ, ψ(½) = −γ − 2 ln 2, ψ'(1) = π²/6, ψ'(½) = π²/2.
  const eulerGamma = 0.5772156649015329;
  expect(digamma(1)).toBeCloseTo(-eulerGamma, 12);
  expect(digamma(0.5)).toBeCloseTo(-eulerGamma - 2 * Math.LN2, 12);
  expect(digamma(100)).toBeCloseTo(4.600161852738087, 12);
  expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 12);
  expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 11);
  expect(trigamma(50)).toBeCloseTo(0.020201333226697125, 12);
  expect(digamma(0)).toBeNaN();
});

it("normalCdf matches published values in the centre and both tails", () => {
  expect(normalCdf(0)).toBe(0.5);
  expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
  expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 12);
  expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 9);
});
