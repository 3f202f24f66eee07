import { describe, expect, it } from "vitest";
import { binomialQuantile } from "./binomialQuantile.js";

describe("binomialQuantile", () => {
  it("inverts the binomial CDF: Binomial(3, 0.5) at the quarter points", () => {
    // P(X ≤ 0) = 1/8, P(X ≤ 1) = 1/2, P(X ≤ 2) = 7/8.
    expect([0, 0.1, 0.126, 0.3, 0.501, 0.8, 0.876, 0.99].map((u) => binomialQuantile(3, 0.5, u))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it("has the binomial's mean and variance over a fine grid of uniforms, also where P(X = 0) underflows", () => {
    for (const [n, p] of [[40, 0.007], [12, 0.9], [20_000, 0.06]] as const) {
      const m = 20_000;
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < m; i++) {
        const x = binomialQuantile(n, p, (i + 0.5) / m);
        sum += x;
        squares += x * x;
      }
      const mean = sum / m;
      expect(mean).toBeCloseTo(n * p, 1);
      expect(squares / m - mean * mean).toBeCloseTo(n * p * (1 - p), 0);
    }
  });

  it("is monotone in n for the same uniform, and 0 or n at the edges", () => {
    expect(binomialQuantile(0, 0.3, 0.9)).toBe(0);
    expect(binomialQuantile(10, 0, 0.9)).toBe(0);
    expect(binomialQuantile(10, 1, 0.1)).toBe(10);
    for (const u of [0.05, 0.5, 0.95]) {
      let previous = 0;
      for (let n = 1; n < 60; n++) {
        const x = binomialQuantile(n, 0.1, u);
        expect(x).toBeGreaterThanOrEqual(previous);
        previous = x;
      }
    }
  });
});
