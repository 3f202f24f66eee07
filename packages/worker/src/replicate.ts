// The replications of compiled plans, for a worker: the plan cache, the replication loop with its progress reports, and
// KPI vectors. It imports core's engine only (`@ccplan/core/engine`), so that a thread can run a plan it is handed without
// loading the schemas; api.ts builds plans from every kind of source with all of core and runs them here.
import { kpiVector, kpiVectorLayout, type KpiVectorLayout, type Plan, type ReplicationResult, type SimulationOptions, type Simulator } from "@ccplan/core/engine";
import { releaseProxy } from "comlink";
import { describeSource, type PlanSource } from "./planSource.js";

/** How often a worker reports progress while it runs, milliseconds. */
export const PROGRESS_INTERVAL_MS = 100;
/** Compiled plans a worker keeps (a comparison alternates between a baseline and its interventions). */
const PLAN_CACHE_SIZE = 8;

/** A source's plan and how to run its replications. */
export interface CompiledPlan {
  plan: Plan;
  simulator: Pick<Simulator, "run">;
}
/** Builds a source's plan (throws an Error that says what is wrong with the source). */
export type PlanBuilder = (source: PlanSource) => CompiledPlan;

interface Compiled extends CompiledPlan {
  layout?: KpiVectorLayout;
}
const cache = new Map<string, Compiled>();

function compiled(source: PlanSource, build: PlanBuilder): Compiled {
  const key = JSON.stringify(source);
  const hit = cache.get(key);
  if (hit) {
    // Refresh its place: the Map's insertion order is the eviction order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const entry: Compiled = build(source);
  cache.set(key, entry);
  if (cache.size > PLAN_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return entry;
}

/** Progress callback: replications done in this call, counting the fraction of the current one. */
export type ProgressCallback = (done: number) => void;

/** One replication's KPI values (core's `kpiVector`, in the layout `kpiVectorLayout(plan)` gives): a few
 * kilobytes instead of a `ReplicationResult`'s wait histograms, and what core's run accumulator takes. */
export interface ReplicationKpiVector {
  replication: number;
  vector: Float64Array;
}

// Results cross to the caller as copies: a worker never transfers its results' buffers. The first ArrayBuffer an
// isolate detaches (a transfer does) invalidates V8's "array buffer detaching" protector for good, and from then on
// every typed-array access in optimised code checks for a detached buffer. The engine is typed arrays throughout:
// on the standard day in a Node worker thread, 1.20 ms a replication before any transfer and 1.36 ms after one
// (13% slower; 5 runs each, 2026-12-07). A chunk's KPI vectors are kilobytes; copying them costs far less.

/**
 * Runs replications `from … to − 1` of the plan `build` makes of the source and returns their results in
 * replication order. The plan is compiled once per worker and source (cached), so chunk after chunk of
 * the same source pays nothing more. Progress goes to `progress` about every 100 ms, from inside long
 * replications too. The results cross to the caller as copies (above: why).
 * Throws an Error whose message names the source and the replication that failed.
 */
export function replicationsOf(source: PlanSource, from: number, to: number, progress: ProgressCallback | undefined, build: PlanBuilder): ReplicationResult[] {
  return replicate(source, from, to, progress, build, false, (result) => result);
}

/** As `replicationsOf`, but each replication comes back as its KPI vector (computed here, in the worker). The
 * chunk's vectors are views of one array, one after another, so they cross to the caller as one buffer. */
export function kpiVectorsOf(source: PlanSource, from: number, to: number, progress: ProgressCallback | undefined, build: PlanBuilder): ReplicationKpiVector[] {
  let chunk: Float64Array | undefined;
  return replicate(source, from, to, progress, build, true, (result, entry) => {
    const layout = (entry.layout ??= kpiVectorLayout(entry.plan));
    chunk ??= new Float64Array((to - from) * layout.length);
    const at = (result.replication - from) * layout.length;
    return { replication: result.replication, vector: kpiVector(entry.plan, result, layout, chunk.subarray(at, at + layout.length)) };
  });
}

function replicate<T>(
  source: PlanSource,
  from: number,
  to: number,
  progress: ProgressCallback | undefined,
  build: PlanBuilder,
  /** Whether `output` reduces a result at once (then each run refills the previous result's arrays: SimulationOptions.recycle). */
  reduces: boolean,
  output: (result: ReplicationResult, entry: Compiled) => T,
): T[] {
  const results: T[] = [];
  let replication = from;
  try {
    const entry = compiled(source, build);
    let lastReport = performance.now();
    const report = (done: number) => {
      const now = performance.now();
      if (now - lastReport < PROGRESS_INTERVAL_MS) return;
      lastReport = now;
      // Through comlink this posts a message and returns a promise that settles when the main thread
      // answers, which it can only do after this synchronous loop: never await it here.
      void Promise.resolve(progress!(done)).catch(() => undefined);
    };
    const options: SimulationOptions = progress ? { onProgress: (fraction: number) => report(replication - from + fraction) } : {};
    for (; replication < to; replication++) {
      const result = entry.simulator.run(replication, options);
      if (reduces) options.recycle = result;
      results.push(output(result, entry));
      if (progress) report(replication + 1 - from);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${describeSource(source)}, replication ${replication}: ${message}`, { cause: error });
  } finally {
    release(progress);
  }
  return results;
}

// A comlink proxy holds a MessagePort open on the main thread until it is released; a plain function
// (a direct call, as in tests) has nothing to release.
export function release(callback: ProgressCallback | undefined): void {
  const releaser = (callback as { [releaseProxy]?: () => void } | undefined)?.[releaseProxy];
  if (typeof releaser === "function") releaser();
}

/** Forgets the compiled plans (for tests and memory pressure). */
export function clearPlanCache(): void {
  cache.clear();
}
