// What the comparison worker does: the paired run's bookkeeping (core's accumulators, through the worker package's
// runPaired, exactly as `ccplan compare`) off the page's main thread, where summarising a week of intervals takes
// hundreds of milliseconds. The replications themselves run in the pool of Web Workers that `runner` reaches.
import {
  checkRunLimits,
  compileScenario,
  fullDecision,
  evaluationsJob,
  plannedRuns,
  formatClock,
  kpiVectorLayout,
  requiredAgents,
  runPhaseJobAsync,
  runKey,
  SampleBook,
  scenarioVariants,
  spanKpiSample,
  type AssumptionsView,
  type Scenario,
} from "@ccplan/core";
import { prefetchedPhases, progressTracker, recipeSource, runPaired, type PlannedSource, type PlanSource, type PrecisionTarget, type RunProgressSink, type VectorRunner } from "@ccplan/worker";
import { comparisonDocument, type ComparisonDocument } from "./comparisonDocument";
import { scenarioView, spanSampleArray, type ComparisonView } from "./comparisonView";
import { moneyView } from "./moneyStage";
import { waitCurveView } from "./waitCurveView";

export interface CompareRequest {
  /** A validated scenario (core's `parseScenario`), as plain data. */
  scenario: Scenario;
  /** Names of the interventions to compare with the baseline; shown in the scenario's order. */
  selected: readonly string[];
  maxReplications: number;
  /** Stop as soon as every intervention's change in this KPI is this precise (95% CI half-width), at most `maxReplications`. */
  precision?: PrecisionTarget;
  /** Draw the scenario's uncertain inputs per replication (`combined`, the default) or keep them central (`fixed`). */
  assumptions?: AssumptionsView;
}

let lastDocument: ComparisonDocument | null = null;

/**
 * Runs the baseline and the selected interventions on common random numbers and returns the view the page draws.
 * Keeps the full result for `exportJson`. Rejects as `runPaired` does (an AbortError when the runner's run is
 * cancelled, an Error naming the scenario and replication when a replication fails).
 */
export async function compare(request: CompareRequest, runner: VectorRunner, onProgress?: RunProgressSink): Promise<ComparisonView> {
  const { scenario } = request;
  const assumptions = request.assumptions ?? "combined";
  const variants = scenarioVariants(scenario);
  const unknown = request.selected.filter((name) => !variants.slice(1).some((variant) => variant.name === name));
  if (unknown.length > 0) {
    throw new Error(`no intervention named ${unknown.map((name) => JSON.stringify(name)).join(", ")} in the scenario; choose among ${variants.slice(1).map((v) => JSON.stringify(v.name)).join(", ")}`);
  }
  const chosen = [variants[0]!, ...variants.slice(1).filter((variant) => request.selected.includes(variant.name))];
  const interventions = scenario.interventions.filter((intervention) => request.selected.includes(intervention.name));
  const plans = chosen.map((variant) => compileScenario(variant.scenario));
  const recipes = chosen.map((variant, index) => ({ scenario, ...(index > 0 && { intervention: variant.name }), assumptions }));
  const sources: PlanSource[] = recipes.map((recipe) => recipeSource(recipe));
  const planned = (index: number): PlannedSource => ({ source: sources[index]!, plan: plans[index]! });
  const keys = new Map(sources.map((source, index) => [source, runKey(chosen[index]!.scenario, recipes[index]!)]));

  // One progress bar over both stages: the paired comparison, then the phases of each intervention not yet run
  // (learning curves, classes). One dry pass lists the second stage's runs before anything runs: their sizes are
  // checked, they size the progress bar, and those the comparison does not make are queued at the end. It asks for one
  // replication a run: which runs a job asks for does not depend on how many replications each has, and the dry pass's
  // money (evaluated on empty samples) costs a hundredth (a dry pass at 100 replications held the comparison worker for
  // 0.1–0.2 s before the first replication was asked for, and again after the last).
  const book = new SampleBook();
  const comparisonRuns = request.maxReplications * chosen.length;
  const moneyPlan = interventions.length === 0 ? [] : plannedRuns(evaluationsJob({ scenario, interventions, replications: 1, assumptions }));
  // Every phase's size is checked before anything runs (the baseline and the interventions were, with the scenario).
  const oversized = checkRunLimits(moneyPlan);
  if (oversized.length > 0) throw new Error(`nothing was simulated, because a run would exceed the size limits: ${oversized.map((issue) => issue.message).join("; ")}`);
  const comparisonKeys = new Set(keys.values());
  const moneyRuns = moneyPlan.filter((phase) => !comparisonKeys.has(runKey(phase.scenario, phase.recipe))).length;
  const tracker = progressTracker(comparisonRuns + moneyRuns * request.maxReplications, onProgress);
  // The comparison's runs are kept as span samples (a few hundred numbers each) for the money stage.
  const recording: VectorRunner = {
    async vectors(source, from, to, progress) {
      const vectors = await runner.vectors(source, from, to, progress);
      const key = keys.get(source);
      if (key !== undefined) book.add(key, from, vectors.map(spanKpiSample));
      return vectors;
    },
  };

  lastDocument = null;
  const outcome = await runPaired({
    runner: recording,
    baseline: planned(0),
    variants: chosen.slice(1).map((variant, v) => ({ name: variant.name, planned: planned(v + 1) })),
    maxReplications: request.maxReplications,
    ...(request.precision && { precision: request.precision }),
    onProgress: (done) => tracker.within(done),
  });
  tracker.finishPart(comparisonRuns);

  const replications = outcome.comparison.replications;
  const moneyJob = () => evaluationsJob({ scenario, interventions, replications, assumptions });
  // The runs not in the book are queued in the pool at once (a dry pass lists them), each answered in its turn.
  const runMoneyPhase =
    interventions.length === 0
      ? undefined
      : prefetchedPhases(
          moneyPlan.map((phase) => ({ ...phase, replications })).filter((phase) => book.get(phase) === undefined),
          async (phase) => {
            const part = tracker.part(phase.replications);
            const vectors = await runner.vectors(recipeSource(phase.recipe, phase.label), 0, phase.replications, part.within);
            part.finish();
            return vectors.map(spanKpiSample);
          },
        );
  const evaluations = runMoneyPhase === undefined ? [] : await runPhaseJobAsync(moneyJob(), (phase) => book.get(phase) ?? runMoneyPhase(phase));

  const layout = kpiVectorLayout(plans[0]!);
  const first = layout.intervals.first;
  const runs = [outcome.baseline, ...outcome.variants];
  const decided = fullDecision(scenario, evaluations);
  lastDocument = comparisonDocument({
    decision: decided,
    names: chosen.map((variant) => variant.name),
    costLines: chosen.map((variant) => variant.costLines),
    outcome,
    evaluations,
    assumptions,
  });
  const intervalsPerDay = plans[0]!.intervalsPerDay;
  return {
    scenario: outcome.baseline.scenario,
    seed: outcome.baseline.seed,
    replications: outcome.comparison.replications,
    ...(outcome.precision && { precision: outcome.precision }),
    ...(request.precision && { requestedPrecision: request.precision }),
    targetServiceLevel: outcome.baseline.targetServiceLevel,
    currency: scenario.money?.currency ?? "USD",
    intervalMinutes: scenario.intervalMinutes,
    intervalsPerDay,
    intervalDays: layout.intervals.labels.map((_, i) => plans[0]!.dayLabels[Math.floor((first + i) / intervalsPerDay)] ?? ""),
    intervalStarts: layout.intervals.labels.map((_, i) => formatClock(((first + i) % intervalsPerDay) * scenario.intervalMinutes)),
    dayLabels: plans[0]!.dayLabels,
    intervalQuantiles: outcome.baseline.intervalQuantiles,
    scenarios: runs.map((statistics, s) =>
      scenarioView(
        chosen[s]!.name,
        statistics,
        requiredAgents({
          scenario: chosen[s]!.scenario,
          plan: plans[s]!,
          first,
          offeredPerInterval: statistics.intervals.map((row) => row.kpis.offered.mean ?? 0),
        }),
        chosen[s]!.costLines,
        spanSampleArray(book.get({ scenario: chosen[s]!.scenario, recipe: recipes[s]!, replications }) ?? []),
      ),
    ),
    waitCurve: waitCurveView(
      scenario,
      runs.map((statistics) => ({ asaSec: statistics.kpis.asa.mean, waitP90Sec: statistics.kpis.waitP90.mean })),
    ),
    money: evaluations.map((evaluation, i) => moneyView(interventions[i]!, evaluation)),
    assumptions,
    decision: decided,
    deltas: outcome.comparison.variants.map((variant) => ({
      name: variant.name,
      deltas: variant.deltas,
      days: variant.days,
    })),
  };
}

/** The last comparison in full (`ccplan compare --json`'s shape) as JSON text; null before the first one. */
export function exportJson(): string | null {
  return lastDocument ? JSON.stringify(lastDocument, null, 2) : null;
}
