// What the year worker does: core's capacity projection, hiring plan and trainer's trajectory, off the page's main
// thread. Weeks are simulated in the page's pool of Web Workers through `simulate`; this worker keeps the results of
// the weeks it has seen (by their inputs), so a second run, a hiring plan's corrections or a trajectory's baseline
// simulate only what is new. HiGHS (the hiring plan's solver) loads here, on first use.
import {
  checkCapacityLimits,
  findHiringPlan,
  projectCapacity,
  trainerTrajectory,
  weekCacheKey,
  weekTargetServiceLevel,
  type CapacityRun,
  type Scenario,
  type SolverSession,
  type WeekSimulator,
} from "@ccplan/core";
import { trajectoryView, yearView, type TrajectoryView, type YearView } from "./yearView";

export interface YearRequest {
  /** A validated scenario with a capacity block, as plain data. */
  scenario: Scenario;
  replications: number;
}

/** Weeks done and to simulate in the current projection, and what the run is doing. */
export type YearProgress = (done: number, total: number, step: string) => void;

const MAX_CACHED_WEEKS = 60_000;
let cache: { key: string; weeks: Map<string, Float64Array> } | null = null;

/** The cache of week results for this scenario's weeks (a new one when the weeks' scenario changed). */
function weekCache(scenario: Scenario): Map<string, Float64Array> {
  const key = weekCacheKey(scenario);
  if (!cache || cache.key !== key || cache.weeks.size > MAX_CACHED_WEEKS) cache = { key, weeks: new Map() };
  return cache.weeks;
}

/** Refuses a plan whose busiest week is beyond the engine's limits, before any week is simulated. */
function checkLimits(scenario: Scenario): void {
  const issues = checkCapacityLimits({ scenario });
  if (issues.length > 0) throw new Error(issues.map((issue) => issue.message).join("; "));
}

function projector(scenario: Scenario, simulate: WeekSimulator, onProgress: YearProgress | undefined) {
  checkLimits(scenario);
  const weeks = weekCache(scenario);
  const counts = { asked: 0, simulated: 0 };
  let step = "simulating the weeks";
  const project = async (run: CapacityRun, replications: number) => {
    const projection = await projectCapacity({ run, replications, simulate, cache: weeks, onProgress: (done, total) => onProgress?.(done, total, step) });
    counts.asked += projection.weeks;
    counts.simulated += projection.simulatedWeeks;
    return projection.rows;
  };
  return { project, counts, setStep: (text: string) => (step = text) };
}

/** The year as planned in the scenario (its classes, committed or not). */
export async function projectYear(request: YearRequest, simulate: WeekSimulator, onProgress?: YearProgress): Promise<YearView> {
  const { scenario, replications } = request;
  const run: CapacityRun = { scenario };
  const { project, counts } = projector(scenario, simulate, onProgress);
  const rows = await project(run, replications);
  return yearView({ run, rows, targetServiceLevel: weekTargetServiceLevel(scenario), weeksAsked: counts.asked, weeksSimulated: counts.simulated });
}

/** The hiring plan that holds `confidence` (core's `findHiringPlan`), and the year under it. */
export async function hirePlanYear(
  request: YearRequest & { confidence: number },
  simulate: WeekSimulator,
  solver: SolverSession,
  onProgress?: YearProgress,
): Promise<YearView> {
  const { scenario, replications, confidence } = request;
  const { project, counts, setStep } = projector(scenario, simulate, onProgress);
  const plan = await findHiringPlan({
    scenario,
    confidence,
    replications,
    solver,
    project: (changes) => project({ scenario, ...changes }, replications),
    onStep: setStep,
  });
  return yearView({
    run: { scenario, classes: plan.classes },
    rows: plan.rows,
    targetServiceLevel: weekTargetServiceLevel(scenario),
    weeksAsked: counts.asked,
    weeksSimulated: counts.simulated,
    plan: { plan, confidence },
  });
}

/** The trainer's trajectory of one intervention from a planned week, against the same year without it. */
export async function trajectoryYear(
  request: YearRequest & { intervention: string; startWeek: number },
  simulate: WeekSimulator,
  onProgress?: YearProgress,
): Promise<TrajectoryView> {
  const { scenario, replications } = request;
  const intervention = { name: request.intervention, startWeek: request.startWeek };
  const { project, counts, setStep } = projector(scenario, simulate, onProgress);
  setStep("the year without it");
  const baselineRows = await project({ scenario }, replications);
  setStep(`the year with “${intervention.name}”`);
  const interventionRows = await project({ scenario, intervention }, replications);
  return trajectoryView(scenario, trainerTrajectory({ scenario, intervention, baselineRows, interventionRows }), counts.simulated);
}
