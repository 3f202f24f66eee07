// The comparison worker: runs core's paired accumulators off the main thread. Replications come from the page's
// pool of Web Workers through `runner`, a comlink proxy of the page's pool runner.
import { expose, proxy, releaseProxy, type Endpoint, type Remote } from "comlink";
import type { RunProgressSink, VectorRunner } from "@ccplan/worker";
import { compare, exportJson, type CompareRequest } from "./compareApi";
import { moneyStage, type MoneyStageRunner, type PhaseSamples } from "./moneyRun";
import type { MoneyWorkerApi } from "./moneyWorker";
import type { ComparisonView } from "./comparisonView";
import { sensitivity, type SensitivityRequest } from "./sensitivityApi";
import type { Anchoring, SensitivityResult } from "@ccplan/core";
import { anchor, type AnchorRequest } from "./anchorApi";
import { startedWorker, type StartedWorker } from "./startedWorker";

/** The page's pool runner as the comparison worker sees it: progress goes back through a proxied callback. */
export interface RemoteRunner {
  vectors(source: Parameters<VectorRunner["vectors"]>[0], from: number, to: number, onProgress?: (done: number) => void): Promise<Float64Array[]>;
}

/** The page's runner as a VectorRunner here: progress callbacks cross back as proxies. */
const localRunner = (runner: Remote<RemoteRunner>): VectorRunner => ({
  vectors: (source, from, to, progress) => runner.vectors(source, from, to, progress ? proxy(progress) : undefined),
});

let moneyWorker: StartedWorker<MoneyWorkerApi> | undefined;

/** The money worker (moneyWorker.ts), started with this one so that core has loaded in it by the first comparison's
 * end, and replaced if it fails; undefined where a worker cannot start one of its own. */
function startMoneyWorker(): typeof moneyWorker {
  if (typeof Worker === "undefined") return undefined;
  moneyWorker ??= startedWorker<MoneyWorkerApi>(new Worker(new URL("./moneyWorker.ts", import.meta.url), { type: "module", name: "ccplan-money" }), "money worker", () => {
    moneyWorker = undefined;
  });
  return moneyWorker;
}
startMoneyWorker();

/** The money stage and the decision in the money worker, while this one summarises the runs (in this thread if there
 * is no money worker). */
const inMoneyWorker: MoneyStageRunner = async (input, runPhase) => {
  const worker = startMoneyWorker();
  if (!worker) return moneyStage(input, runPhase);
  // comlink's types do not follow a proxy across as a Remote; at run time it is one.
  return Promise.race([worker.remote.run(input, proxy(runPhase) as unknown as Remote<PhaseSamples>), worker.crashed]);
};

const api = {
  async compare(request: CompareRequest, runner: Remote<RemoteRunner>, onProgress?: Remote<RunProgressSink>): Promise<ComparisonView> {
    const local = localRunner(runner);
    try {
      // The view crosses as a copy (a few hundred kB), never transferred: the first ArrayBuffer an isolate detaches
      // invalidates V8's "array buffer detaching" protector for good, and from then on every typed-array access in
      // optimised code here (core's accumulators, this worker's next comparison or sensitivity) checks for detachment
      // (the worker package measured the engine 13% slower after one).
      return await compare(request, local, onProgress ? (done, total, etaSec) => void onProgress(done, total, etaSec) : undefined, inMoneyWorker);
    } finally {
      runner[releaseProxy]();
      onProgress?.[releaseProxy]();
    }
  },
  async sensitivity(request: SensitivityRequest, runner: Remote<RemoteRunner>, onProgress?: Remote<RunProgressSink>): Promise<SensitivityResult> {
    try {
      return await sensitivity(request, localRunner(runner), onProgress ? (done, total, etaSec) => void onProgress(done, total, etaSec) : undefined);
    } finally {
      runner[releaseProxy]();
      onProgress?.[releaseProxy]();
    }
  },
  async anchor(request: AnchorRequest, runner: Remote<RemoteRunner>, onProgress?: Remote<RunProgressSink>): Promise<Anchoring> {
    try {
      return await anchor(request, localRunner(runner), onProgress ? (done, total, etaSec) => void onProgress(done, total, etaSec) : undefined);
    } finally {
      runner[releaseProxy]();
      onProgress?.[releaseProxy]();
    }
  },
  /**
   * A small comparison whose result is dropped (not kept for `exportJson`): run while the page is idle, it has V8
   * compile what a comparison runs (the engine in the pool's workers, the accumulators and summaries here, the money
   * stage and the decision in the money worker) and the pool's workers compile the scenarios' plans, so that the first
   * comparison does not do it on the cores its replications want. Never rejects.
   */
  async warm(request: CompareRequest, runner: Remote<RemoteRunner>): Promise<void> {
    try {
      await compare(request, localRunner(runner), undefined, inMoneyWorker, false);
    } catch {
      // A warm-up that fails (a scenario that cannot run) leaves the failure for the run itself to report.
    } finally {
      runner[releaseProxy]();
    }
  },
  exportJson,
};
export type CompareWorkerApi = typeof api;

// `self`: comlink's default endpoint is globalThis; the cast because this file type-checks with the DOM lib.
expose(api, self as unknown as Endpoint);
