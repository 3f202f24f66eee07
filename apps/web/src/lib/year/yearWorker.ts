// The year worker: runs core's capacity projection, hiring plan and trainer's trajectory off the main thread. Weeks
// are simulated in the page's pool of Web Workers through `simulator`, a comlink proxy of the page's week simulator;
// HiGHS loads here on the first hiring plan.
import { expose, proxy, releaseProxy, type Endpoint, type Remote } from "comlink";
import { solverSession } from "@ccplan/worker";
import type { WeekInput, WeekSimulator } from "@ccplan/core";
import { hirePlanYear, projectYear, trajectoryYear, type YearProgress, type YearRequest } from "./yearApi";
import type { TrajectoryView, YearView } from "./yearView";

/** The page's week simulator as the year worker sees it: progress goes back through a proxied callback. */
export interface RemoteWeekSimulator {
  simulate(inputs: WeekInput[], onProgress?: (done: number) => void): Promise<Float64Array[]>;
}

const local = (remote: Remote<RemoteWeekSimulator>): WeekSimulator => (inputs, onProgress) => remote.simulate(inputs, onProgress ? proxy(onProgress) : undefined);

// Views cross to the page as copies (tens of kB), never transferred: the first ArrayBuffer an isolate detaches slows
// every typed-array access in its optimised code from then on (V8's "array buffer detaching" protector; the worker
// package measured the engine 13% slower after one), and this worker folds the weeks' KPIs run after run.

async function settle<T>(work: Promise<T>, simulator: Remote<RemoteWeekSimulator>, progress: Remote<YearProgress> | undefined): Promise<T> {
  try {
    return await work;
  } finally {
    simulator[releaseProxy]();
    progress?.[releaseProxy]();
  }
}

const sink = (progress: Remote<YearProgress> | undefined): YearProgress | undefined =>
  progress ? (done, total, step) => void progress(done, total, step).catch(() => undefined) : undefined;

const api = {
  async project(request: YearRequest, simulator: Remote<RemoteWeekSimulator>, progress?: Remote<YearProgress>): Promise<YearView> {
    return settle(projectYear(request, local(simulator), sink(progress)), simulator, progress);
  },
  async hirePlan(request: YearRequest & { confidence: number }, simulator: Remote<RemoteWeekSimulator>, progress?: Remote<YearProgress>): Promise<YearView> {
    return settle(hirePlanYear(request, local(simulator), solverSession, sink(progress)), simulator, progress);
  },
  async trajectory(
    request: YearRequest & { intervention: string; startWeek: number },
    simulator: Remote<RemoteWeekSimulator>,
    progress?: Remote<YearProgress>,
  ): Promise<TrajectoryView> {
    return settle(trajectoryYear(request, local(simulator), sink(progress)), simulator, progress);
  },
};
export type YearWorkerApi = typeof api;

// `self`: comlink's default endpoint is globalThis; the cast because this file type-checks with the DOM lib.
expose(api, self as unknown as Endpoint);
