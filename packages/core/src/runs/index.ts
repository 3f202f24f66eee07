export { compareRuns, type RunDeltas, type RunSide } from "./runDeltas.js";
export { scenarioDiff, type ScenarioChange } from "./scenarioDiff.js";
