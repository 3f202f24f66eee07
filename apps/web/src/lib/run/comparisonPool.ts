import { createBrowserPool, poolRunner, type PlanSource, type Pool } from "@ccplan/worker";
import { releaseProxy, transfer, type Remote } from "comlink";
import type { RemoteRunner } from "./compareWorker";

let shared: Pool | undefined;

/**
 * The page's one pool of Web Workers, created on first use and kept for later runs (workers stay warm). One worker per
 * core on one or two cores, all cores but one on more (see `comparisonPoolSize`). `?workers=N` in the page's address
 * asks for N workers instead (the speed bench measures one and two on two cores).
 */
export function comparisonPool(): Pool {
  shared ??= createBrowserPool({ size: comparisonPoolSize(navigator.hardwareConcurrency || 2, new URLSearchParams(location.search).get("workers")) });
  return shared;
}

/**
 * Workers for a machine of `cores` cores: every core on one or two, all but one on more; or `requested` (from the
 * address) when it is a whole number from 1 to 64.
 *
 * Why not always one core less, for the page: on two cores that halves a run's speed (the default comparison took 7.7 s
 * with one worker, 6.0 s with two, before issue #15's other cuts), and the page does not need a core of its own. Its
 * thread is idle through a run but for short tasks (messages, the progress bar 4 times a second, each a few ms), and the
 * operating system runs a thread that wakes from sleep ahead of busy ones. Measured in chromium on two cores
 * (apps/web/bench/comparison.mjs, 2026-12-07): with two workers, no main-thread task over 50 ms in six comparisons at
 * load 1–3.7 and a 50 ms timer late by 3–17 ms at the 95th percentile (3–5 ms with one worker); with the machine loaded
 * far past its cores (load 7.5), 16–20 ms (3–8 ms with one) and the longest task 80–147 ms (0–88 ms). The e2e compare
 * test asserts no task holds a tenth of a run. On more cores, one is kept for the page, the comparison worker and the
 * money worker, whose summaries follow the replications.
 */
export function comparisonPoolSize(cores: number, requested: string | null = null): number {
  const asked = requested === null ? NaN : Number(requested);
  if (Number.isInteger(asked) && asked >= 1 && asked <= 64) return asked;
  return cores <= 2 ? Math.max(1, cores) : cores - 1;
}

/** The page's pool as a module worker's runner (cancelled by `signal`): progress goes back through the worker's proxy,
 * released after the call, and each chunk's vectors go back as one buffer. `sourceOf` may swap the source for one the
 * pool has timed before (the comparison's `sameSource`). */
export function poolRemoteRunner(signal?: AbortSignal, sourceOf: (source: PlanSource) => PlanSource = (source) => source): RemoteRunner {
  const runner = poolRunner(comparisonPool(), signal);
  return {
    async vectors(source, from, to, onProgress) {
      const progress = onProgress as Remote<(done: number) => void> | undefined;
      try {
        const vectors = await runner.vectors(sourceOf(source), from, to, progress ? (done) => void progress(done).catch(() => undefined) : undefined);
        // A chunk's vectors share one buffer: list each buffer once.
        return transfer(vectors, [...new Set(vectors.map((vector) => vector.buffer as ArrayBuffer))]);
      } finally {
        progress?.[releaseProxy]();
      }
    },
  };
}
