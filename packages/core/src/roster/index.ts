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
