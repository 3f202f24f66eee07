export { applyIntervention, scaleDuration, DEFAULT_RAMP_START_PRODUCTIVITY, type AppliedIntervention } from "./applyIntervention.js";
export { scenarioVariants, type ScenarioVariant } from "./scenarioVariants.js";
export type { CostLine } from "./costLine.js";
export {
  interventionTimeline,
  interventionStageAtWeek,
  trainingCohorts,
  MAX_RAMP_PIECES,
  MAX_COHORT_PIECES,
  STEADY_STATE,
  type InterventionPhase,
  type InterventionStage,
} from "./interventionTimeline.js";
export { MAX_CLASS_SHRINKAGE } from "./applyTraining.js";
export { groupAgentHoursPerWeek, groupHeadcount, MIN_FCR, type SatisfactionEffect } from "./scenarioEdits.js";
export { interventionIssues } from "./interventionIssues.js";
export { EFFECT_PRESETS, effectPresets, type EffectPreset } from "./effectPresets.js";
export { CLASS_HOURS_ALLOWANCE, trainingClassLoad, trainingTemplate, type ClassLoad } from "./trainingClassLoad.js";
export { interventionLevers, LEVERS, QUEUE_LEVERS, type InterventionLever, type Lever } from "./interventionLevers.js";
export { LEVER_WORDS, unchangedReason } from "./unchangedReason.js";
