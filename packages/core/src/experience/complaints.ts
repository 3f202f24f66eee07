import { sigmoid } from "./satisfactionScale.js";

/** The complaint settings (experience.complaints). */
export interface ComplaintSettings {
  /** Probability that a dissatisfied customer complains at the reference resolution time. */
  dissatisfiedPropensity: number;
  /** Elasticity of the complaint odds in the resolution time. */
  resolutionTimeElasticity: number;
}

/**
 * Probability that a dissatisfied customer complains when their problem takes `resolutionSec` to resolve:
 * logit h = logit h₀ + e · ln(resolutionSec / referenceSec), h₀ = `dissatisfiedPropensity`, e =
 * `resolutionTimeElasticity`. So h = h₀ at the reference, rises with the resolution time, stays in [0, 1]; for a
 * small h₀ it is close to h₀ · (resolutionSec / referenceSec)^e. A resolution time of 0 gives 0 only when e > 0
 * (and h₀ when e = 0). Assumptions (h₀ after the often-quoted TARP finding that about 1 in 25 dissatisfied
 * customers complains).
 */
export function complaintPropensity(settings: ComplaintSettings, options: { resolutionSec: number; referenceSec: number }): number {
  const h0 = settings.dissatisfiedPropensity;
  const e = settings.resolutionTimeElasticity;
  if (h0 <= 0 || h0 >= 1 || e === 0) return h0;
  const { resolutionSec, referenceSec } = options;
  if (!(resolutionSec > 0)) return 0;
  return sigmoid(Math.log(h0 / (1 - h0)) + e * Math.log(resolutionSec / referenceSec));
}

/**
 * Probability that a contact leads to a complaint: only dissatisfied customers complain, each with the propensity
 * of its resolution time, so P = (1 − satisfaction) × propensity. Complaints thus rise with dissatisfaction (a
 * longer wait, an unresolved problem) and with the resolution time, both through satisfaction (the mean resolution
 * time moves it) and through the propensity (the contact's own resolution time). The engine sums these
 * probabilities: `complaints` is an expected count.
 */
export function complaintProbability(satisfaction: number, propensity: number): number {
  return (1 - satisfaction) * propensity;
}
