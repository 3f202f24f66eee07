import { expect, it } from "vitest";
import { gammaQuantile } from "./gammaQuantile.js";

// Reference values: root of the regularized incomplete gamma function in mpmath at 50 digits
// (shape 1/0.81 is a gamma with cv 0.9; shape 1/400 is cv 20).
it("gammaQuantile matches high-precision quantiles to 1e-12 relative", () => {
  const cases: [number, number, number][] = [
    [0.1, 1 / 0.81, 0.18461331840086754],
    [0.5, 1 / 0.81, 0.92179436205722322],
    [0.9, 1 / 0.81, 2.6985682514325118],
    [0.999, 1 / 0.81, 7.5033412990882385],
    [0.5, 3, 2.6740603137235603],
    [0.95, 3, 6.2957936218719897],
    [0.001, 0.25, 6.7496978931153748e-13],
    [0.5, 0.25, 0.04367380235287341],
    [0.99, 0.25, 2.4338854221970328],
    [0.5, 1000, 999.66668642696518],
    [1e-9, 1000, 821.83275358317084],
    [0.999999, 100, 154.91904599503899],
    [0.9, 1 / 400, 2.8003614730675099e-19],
    [0.9999, 1 / 400, 2.1493538300351773],
  ];
  for (const [p, shape, x] of cases) {
    expect(Math.abs(gammaQuantile(p, shape) / x - 1), `gammaQuantile(${p}, ${shape})`).toBeLessThan(1e-12);
  }
});

it("gammaQuantile with shape 1 is the exponential quantile", () => {
  for (const p of [1e-12, 0.2, 0.5, 0.99, 1 - 1e-12]) expect(gammaQuantile(p, 1) / -Math.log1p(-p) - 1).toBeLessThan(1e-13);
});

it("gammaQuantile at the ends: 0, Infinity, NaN", () => {
  expect(gammaQuantile(0, 2)).toBe(0);
  expect(gammaQuantile(1, 2)).toBe(Infinity);
  expect(gammaQuantile(-0.1, 2)).toBeNaN();
  expect(gammaQuantile(0.5, 0)).toBeNaN();
});
