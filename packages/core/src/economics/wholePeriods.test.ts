import { describe, expect, it } from "vitest";
import { summarize } from "../stats/summary.js";
import { summarizeWholePeriods } from "./wholePeriods.js";

describe("summarizeWholePeriods", () => {
  const weeks = [19, 14, 15, 16, 15, 16, 17, 18, 22, 16, null];

  it("gives whole-period P10, P50 and P90 that some replication reached, where interpolation gives fractions", () => {
    // Interpolated, the P10 falls between weeks 14 and 15.
    expect(summarize(weeks).p10).toBeCloseTo(14.9, 9);
    expect(summarizeWholePeriods(weeks)).toMatchObject({ p10: 14, p50: 16, p90: 19, n: 10 });
  });

  it("keeps the mean and its 95% CI of summarize, and nulls for no value", () => {
    const whole = summarizeWholePeriods(weeks);
    const plain = summarize(weeks);
    expect(whole.mean).toBe(plain.mean);
    expect(whole.ci95).toEqual(plain.ci95);
    expect(summarizeWholePeriods([null, null])).toEqual({ mean: null, ci95: null, p10: null, p50: null, p90: null, n: 0 });
    expect(summarizeWholePeriods([7])).toMatchObject({ p10: 7, p50: 7, p90: 7 });
  });
});
