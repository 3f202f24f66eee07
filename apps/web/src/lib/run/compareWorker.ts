// The comparison worker: runs core's paired accumulators off the main thread. Replications come from the page's
// pool of Web Workers through `runner`, a comlink proxy of the page's pool runner.
import { expose, proxy, releaseProxy, type Endpoint, type Remote } from "comlink";
import type { RunProgressSink, VectorRunner } from "@ccplan/worker";
import { compare, exportJson, type CompareRequest } from "./compareApi";
import type { ComparisonView } from "./comparisonView";
import { sensitivity, type SensitivityRequest } from "./sensitivityApi";
import type { Anchoring, SensitivityResult } from "@ccplan/core";
import { anchor, type AnchorRequest } from "./anchorApi";

/** The page's pool runner as the comparison worker sees it: progress goes back through a proxied callback. */
export interface RemoteRunner {
  vectors(source: Parameters<VectorRunner["vectors"]>[0], from: number, to: number, onProgress?: (done: number) => void): Promise<Float64Array[]>;
}

/** The page's runner as a VectorRunner here: progress callbacks cross back as proxies. */
const localRunner = (runner: Remote<RemoteRunner>): VectorRunner => ({
  vectors: (source, from, to, progress) => runner.vectors(source, from, to, progress ? proxy(progress) : undefined),
});

const api = {
  async compare(request: CompareRequest, runner: Remote<RemoteRunner>, onProgress?: Remote<RunProgressSink>): Promise<ComparisonView> {
    const local = localRunner(runner);
    try {
      // The view crosses as a copy (a few hundred kB), never transferred: the first ArrayBuffer an isolate detaches
      // invalidates V8's "array buffer detaching" protector for good, and from then on every typed-array access in
      // optimised code here (core's accumulators, this worker's next comparison or sensitivity) checks for detachment
      // (the worker package measured the engine 13% slower after one).
      return await compare(request, local, onProgress ? (done, total, etaSec) => void onProgress(done, total, etaSec) : undefined);
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
  exportJson,
};
export type CompareWorkerApi = typeof api;

// `self`: comlink's default endpoint is globalThis; the cast because this file type-checks with the DOM lib.
expose(api, self as unknown as Endpoint);
