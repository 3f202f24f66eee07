export { compileExperience, resolutionTimeShift, WAIT_STEP_SEC, type ExperienceQueue } from "./compileExperience.js";
export { complaintPropensity, complaintProbability, type ComplaintSettings } from "./complaints.js";
export {
  churnFromSatisfaction,
  lifetimeValueRetained,
  npsFromSatisfaction,
  retainedCustomers,
  type LoyaltyClass,
  type LoyaltySettings,
} from "./loyalty.js";
export { logOddsShift, referenceCsatAt, satisfactionScale, sigmoid, type SatisfactionScale } from "./satisfactionScale.js";
export { logisticScaleMinutes, waitMultiplier, type WaitCurveSettings } from "./waitCurve.js";
