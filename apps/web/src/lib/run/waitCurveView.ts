import { resolveCentral, waitMultiplier, type Scenario, type WaitCurve } from "@ccplan/core";

/** The experience model's satisfaction-against-wait curve, sampled for a chart, with where each scenario sits on it. */
export interface WaitCurveView {
  curve: WaitCurve;
  /** Relative change per minute (−0.05 = −5% per minute) and the floor, as the scenario sets them (central values). */
  changePerMinute: number;
  floor: number;
  midpointMinutes: number;
  /** Waits sampled, minutes, and the share of a no-wait contact's satisfaction kept after each (core's waitMultiplier). */
  minutes: Float64Array;
  kept: Float64Array;
  /** Each scenario's mean ASA and mean 90th-percentile wait (minutes) with the share kept there. */
  marks: { scenario: number; what: "asa" | "waitP90"; minutes: number; kept: number }[];
}

/** Samples the curve every 0.1 minute up to `maxMinutes` and places each scenario's waits on it. */
export function waitCurveView(scenario: Scenario, waits: { asaSec: number | null; waitP90Sec: number | null }[], maxMinutes = 10): WaitCurveView {
  const settings = resolveCentral(scenario.experience.wait);
  const steps = Math.round(maxMinutes * 10);
  const minutes = Float64Array.from({ length: steps + 1 }, (_, i) => i / 10);
  const kept = minutes.map((t) => waitMultiplier(settings, t));
  const marks: WaitCurveView["marks"] = [];
  waits.forEach((wait, s) => {
    for (const [what, seconds] of [["asa", wait.asaSec], ["waitP90", wait.waitP90Sec]] as const) {
      if (seconds === null || !Number.isFinite(seconds)) continue;
      marks.push({ scenario: s, what, minutes: seconds / 60, kept: waitMultiplier(settings, seconds / 60) });
    }
  });
  return { curve: settings.curve, changePerMinute: settings.changePerMinute, floor: settings.floor, midpointMinutes: settings.midpointMinutes, minutes, kept, marks };
}
