// What the comparison worker does: the paired run's bookkeeping (core's accumulators, through the worker package's
// runPaired, exactly as `ccplan compare`) off the page's main thread, where summarising a week of intervals takes
// hundreds of milliseconds. The replications themselves run in the pool of Web Workers that `runner` reaches.
import {
  checkRunLimits,
  compileScenario,
  evaluationsJob,
  plannedRuns,
  formatClock,
  kpiVectorLayout,
  requiredAgents,
  runKey,
  SampleBook,
  scenarioVariants,
  spanKpiSample,
  type AssumptionsView,
  type KpiSample,
  type Scenario,
} from "@ccplan/core";
import { prefetchedPhases, progressTracker, recipeSource, runPaired, type PlannedSource, type PlanSource, type PrecisionTarget, type RunProgressSink, type VectorRunner } from "@ccplan/worker";
import { comparisonDocument, type ComparisonDocument } from "./comparisonDocument";
import { scenarioView, spanSampleArray, type ComparisonView } from "./comparisonView";
import { moneyView } from "./moneyStage";
import { moneyStage, type MoneyStageOutput, type MoneyStageRunner } from "./moneyRun";
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
export async function compare(
  request: CompareRequest,
  runner: VectorRunner,
  onProgress?: RunProgressSink,
  /** Where the money stage and the decision run: this thread by default, a worker of their own in the browser. */
  runMoney: MoneyStageRunner = moneyStage,
  /** Keep the result for `exportJson` (false: a run made only to compile the code a comparison runs, see `warm`). */
  forExport = true,
): Promise<ComparisonView> {
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
  const comparisonRuns = request.maxReplications * chosen.length;
  const moneyPlan = interventions.length === 0 ? [] : plannedRuns(evaluationsJob({ scenario, interventions, replications: 1, assumptions }));
  // Every phase's size is checked before anything runs (the baseline and the interventions were, with the scenario).
  const oversized = checkRunLimits(moneyPlan);
  if (oversized.length > 0) throw new Error(`nothing was simulated, because a run would exceed the size limits: ${oversized.map((issue) => issue.message).join("; ")}`);
  const comparisonKeys = new Set(keys.values());
  const moneyRuns = moneyPlan.filter((phase) => !comparisonKeys.has(runKey(phase.scenario, phase.recipe))).length;
  const tracker = progressTracker(comparisonRuns + moneyRuns * request.maxReplications, onProgress);
  // The comparison's runs are kept as span samples (a few hundred numbers each) for the money stage, by replication:
  // batches may come back out of order (the next is started before this one is back). Without a precision target, the
  // money stage starts as soon as the last of them is back, beside the folding and summaries.
  const samples = new Map<PlanSource, KpiSample[]>(sources.map((source) => [source, []]));
  let recorded = 0;
  let allRecorded!: () => void;
  const complete = new Promise<void>((resolve) => (allRecorded = resolve));
  const recording: VectorRunner = {
    async vectors(source, from, to, progress) {
      const vectors = await runner.vectors(source, from, to, progress);
      const kept = samples.get(source);
      if (kept !== undefined) {
        vectors.forEach((vector, i) => (kept[from + i] = spanKpiSample(vector)));
        recorded += vectors.length;
        if (recorded === comparisonRuns) allRecorded();
      }
      return vectors;
    },
  };
  /** Replications 0 … replications − 1 of each compared scenario's run, as the money stage's book. */
  const book = (replications: number) => {
    const kept = new SampleBook();
    sources.forEach((source) => kept.add(keys.get(source)!, 0, samples.get(source)!.slice(0, replications)));
    return kept;
  };
  const startMoney = (replications: number): Promise<MoneyStageOutput> => {
    const made = book(replications);
    // The runs not in the book are queued in the pool at once (the dry pass listed them), each answered in its turn.
    const runMoneyPhase = prefetchedPhases(
      moneyPlan.map((phase) => ({ ...phase, replications })).filter((phase) => made.get(phase) === undefined),
      async (phase) => {
        const part = tracker.part(phase.replications);
        const vectors = await runner.vectors(recipeSource(phase.recipe, phase.label), 0, phase.replications, part.within);
        part.finish();
        return vectors.map(spanKpiSample);
      },
    );
    const runs = sources.map((source): [string, KpiSample[]] => [keys.get(source)!, samples.get(source)!.slice(0, replications)]);
    const input = { scenario, interventions, replications, assumptions, runs };
    // Nothing to price or decide without an intervention: no worker for that.
    return interventions.length === 0 ? moneyStage(input, runMoneyPhase) : runMoney(input, runMoneyPhase);
  };
  let money: Promise<MoneyStageOutput> | undefined = request.precision ? undefined : complete.then(() => startMoney(request.maxReplications));
  // Awaited below; should the comparison fail first, the money stage's own failure must not count as unhandled.
  money?.catch(() => undefined);

  if (forExport) lastDocument = null;
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
  money ??= startMoney(replications);

  const layout = kpiVectorLayout(plans[0]!);
  const first = layout.intervals.first;
  const runs = [outcome.baseline, ...outcome.variants];
  // What needs the summaries is made while the money stage runs in its own thread.
  const scenarios = runs.map((statistics, s) =>
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
      spanSampleArray(samples.get(sources[s]!)!.slice(0, replications)),
    ),
  );
  const waitCurve = waitCurveView(
    scenario,
    runs.map((statistics) => ({ asaSec: statistics.kpis.asa.mean, waitP90Sec: statistics.kpis.waitP90.mean })),
  );
  const { evaluations, decision: decided } = await money;
  if (forExport) {
    lastDocument = comparisonDocument({
      decision: decided,
      names: chosen.map((variant) => variant.name),
      costLines: chosen.map((variant) => variant.costLines),
      outcome,
      evaluations,
      assumptions,
    });
  }
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
    scenarios,
    waitCurve,
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
