export { compileExperience, experienceScale, resolutionTimeShift, WAIT_STEP_SEC, type ExperienceQueue } from "./compileExperience.js";
export { complaintPropensity, complaintProbability, type ComplaintSettings } from "./complaints.js";
export {
  churnFromSatisfaction,
  lifetimeValueRetained,
  npsFromSatisfaction,
  retainedCustomers,
  type LoyaltyClass,
  type LoyaltySettings,
} from "./loyalty.js";
export {
  logOddsShift,
  referenceCsatAt,
  resolutionCutGain,
  resolutionShift,
  satisfactionScale,
  sigmoid,
  type ScaleSettings,
  type SatisfactionScale,
} from "./satisfactionScale.js";
export { logisticTabulated, logTabulated } from "./tabulated.js";
export { logisticScaleMinutes, waitMultiplier, type WaitCurveSettings } from "./waitCurve.js";
