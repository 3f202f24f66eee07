import { describe, expect, it } from "vitest";
import type { Plan } from "../des/plan.js";
import { QUEUE_COUNTER_COUNT, QueueCounter, type ReplicationResult } from "../des/result.js";
import { createSimulator } from "../des/simulate.js";
import { stationaryPlan } from "../des/stationaryPlan.js";
import { WAIT_BIN_COUNT } from "../des/waitHistogram.js";
import { compileScenario } from "../plan/compile.js";
import { replicationKpis, type KpiValues } from "../report/replicationKpis.js";
import full from "../schema/fixtures/full.json" with { type: "json" };
import { kpiVector } from "./kpiVector.js";
import { kpiVectorLayout } from "./kpiVectorLayout.js";
import { replications, scenarioOf } from "./testing/runs.js";

/** The vector as the registry forms it from `replicationKpis` (sumCounters and a summed histogram per row). */
function referenceVector(plan: Plan, result: ReplicationResult): number[] {
  const layout = kpiVectorLayout(plan);
  const values = replicationKpis(plan, result);
  const row = (kpis: KpiValues) => layout.kpis.map((id) => kpis[id] ?? NaN);
  return [values.span, ...values.days, ...values.intervals, ...values.queues].flatMap(row);
}

describe("kpiVector", () => {
  const cases: [string, Plan][] = [
    // Two queues, three days, day-level dispersion, retries and repeats: every section of the layout is filled.
    ["the full fixture", compileScenario(scenarioOf(full))],
    // A warm-up: the first intervals are left out, a day starts inside the warm-up; long waits (geometric bins).
    ["a stationary overloaded center with a warm-up", stationaryPlan({ arrivalsPerHour: 400, ahtSec: 180, agents: 18, patienceSec: 900, hours: 30, warmupHours: 2.5, seed: 3 })],
  ];

  for (const [name, plan] of cases) {
    it(`equals the registry's values over replicationKpis to the last bit: ${name}`, () => {
      const layout = kpiVectorLayout(plan);
      for (const result of replications(plan, 4)) {
        const vector = Array.from(kpiVector(plan, result, layout));
        const reference = referenceVector(plan, result);
        expect(vector.length).toBe(reference.length);
        // Object.is: equal bits (NaN equals NaN, 0 and −0 differ).
        const differing = vector.flatMap((value, i) => (Object.is(value, reference[i]) ? [] : [`${i}: ${value} ≠ ${reference[i]}`]));
        expect(differing).toEqual([]);
      }
    });
  }

  it("rests on the engine's invariant: each interval's and each queue's wait histogram adds up to its answered counters", () => {
    for (const [, plan] of cases) {
      for (const result of replications(plan, 2)) {
        const { intervalCount, queueCount } = result;
        const answered = (interval: number, queue: number) => result.queueCounters[(interval * queueCount + queue) * QUEUE_COUNTER_COUNT + QueueCounter.answered]!;
        const binned = (histogram: Float64Array, row: number) => histogram.subarray(row * WAIT_BIN_COUNT, (row + 1) * WAIT_BIN_COUNT).reduce((sum, count) => sum + count, 0);
        for (let interval = 0; interval < intervalCount; interval++) {
          let total = 0;
          for (let q = 0; q < queueCount; q++) total += answered(interval, q);
          expect(binned(result.waitHistogram, interval)).toBe(total);
        }
        if (queueCount > 1) {
          for (let q = 0; q < queueCount; q++) {
            let total = 0;
            for (let interval = 0; interval < intervalCount; interval++) total += answered(interval, q);
            expect(binned(result.queueWaitHistogram, q)).toBe(total);
          }
        }
      }
    }
  });

  it("is the same on a result whose arrays were recycled from an earlier run", () => {
    for (const [, plan] of cases) {
      const layout = kpiVectorLayout(plan);
      const fresh = createSimulator(plan);
      const recycling = createSimulator(plan);
      let previous: ReplicationResult | undefined;
      for (let k = 0; k < 3; k++) {
        const arrays = previous?.waitHistogram;
        previous = recycling.run(k, { recycle: previous });
        if (arrays) expect(previous.waitHistogram).toBe(arrays);
        expect(Array.from(kpiVector(plan, previous, layout))).toEqual(Array.from(kpiVector(plan, fresh.run(k), layout)));
      }
    }
  });

  it("refuses a layout of another plan", () => {
    const [, plan] = cases[0]!;
    const other = stationaryPlan({ arrivalsPerHour: 100, ahtSec: 180, agents: 10, hours: 8 });
    expect(() => kpiVector(plan, replications(plan, 1)[0]!, kpiVectorLayout(other))).toThrow(/does not fit plan/);
  });

  it("writes into a slice of a larger array the same values it would return, and refuses one of the wrong length", () => {
    const [, plan] = cases[0]!;
    const layout = kpiVectorLayout(plan);
    const results = replications(plan, 2);
    const chunk = new Float64Array(2 * layout.length);
    const second = chunk.subarray(layout.length);
    expect(kpiVector(plan, results[1]!, layout, second)).toBe(second);
    expect(Array.from(second)).toEqual(Array.from(kpiVector(plan, results[1]!, layout)));
    expect(chunk.subarray(0, layout.length).every((value) => value === 0)).toBe(true);
    expect(() => kpiVector(plan, results[0]!, layout, new Float64Array(layout.length - 1))).toThrow(/holds \d+ values; the layout has \d+/);
  });
});
