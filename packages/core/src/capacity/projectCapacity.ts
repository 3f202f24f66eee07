import { replicationPeople, replicationWeekInputs, weekInputKey, capacityReplication, type CapacityRun } from "./capacityReplication.js";
import type { WeekInput } from "./weekScenario.js";

/** Simulates planned weeks (each `weekScenario` of the run's scenario and its input, by `simulateWeek`) and returns
 * their `WEEK_KPIS` in order: in a worker pool, or in the calling thread. `onProgress` gets the weeks done. */
export type WeekSimulator = (inputs: WeekInput[], onProgress?: (weeksDone: number) => void) => Promise<Float64Array[]>;

/** What `projectCapacity` returns: one row per replication (`capacityReplication`) and how much was simulated. */
export interface CapacityProjection {
  rows: Float64Array[];
  /** Weeks of the projection (weeks × replications) and the distinct ones it had to simulate (not in the cache). */
  weeks: number;
  simulatedWeeks: number;
}

/**
 * Replications 0 … `replications` − 1 of a capacity run. The people of every replication are projected here (cheap);
 * the weeks whose inputs are new (not in `cache`, and each distinct input once) go to `simulate` in one batch, and the
 * rows are assembled from the results. Weeks with identical inputs share one run: within a projection, across the
 * projections of a hiring plan, and between a trainer's trajectory and its baseline before the intervention starts.
 * The rows are the same whoever simulates the weeks and whatever was cached (a week is a pure function of its inputs).
 */
export async function projectCapacity(options: {
  run: CapacityRun;
  replications: number;
  simulate: WeekSimulator;
  /** Results by `weekInputKey`; filled with the weeks simulated. Omitted: a fresh one. */
  cache?: Map<string, Float64Array>;
  onProgress?: (weeksDone: number, weeksToSimulate: number) => void;
}): Promise<CapacityProjection> {
  const { run, replications, simulate } = options;
  const cache = options.cache ?? new Map<string, Float64Array>();
  const people = Array.from({ length: replications }, (_, k) => replicationPeople(run, k));
  const missing = new Map<string, WeekInput>();
  let weeks = 0;
  people.forEach((groups, k) => {
    for (const input of replicationWeekInputs(run, k, groups)) {
      weeks++;
      const key = weekInputKey(input);
      if (!cache.has(key) && !missing.has(key)) missing.set(key, input);
    }
  });
  const keys = [...missing.keys()];
  options.onProgress?.(0, keys.length);
  const results = await simulate([...missing.values()], (done) => options.onProgress?.(done, keys.length));
  if (results.length !== keys.length) throw new Error(`the week simulator returned ${results.length} results; expected ${keys.length}`);
  keys.forEach((key, i) => cache.set(key, results[i]!));
  const rows = people.map((_, k) =>
    capacityReplication(run, k, {
      runWeek: (key) => {
        const hit = cache.get(key);
        if (!hit) throw new Error(`week ${key} was neither cached nor simulated`);
        return hit;
      },
    }),
  );
  return { rows, weeks, simulatedWeeks: keys.length };
}
