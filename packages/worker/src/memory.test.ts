import { createRunAccumulator, kpiVectorLayout, stationaryPlan } from "@ccplan/core";
import { describe, expect, it } from "vitest";
import { defaultWorkerCount, workerMemoryBytes } from "./memory.js";
import { batchSize, runSingle } from "./runPlan.js";
import type { VectorRunner } from "./vectorRunner.js";

const day = stationaryPlan({ arrivalsPerHour: 200, ahtSec: 180, agents: 12, hours: 24, seed: 1 });
const season = stationaryPlan({ arrivalsPerHour: 200, ahtSec: 180, agents: 12, hours: 92 * 24, seed: 1 });

describe("how many workers the memory allows", () => {
  it("estimates a worker by the plan's size", () => {
    expect(workerMemoryBytes(day)).toBeLessThan(80e6);
    expect(workerMemoryBytes(season)).toBeGreaterThan(workerMemoryBytes(day));
  });

  it("defaults to one worker per core when memory is plenty, fewer when it is not, never none", () => {
    expect(defaultWorkerCount({ cores: 16, availableBytes: 16e9, plans: [day] })).toBe(16);
    const perWorker = workerMemoryBytes(season);
    expect(defaultWorkerCount({ cores: 16, availableBytes: 256 * 1024 * 1024 + 3.5 * perWorker, plans: [day, season] })).toBe(3);
    expect(defaultWorkerCount({ cores: 16, availableBytes: 0, plans: [season] })).toBe(1);
  });
});

describe("batches of KPI vectors", () => {
  it("hold at most 64 MB of vectors in the main thread, at most 250 replications, at least one", () => {
    expect(batchSize(9_408, 1)).toBe(250); // a week of 30-minute intervals
    expect(batchSize(251_300, 1)).toBe(33); // 50 queues × 92 days of 15 minutes
    expect(batchSize(251_300, 4)).toBe(8); // … compared with three interventions
    expect(batchSize(1e8, 1)).toBe(1);
    // A short run is folded a quarter at a time (while the workers run the next quarter), a long one 250 at a time.
    expect(batchSize(9_976, 4, 100)).toBe(25);
    expect(batchSize(9_976, 4, 20)).toBe(10);
    expect(batchSize(9_976, 1, 4_000)).toBe(250);
  });

  it("give the statistics of one batch: replications are added in order whatever the batches", async () => {
    const layout = kpiVectorLayout(season);
    const vectorOf = (k: number) => Float64Array.from({ length: layout.length }, (_, i) => ((k * 7919 + i) % 1000) / 1000);
    const calls: [number, number][] = [];
    const runner: VectorRunner = {
      async vectors(_, from, to) {
        calls.push([from, to]);
        return Array.from({ length: to - from }, (_, i) => vectorOf(from + i));
      },
    };
    const replications = batchSize(layout.length, 1) + 3;
    const { statistics } = await runSingle({ runner, planned: { source: { kind: "stationary", options: { arrivalsPerHour: 1, ahtSec: 1, agents: 1, hours: 1, seed: 1 } }, plan: season }, maxReplications: replications });
    // Batches of the memory's size, or a quarter of the run (at least 10) when that is smaller.
    const size = Math.min(batchSize(layout.length, 1), Math.max(10, Math.ceil(replications / 4)));
    expect(calls).toEqual(Array.from({ length: Math.ceil(replications / size) }, (_, b) => [b * size, Math.min(replications, (b + 1) * size)]));
    const whole = createRunAccumulator(season);
    for (let k = 0; k < replications; k++) whole.add(k, vectorOf(k));
    expect(JSON.stringify(statistics)).toBe(JSON.stringify(whole.summary()));
  });
});
