// The page's side of the Year view's runs: the pool of Web Workers simulates the weeks, the year worker does the rest
// (projection, hiring plan, trajectory); this thread only passes messages. Cancel terminates the pool's busy workers
// and the year worker at once.
import type { Scenario, WeekInput } from "@ccplan/core";
import { poolWeekSimulator } from "@ccplan/worker";
import { proxy, releaseProxy, transfer, type Remote } from "comlink";
import { comparisonPool } from "../run/comparisonPool";
import { stopWarmUp } from "../run/runComparison";
import type { RemoteWeekSimulator, YearWorkerApi } from "./yearWorker";
import type { TrajectoryView, YearView } from "./yearView";
import { settleOnAbort, startedWorker, type StartedWorker } from "../run/startedWorker";

let worker: StartedWorker<YearWorkerApi> | undefined;

function yearWorker() {
  worker ??= startedWorker<YearWorkerApi>(new Worker(new URL("./yearWorker.ts", import.meta.url), { type: "module", name: "ccplan-year" }), "year worker", stopWorker);
  return worker;
}

/** Stops the year worker (a cancelled hiring plan may be inside HiGHS); the next run starts a new one. */
function stopWorker(): void {
  worker?.raw.terminate();
  worker = undefined;
}

/** Weeks done and to simulate in the current part of the run, and what it is doing. */
export type YearProgressSink = (done: number, total: number, step: string) => void;

const cancelled = () => new DOMException("the run was cancelled", "AbortError");

async function inWorker<T>(
  scenario: Scenario,
  call: (remote: Remote<YearWorkerApi>, simulator: Remote<RemoteWeekSimulator>, progress: Remote<YearProgressSink> | undefined) => Promise<T>,
  options: { signal: AbortSignal; onProgress?: YearProgressSink },
): Promise<T> {
  const { signal } = options;
  if (signal.aborted) throw cancelled();
  stopWarmUp();
  const simulate = poolWeekSimulator(comparisonPool(), { scenario }, signal);
  const simulator: RemoteWeekSimulator = {
    async simulate(inputs: WeekInput[], onProgress?: (done: number) => void) {
      const progress = onProgress as Remote<(done: number) => void> | undefined;
      try {
        const results = await simulate(inputs, progress ? (done) => void progress(done).catch(() => undefined) : undefined);
        return transfer(results, results.map((kpis) => kpis.buffer as ArrayBuffer));
      } finally {
        progress?.[releaseProxy]();
      }
    },
  };
  const { remote, crashed } = yearWorker();
  const running = call(
    remote,
    proxy(simulator) as unknown as Remote<RemoteWeekSimulator>,
    options.onProgress ? (proxy(options.onProgress) as unknown as Remote<YearProgressSink>) : undefined,
  );
  return settleOnAbort(running, crashed, signal, cancelled, stopWorker);
}

export interface YearRunOptions {
  scenario: Scenario;
  replications: number;
  signal: AbortSignal;
  onProgress?: YearProgressSink;
}

/** The year as the scenario plans it. */
export function runYear(options: YearRunOptions): Promise<YearView> {
  return inWorker(options.scenario, (remote, simulator, progress) => remote.project({ scenario: options.scenario, replications: options.replications }, simulator, progress), options);
}

/** The hiring plan that holds `confidence` in every week from the first possible graduation. */
export function findHirePlan(options: YearRunOptions & { confidence: number }): Promise<YearView> {
  const request = { scenario: options.scenario, replications: options.replications, confidence: options.confidence };
  return inWorker(options.scenario, (remote, simulator, progress) => remote.hirePlan(request, simulator, progress), options);
}

/** The trainer's trajectory of one intervention from a planned week. */
export function runTrajectory(options: YearRunOptions & { intervention: string; startWeek: number }): Promise<TrajectoryView> {
  const request = { scenario: options.scenario, replications: options.replications, intervention: options.intervention, startWeek: options.startWeek };
  return inWorker(options.scenario, (remote, simulator, progress) => remote.trajectory(request, simulator, progress), options);
}
