import { canonicalJson } from "../compare/scenarioFingerprint.js";
import { applyIntervention } from "../interventions/applyIntervention.js";
import type { CostLine } from "../interventions/costLine.js";
import { interventionTimeline, type InterventionStage } from "../interventions/interventionTimeline.js";
import type { Intervention } from "../schema/intervention.js";
import { moneySchema } from "../schema/money.js";
import type { Scenario } from "../schema/scenario.js";
import { summarize, type KpiSummary } from "../stats/summary.js";
import { interventionMoney, type InterventionMoney } from "./interventionMoney.js";
import type { KpiSample } from "./kpiSample.js";
import { WEEKS_PER_MONTH, type PhaseKpis } from "./moneyReplications.js";

/** One phase to simulate: the intervention at one stage of its timeline, as a scenario. */
export interface Phase {
  label: string;
  startWeek: number;
  /** Weeks the phase lasts; null: to the end of the horizon. */
  weeks: number | null;
  stage: InterventionStage;
  scenario: Scenario;
}

/** What an intervention's evaluation simulates: the baseline, the phases of the intervention and its cost lines. */
export interface InterventionPhases {
  baseline: Scenario;
  phases: Phase[];
  costLines: CostLine[];
}

/** The horizon when a scenario has no money section (the schema's default). */
const DEFAULT_HORIZON_MONTHS = 12;

/**
 * The scenarios an intervention's evaluation runs: the baseline (the scenario without its interventions) and one
 * scenario per phase of the intervention's timeline (`interventionTimeline`: e.g. training in class, its
 * learning curve in pieces, then the steady state), each the baseline with the intervention applied at that
 * stage. Phases that start after the financial horizon are left out; the last phase kept lasts to its end.
 * The cost lines are the whole intervention's. Throws as `applyIntervention` does.
 */
export function interventionPhases(scenario: Scenario, intervention: Intervention): InterventionPhases {
  const baseline: Scenario = { ...scenario, interventions: [] };
  const horizonWeeks = (scenario.money?.horizonMonths ?? DEFAULT_HORIZON_MONTHS) * WEEKS_PER_MONTH;
  const timeline = interventionTimeline(intervention).filter((phase, index) => index === 0 || phase.startWeek < horizonWeeks);
  const phases = timeline.map((phase, index): Phase => ({
    label: phase.label,
    startWeek: phase.startWeek,
    weeks: index === timeline.length - 1 || !Number.isFinite(phase.weeks) ? null : phase.weeks,
    stage: phase.stage,
    scenario: applyIntervention(baseline, intervention, phase.stage).scenario,
  }));
  return { baseline, phases, costLines: applyIntervention(baseline, intervention).costLines };
}

/** One simulation a phase runner is asked for. */
export interface PhaseRunRequest {
  scenario: Scenario;
  /** Run replications 0 … replications − 1 on `scenario.seed`. */
  replications: number;
  /**
   * Every scenario of this evaluation (the baseline and each phase), all run on the same seed and replication
   * numbers, so that replication k of each meets the same callers. A runner that thins arrivals should give them
   * all the same candidate rate (`simulatePhase` does), or a scenario with less volume draws other customers.
   */
  pairedWith: readonly Scenario[];
}

/** Runs one scenario's replications and returns each one's span KPIs, in replication order. */
export type RunPhase = (request: PhaseRunRequest) => readonly KpiSample[];
/** `RunPhase` for runners that work asynchronously (a worker pool). */
export type RunPhaseAsync = (request: PhaseRunRequest) => readonly KpiSample[] | Promise<readonly KpiSample[]>;

/** One phase of an evaluation: its paired KPI samples and their statistics, the trajectory the trainer reads. */
export interface PhaseResult extends PhaseKpis {
  /** Every KPI of the intervention in this phase, summarised across replications. */
  kpis: Record<string, KpiSummary>;
  /** Paired deltas (intervention − baseline, replication by replication), summarised. */
  deltas: Record<string, KpiSummary>;
}

/** An intervention evaluated against its baseline phase by phase, with its money over the horizon. */
export interface InterventionEvaluation {
  name: string;
  replications: number;
  /** The baseline's span KPIs summarised across replications. */
  baseline: Record<string, KpiSummary>;
  phases: PhaseResult[];
  /** Null when the scenario has no money section (nothing to price). */
  money: InterventionMoney | null;
}

export interface EvaluateOptions {
  scenario: Scenario;
  intervention: Intervention;
  /** Replications per scenario (≥ 1; 2 or more for confidence intervals). */
  replications: number;
}

/**
 * Evaluates an intervention: simulates the baseline and each phase of the intervention (`interventionPhases`) with
 * `runPhase`, replications 0 … n − 1 on the scenario's seed, so that the k-th replication of every phase and of
 * the baseline is paired (common random numbers); then builds the money month by month from the phases
 * (`interventionMoney`). Scenarios that come out identical are simulated once. Pure given a pure `runPhase`:
 * tests pass one that calls core's simulator (`simulatePhase`), the CLI one that runs a worker pool.
 */
export function evaluateIntervention(options: EvaluateOptions & { runPhase: RunPhase }): InterventionEvaluation {
  const prepared = prepare(options);
  const results = new Map<string, readonly KpiSample[]>();
  for (const [key, scenario] of prepared.unique) results.set(key, options.runPhase({ scenario, replications: options.replications, pairedWith: prepared.all }));
  return finish(prepared, results);
}

/** `evaluateIntervention` with a runner that may return a promise; the scenarios are run one after another. */
export async function evaluateInterventionAsync(options: EvaluateOptions & { runPhase: RunPhaseAsync }): Promise<InterventionEvaluation> {
  const prepared = prepare(options);
  const results = new Map<string, readonly KpiSample[]>();
  for (const [key, scenario] of prepared.unique) results.set(key, await options.runPhase({ scenario, replications: options.replications, pairedWith: prepared.all }));
  return finish(prepared, results);
}

interface Prepared extends InterventionPhases {
  options: EvaluateOptions;
  unique: Map<string, Scenario>;
  all: Scenario[];
  baselineKey: string;
  phaseKeys: string[];
}

function prepare(options: EvaluateOptions): Prepared {
  const { replications } = options;
  if (!(Number.isInteger(replications) && replications >= 1)) throw new Error(`invalid replications: ${replications}; expected a whole number ≥ 1`);
  const phases = interventionPhases(options.scenario, options.intervention);
  const unique = new Map<string, Scenario>();
  const keyOf = (scenario: Scenario) => {
    const key = canonicalJson(scenario);
    if (!unique.has(key)) unique.set(key, scenario);
    return key;
  };
  const baselineKey = keyOf(phases.baseline);
  const phaseKeys = phases.phases.map((phase) => keyOf(phase.scenario));
  return { ...phases, options, unique, all: [...unique.values()], baselineKey, phaseKeys };
}

function finish(prepared: Prepared, results: Map<string, readonly KpiSample[]>): InterventionEvaluation {
  const { options } = prepared;
  const samples = (key: string) => {
    const found = results.get(key)!;
    if (found.length !== options.replications) {
      throw new Error(`the phase runner returned ${found.length} replications; expected ${options.replications}`);
    }
    return found;
  };
  const baseline = samples(prepared.baselineKey);
  const phases = prepared.phases.map((phase, index): PhaseResult => {
    const intervention = samples(prepared.phaseKeys[index]!);
    return {
      label: phase.label,
      startWeek: phase.startWeek,
      weeks: phase.weeks,
      spanWeeks: options.scenario.money?.spanWeeks ?? phase.scenario.days.length / 7,
      baseline,
      intervention,
      kpis: summarizeSamples(intervention),
      deltas: summarizeDeltas(baseline, intervention),
    };
  });
  const money = options.scenario.money ? interventionMoney({ money: moneySchema.parse(options.scenario.money), costLines: prepared.costLines, phases }) : null;
  return { name: options.intervention.name, replications: options.replications, baseline: summarizeSamples(baseline), phases, money };
}

/** Every KPI present in the samples, summarised across them. */
export function summarizeSamples(samples: readonly KpiSample[]): Record<string, KpiSummary> {
  const ids = new Set(samples.flatMap((sample) => Object.keys(sample)));
  return Object.fromEntries([...ids].map((id) => [id, summarize(samples.map((sample) => sample[id] ?? null))]));
}

/** Paired deltas (intervention − baseline) of every KPI both report, summarised; undefined on either side is left out. */
export function summarizeDeltas(baseline: readonly KpiSample[], intervention: readonly KpiSample[]): Record<string, KpiSummary> {
  const ids = new Set(baseline.flatMap((sample) => Object.keys(sample)));
  return Object.fromEntries(
    [...ids].map((id) => [
      id,
      summarize(
        baseline.map((before, k) => {
          const a = before[id];
          const b = intervention[k]?.[id];
          return a === null || a === undefined || b === null || b === undefined ? null : b - a;
        }),
      ),
    ]),
  );
}
