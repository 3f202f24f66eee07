import type { DurationSampler, PlanChannel, PlanExperience } from "../des/plan.js";
import type { Experience } from "../schema/experience.js";
import { complaintPropensity } from "./complaints.js";
import { logOddsShift, satisfactionScale, type SatisfactionScale } from "./satisfactionScale.js";
import { waitMultiplier } from "./waitCurve.js";

/** What the experience model needs to know about a queue. */
export interface ExperienceQueue {
  /** Time from the end of the resolving conversation to the resolution (inverse CDF, seconds) and its mean;
   * omitted or null: none (as PlanQueue carries them). */
  resolutionTime?: DurationSampler | null;
  resolutionTimeMeanSec?: number;
  channel?: PlanChannel;
  /** Email: seconds of wait that do not count for satisfaction (the response target). */
  waitGraceSec?: number;
  /** Email: minutes of phone wait each hour past the target counts as (experience.wait's curve is in minutes). */
  lateMinutesPerHour?: number;
}

/** Sampling step of the wait table, seconds of counted wait (the curves are smooth on the scale of minutes). */
export const WAIT_STEP_SEC = 5;
// The table stops where the curve is within this of its floor, or at 12 hours of counted wait.
const WAIT_TABLE_TOLERANCE = 1e-7;
const WAIT_TABLE_MAX_SEC = 12 * 3600;
const COMPLAINT_TABLE_SIZE = 1024;
// Keeps a zero floor finite on the log-odds scale (satisfaction below 1e-9 of its level is none).
const MIN_MULTIPLIER = 1e-9;

/**
 * The experience model of a plan, from the scenario's `experience` settings and its queues' channels and
 * resolution times (seconds; omitted: problems are resolved when the resolving conversation ends):
 * - the satisfaction scale calibrated at the reference center (`satisfactionScale`);
 * - per queue, the log-odds of an answered contact with no wait: the ideal contact, plus the shift of the mean
 *   resolution time (`resolutionTimeMeanSec`) ((mean / reference)^(−ln(1 + c) / ln(1/0.9)) as a relative change, c = changePerTenPercentCut),
 *   plus, for queues answered by agents (not self-service), the shift of each `effects` entry (1 + relativeChange);
 *   minus the repeat penalty for an unresolved contact and again for a repeat contact;
 * - the wait table: the log-odds shift of `waitMultiplier` every `WAIT_STEP_SEC` of counted wait;
 * - the complaint propensity by resolution uniform (`complaintPropensity` at the resolution time that uniform gives).
 * Costs a few milliseconds; done once per plan.
 */
export function compileExperience(options: { experience: Experience; queues: readonly ExperienceQueue[] }): PlanExperience {
  const { experience, queues } = options;
  const scaleSettings = {
    referenceCsat: experience.referenceCsat,
    referenceRepeatRate: experience.repeats.referenceRepeatRate,
    changePerFivePointsFewer: experience.repeats.changePerFivePointsFewer,
  };
  const scaleKey = JSON.stringify(scaleSettings);
  const scale = remembered(`scale ${scaleKey}`, () => satisfactionScale(scaleSettings));
  const referenceSec = experience.resolutionTime.referenceHours * 3600;
  let effectsShift = 0;
  for (const effect of experience.effects) effectsShift += logOddsShift(scale, Math.max(MIN_MULTIPLIER, 1 + effect.relativeChange));

  const answeredLogOdds = new Float64Array(queues.length * 4);
  queues.forEach((queue, q) => {
    const meanSec = queue.resolutionTime ? queue.resolutionTimeMeanSec : undefined;
    const resolutionShift = meanSec !== undefined ? resolutionTimeShift(scale, experience, meanSec / referenceSec) : 0;
    const base = scale.idealLogOdds + resolutionShift + (queue.channel === "selfService" ? 0 : effectsShift);
    for (let outcome = 0; outcome < 4; outcome++) {
      const penalties = (outcome & 1) + ((outcome >> 1) & 1);
      answeredLogOdds[q * 4 + outcome] = base - penalties * scale.repeatPenalty;
    }
  });

  const complaints = experience.complaints;
  const complaintPropensityByUniform = new Float64Array(queues.length * COMPLAINT_TABLE_SIZE);
  queues.forEach((queue, q) => {
    const sampler = queue.resolutionTime ?? null;
    for (let i = 0; i < COMPLAINT_TABLE_SIZE; i++) {
      complaintPropensityByUniform[q * COMPLAINT_TABLE_SIZE + i] = sampler
        ? complaintPropensity(complaints, { resolutionSec: sampler((i + 0.5) / COMPLAINT_TABLE_SIZE), referenceSec })
        : complaints.dissatisfiedPropensity;
    }
  });

  return {
    surveyResponseRate: experience.surveyResponseRate,
    surveyAbandoned: experience.abandoned === "dissatisfied",
    answeredLogOdds,
    waitLogOdds: remembered(`wait ${scaleKey} ${JSON.stringify(experience.wait)}`, () => waitTable(scale, experience)),
    waitStepSec: WAIT_STEP_SEC,
    waitGraceSecByQueue: Float64Array.from(queues, (queue) => (queue.channel === "email" ? (queue.waitGraceSec ?? 0) : 0)),
    waitScaleByQueue: Float64Array.from(queues, (queue) => (queue.channel === "email" ? (queue.lateMinutesPerHour ?? 1) / 60 : 1)),
    complaintPropensityByUniform,
    complaintTableSize: COMPLAINT_TABLE_SIZE,
    abandonedComplaintPropensity: complaints.dissatisfiedPropensity,
    loyalty: {
      satisfied: { ...experience.loyalty.satisfied },
      dissatisfied: { ...experience.loyalty.dissatisfied },
    },
  };
}

// Scenario variants (interventions, their phases) mostly share the calibration and the wait table; both are pure
// functions of a few numbers, so the last few are kept. Callers never mutate what they get (the plan is read-only).
const MEMO_SIZE = 16;
const memo = new Map<string, unknown>();
function remembered<T>(key: string, make: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const value = make();
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(key, value);
  return value;
}

/** The log-odds shift of a mean resolution time `ratio` times the reference: the article's rule, compounded. */
export function resolutionTimeShift(scale: SatisfactionScale, experience: Pick<Experience, "resolutionTime">, ratio: number): number {
  const change = experience.resolutionTime.changePerTenPercentCut;
  if (change === 0 || ratio === 1) return 0;
  const exponent = Math.log(1 + change) / Math.log(1 / 0.9);
  return logOddsShift(scale, Math.max(MIN_MULTIPLIER, Math.pow(ratio, -exponent)));
}

/** The wait's log-odds shift every WAIT_STEP_SEC, from 0 until the curve reaches its floor (or 12 hours). */
function waitTable(scale: SatisfactionScale, experience: Experience): Float64Array {
  const wait = experience.wait;
  const values: number[] = [];
  let previous = 0;
  for (let sec = 0; sec <= WAIT_TABLE_MAX_SEC; sec += WAIT_STEP_SEC) {
    const multiplier = waitMultiplier(wait, sec / 60);
    previous = multiplier >= 1 ? 0 : logOddsShift(scale, Math.max(MIN_MULTIPLIER, multiplier), previous);
    values.push(previous);
    if (multiplier - wait.floor <= WAIT_TABLE_TOLERANCE || (sec > 0 && multiplier >= 1)) break;
  }
  return Float64Array.from(values);
}
