import { runKpiVectors } from "./api.js";
import type { PlanSource } from "./planSource.js";
import type { Pool } from "./pool.js";

/** Produces the KPI vectors of replications from … to − 1 of a source, in replication order. */
export interface VectorRunner {
  vectors(source: PlanSource, from: number, to: number, onProgress?: (done: number) => void): Promise<Float64Array[]>;
}

/** Runs replications in a pool of workers (threads in Node, Web Workers in a browser), cancelled by `signal`. */
export function poolRunner(pool: Pool, signal?: AbortSignal): VectorRunner {
  return {
    async vectors(source, from, to, onProgress) {
      if (to <= from) return [];
      const { results, partial } = await pool.run({
        source,
        output: "kpiVectors",
        replications: to - from,
        firstReplication: from,
        ...(signal && { signal }),
        onProgress: ({ done }) => onProgress?.(done),
      });
      if (partial) throw new DOMException("the run was cancelled", "AbortError");
      return results.map((item) => item.vector);
    },
  };
}

/** Runs replications in the calling thread (no start-up cost; for one worker, tests and small jobs). */
export function inProcessRunner(): VectorRunner {
  return {
    async vectors(source, from, to, onProgress) {
      if (to <= from) return [];
      return runKpiVectors(source, from, to, (done) => onProgress?.(done)).map((item) => item.vector);
    },
  };
}
