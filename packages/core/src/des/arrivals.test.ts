import { describe, expect, it } from "vitest";
import { QueueCounter as Q } from "./result.js";
import { createSimulator } from "./simulate.js";
import { describe as explain, meanInterval } from "./testing/replicationStats.js";
import { COMPARISON_ALPHA } from "./testing/validationFamily.js";
import { queueCounter, testPlan } from "./testing/testPlan.js";

function expectMean(label: string, values: number[], expected: number) {
  const interval = meanInterval(values, COMPARISON_ALPHA);
  expect(Math.abs(interval.mean - expected), explain(label, expected, interval)).toBeLessThanOrEqual(interval.halfWidth);
}

describe("arrivals", () => {
  it("thinning gives each interval its forecast volume", () => {
    // A day profile from 0 to the candidate rate; plenty of agents so nothing else matters.
    const perHour = Array.from({ length: 48 }, (_, i) => 400 * Math.sin((Math.PI * i) / 48) ** 2);
    const plan = testPlan({ intervalCount: 48 * 5, queues: [{ perHour: [1, 2, 3, 4, 5].flatMap(() => perHour) }], groups: [{ agents: 200 }] });
    const simulator = createSimulator(plan);
    const expected = perHour.reduce((sum, rate) => sum + rate / 2, 0) * 5;
    const peakShare: number[] = [];
    const totals: number[] = [];
    for (let k = 0; k < 24; k++) {
      const result = simulator.run(k);
      let total = 0;
      for (let i = 0; i < plan.intervalCount; i++) total += queueCounter(result, i, 0, Q.offered);
      expect(queueCounter(result, 0, 0, Q.offered)).toBe(0); // rate 0 at midnight
      totals.push(total);
      peakShare.push(queueCounter(result, 24, 0, Q.offered));
    }
    expectMean("offered per 5 days", totals, expected);
    expectMean("offered in the peak interval", peakShare, 200);
  });

  it("day-level dispersion: day volumes have mean m and variance m + (cv·m)² (negative binomial)", () => {
    const cv = 0.2;
    const perHour = 50;
    const days = 40;
    const plan = testPlan({ intervalSec: 3600, intervalCount: 24 * days, queues: [{ perHour, dailyVolumeCv: cv }], groups: [{ agents: 30 }] });
    const simulator = createSimulator(plan);
    const m = perHour * 24;
    const means: number[] = [];
    const squares: number[] = [];
    for (let k = 0; k < 24; k++) {
      const result = simulator.run(k);
      let sum = 0;
      let square = 0;
      for (let d = 0; d < days; d++) {
        let volume = 0;
        for (let h = 0; h < 24; h++) volume += queueCounter(result, d * 24 + h, 0, Q.offered);
        sum += volume;
        square += (volume - m) ** 2;
      }
      means.push(sum / days);
      squares.push(square / days);
    }
    expectMean("mean day volume", means, m);
    expectMean("E[(day volume − m)²]", squares, m + (cv * m) ** 2);
  });
});
