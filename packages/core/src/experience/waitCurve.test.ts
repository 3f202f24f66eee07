import { describe, expect, it } from "vitest";
import { logisticScaleMinutes, waitMultiplier, type WaitCurveSettings } from "./waitCurve.js";

const settings: WaitCurveSettings = { curve: "linear", changePerMinute: -0.05, floor: 0.2, midpointMinutes: 3 };
const at = (curve: WaitCurveSettings["curve"], minutes: number, extra: Partial<WaitCurveSettings> = {}) =>
  waitMultiplier({ ...settings, ...extra, curve }, minutes);

describe("waitMultiplier", () => {
  it("linear: −5% of the no-wait level per minute (article 000), down to the floor", () => {
    expect(at("linear", 0)).toBe(1);
    expect(at("linear", 1)).toBeCloseTo(0.95, 12);
    expect(at("linear", 5)).toBeCloseTo(0.75, 12);
    expect(at("linear", 16)).toBeCloseTo(0.2, 12);
    expect(at("linear", 60)).toBe(0.2);
  });

  it("exponential: the same slope at no wait, decaying towards the floor", () => {
    expect(at("exponential", 1)).toBeCloseTo(0.95153, 5);
    expect(at("exponential", 5)).toBeCloseTo(0.78529, 5);
    expect(at("exponential", 20)).toBeCloseTo(0.42920, 5);
    const slope = (at("exponential", 1e-6) - 1) / 1e-6;
    expect(slope).toBeCloseTo(-0.05, 6);
  });

  it("logistic: flat at first, the article's slope at its midpoint, then the floor", () => {
    const s = logisticScaleMinutes(settings);
    expect(s).toBeCloseTo(6.52587, 4);
    expect(at("logistic", 0)).toBe(1);
    expect(at("logistic", 5)).toBeCloseTo(0.75336, 5);
    const slopeAt = (t: number) => (at("logistic", t + 1e-6) - at("logistic", t - 1e-6)) / 2e-6;
    expect(slopeAt(3)).toBeCloseTo(-0.05, 6);
    expect(Math.abs(slopeAt(0.5))).toBeLessThan(0.05);
    expect(at("logistic", 120)).toBeCloseTo(0.2, 6);
  });

  it("no effect with a zero rate or a floor of 1; never rises, never goes below the floor", () => {
    expect(at("linear", 10, { changePerMinute: 0 })).toBe(1);
    expect(at("exponential", 10, { floor: 1 })).toBe(1);
    for (const curve of ["linear", "exponential", "logistic"] as const) {
      let previous = 1;
      for (let t = 0; t <= 120; t += 0.5) {
        const value = at(curve, t);
        expect(value).toBeLessThanOrEqual(previous + 1e-12);
        expect(value).toBeGreaterThanOrEqual(0.2 - 1e-12);
        previous = value;
      }
    }
  });
});
