import {
  calibratedPlan,
  cellBlockQuantiles,
  compileScenario,
  createScenarioSimulator,
  createSimulator,
  formatScenarioIssues,
  kpiVector,
  kpiVectorLayout,
  parseIntervalTable,
  parseScenario,
  planFromIntervals,
  scenarioVariants,
  stationaryPlan,
  type CellQuantileBlock,
  type KpiVectorLayout,
  type Plan,
  type ReplicationResult,
  type SimulationOptions,
  type Simulator,
} from "@ccplan/core";
import { releaseProxy } from "comlink";
import { simulateCapacityWeeks, type CapacityWeekResult } from "./capacityJob.js";
import { describeSource, type PlanSource } from "./planSource.js";
import type { RunOutput } from "./pool.js";

/** How often a worker reports progress while it runs, milliseconds. */
export const PROGRESS_INTERVAL_MS = 100;
/** Compiled plans a worker keeps (a comparison alternates between a baseline and its interventions). */
const PLAN_CACHE_SIZE = 8;

interface Compiled {
  plan: Plan;
  simulator: Pick<Simulator, "run">;
  layout?: KpiVectorLayout;
}
const cache = new Map<string, Compiled>();

/** Builds the plan a source describes (a scenario's at the central values of its uncertain inputs). Throws an Error
 * that says what is wrong with the source. */
export function compileSource(source: PlanSource): Plan {
  return buildSource(source).plan;
}

/** The plan a source describes and how to run its replications: a scenario's each at its own draw of the uncertain
 * inputs (core's `createScenarioSimulator`), unless the source fixes them at their central values. */
function buildSource(source: PlanSource): { plan: Plan; simulator: Pick<Simulator, "run"> } {
  switch (source.kind) {
    case "scenario": {
      const parsed = parseScenario(source.scenario);
      if (!parsed.ok) throw new Error(formatScenarioIssues(parsed.issues, "the input"));
      const variants = scenarioVariants(parsed.scenario);
      const variant = source.variant === undefined ? variants[0] : variants.find((v) => v.name === source.variant);
      if (!variant) {
        throw new Error(`unknown variant ${JSON.stringify(source.variant)}; expected one of ${variants.map((v) => JSON.stringify(v.name)).join(", ")}`);
      }
      const simulator = createScenarioSimulator({
        scenario: source.seed === undefined ? parsed.scenario : { ...parsed.scenario, seed: source.seed },
        intervention: source.variant === undefined || source.variant === variants[0]!.name ? undefined : source.variant,
        stage: source.stage,
        assumptions: source.assumptions,
      });
      return { plan: simulator.plan, simulator };
    }
    case "stationary": {
      const plan = stationaryPlan(source.options);
      return { plan, simulator: createSimulator(plan) };
    }
    case "intervals": {
      const parsed = parseIntervalTable(source.csv);
      if (!parsed.ok) throw new Error(`not a valid interval file:\n${parsed.errors.map((e) => `✖ ${e}`).join("\n")}`);
      const built = planFromIntervals(parsed.table, source.options);
      if (!built.ok) throw new Error(built.error);
      return { plan: built.plan, simulator: createSimulator(built.plan) };
    }
    case "capacityWeeks":
      throw new Error("a capacityWeeks source runs with runCapacityWeeks (each week is its own plan), not as one plan");
    case "calibrated": {
      const plan = calibratedPlan(source.input);
      return { plan, simulator: createSimulator(plan) };
    }
    default:
      throw new Error(`unknown plan source kind ${JSON.stringify((source as { kind?: unknown }).kind)}; expected "scenario", "stationary", "intervals", "capacityWeeks" or "calibrated"`);
  }
}

function compiled(source: PlanSource): Compiled {
  const key = JSON.stringify(source);
  const hit = cache.get(key);
  if (hit) {
    // Refresh its place: the Map's insertion order is the eviction order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const entry: Compiled = buildSource(source);
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
 * Runs replications `from … to − 1` of the plan the source describes and returns their results in
 * replication order. The plan is compiled once per worker and source (cached), so chunk after chunk of
 * the same source pays nothing more. Progress goes to `progress` about every 100 ms, from inside long
 * replications too. The results cross to the caller as copies (above: why).
 * Throws an Error whose message names the source and the replication that failed.
 */
export function runReplications(source: PlanSource, from: number, to: number, progress?: ProgressCallback): ReplicationResult[] {
  return replicate(source, from, to, progress, false, (result) => result);
}

/** As `runReplications`, but each replication comes back as its KPI vector (computed here, in the worker). The
 * chunk's vectors are views of one array, one after another, so they cross to the caller as one buffer. */
export function runKpiVectors(source: PlanSource, from: number, to: number, progress?: ProgressCallback): ReplicationKpiVector[] {
  let chunk: Float64Array | undefined;
  return replicate(source, from, to, progress, true, (result, entry) => {
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
  /** Whether `output` reduces a result at once (then each run refills the previous result's arrays: SimulationOptions.recycle). */
  reduces: boolean,
  output: (result: ReplicationResult, entry: Compiled) => T,
): T[] {
  const results: T[] = [];
  let replication = from;
  try {
    const entry = compiled(source);
    const report = throttled(progress);
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

/**
 * Simulates items `from … to − 1` of a capacity run (`source.kind` "capacityWeeks": planned weeks, each its own
 * scenario; core's `weekScenario` and `simulateWeek`) and returns their KPIs in order (copied across, as every result here). Progress
 * as `runReplications`. Throws an Error naming the scenario and the items that failed.
 */
export function runCapacityWeeks(source: PlanSource, from: number, to: number, progress?: ProgressCallback): CapacityWeekResult[] {
  if (source.kind !== "capacityWeeks") throw new Error(`runCapacityWeeks needs a capacityWeeks source; got ${JSON.stringify(source.kind)}`);
  try {
    return simulateCapacityWeeks(source, from, to, progress && throttled(progress));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${describeSource(source)}, weeks ${from}–${to - 1}: ${message}`, { cause: error });
  } finally {
    release(progress);
  }
}


/** What a worker runs for the pool: one of the runs above (`output`), with the time it spent on the chunk by its own
 * clock. The pool sizes the next chunks by it: the thread that hears a chunk end may be busy when it does (folding
 * another worker's results), and a chunk queued behind another starts in the worker before that thread hears of it. */
export interface TimedChunk<T> {
  items: T[];
  /** Milliseconds from the chunk's start to its end, in the worker. */
  elapsedMs: number;
}

export function runChunk(
  output: RunOutput,
  source: PlanSource,
  from: number,
  to: number,
  progress?: ProgressCallback,
): TimedChunk<ReplicationResult | ReplicationKpiVector | CapacityWeekResult> {
  const started = performance.now();
  const items = output === "kpiVectors" ? runKpiVectors(source, from, to, progress) : output === "capacityWeeks" ? runCapacityWeeks(source, from, to, progress) : runReplications(source, from, to, progress);
  return { items, elapsedMs: performance.now() - started };
}

/** `progress` called at most every `PROGRESS_INTERVAL_MS` (a no-op without one). Through comlink a call posts a
 * message and returns a promise that settles when the main thread answers, which it can only do after the caller's
 * synchronous loop: it is never awaited here. */
function throttled(progress: ProgressCallback | undefined): ProgressCallback {
  let lastReport = performance.now();
  return (done) => {
    const now = performance.now();
    if (!progress || now - lastReport < PROGRESS_INTERVAL_MS) return;
    lastReport = now;
    void Promise.resolve(progress(done)).catch(() => undefined);
  };
}

// A comlink proxy holds a MessagePort open on the main thread until it is released; a plain function
// (a direct call, as in tests) has nothing to release.
function release(callback: ProgressCallback | undefined): void {
  const releaser = (callback as { [releaseProxy]?: () => void } | undefined)?.[releaseProxy];
  if (typeof releaser === "function") releaser();
}

/** Forgets the compiled plans (for tests and memory pressure). */
export function clearPlanCache(): void {
  cache.clear();
}

/** Answers once the worker has loaded (the pool's `warm`). */
export function ready(): boolean {
  return true;
}

/** P10, P50 and P90 of a block of a summary's interval cells (core's `cellBlockQuantiles`): the share of a summary that
 * an idle worker takes while the thread that asked for it takes the rest (`RunAccumulator.shareSummary`). */
export function cellQuantiles(block: CellQuantileBlock): Float64Array {
  return cellBlockQuantiles(block);
}

/** What a worker exposes: plain functions over core. The type is the contract between pool and worker. */
// The pool calls `runChunk` and `cellQuantiles`; the runs `runChunk` dispatches to stay exported for callers in the
// same thread.
export const api = { runChunk, cellQuantiles, clearPlanCache, ready };
export type WorkerApi = typeof api;
