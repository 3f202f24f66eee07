export { binomialQuantile } from "./binomialQuantile.js";
export { capacityCalendar, type CapacityWeek } from "./capacityCalendar.js";
export { weeklyRate } from "./weeklyRate.js";
export { projectPeople, type PeopleWeek } from "./projectPeople.js";
export { weekScenario, apportion, type WeekInput } from "./weekScenario.js";
export { simulateWeek, weekTargetServiceLevel, WEEK_KPIS } from "./simulateWeek.js";
export {
  capacityReplication,
  capacityWeekScenario,
  replicationPeople,
  replicationWeekInputs,
  runClasses,
  weekInputKey,
  weekCacheKey,
  weekSeed,
  CAPACITY_FIELDS,
  CAPACITY_FIELD,
  type CapacityField,
  type CapacityRun,
  type WeekRunner,
} from "./capacityReplication.js";
export { summarizeCapacity, type CapacitySummary, type CapacityWeekSummary } from "./summarizeCapacity.js";
export { capacityReport, type CapacityReport, type CapacityReportWeek } from "./capacityReport.js";
export { findHiringPlan, MAX_CORRECTIONS, type HiringPlan, type WeekAtRisk, type ProjectRun } from "./hirePlan.js";
export { projectCapacity, type CapacityProjection, type WeekSimulator } from "./projectCapacity.js";
export { trainerTrajectory, TRAJECTORY_KPIS, type Trajectory, type TrajectoryWeek, type TrajectoryKpi } from "./trainerTrajectory.js";
export { checkCapacityLimits } from "./capacityLimits.js";
export { capacityFromScenario, STARTER_CAPACITY_WEEKS, type CapacityInput } from "./capacityFromScenario.js";
