import { canonicalJson } from "../compare/scenarioFingerprint.js";
import { applyIntervention } from "../interventions/applyIntervention.js";
import type { CostLine } from "../interventions/costLine.js";
import { interventionTimeline, STEADY_STATE, type InterventionStage } from "../interventions/interventionTimeline.js";
import { arrivalRates } from "../plan/compile.js";
import type { Intervention } from "../schema/intervention.js";
import type { Scenario } from "../schema/scenario.js";
import { summarize, type KpiSummary } from "../stats/summary.js";
import type { AssumptionsView } from "../uncertainty/draws.js";
import { simulatedInputs, type ScenarioRecipe } from "../uncertainty/recipe.js";
import { evaluateMoney, type InterventionMoney, type MoneyDraws } from "./interventionMoney.js";
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
  const timeline = interventionTimeline(intervention, baseline).filter((phase, index) => index === 0 || phase.startWeek < horizonWeeks);
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
  /**
   * How to build the scenario at each replication's draw of the uncertain inputs (`scenario` is it at the central
   * values): a runner simulates replication k of the recipe (core's `createScenarioSimulator`; a worker source
   * { kind: "scenario", scenario, variant: intervention, stage, assumptions }), so the draw is the same for the
   * baseline, every intervention and every phase.
   */
  recipe: ScenarioRecipe;
  /** What this run is, for messages (a size limit, a failed run): "the baseline", `intervention "X" (in class)`,
   * `sensitivity point "Handle time" high: intervention "X" (steady state)`, … */
  label?: string;
}

/**
 * The key of a run: what the engine sees at the central values (`simulationKey`) and, when the run draws uncertain
 * inputs that move the simulation, which recipe builds its replications (two recipes with the same central scenario
 * may draw differently). Equal keys, equal samples.
 */
export function runKey(scenario: Scenario, recipe: ScenarioRecipe): string {
  const drawn = simulatedInputs(recipe);
  // An intervention's own drawn inputs make its replications its own; without them, the draws are the scenario's.
  const own = drawn.some((input) => input.intervention !== null);
  const stage = recipe.intervention === undefined ? null : (recipe.stage ?? STEADY_STATE);
  const draws = drawn.length === 0 ? "" : JSON.stringify([recipe.assumptions ?? "combined", drawn.map((input) => [input.key, input.spec]), own ? [recipe.intervention, stage] : null]);
  return `${simulationKey(scenario)}${draws}`;
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
  /** Per replication: the draws of the uncertain inputs and the option's net benefit (null without money). */
  draws: MoneyDraws | null;
}

export interface EvaluateOptions {
  scenario: Scenario;
  intervention: Intervention;
  /** Replications per scenario (≥ 1; 2 or more for confidence intervals). */
  replications: number;
  /** Draw the uncertain inputs per replication (`combined`, the default) or keep them at their central values (`fixed`). */
  assumptions?: AssumptionsView;
}

/** A computation that asks for simulations: it yields each run it needs and receives its samples back. */
export type PhaseJob<T> = Generator<PhaseRunRequest, T, readonly KpiSample[]>;

/**
 * What a scenario's simulation depends on, as canonical JSON: everything but its name, description, money and
 * interventions (none of which the engine reads). Two scenarios with the same key give the same samples.
 */
export function simulationKey(scenario: Scenario): string {
  return canonicalJson({ ...scenario, name: "", description: undefined, money: undefined, interventions: [] });
}

/**
 * Runs a job with a synchronous runner. Runs are memoised by the scenario's `simulationKey`, the replications and
 * the peak arrival rate of each queue among the scenarios it is paired with (what a runner aligns the thinning
 * candidates to), so a job (a sensitivity analysis runs many evaluations) never simulates the same thing twice.
 */
export function runPhaseJob<T>(job: PhaseJob<T>, runPhase: RunPhase): T {
  const run = memoised(runPhase);
  let step = job.next();
  while (!step.done) step = job.next(run(step.value));
  return step.value;
}

/** `runPhaseJob` with a runner that may return a promise: runs one after another, each awaited. */
export async function runPhaseJobAsync<T>(job: PhaseJob<T>, runPhase: RunPhaseAsync): Promise<T> {
  const cache = new Map<string, readonly KpiSample[]>();
  let step = job.next();
  while (!step.done) {
    const key = requestKey(step.value);
    let samples = cache.get(key);
    if (!samples) {
      samples = await runPhase(step.value);
      cache.set(key, samples);
    }
    step = job.next(samples);
  }
  return step.value;
}

// A run is known by what the engine sees and by the thinning candidate rates a runner aligns it to (the largest
// peak rate of each queue among the scenarios it is paired with): equal keys, equal samples.
function requestKey(request: PhaseRunRequest): string {
  const peaks = new Map<string, number>();
  for (const scenario of [request.scenario, ...request.pairedWith]) {
    for (const [queue, peak] of peakRates(scenario)) peaks.set(queue, Math.max(peaks.get(queue) ?? 0, peak));
  }
  return `${request.replications}|${runKey(request.scenario, request.recipe)}|${JSON.stringify([...peaks].sort())}`;
}

const peakCache = new WeakMap<Scenario, [string, number][]>();

function peakRates(scenario: Scenario): [string, number][] {
  let peaks = peakCache.get(scenario);
  if (!peaks) {
    peaks = scenario.queues.map((queue) => [queue.name, arrivalRates(queue, scenario).reduce((max, rate) => Math.max(max, rate), 0)]);
    peakCache.set(scenario, peaks);
  }
  return peaks;
}

function memoised(runPhase: RunPhase): RunPhase {
  const cache = new Map<string, readonly KpiSample[]>();
  return (request) => {
    const key = requestKey(request);
    let samples = cache.get(key);
    if (!samples) {
      samples = runPhase(request);
      cache.set(key, samples);
    }
    return samples;
  };
}

/**
 * Evaluates an intervention: simulates the baseline and each phase of the intervention (`interventionPhases`) with
 * `runPhase`, replications 0 … n − 1 on the scenario's seed, so that the k-th replication of every phase and of
 * the baseline is paired (common random numbers); then builds the money month by month from the phases
 * (`interventionMoney`). Scenarios the engine would see as identical are simulated once. Pure given a pure
 * `runPhase`: tests pass one that calls core's simulator (`createPhaseRunner`), the CLI one that runs a worker pool.
 */
export function evaluateIntervention(options: EvaluateOptions & { runPhase: RunPhase }): InterventionEvaluation {
  return runPhaseJob(evaluationJob(options), options.runPhase);
}

/** `evaluateIntervention` with a runner that may return a promise; the scenarios are run one after another. */
export function evaluateInterventionAsync(options: EvaluateOptions & { runPhase: RunPhaseAsync }): Promise<InterventionEvaluation> {
  return runPhaseJobAsync(evaluationJob(options), options.runPhase);
}

/**
 * Every intervention of the scenario evaluated against the baseline (`evaluateIntervention` for each, in the file's
 * order): the money part of a comparison. The baseline is simulated once for all of them (runs are memoised), unless
 * an intervention changes the peak arrival rates the runner aligns the baseline's candidates to.
 */
export function evaluateInterventions(options: { scenario: Scenario; replications: number; assumptions?: AssumptionsView; runPhase: RunPhase }): InterventionEvaluation[] {
  return runPhaseJob(evaluationsJob(options), options.runPhase);
}

/** `evaluateInterventions` with a runner that may return a promise. */
export function evaluateInterventionsAsync(options: {
  scenario: Scenario;
  replications: number;
  assumptions?: AssumptionsView;
  runPhase: RunPhaseAsync;
}): Promise<InterventionEvaluation[]> {
  return runPhaseJobAsync(evaluationsJob(options), options.runPhase);
}

/**
 * The job behind `evaluateInterventions`: the given interventions (default: every one of the scenario, in the file's
 * order) evaluated against the baseline in one job, so that runs they share (the baseline's) are made once.
 */
export function* evaluationsJob(options: {
  scenario: Scenario;
  replications: number;
  interventions?: readonly Intervention[];
  assumptions?: AssumptionsView;
}): PhaseJob<InterventionEvaluation[]> {
  const evaluations: InterventionEvaluation[] = [];
  for (const intervention of options.interventions ?? options.scenario.interventions) {
    evaluations.push(
      yield* evaluationJob({ scenario: options.scenario, intervention, replications: options.replications, ...(options.assumptions && { assumptions: options.assumptions }) }),
    );
  }
  return evaluations;
}

/**
 * A dry pass over a job (nothing is simulated; each run answers with empty samples): how many distinct runs it will
 * ask its runner for, less those `known` can answer already. For progress bars that must know the total up front.
 */
export function countRuns(job: PhaseJob<unknown>, known: (request: PhaseRunRequest) => boolean = () => false): number {
  return plannedRuns(job, known).length;
}

/**
 * A dry pass over a job, as `countRuns`: the distinct runs it will ask for (less those `known` can answer), each
 * with its scenario and label. A command checks each one's size (`checkVariantLimits`) before any worker starts.
 */
export function plannedRuns(job: PhaseJob<unknown>, known: (request: PhaseRunRequest) => boolean = () => false): PhaseRunRequest[] {
  const runs: PhaseRunRequest[] = [];
  runPhaseJob(job, (request) => {
    if (!known(request)) runs.push(request);
    return Array.from({ length: request.replications }, () => ({}));
  });
  return runs;
}

/** A job whose runs carry `prefix` before their labels (a sensitivity point before the phases it runs). */
export function* labelledJob<T>(job: PhaseJob<T>, prefix: string): PhaseJob<T> {
  let step = job.next();
  while (!step.done) {
    const request = step.value;
    step = job.next(yield { ...request, label: request.label === undefined ? prefix : `${prefix}, ${request.label}` });
  }
  return step.value;
}

/** The job behind `evaluateIntervention`, for callers that drive several jobs with one runner. */
export function* evaluationJob(options: EvaluateOptions): PhaseJob<InterventionEvaluation> {
  const { replications } = options;
  if (!(Number.isInteger(replications) && replications >= 1)) throw new Error(`invalid replications: ${replications}; expected a whole number ≥ 1`);
  const prepared = interventionPhases(options.scenario, options.intervention);
  const assumptions = options.assumptions ?? "combined";
  // The file the recipes rebuild the phases from holds this very intervention (it may be a variant of the file's).
  const others = options.scenario.interventions.filter((candidate) => candidate.name !== options.intervention.name);
  const file: Scenario = options.scenario.interventions.includes(options.intervention) ? options.scenario : { ...options.scenario, interventions: [...others, options.intervention] };
  const recipeOf = (stage: InterventionStage | null): ScenarioRecipe => ({
    scenario: file,
    ...(stage && { intervention: options.intervention.name, stage }),
    assumptions,
  });
  const unique = new Map<string, { scenario: Scenario; recipe: ScenarioRecipe; label: string }>();
  const named = [
    { scenario: prepared.baseline, stage: null, label: "the baseline" },
    ...prepared.phases.map((phase) => ({ scenario: phase.scenario, stage: phase.stage, label: `intervention ${JSON.stringify(options.intervention.name)} (${phase.label})` })),
  ];
  // Each run's key once (the canonical JSON of what the engine sees): the baseline's, then each phase's, in order.
  const keys = named.map(({ scenario, stage }) => runKey(scenario, recipeOf(stage)));
  named.forEach(({ scenario, stage, label }, i) => {
    if (!unique.has(keys[i]!)) unique.set(keys[i]!, { scenario, recipe: recipeOf(stage), label });
  });
  const pairedWith = [...unique.values()].map((run) => run.scenario);
  const results = new Map<string, readonly KpiSample[]>();
  for (const [key, run] of unique) {
    const samples = yield { scenario: run.scenario, replications, pairedWith, recipe: run.recipe, label: run.label };
    if (samples.length !== replications) throw new Error(`the phase runner returned ${samples.length} replications; expected ${replications}`);
    results.set(key, samples);
  }
  const baseline = results.get(keys[0]!)!;
  const spanWeeks = (scenario: Scenario) => options.scenario.money?.spanWeeks ?? scenario.days.length / 7;
  const phases = prepared.phases.map((phase, p): PhaseResult => {
    const intervention = results.get(keys[p + 1]!)!;
    return {
      label: phase.label,
      startWeek: phase.startWeek,
      weeks: phase.weeks,
      spanWeeks: spanWeeks(phase.scenario),
      baseline,
      intervention,
      kpis: summarizeSamples(intervention),
      deltas: summarizeDeltas(baseline, intervention),
    };
  });
  const priced = file.money ? evaluateMoney({ scenario: file, intervention: options.intervention, phases, assumptions }) : null;
  return { name: options.intervention.name, replications, baseline: summarizeSamples(baseline), phases, money: priced?.money ?? null, draws: priced?.draws ?? null };
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
