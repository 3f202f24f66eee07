export { LpModel, type LpConstraint, type LpTerm, type LpVariable } from "./lpModel.js";
export {
  createSolverSession,
  solveMip,
  type HighsModel,
  type HighsRuntime,
  type MipOptions,
  type MipSolution,
  type MipStatus,
  type SolverSession,
} from "./mipSolver.js";
export { templateTimes, slotMinutes, type TemplateTimes } from "./templateChoices.js";
export { buildRosterModel, type RosterBreakTime, type RosterChoice, type RosterModel, type RosterModelInputs } from "./rosterModel.js";
export { rosterShifts, dayLayers } from "./rosterShifts.js";
export { assignBreaks } from "./assignBreaks.js";
export { solveRoster, type RosterSolveOptions } from "./solveRoster.js";
export { erlangRequirements, type ErlangRequirementsOptions } from "./erlangRequirements.js";
export { intervalOutcomes, intervalTargetMet, joinOutcomes, metShare, type IntervalOutcomes } from "./intervalOutcomes.js";
export { intervalStaffing, type IntervalStaffing } from "./intervalStaffing.js";
export { rosterGroups, withRoster, paidHoursPerWeek, type RosterGroup, type RosterGroupsProblem } from "./rosterGroups.js";
export { RosterInputError, rosterLimitIssue } from "./rosterLimits.js";
export {
  optimiseRoster,
  ROSTER_DEFAULTS,
  VERIFY_FIRST_REPLICATION,
  type RosterCandidate,
  type RosterIteration,
  type RosterOptions,
  type RosterProgress,
  type RosterResult,
  type ScenarioRunner,
} from "./optimiseRoster.js";
export { rosterDocument, rosterCsv, rosterScenarioFile, type RosterDocument, type RosterIntervalRow } from "./rosterDocument.js";
