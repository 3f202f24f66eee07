// TEMPORARY: core's queueing formulas (packages/core/src/queueing) are being written in parallel. This file
// pins the agreed API so the page builds now; once `erlang` and `solveAgents` are exported by @ccplan/core,
// it becomes plain re-exports of core's own functions and types.
import * as core from "@ccplan/core";

export type ErlangModel = "b" | "c" | "a";

export interface ErlangInput {
  arrivalRatePerSec: number;
  ahtSec: number;
  agents: number;
  patienceSec?: number;
  targetAnswerSec?: number;
}

export interface ErlangResult {
  model: ErlangModel;
  offeredLoad: number;
  agents: number;
  stable: boolean;
  probWait: number | null;
  probAbandon: number | null;
  asa: number | null;
  meanWaitAll: number | null;
  serviceLevel: number | null;
  serviceLevelWaitWithin: number | null;
  serviceLevelOfAnswered: number | null;
  occupancy: number | null;
  meanQueueLength: number | null;
}

export interface SolveAgentsInput {
  model: "c" | "a";
  arrivalRatePerSec: number;
  ahtSec: number;
  patienceSec?: number;
  targetAnswerSec: number;
  targetServiceLevel: number;
  maxOccupancy?: number;
  shrinkage?: number;
}

export interface SolveAgentsResult extends ErlangResult {
  scheduledAgents: number;
  targetMet: boolean;
}

interface QueueingApi {
  erlang(model: ErlangModel, input: ErlangInput): ErlangResult;
  solveAgents(input: SolveAgentsInput): SolveAgentsResult;
}

const api = core as unknown as Partial<QueueingApi>;

function missing(name: string): never {
  throw new Error(`@ccplan/core does not export ${name} yet; rebuild core once the queueing formulas land`);
}

export const erlang: QueueingApi["erlang"] = (model, input) => (api.erlang ?? missing("erlang"))(model, input);
export const solveAgents: QueueingApi["solveAgents"] = (input) => (api.solveAgents ?? missing("solveAgents"))(input);
