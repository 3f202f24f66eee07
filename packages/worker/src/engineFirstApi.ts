// The worker's API for a thread started to run a stationary center (`ccplan simulate --rate …`): it loads core's engine
// alone (~10 ms in a fresh thread, against ~60 ms for all of core, whose zod schemas are built at load) and the rest of
// core only when a job needs it. On two cores the threads' loading competes with the main thread's own: both workers
// loading all of core delayed the first replication by ~40 ms. Same answers as `api`, which it hands every other job.
import { createSimulator, stationaryPlan } from "@ccplan/core/engine";
import type { WorkerApi } from "./api.js";
import type { PlanSource } from "./planSource.js";
import { clearPlanCache, kpiVectorsOf, replicationsOf, type CompiledPlan } from "./replicate.js";

/** `api`'s functions, each answering with a promise (as every call through comlink does anyway). */
type Deferred<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };

let loading: Promise<WorkerApi> | undefined;
/** All of core and the worker's whole API, loaded once, the first time a job needs them. */
const fullApi = () => (loading ??= import("./api.js").then((module) => module.api));

function stationary(source: PlanSource): CompiledPlan {
  if (source.kind !== "stationary") throw new Error(`a ${source.kind} source needs all of core`);
  const plan = stationaryPlan(source.options);
  return { plan, simulator: createSimulator(plan) };
}

export const engineFirstApi: Deferred<WorkerApi> = {
  async runKpiVectors(source, from, to, progress) {
    return source.kind === "stationary" ? kpiVectorsOf(source, from, to, progress, stationary) : (await fullApi()).runKpiVectors(source, from, to, progress);
  },
  async runReplications(source, from, to, progress) {
    return source.kind === "stationary" ? replicationsOf(source, from, to, progress, stationary) : (await fullApi()).runReplications(source, from, to, progress);
  },
  async runCapacityWeeks(source, from, to, progress) {
    return (await fullApi()).runCapacityWeeks(source, from, to, progress);
  },
  async clearPlanCache() {
    clearPlanCache();
  },
  async ready() {
    return true;
  },
};
