import { availableParallelism, freemem } from "node:os";
import type { Plan } from "@ccplan/core";
import { createNodePool, defaultWorkerCount, inProcessRunner, poolRunner, type Pool, type VectorRunner } from "@ccplan/worker/node";

/**
 * `--workers`' default: one per core, but only as many as the free memory holds for the plans to run (each worker
 * needs about `workerMemoryBytes(plan)`: little for a week of one queue, a few hundred MB for 50 queues × 92 days of
 * 15 minutes). Without plans, one per core.
 */
export function defaultWorkers(plans: readonly Plan[] = []): number {
  return defaultWorkerCount({ cores: Math.max(1, availableParallelism()), availableBytes: freemem(), plans });
}

/**
 * A runner of KPI vectors for the CLI: in this thread with one worker (no start-up cost), else in a pool of
 * worker threads. `workers` undefined: `defaultWorkers(plans)`. Replication k is the same pure function of
 * (plan, k) either way, so the output does not depend on the number of workers.
 */
export function createRunner(workers: number | undefined, plans: readonly Plan[] = []): VectorRunner & { close(): Promise<void> } {
  const size = workers ?? defaultWorkers(plans);
  if (size === 1) return { ...inProcessRunner(), close: async () => {} };
  let pool: Pool | undefined;
  let closing: Promise<void> | undefined;
  const runner = () => {
    // A closed runner starts no new pool behind its caller's back (one that nothing would close).
    if (closing) throw new Error("the runner is closed; create a new one");
    // This thread simulates as one of the `size`: it would otherwise only fold the workers' results.
    return poolRunner((pool ??= createNodePool({ size, inThread: true })));
  };
  return {
    vectors: (source, from, to, onProgress) => runner().vectors(source, from, to, onProgress),
    stream: (...args) => runner().stream!(...args),
    // A summary's share goes to an idle worker thread of the pool the run used, if it is still open.
    cellQuantiles: (block) => (pool && !closing ? pool.cellQuantiles(block) : undefined),
    // Once, however often it is called: a command may close early (its runs done) and again in its `finally`.
    close: () => (closing ??= pool ? pool.close() : Promise.resolve()),
  };
}
