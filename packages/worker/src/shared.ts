// What both entries export: the plan source, the worker api and the pool over any worker factory.
export { describeSource, recipeSource, type PlanSource, type StationarySourceOptions } from "./planSource.js";
export { simulateCapacityWeeks, type CapacityWeeksSource, type CapacityWeekResult } from "./capacityJob.js";
export { poolWeekSimulator, inProcessWeekSimulator, type CapacityScenarioSource } from "./capacityRunner.js";
export {
  api,
  runReplications,
  runKpiVectors,
  runCapacityWeeks,
  compileSource,
  clearPlanCache,
  PROGRESS_INTERVAL_MS,
  type WorkerApi,
  type ProgressCallback,
  type ReplicationKpiVector,
} from "./api.js";
export {
  createPool,
  type Pool,
  type PoolOptions,
  type RunOptions,
  type RunProgress,
  type RunResult,
  type RunOutput,
  type WorkerFactory,
  type WorkerHandle,
} from "./pool.js";
export { poolRunner, inProcessRunner, type StreamOptions, type VectorRunner } from "./vectorRunner.js";
export {
  runSingle,
  runPaired,
  comparable,
  progressTracker,
  type PrecisionTarget,
  type PrecisionOutcome,
  type PlannedSource,
  type RunProgressSink,
} from "./runPlan.js";
export { loadHighs, solverSession } from "./solver.js";
export { workerMemoryBytes, defaultWorkerCount } from "./memory.js";
export { prefetchedPhases } from "./prefetchedPhases.js";
