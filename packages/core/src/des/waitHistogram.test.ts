import { describe, expect, it } from "vitest";
import { histogramQuantile, LINEAR_LIMIT_SEC, WAIT_BIN_COUNT, waitBin, waitBinLowerSec, waitBinUpperSec, ZERO_WAIT_BIN } from "./waitHistogram.js";

describe("wait histogram bins", () => {
  it("keeps waits of exactly zero apart from the first second", () => {
    expect(waitBin(0)).toBe(ZERO_WAIT_BIN);
    expect(waitBin(1e-9)).toBe(1);
    expect(waitBin(0.999)).toBe(1);
    expect(waitBin(1)).toBe(2);
    expect(waitBin(LINEAR_LIMIT_SEC - 0.5)).toBe(LINEAR_LIMIT_SEC);
    expect(waitBinLowerSec(ZERO_WAIT_BIN)).toBe(0);
    expect(waitBinUpperSec(ZERO_WAIT_BIN)).toBe(0);
    expect([waitBinLowerSec(1), waitBinUpperSec(1)]).toEqual([0, 1]);
  });

  it("has edges that meet, and every wait lies within its bin", () => {
    for (let bin = 1; bin < WAIT_BIN_COUNT - 1; bin++) expect(waitBinUpperSec(bin)).toBe(waitBinLowerSec(bin + 1));
    for (const wait of [0.5, 12.3, 179.99, 180, 181, 600, 3_600, 86_400, 13 * 86_400]) {
      const bin = waitBin(wait);
      expect(waitBinLowerSec(bin)).toBeLessThanOrEqual(wait * (1 + 1e-12));
      expect(waitBinUpperSec(bin)).toBeGreaterThan(wait * (1 - 1e-12));
    }
    expect(waitBin(30 * 86_400)).toBe(WAIT_BIN_COUNT - 1);
  });

  it("gives a quantile of 0 when that share was answered at once, and interpolates only over the waits above 0", () => {
    const counts = new Float64Array(WAIT_BIN_COUNT);
    counts[ZERO_WAIT_BIN] = 60; // 60 of 100 answered at once
    counts[waitBin(10.5)] = 40; // 40 waited between 10 and 11 s
    expect(histogramQuantile(counts, 0.5)).toBe(0);
    expect(histogramQuantile(counts, 0.6)).toBe(0);
    // The 80th percentile is halfway through the 40 who waited 10–11 s.
    expect(histogramQuantile(counts, 0.8)).toBeCloseTo(10.5, 12);
  });
});
