// The page's side of the roster optimiser: a roster worker (HiGHS and core's loop) kept between runs and ended by a
// cancel (a solve blocks it for seconds and cannot be interrupted from outside), with the simulations in the page's
// pool of Web Workers.
import type { RosterDocument, RosterProgress } from "@ccplan/core";
import { proxy, type Remote } from "comlink";
import { poolRemoteRunner } from "../run/comparisonPool";
import { stopWarmUp } from "../run/runComparison";
import type { RemoteRunner } from "../run/compareWorker";
import type { RosterRequest, RosterWorkerApi } from "./rosterWorker";
import { settleOnAbort, startedWorker, type StartedWorker } from "../run/startedWorker";

const cancelled = () => new DOMException("the roster optimisation was cancelled", "AbortError");

let worker: StartedWorker<RosterWorkerApi> | undefined;

/** The roster worker, started on first use and kept (HiGHS stays loaded in it). */
function rosterWorker(): StartedWorker<RosterWorkerApi> {
  worker ??= startedWorker<RosterWorkerApi>(new Worker(new URL("./rosterWorker.ts", import.meta.url), { type: "module", name: "ccplan-roster" }), "roster worker", endWorker);
  return worker;
}

function endWorker(): void {
  worker?.raw.terminate();
  worker = undefined;
}

/**
 * Finds the cheapest roster (core's `optimiseRoster`) in the roster worker, the simulations in the page's pool.
 * Aborting `signal` terminates the roster worker and the pool's busy workers at once and rejects with an AbortError;
 * the next run starts a fresh roster worker.
 */
export async function runRoster(options: { request: RosterRequest; signal: AbortSignal; onProgress: (progress: RosterProgress) => void }): Promise<RosterDocument> {
  const { signal } = options;
  if (signal.aborted) throw cancelled();
  stopWarmUp();
  const { remote, crashed } = rosterWorker();
  // comlink's types do not follow a proxy across as a Remote; at run time it is one.
  const running = remote.optimise(
    options.request,
    proxy(poolRemoteRunner(signal)) as unknown as Remote<RemoteRunner>,
    proxy(options.onProgress) as unknown as Remote<(progress: RosterProgress) => void>,
  );
  return settleOnAbort(running, crashed, signal, cancelled, endWorker);
}
