// The money stage of a comparison, apart from its bookkeeping: each chosen intervention evaluated phase by phase
// against the baseline (core's evaluationsJob, reusing the comparison's runs), then the decision (the probability each
// option is best, what to measure first: core's fullDecision, EVPPI regressions). It needs only the comparison's span
// samples, so it can run in a thread of its own (moneyWorker.ts) while the comparison worker summarises the runs.
import {
  evaluationsJob,
  fullDecision,
  runPhaseJobAsync,
  SampleBook,
  type AssumptionsView,
  type FullDecision,
  type Intervention,
  type InterventionEvaluation,
  type KpiSample,
  type PhaseRunRequest,
  type Scenario,
} from "@ccplan/core";

export interface MoneyStageInput {
  scenario: Scenario;
  /** The interventions compared, in the scenario's order. */
  interventions: Intervention[];
  replications: number;
  assumptions: AssumptionsView;
  /** The comparison's runs, each as its `runKey` and the span samples of replications 0 … replications − 1. */
  runs: [key: string, samples: KpiSample[]][];
}

export interface MoneyStageOutput {
  evaluations: InterventionEvaluation[];
  /** Null without money (core's fullDecision). */
  decision: FullDecision | null;
}

/** Runs a phase the comparison did not make (a training programme's class, learning curve…): its span samples. */
export type PhaseSamples = (phase: PhaseRunRequest) => Promise<readonly KpiSample[]>;

/** Where the money stage runs: in this thread (`moneyStage`) or in a worker of its own. */
export type MoneyStageRunner = (input: MoneyStageInput, runPhase: PhaseSamples) => Promise<MoneyStageOutput>;

/** The money stage in this thread. */
export async function moneyStage(input: MoneyStageInput, runPhase: PhaseSamples): Promise<MoneyStageOutput> {
  const book = new SampleBook();
  for (const [key, samples] of input.runs) book.add(key, 0, samples);
  const { scenario, interventions, replications, assumptions } = input;
  const evaluations =
    interventions.length === 0 ? [] : await runPhaseJobAsync(evaluationsJob({ scenario, interventions, replications, assumptions }), (phase) => book.get(phase) ?? runPhase(phase));
  return { evaluations, decision: fullDecision(scenario, evaluations) };
}
