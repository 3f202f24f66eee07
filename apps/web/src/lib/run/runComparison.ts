// The page's side of a comparison: the pool of Web Workers runs the replications, the comparison worker keeps the
// statistics; this thread only passes messages, so it never holds a task over a few milliseconds.
import type { Anchoring, AssumptionsView, Scenario, SensitivityResult } from "@ccplan/core";
import type { AnchorRequest } from "./anchorApi";
import { poolRunner, recipeSource, type PrecisionTarget } from "@ccplan/worker";
import { proxy, releaseProxy, transfer, type Remote } from "comlink";
import { comparisonPool } from "./comparisonPool";
import type { CompareWorkerApi, RemoteRunner } from "./compareWorker";
import type { ComparisonView } from "./comparisonView";
import type { SensitivityRequest } from "./sensitivityApi";
import { startedWorker, type StartedWorker } from "./startedWorker";

let worker: StartedWorker<CompareWorkerApi> | undefined;

/** The comparison worker, started on first use and kept (replaced if it fails). */
function compareWorker(): StartedWorker<CompareWorkerApi> {
  worker ??= startedWorker<CompareWorkerApi>(new Worker(new URL("./compareWorker.ts", import.meta.url), { type: "module", name: "ccplan-compare" }), "comparison worker", () => {
    worker = undefined;
  });
  return worker;
}

/**
 * Starts both kinds of workers ahead of the first run (core loads in each in about 0.2 s), then has each of the pool's
 * workers simulate one replication of `scenario` (the one on screen), its result dropped: the engine's code is compiled
 * for what it runs while the page is idle, not during the first run (a first replication of the week took ~0.3 s more
 * than the next ones, and V8 compiled the engine in each worker on the cores the run wanted). One replication per worker,
 * once per page.
 */
export function warmComparison(scenario?: Scenario): void {
  compareWorker();
  const pool = comparisonPool();
  void pool
    .warm()
    .then(async () => {
      if (!scenario || engineWarmed) return;
      engineWarmed = true;
      await pool.run({ source: recipeSource({ scenario }), output: "kpiVectors", replications: pool.size, chunkSize: 1 });
    })
    .catch(() => undefined);
}
let engineWarmed = false;

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
  const runner = poolRunner(comparisonPool(), signal);
  const remoteRunner: RemoteRunner = {
    async vectors(source, from, to, onProgress) {
      const progress = onProgress as Remote<(done: number) => void> | undefined;
      try {
        const vectors = await runner.vectors(source, from, to, progress ? (done) => void progress(done).catch(() => undefined) : undefined);
        // A chunk's vectors share one buffer: list each buffer once.
        return transfer(vectors, [...new Set(vectors.map((vector) => vector.buffer as ArrayBuffer))]);
      } finally {
        progress?.[releaseProxy]();
      }
    },
  };
  const { remote, crashed } = compareWorker();
  // comlink's types do not follow a proxy across as a Remote; at run time it is one.
  const running = call(
    remote,
    proxy(remoteRunner) as unknown as Remote<RemoteRunner>,
    options.onProgress ? (proxy(options.onProgress) as unknown as Remote<ProgressSink>) : undefined,
  );
  // Settles after a cancel too; nobody waits for it then.
  running.catch(() => undefined);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(cancelled());
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([running, aborted, crashed]);
  } finally {
    signal.removeEventListener("abort", onAbort!);
  }
}

/** The last comparison in full, as `ccplan compare --json` writes it; null before the first one. */
export function comparisonJson(): Promise<string | null> {
  return compareWorker().remote.exportJson();
}
