// What the comparison worker does: the paired run's bookkeeping (core's accumulators, through the worker package's
// runPaired, exactly as `ccplan compare`) off the page's main thread, where summarising a week of intervals takes
// hundreds of milliseconds. The replications themselves run in the pool of Web Workers that `runner` reaches.
import { compileScenario, formatClock, kpiVectorLayout, scenarioVariants, type Scenario } from "@ccplan/core";
import { runPaired, type PlannedSource, type PrecisionTarget, type RunProgressSink, type VectorRunner } from "@ccplan/worker";
import { comparisonDocument, type ComparisonDocument } from "./comparisonDocument";
import { scenarioView, type ComparisonView } from "./comparisonView";
import { requiredAgents } from "./requiredAgents";

export interface CompareRequest {
  /** A validated scenario (core's `parseScenario`), as plain data. */
  scenario: Scenario;
  /** Names of the interventions to compare with the baseline; shown in the scenario's order. */
  selected: readonly string[];
  maxReplications: number;
  /** Stop as soon as every intervention's change in this KPI is this precise (95% CI half-width), at most `maxReplications`. */
  precision?: PrecisionTarget;
}

let lastDocument: ComparisonDocument | null = null;

/**
 * Runs the baseline and the selected interventions on common random numbers and returns the view the page draws.
 * Keeps the full result for `exportJson`. Rejects as `runPaired` does (an AbortError when the runner's run is
 * cancelled, an Error naming the scenario and replication when a replication fails).
 */
export async function compare(request: CompareRequest, runner: VectorRunner, onProgress?: RunProgressSink): Promise<ComparisonView> {
  const { scenario } = request;
  const variants = scenarioVariants(scenario);
  const unknown = request.selected.filter((name) => !variants.slice(1).some((variant) => variant.name === name));
  if (unknown.length > 0) {
    throw new Error(`no intervention named ${unknown.map((name) => JSON.stringify(name)).join(", ")} in the scenario; choose among ${variants.slice(1).map((v) => JSON.stringify(v.name)).join(", ")}`);
  }
  const chosen = [variants[0]!, ...variants.slice(1).filter((variant) => request.selected.includes(variant.name))];
  const plans = chosen.map((variant) => compileScenario(variant.scenario));
  const planned = (index: number): PlannedSource => ({
    source: { kind: "scenario", scenario, ...(index > 0 && { variant: chosen[index]!.name }) },
    plan: plans[index]!,
  });
  lastDocument = null;
  const outcome = await runPaired({
    runner,
    baseline: planned(0),
    variants: chosen.slice(1).map((variant, v) => ({ name: variant.name, planned: planned(v + 1) })),
    maxReplications: request.maxReplications,
    ...(request.precision && { precision: request.precision }),
    ...(onProgress && { onProgress }),
  });
  const layout = kpiVectorLayout(plans[0]!);
  const first = layout.intervals.first;
  const runs = [outcome.baseline, ...outcome.variants];
  lastDocument = comparisonDocument({ names: chosen.map((variant) => variant.name), costLines: chosen.map((variant) => variant.costLines), outcome });
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
    scenarios: runs.map((statistics, s) => scenarioView(chosen[s]!.name, statistics, requiredAgents(chosen[s]!.scenario, plans[s]!, first), chosen[s]!.costLines)),
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
