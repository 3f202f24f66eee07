export { applyIntervention, scaleDuration, type AppliedIntervention } from "./applyIntervention.js";
export { scenarioVariants, type ScenarioVariant } from "./scenarioVariants.js";
export type { CostLine } from "./costLine.js";
