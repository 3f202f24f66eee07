import type { CellQuantileBlock } from "@ccplan/core";
import { runKpiVectors } from "./api.js";
import type { PlanSource } from "./planSource.js";
import type { Pool, RunOptions } from "./pool.js";

/** Produces the KPI vectors of replications from … to − 1 of a source, in replication order. */
export interface VectorRunner {
  vectors(source: PlanSource, from: number, to: number, onProgress?: (done: number) => void): Promise<Float64Array[]>;
  /**
   * Optional: the same vectors as `vectors`, handed to `onVectors` in replication order as each stretch completes
   * (`first` is the replication of `vectors[0]`), the whole range in one run of the pool. A long run asked for in
   * batches left a pool's workers waiting at every batch's end (their next chunk not yet queued); one run keeps them
   * busy to its last chunk, and this thread holds only the stretches not yet complete.
   */
  stream?(
    source: PlanSource,
    from: number,
    to: number,
    onVectors: (first: number, vectors: Float64Array[]) => void,
    onProgress?: (done: number) => void,
    options?: StreamOptions,
  ): Promise<void>;
  /** Optional: core's `cellBlockQuantiles` of a summary's share, in an idle worker other than this thread (a pool's
   * `cellQuantiles`); undefined when there is none. */
  cellQuantiles?(block: CellQuantileBlock): Promise<Float64Array> | undefined;
}

export interface StreamOptions {
  /** Streams started with the same key advance side by side (the pool's `lockstep`): a paired comparison's scenarios,
   * so that no stream runs far ahead of the others while their stretches wait to be paired. */
  lockstep?: object;
}

/** Runs replications in a pool of workers (threads in Node, Web Workers in a browser), cancelled by `signal`. */
export function poolRunner(pool: Pool, signal?: AbortSignal): VectorRunner {
  /** KPI vectors of replications from … to − 1 (`extra`: how they come back); rejects with an AbortError if cancelled. */
  const run = async (source: PlanSource, from: number, to: number, onProgress: ((done: number) => void) | undefined, extra: Partial<RunOptions<"kpiVectors">>) => {
    const { results, partial } = await pool.run({
      source,
      output: "kpiVectors",
      replications: to - from,
      firstReplication: from,
      ...(signal && { signal }),
      onProgress: ({ done }) => onProgress?.(done),
      ...extra,
    });
    if (partial) throw new DOMException("the run was cancelled", "AbortError");
    return results;
  };
  return {
    async vectors(source, from, to, onProgress) {
      if (to <= from) return [];
      return (await run(source, from, to, onProgress, {})).map((item) => item.vector);
    },
    async stream(source, from, to, onVectors, onProgress, options) {
      if (to <= from) return;
      await run(source, from, to, onProgress, {
        ...(options?.lockstep && { lockstep: options.lockstep }),
        keepResults: false,
        onResults: (batch) => onVectors(batch[0]!.replication, batch.map((item) => item.vector)),
      });
    },
    cellQuantiles: (block) => pool.cellQuantiles(block),
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
