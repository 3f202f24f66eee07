import { describe, expect, it } from "vitest";
import type { ComparisonView } from "../run/comparisonView";
import { atRiskStretches } from "./atRiskIntervals";

/** A view of two days of four 30-minute intervals (10:00–12:00) with the given target-met probabilities. */
function view(probabilities: number[]): ComparisonView {
  const starts = ["10:00", "10:30", "11:00", "11:30"];
  return {
    intervalMinutes: 30,
    intervalDays: ["mon", "mon", "mon", "mon", "tue", "tue", "tue", "tue"],
    intervalStarts: [...starts, ...starts],
    scenarios: [{ intervalTargetMet: { probability: Float64Array.from(probabilities) } }],
  } as unknown as ComparisonView;
}

describe("atRiskStretches", () => {
  it("joins consecutive intervals under one half into stretches named by day and clock times, never across days", () => {
    expect(atRiskStretches(view([0.9, 0.4, 0.2, 0.8, 0.9, 0.9, 0.3, 0.1]), 0)).toEqual([
      { from: 1, to: 3, name: "Mon 10:30–11:30", lowest: 0.2 },
      { from: 6, to: 8, name: "Tue 11:00–12:00", lowest: 0.1 },
    ]);
    expect(atRiskStretches(view([0.9, 0.9, 0.9, 0.1, 0, 0.9, 0.9, 0.9]), 0).map((s) => s.name)).toEqual(["Mon 11:30–12:00", "Tue 10:00–10:30"]);
  });
  it("leaves out intervals where nothing was offered (no probability) and intervals met in half the weeks", () =>
    expect(atRiskStretches(view([Number.NaN, 0.5, 0.5, 1, 1, 1, 1, 1]), 0)).toEqual([]));
  it("reads only the intervals on screen when a day is chosen", () => {
    const probabilities = [0.9, 0.4, 0.2, 0.8, 0.9, 0.9, 0.3, 0.1];
    expect(atRiskStretches(view(probabilities), 0, { from: 4, to: 8 })).toEqual([{ from: 6, to: 8, name: "Tue 11:00–12:00", lowest: 0.1 }]);
    expect(atRiskStretches(view(probabilities), 0, { from: 0, to: 4 }).map((s) => s.name)).toEqual(["Mon 10:30–11:30"]);
  });
});
