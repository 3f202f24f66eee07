// The money worker: the comparison's money stage and decision (moneyRun.ts) in a thread of their own, started by the
// comparison worker, which meanwhile summarises the runs (each needs all replications: run one after the other on one
// thread, they were the longest wait after the last replication). Phases the comparison did not make are run through
// `runPhase`, a comlink proxy of the comparison worker's queue of them.
import { expose, releaseProxy, type Endpoint, type Remote } from "comlink";
import { moneyStage, type MoneyStageInput, type MoneyStageOutput, type PhaseSamples } from "./moneyRun";

const api = {
  async run(input: MoneyStageInput, runPhase: Remote<PhaseSamples>): Promise<MoneyStageOutput> {
    try {
      return await moneyStage(input, (phase) => runPhase(phase));
    } finally {
      runPhase[releaseProxy]();
    }
  },
  /** Answers once the worker has loaded (core included): the comparison worker starts this one ahead of its first run. */
  ready: () => true,
};
export type MoneyWorkerApi = typeof api;

// `self`: comlink's default endpoint is globalThis; the cast because this file type-checks with the DOM lib.
expose(api, self as unknown as Endpoint);
