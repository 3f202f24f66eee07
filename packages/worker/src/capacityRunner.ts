import { runCapacityRows, type CapacitySource } from "./capacityJob.js";
import type { Pool } from "./pool.js";

/** Produces the rows of replications from … to − 1 of a capacity run, in replication order. */
export interface CapacityRunner {
  rows(source: CapacitySource, from: number, to: number, onProgress?: (done: number) => void): Promise<Float64Array[]>;
}

/** Runs a capacity plan's replications in a pool of workers (threads in Node, Web Workers in a browser), cancelled
 * by `signal` (then it rejects with an AbortError). */
export function poolCapacityRunner(pool: Pool, signal?: AbortSignal): CapacityRunner {
  return {
    async rows(source, from, to, onProgress) {
      if (to <= from) return [];
      const { results, partial } = await pool.run({
        source,
        output: "capacity",
        replications: to - from,
        firstReplication: from,
        // A replication is a whole year of weeks: hand them out one at a time so both workers stay busy.
        chunkSize: 1,
        ...(signal && { signal }),
        onProgress: ({ done }) => onProgress?.(done),
      });
      if (partial) throw new DOMException("the run was cancelled", "AbortError");
      return results.map((item) => item.row);
    },
  };
}

/** Runs a capacity plan's replications in the calling thread (tests, one worker). */
export function inProcessCapacityRunner(): CapacityRunner {
  return {
    async rows(source, from, to, onProgress) {
      return runCapacityRows(source, from, to, onProgress).map((item) => item.row);
    },
  };
}
