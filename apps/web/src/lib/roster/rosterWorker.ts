// The roster worker: core's optimiser with HiGHS loaded here (once, re-created after any error) and the simulations
// in the page's pool of Web Workers, reached through `runner`. The solver blocks this worker for seconds at a time,
// never the page; cancelling terminates it.
import { expose, proxy, releaseProxy, type Endpoint, type Remote } from "comlink";
import { optimiseRoster, rosterDocument, type RosterDocument, type RosterProgress, type Scenario } from "@ccplan/core";
import { solverSession } from "@ccplan/worker";
import type { RemoteRunner } from "../run/compareWorker";

/** What the page asks for. */
export interface RosterRequest {
  /** A validated scenario as plain data. */
  scenario: Scenario;
  /** Groups to roster; empty: every group with templates. */
  groups: string[];
  confidence: number;
  replications: number;
  iterations: number;
  timeLimitSec: number;
  confidenceLevels: number[];
}

const api = {
  async optimise(request: RosterRequest, runner: Remote<RemoteRunner>, onProgress?: Remote<(progress: RosterProgress) => void>): Promise<RosterDocument> {
    try {
      const result = await optimiseRoster({
        scenario: request.scenario,
        ...(request.groups.length > 0 && { groups: request.groups }),
        confidence: request.confidence,
        replications: request.replications,
        iterations: request.iterations,
        timeLimitSec: request.timeLimitSec,
        confidenceLevels: request.confidenceLevels,
        solver: solverSession,
        simulate: (scenario, from, to, progress) => runner.vectors({ kind: "scenario", scenario }, from, to, progress ? proxy(progress) : undefined),
        ...(onProgress && { onProgress: (progress: RosterProgress) => void onProgress(progress).catch(() => undefined) }),
      });
      return rosterDocument(result, request.scenario.money?.currency ?? null);
    } finally {
      runner[releaseProxy]();
      onProgress?.[releaseProxy]();
    }
  },
};
export type RosterWorkerApi = typeof api;

// `self`: comlink's default endpoint is globalThis; the cast because this file type-checks with the DOM lib.
expose(api, self as unknown as Endpoint);
