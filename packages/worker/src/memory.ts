import { kpiVectorLayout, replicationResultBytes, type Plan } from "@ccplan/core";

/** What a worker thread costs before it holds any replication: a V8 isolate with core loaded, bytes. */
const WORKER_BASE_BYTES = 64 * 1024 * 1024;

/**
 * Bytes a worker needs to run replications of `plan`: its isolate, one replication's result arrays (the engine's
 * counters and wait histograms; the simulator keeps none between runs) and the KPI vector made from them, with
 * the per-row KPI records `kpiVector` builds on the way (about 8 values' worth of memory per vector value).
 * Measured on the 50-queue × 92-day × 15-minute benchmark (bench/memory-results.json) it errs on the high side.
 */
export function workerMemoryBytes(plan: Plan): number {
  const result = replicationResultBytes({ intervalCount: plan.intervalCount, queueCount: plan.queues.length, groupCount: plan.groups.length });
  const vector = kpiVectorLayout(plan).length * Float64Array.BYTES_PER_ELEMENT;
  return WORKER_BASE_BYTES + result + 9 * vector;
}

/**
 * The default number of workers: one per core, but no more than `availableBytes` (what the machine can spare,
 * after `reserveBytes` for the main thread) holds at `workerMemoryBytes` of the largest plan to run. At least one.
 */
export function defaultWorkerCount(options: { cores: number; availableBytes: number; plans: readonly Plan[]; reserveBytes?: number }): number {
  const perWorker = Math.max(WORKER_BASE_BYTES, ...options.plans.map(workerMemoryBytes));
  const spare = options.availableBytes - (options.reserveBytes ?? 256 * 1024 * 1024);
  const byMemory = Math.floor(spare / perWorker);
  return Math.max(1, Math.min(options.cores, byMemory));
}
