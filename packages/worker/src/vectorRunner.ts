import type { CellValues } from "@ccplan/core";
import { runKpiVectors } from "./api.js";
import type { PlanSource } from "./planSource.js";
import type { Pool } from "./pool.js";

/** Produces the KPI vectors of replications from … to − 1 of a source, in replication order. */
export interface VectorRunner {
  vectors(source: PlanSource, from: number, to: number, onProgress?: (done: number) => void): Promise<Float64Array[]>;
  /**
   * Optional: the same vectors as `vectors`, handed to `onVectors` in replication order as each stretch completes
   * (`first` is the replication of `vectors[0]`), the whole range in one run of the pool. A long run asked for in
   * batches left a pool's workers waiting at every batch's end (their next chunk not yet queued); one run keeps them
   * busy to its last chunk, and this thread holds only the stretches not yet complete.
   */
  stream?(source: PlanSource, from: number, to: number, onVectors: (first: number, vectors: Float64Array[]) => void, onProgress?: (done: number) => void): Promise<void>;
  /** Optional: the threads that run the replications (a pool's workers), which can also take `intervalQuantiles`. */
  readonly workers?: number;
  /** Optional: core's `quantilesOfCellValues` of each part, in the runner's threads (a pool's workers, idle once the
   * run is done), in order: the largest piece of a long run's summary, taken beside the caller's thread. */
  intervalQuantiles?(parts: CellValues[]): Promise<Float64Array[]>;
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
    async stream(source, from, to, onVectors, onProgress) {
      if (to <= from) return;
      const { partial } = await pool.run({
        source,
        output: "kpiVectors",
        replications: to - from,
        firstReplication: from,
        keepResults: false,
        onResults: (batch) => onVectors(batch[0]!.replication, batch.map((item) => item.vector)),
        ...(signal && { signal }),
        onProgress: ({ done }) => onProgress?.(done),
      });
      if (partial) throw new DOMException("the run was cancelled", "AbortError");
    },
    workers: pool.size,
    intervalQuantiles: (parts) => Promise.all(parts.map((part) => pool.task((worker) => worker.intervalQuantiles(sendable(part))))),
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

/** A part as it crosses to a worker: values in shared memory go as they are (the worker reads the same memory); a view
 * of a larger ordinary buffer goes as a copy of its own values, since a message would copy the whole buffer. */
function sendable(part: CellValues): CellValues {
  const { values } = part;
  const shared = typeof SharedArrayBuffer === "function" && values.buffer instanceof SharedArrayBuffer;
  return shared || values.byteLength === values.buffer.byteLength ? part : { ...part, values: values.slice() };
}
