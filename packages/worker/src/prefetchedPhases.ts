import { runKey, type KpiSample, type PhaseRunRequest } from "@ccplan/core";

type RunPhase = (request: PhaseRunRequest) => Promise<readonly KpiSample[]>;

/**
 * A `runPhase` for core's phase jobs (a sensitivity analysis, the money stage) whose runs a dry pass has listed in
 * advance (core's `plannedRuns`): every planned run is started at once, so a pool of workers serves them one after
 * another without waiting, between two runs, for this thread to ask for the next (a sensitivity point of 20
 * replications kept two workers busy for a fraction of its time), and each request is answered by its run. The job
 * asks for the same runs in the same order as the dry pass of the same job listed them; a request that is not the
 * next planned one is run when asked. The samples are what each run gives alone: replication k of a scenario is the
 * same whatever else runs beside it.
 */
export function prefetchedPhases(planned: readonly PhaseRunRequest[], run: RunPhase): RunPhase {
  const started = planned.map((request) => {
    const samples = run(request);
    // Awaited when the job asks for it; a failure before then must not count as unhandled.
    samples.catch(() => undefined);
    return { request, samples };
  });
  let next = 0;
  return (request) => {
    const candidate = started[next];
    if (candidate !== undefined && sameRun(candidate.request, request)) {
      next++;
      return candidate.samples;
    }
    return run(request);
  };
}

function sameRun(a: PhaseRunRequest, b: PhaseRunRequest): boolean {
  return a.replications === b.replications && a.label === b.label && runKey(a.scenario, a.recipe) === runKey(b.scenario, b.recipe);
}
