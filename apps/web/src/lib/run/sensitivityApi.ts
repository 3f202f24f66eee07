// Which assumptions move the answer: core's sensitivity (a tornado per output), each simulated point's replications
// run in the pool of Web Workers, in the comparison worker (the bookkeeping stays off the page's thread).
import { checkRunLimits, plannedRuns, sensitivityAsync, sensitivityJob, spanKpiSample, type Scenario, type SensitivityResult } from "@ccplan/core";
import { prefetchedPhases, progressTracker, recipeSource, type RunProgressSink, type VectorRunner } from "@ccplan/worker";

export interface SensitivityRequest {
  /** A validated scenario, as plain data. */
  scenario: Scenario;
  /** The intervention whose ROI, NPV and gains to analyse; omitted: the baseline's KPIs. */
  intervention?: string;
  /** Paired replications per simulated point. */
  replications: number;
  /** Relative half-width of each input's range (0.2: ±20%). */
  range: number;
}

/** Runs core's sensitivity analysis; progress counts every simulated point's replications (a dry pass sizes it, and
 * checks every point's size before anything runs: a point beyond the limits is refused, named). */
export async function sensitivity(request: SensitivityRequest, runner: VectorRunner, onProgress?: RunProgressSink): Promise<SensitivityResult> {
  const { scenario, replications, range } = request;
  const intervention = request.intervention === undefined ? undefined : scenario.interventions.find((candidate) => candidate.name === request.intervention);
  if (request.intervention !== undefined && !intervention) throw new Error(`no intervention named ${JSON.stringify(request.intervention)} in the scenario`);
  const options = { scenario, replications, range, ...(intervention && { intervention }) };
  // The dry pass asks for one replication a point (the points a job asks for do not depend on how many replications
  // each has; its money on empty samples then costs a fraction), the runs are then asked for at `replications`.
  const planned = plannedRuns(sensitivityJob({ ...options, replications: 1 })).map((phase) => ({ ...phase, replications }));
  const oversized = checkRunLimits(planned);
  if (oversized.length > 0) throw new Error(`nothing was simulated, because a point would exceed the size limits: ${oversized.map((issue) => issue.message).join("; ")}`);
  const tracker = progressTracker(planned.length * replications, onProgress);
  return sensitivityAsync({
    ...options,
    // Every point is queued in the pool at once (the dry pass listed them), each answered in its turn.
    runPhase: prefetchedPhases(planned, async (phase) => {
      const part = tracker.part(phase.replications);
      const vectors = await runner.vectors(recipeSource(phase.recipe, phase.label), 0, phase.replications, part.within);
      part.finish();
      return vectors.map(spanKpiSample);
    }),
  });
}
