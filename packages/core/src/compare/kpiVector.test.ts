import { describe, expect, it } from "vitest";
import type { Plan } from "../des/plan.js";
import { QUEUE_COUNTER_COUNT, QueueCounter, type ReplicationResult } from "../des/result.js";
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

  it("rests on the engine's invariant: each cell's wait histogram adds up to its answered counter", () => {
    for (const [, plan] of cases) {
      for (const result of replications(plan, 2)) {
        const cells = result.intervalCount * result.queueCount;
        for (let cell = 0; cell < cells; cell++) {
          let total = 0;
          for (let bin = 0; bin < WAIT_BIN_COUNT; bin++) total += result.waitHistogram[cell * WAIT_BIN_COUNT + bin]!;
          expect(total).toBe(result.queueCounters[cell * QUEUE_COUNTER_COUNT + QueueCounter.answered]);
        }
      }
    }
  });

  it("refuses a layout of another plan", () => {
    const [, plan] = cases[0]!;
    const other = stationaryPlan({ arrivalsPerHour: 100, ahtSec: 180, agents: 10, hours: 8 });
    expect(() => kpiVector(plan, replications(plan, 1)[0]!, kpiVectorLayout(other))).toThrow(/does not fit plan/);
  });
});
