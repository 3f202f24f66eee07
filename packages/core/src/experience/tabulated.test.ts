import { describe, expect, it } from "vitest";
import { logisticTabulated, logTabulated } from "./tabulated.js";

describe("tabulated logistic and log", () => {
  it("σ agrees with 1 / (1 + e^(−x)) to 1e-9 over [−45, 45], and saturates beyond the table", () => {
    let worst = 0;
    for (let x = -45; x <= 45; x += 0.0037) worst = Math.max(worst, Math.abs(logisticTabulated(x) - 1 / (1 + Math.exp(-x))));
    expect(worst).toBeLessThan(1e-9);
    expect(logisticTabulated(0)).toBe(0.5);
    expect(logisticTabulated(Infinity)).toBe(1);
    expect(logisticTabulated(-Infinity)).toBeLessThan(1e-17);
    expect(logisticTabulated(Number.NaN)).toBeNaN();
  });

  it("ln agrees with Math.log to 1e-11 from a second to centuries, exactly at powers of two", () => {
    let worst = 0;
    for (let x = 1e-3; x < 1e10; x *= 1.0013) worst = Math.max(worst, Math.abs(logTabulated(x) - Math.log(x)));
    expect(worst).toBeLessThan(1e-11);
    expect(logTabulated(1)).toBe(0);
    expect(logTabulated(1024)).toBeCloseTo(10 * Math.LN2, 14);
    expect(logTabulated(0.5)).toBeCloseTo(-Math.LN2, 14);
  });
});
