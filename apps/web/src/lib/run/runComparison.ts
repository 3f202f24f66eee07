// The page's side of a comparison: the pool of Web Workers runs the replications, the comparison worker keeps the
// statistics; this thread only passes messages, so it never holds a task over a few milliseconds.
import type { Anchoring, AssumptionsView, Scenario, SensitivityResult } from "@ccplan/core";
import type { AnchorRequest } from "./anchorApi";
import type { PlanSource, PrecisionTarget } from "@ccplan/worker";
import { proxy, transfer, type Remote } from "comlink";
import { comparisonPool, poolRemoteRunner } from "./comparisonPool";
import type { CompareWorkerApi, RemoteRunner } from "./compareWorker";
import type { ComparisonView } from "./comparisonView";
import type { SensitivityRequest } from "./sensitivityApi";
import { settleOnAbort, startedWorker, type StartedWorker } from "./startedWorker";

let worker: StartedWorker<CompareWorkerApi> | undefined;

/** The comparison worker, started on first use and kept (replaced if it fails). */
function compareWorker(): StartedWorker<CompareWorkerApi> {
  worker ??= startedWorker<CompareWorkerApi>(new Worker(new URL("./compareWorker.ts", import.meta.url), { type: "module", name: "ccplan-compare" }), "comparison worker", () => {
    worker = undefined;
  });
  return worker;
}

/** Replications per scenario of the warm-up comparison: core's EVPPI regression fits its spline from 10 on, so the
 * decision's code is compiled too. */
const WARM_REPLICATIONS = 10;
/** The warm-up stops asking for replications this long after its first: a large scenario's would hold both cores for
 * long (a run started meanwhile stops them anyway). The default comparison's take about half a second on an idle
 * machine, 1.5 s at load 6 on two cores. */
const WARM_BUDGET_MS = 3_000;

/**
 * Starts both kinds of workers ahead of the first run (core loads in each in about 0.2 s), then, while the page is
 * idle, has them run what a comparison of `scenario` (the one on screen) with `selected` runs, its result dropped: a
 * comparison of 10 replications a scenario, through the pool, the comparison worker and the money worker. V8 then
 * compiles the code a comparison runs while nobody waits, and the pool's workers compile the scenarios' plans. Without
 * it, a fresh page's first comparison had V8 optimise some 70 functions a worker on background threads, on the cores
 * its replications wanted: the default comparison took 7.1 s of CPU on a fresh page, 6.1–6.5 s the next time on the
 * same page. Once per page; a run started meanwhile stops it (`warmRunner`).
 */
export function warmComparison(scenario?: Scenario, selected: readonly string[] = [], assumptions: AssumptionsView = "combined"): void {
  const { remote } = compareWorker();
  const pool = comparisonPool();
  void pool
    .warm()
    .then(async () => {
      if (!scenario || warmedUp || warmUp.stopped) return;
      warmedUp = true;
      const request = { scenario, selected: [...selected], maxReplications: WARM_REPLICATIONS, assumptions };
      await remote.warm(request, proxy(warmRunner(performance.now() + WARM_BUDGET_MS)) as unknown as Remote<RemoteRunner>);
    })
    .catch(() => undefined);
}
let warmedUp = false;
/** Set when a run starts: the warm-up asks for no more replications. */
const warmUp = { stopped: false };

/** Stops the idle warm-up for good: every run that uses the page's pool calls it first (a comparison, sensitivity and
 * anchoring here, the year plan and the roster in theirs), so that its chunks do not queue behind the warm-up's. */
export function stopWarmUp(): void {
  warmUp.stopped = true;
}

/** Replications the warm-up asks the pool for at a time: two, so that the second runs as a run's chunks do, refilling
 * the first one's arrays (the worker's `recycle`). */
const WARM_CHUNK = 2;

/**
 * The pool as the warm-up comparison's runner: WARM_CHUNK replications at a time, so that a run started meanwhile waits
 * for at most a few replications in each worker (the pool serves runs in the order they come), and none once a run has
 * started or the budget is spent: the warm-up comparison then fails, unseen.
 */
function warmRunner(untilMs: number): RemoteRunner {
  const pool = comparisonPool();
  return {
    async vectors(source, from, to) {
      const vectors: Float64Array[] = [];
      for (let first = from; first < to; first += WARM_CHUNK) {
        if (warmUp.stopped || performance.now() > untilMs) throw cancelled();
        // With progress, as a run's chunks have it: the engine compiled for calls without it would deoptimise in the run.
        const { results } = await pool.run({ source: sameSource(source), output: "kpiVectors", replications: Math.min(WARM_CHUNK, to - first), firstReplication: first, onProgress: () => undefined });
        for (const item of results) vectors.push(item.vector);
      }
      return transfer(vectors, [...new Set(vectors.map((vector) => vector.buffer as ArrayBuffer))]);
    },
  };
}

export interface RunComparisonOptions {
  /** A validated scenario as plain data (snapshot a Svelte state proxy first: proxies cannot be cloned). */
  scenario: Scenario;
  /** Names of the interventions to compare with the baseline. */
  selected: readonly string[];
  maxReplications: number;
  precision?: PrecisionTarget;
  /** Draw the uncertain inputs per replication (`combined`, the default) or keep them central (`fixed`). */
  assumptions?: AssumptionsView;
  signal: AbortSignal;
  /** Replications done over all scenarios, the total, and seconds left (estimate; null at first). */
  onProgress?: (done: number, total: number, etaSec: number | null) => void;
}

/** The AbortError a cancelled comparison rejects with. */
export const cancelled = () => new DOMException("the comparison was cancelled", "AbortError");

/**
 * Runs the baseline and the selected interventions on common random numbers (`runPaired` in the comparison
 * worker, replications in the pool) and resolves with the view to draw. Aborting `signal` stops the pool's
 * workers at once and rejects with an AbortError straight away.
 */
export function runComparison(options: RunComparisonOptions): Promise<ComparisonView> {
  const request = {
    scenario: options.scenario,
    selected: [...options.selected],
    maxReplications: options.maxReplications,
    ...(options.precision && { precision: options.precision }),
    ...(options.assumptions && { assumptions: options.assumptions }),
  };
  return inWorker((remote, runner, progress) => remote.compare(request, runner, progress), options);
}

/** Core's sensitivity analysis (tornados) of the scenario, or of one intervention, in the workers; cancelled like a comparison. */
export function runSensitivity(options: {
  request: SensitivityRequest;
  signal: AbortSignal;
  onProgress?: RunComparisonOptions["onProgress"];
}): Promise<SensitivityResult> {
  return inWorker((remote, runner, progress) => remote.sensitivity(options.request, runner, progress), options);
}

/** Core's anchoring of the experience model to the center's figures, its trial simulations in the workers. */
export function runAnchoring(options: { request: AnchorRequest; signal: AbortSignal; onProgress?: RunComparisonOptions["onProgress"] }): Promise<Anchoring> {
  return inWorker((remote, runner, progress) => remote.anchor(options.request, runner, progress), options);
}

type ProgressSink = NonNullable<RunComparisonOptions["onProgress"]>;


/** Calls the comparison worker with the page's pool runner and progress as proxies; settles at once on abort. */
async function inWorker<T>(
  call: (remote: Remote<CompareWorkerApi>, runner: Remote<RemoteRunner>, progress: Remote<ProgressSink> | undefined) => Promise<T>,
  options: { signal: AbortSignal; onProgress?: ProgressSink },
): Promise<T> {
  const { signal } = options;
  if (signal.aborted) throw cancelled();
  stopWarmUp();
  // The page's pool as the comparison worker's runner, each source as the pool has timed it before.
  const remoteRunner = poolRemoteRunner(signal, sameSource);
  const { remote, crashed } = compareWorker();
  // comlink's types do not follow a proxy across as a Remote; at run time it is one.
  const running = call(
    remote,
    proxy(remoteRunner) as unknown as Remote<RemoteRunner>,
    options.onProgress ? (proxy(options.onProgress) as unknown as Remote<ProgressSink>) : undefined,
  );
  return settleOnAbort(running, crashed, signal, cancelled);
}

/** Sources by their JSON, the last few asked for. */
const knownSources = new Map<string, PlanSource>();
/**
 * The source object this page asked the pool for before with the same content, or this one: each call from the
 * comparison worker brings a new copy, and the pool times sources by object, so that a batch of a scenario already
 * timed starts with chunks of ~200 ms. With a new copy each batch began as one replication a worker, then the chunks.
 */
function sameSource(source: PlanSource): PlanSource {
  const key = JSON.stringify(source);
  const known = knownSources.get(key);
  if (known) return known;
  knownSources.set(key, source);
  if (knownSources.size > 16) knownSources.delete(knownSources.keys().next().value!);
  return source;
}

/** The last comparison in full, as `ccplan compare --json` writes it; null before the first one. */
export function comparisonJson(): Promise<string | null> {
  return compareWorker().remote.exportJson();
}
