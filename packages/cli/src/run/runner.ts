import { availableParallelism } from "node:os";
import { createNodePool, inProcessRunner, poolRunner, type Pool, type VectorRunner } from "@ccplan/worker/node";

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * A runner of KPI vectors for the CLI: in this thread with one worker (no start-up cost), else in a pool of
 * worker threads. Replication k is the same pure function of (plan, k) either way, so the output does not
 * depend on the number of workers.
 */
export function createRunner(workers: number): VectorRunner & { close(): Promise<void> } {
  if (workers === 1) return { ...inProcessRunner(), close: async () => {} };
  let pool: Pool | undefined;
  return {
    vectors(source, from, to, onProgress) {
      pool ??= createNodePool({ size: workers });
      return poolRunner(pool).vectors(source, from, to, onProgress);
    },
    async close() {
      await pool?.close();
    },
  };
}
