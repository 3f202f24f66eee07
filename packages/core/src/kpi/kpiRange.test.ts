import { describe, expect, it } from "vitest";
import { exactStatistics } from "../compare/kpiStatistics.js";
import { withinKpiRange } from "./kpiRange.js";

describe("withinKpiRange", () => {
  it("cuts a level's 95% interval at the values its KPI can take, keeping the mean and spread", () => {
    // Two weeks at 91% and 99%: the t interval (t = 12.7) reads about 44% to 146%.
    const serviceLevel = exactStatistics(Float64Array.of(0.91, 0.99));
    expect(serviceLevel.ci95![1]).toBeGreaterThan(1);
    const cut = withinKpiRange("serviceLevel", serviceLevel);
    expect(cut.ci95![0]).toBe(serviceLevel.ci95![0]);
    expect(cut.ci95![1]).toBe(1);
    expect(cut.mean).toBe(serviceLevel.mean);
    expect(cut.variance).toBe(serviceLevel.variance);

    // A wait can't be negative; an NPS stays within ±100.
    expect(withinKpiRange("asa", exactStatistics(Float64Array.of(2, 60))).ci95![0]).toBe(0);
    const nps = withinKpiRange("nps", exactStatistics(Float64Array.of(-99, 95)));
    expect(nps.ci95).toEqual([-100, 100]);
  });

  it("leaves an interval inside the range as it is (the same object)", () => {
    const inside = exactStatistics(Float64Array.of(0.8, 0.82, 0.81, 0.79));
    expect(withinKpiRange("serviceLevel", inside)).toBe(inside);
  });

  it("leaves money unbounded", () => {
    const cost = exactStatistics(Float64Array.of(-5, 7));
    expect(withinKpiRange("costPerContact", cost)).toBe(cost);
  });
});
