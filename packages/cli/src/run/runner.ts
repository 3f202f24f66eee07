import { availableParallelism } from "node:os";
import { createNodePool, runKpiVectors, type PlanSource, type Pool } from "@ccplan/worker/node";

/** Progress of a whole command (all scenarios and batches), for the progress bar. */
export type ProgressSink = (done: number, total: number, etaSec: number | null) => void;

/**
 * Runs replications of plan sources and returns their KPI vectors in replication order. With one worker it
 * runs in this thread (no start-up cost); with more, in a pool of worker threads. Either way replication k is
 * the same pure function of (plan, k), so the output does not depend on the number of workers.
 */
export interface Runner {
  readonly workers: number;
  vectors(source: PlanSource, from: number, to: number, onProgress?: (done: number) => void): Promise<Float64Array[]>;
  close(): Promise<void>;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export function createRunner(workers: number): Runner {
  let pool: Pool | undefined;
  return {
    workers,
    async vectors(source, from, to, onProgress) {
      if (to <= from) return [];
      if (workers === 1) {
        return runKpiVectors(source, from, to, (done) => onProgress?.(done)).map((item) => item.vector);
      }
      pool ??= createNodePool({ size: workers });
      const { results } = await pool.run({
        source,
        output: "kpiVectors",
        replications: to - from,
        firstReplication: from,
        onProgress: ({ done }) => onProgress?.(done),
      });
      return results.map((item) => item.vector);
    },
    async close() {
      await pool?.close();
    },
  };
}

/** The stopping points of a run: every replication at once, or the precision plan's check points. */
export function batchEnds(total: number, batch = 250): number[] {
  const ends: number[] = [];
  for (let end = Math.min(batch, total); end < total; end += batch) ends.push(end);
  ends.push(total);
  return ends;
}
