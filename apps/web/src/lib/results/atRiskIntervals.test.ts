import { describe, expect, it } from "vitest";
import type { ComparisonView } from "../run/comparisonView";
import { targetMet } from "@ccplan/core";
import { atRiskSentence, atRiskStretches } from "./atRiskIntervals";

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
      { from: 1, to: 3, name: "Mon 10:30–11:30", lowest: 0.2, worst: 2 },
      { from: 6, to: 8, name: "Tue 11:00–12:00", lowest: 0.1, worst: 7 },
    ]);
    expect(atRiskStretches(view([0.9, 0.9, 0.9, 0.1, 0, 0.9, 0.9, 0.9]), 0).map((s) => s.name)).toEqual(["Mon 11:30–12:00", "Tue 10:00–10:30"]);
  });
  it("leaves out intervals where nothing was offered (no probability) and intervals met in half the weeks", () =>
    expect(atRiskStretches(view([Number.NaN, 0.5, 0.5, 1, 1, 1, 1, 1]), 0)).toEqual([]));
  it("reads only the intervals on screen when a day is chosen", () => {
    const probabilities = [0.9, 0.4, 0.2, 0.8, 0.9, 0.9, 0.3, 0.1];
    expect(atRiskStretches(view(probabilities), 0, { from: 4, to: 8 })).toEqual([{ from: 6, to: 8, name: "Tue 11:00–12:00", lowest: 0.1, worst: 7 }]);
    expect(atRiskStretches(view(probabilities), 0, { from: 0, to: 4 }).map((s) => s.name)).toEqual(["Mon 10:30–11:30"]);
  });
});

describe("atRiskSentence", () => {
  /** Mon 10:00–12:00 over 40 simulated weeks, each interval meeting the target `met[i]` times. */
  function counted(met: number[]): ComparisonView {
    const rows = met.map((m) => targetMet(m, 40));
    const starts = ["10:00", "10:30", "11:00", "11:30"];
    return {
      intervalMinutes: 30,
      intervalDays: ["mon", "mon", "mon", "mon"],
      intervalStarts: starts,
      scenarios: [
        {
          intervalTargetMet: {
            probability: Float64Array.from(rows, (row) => row.probability!),
            ciLow: Float64Array.from(rows, (row) => row.ci95![0]),
            ciHigh: Float64Array.from(rows, (row) => row.ci95![1]),
          },
        },
      ],
    } as unknown as ComparisonView;
  }
  it("says how often the stretch's worst interval misses, with the 95% CI of that share", () => {
    const view = counted([36, 12, 7, 36]);
    const [stretch] = atRiskStretches(view, 0);
    // Met in 7 of 40 weeks: missed in 33 of 40 = 82.5%, Wilson 95% CI 68.1 to 91.3%.
    expect(atRiskSentence(view, 0, stretch!)).toBe("Mon 10:30–11:30: misses the target in up to 82.5% of the simulated weeks (95% CI 68.1 to 91.3%)");
  });
  it("drops the 'up to' for a single interval and says 'every one' when it never met the target", () => {
    const view = counted([36, 0, 36, 36]);
    const [stretch] = atRiskStretches(view, 0);
    expect(atRiskSentence(view, 0, stretch!)).toBe("Mon 10:30–11:00: misses the target in every one of the simulated weeks (95% CI 91.2 to 100.0%)");
  });
});
