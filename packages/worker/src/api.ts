import {
  calibratedPlan,
  compileScenario,
  createScenarioSimulator,
  createSimulator,
  formatScenarioIssues,
  parseIntervalTable,
  parseScenario,
  planFromIntervals,
  scenarioVariants,
  stationaryPlan,
  type Plan,
  type ReplicationResult,
} from "@ccplan/core";
import { simulateCapacityWeeks, type CapacityWeekResult } from "./capacityJob.js";
import { describeSource, type PlanSource } from "./planSource.js";
import { clearPlanCache, kpiVectorsOf, PROGRESS_INTERVAL_MS, release, replicationsOf, type CompiledPlan, type ProgressCallback, type ReplicationKpiVector } from "./replicate.js";

export { PROGRESS_INTERVAL_MS, clearPlanCache, type ProgressCallback, type ReplicationKpiVector } from "./replicate.js";

/** Builds the plan a source describes (a scenario's at the central values of its uncertain inputs). Throws an Error
 * that says what is wrong with the source. */
export function compileSource(source: PlanSource): Plan {
  return buildSource(source).plan;
}

/** The plan a source describes and how to run its replications: a scenario's each at its own draw of the uncertain
 * inputs (core's `createScenarioSimulator`), unless the source fixes them at their central values. */
function buildSource(source: PlanSource): CompiledPlan {
  switch (source.kind) {
    case "scenario": {
      const parsed = parseScenario(source.scenario);
      if (!parsed.ok) throw new Error(formatScenarioIssues(parsed.issues, "the input"));
      const variants = scenarioVariants(parsed.scenario);
      const variant = source.variant === undefined ? variants[0] : variants.find((v) => v.name === source.variant);
      if (!variant) {
        throw new Error(`unknown variant ${JSON.stringify(source.variant)}; expected one of ${variants.map((v) => JSON.stringify(v.name)).join(", ")}`);
      }
      const simulator = createScenarioSimulator({
        scenario: source.seed === undefined ? parsed.scenario : { ...parsed.scenario, seed: source.seed },
        intervention: source.variant === undefined || source.variant === variants[0]!.name ? undefined : source.variant,
        stage: source.stage,
        assumptions: source.assumptions,
      });
      return { plan: simulator.plan, simulator };
    }
    case "stationary": {
      const plan = stationaryPlan(source.options);
      return { plan, simulator: createSimulator(plan) };
    }
    case "intervals": {
      const parsed = parseIntervalTable(source.csv);
      if (!parsed.ok) throw new Error(`not a valid interval file:\n${parsed.errors.map((e) => `✖ ${e}`).join("\n")}`);
      const built = planFromIntervals(parsed.table, source.options);
      if (!built.ok) throw new Error(built.error);
      return { plan: built.plan, simulator: createSimulator(built.plan) };
    }
    case "capacityWeeks":
      throw new Error("a capacityWeeks source runs with runCapacityWeeks (each week is its own plan), not as one plan");
    case "calibrated": {
      const plan = calibratedPlan(source.input);
      return { plan, simulator: createSimulator(plan) };
    }
    default:
      throw new Error(`unknown plan source kind ${JSON.stringify((source as { kind?: unknown }).kind)}; expected "scenario", "stationary", "intervals", "capacityWeeks" or "calibrated"`);
  }
}

/**
 * Runs replications `from … to − 1` of the plan the source describes and returns their results in
 * replication order. The plan is compiled once per worker and source (cached), so chunk after chunk of
 * the same source pays nothing more. Progress goes to `progress` about every 100 ms, from inside long
 * replications too. The results cross to the caller as copies (replicate.ts: why).
 * Throws an Error whose message names the source and the replication that failed.
 */
export function runReplications(source: PlanSource, from: number, to: number, progress?: ProgressCallback): ReplicationResult[] {
  return replicationsOf(source, from, to, progress, buildSource);
}

/** As `runReplications`, but each replication comes back as its KPI vector (computed here, in the worker). The
 * chunk's vectors are views of one array, one after another, so they cross to the caller as one buffer. */
export function runKpiVectors(source: PlanSource, from: number, to: number, progress?: ProgressCallback): ReplicationKpiVector[] {
  return kpiVectorsOf(source, from, to, progress, buildSource);
}

/**
 * Simulates items `from … to − 1` of a capacity run (`source.kind` "capacityWeeks": planned weeks, each its own
 * scenario; core's `weekScenario` and `simulateWeek`) and returns their KPIs in order (copied across, as every result here). Progress
 * as `runReplications`. Throws an Error naming the scenario and the items that failed.
 */
export function runCapacityWeeks(source: PlanSource, from: number, to: number, progress?: ProgressCallback): CapacityWeekResult[] {
  if (source.kind !== "capacityWeeks") throw new Error(`runCapacityWeeks needs a capacityWeeks source; got ${JSON.stringify(source.kind)}`);
  let lastReport = performance.now();
  const report = (done: number) => {
    const now = performance.now();
    if (now - lastReport < PROGRESS_INTERVAL_MS) return;
    lastReport = now;
    void Promise.resolve(progress!(done)).catch(() => undefined);
  };
  try {
    return simulateCapacityWeeks(source, from, to, progress ? report : undefined);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${describeSource(source)}, weeks ${from}–${to - 1}: ${message}`, { cause: error });
  } finally {
    release(progress);
  }
}


/** Answers once the worker has loaded (the pool's `warm`). */
export function ready(): boolean {
  return true;
}

/** What a worker exposes: plain functions over core. The type is the contract between pool and worker. */
export const api = { runReplications, runKpiVectors, runCapacityWeeks, clearPlanCache, ready };
export type WorkerApi = typeof api;
