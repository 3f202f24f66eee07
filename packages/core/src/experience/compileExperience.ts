import type { DurationSampler, PlanChannel, PlanExperience } from "../des/plan.js";
import type { Experience } from "../schema/experience.js";
import { logOddsShift, resolutionShift, satisfactionScale, sigmoid, type ScaleSettings, type SatisfactionScale } from "./satisfactionScale.js";
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
// The resolution-time table: ln(time / reference) from −8 to 8 (the reference / 2981 to 2981 times it: 29 seconds to
// 8 years for a day), every 1/64; flat beyond.
const RESOLUTION_TABLE_LIMIT = 8;
const RESOLUTION_STEPS_PER_UNIT = 64;
// Keeps a zero floor finite on the log-odds scale (satisfaction below 1e-9 of its level is none).
const MIN_MULTIPLIER = 1e-9;

/**
 * The experience model of a plan, from the scenario's `experience` settings and its queues' channels and
 * resolution times (seconds; omitted: problems are resolved when the resolving conversation ends):
 * - the satisfaction scale calibrated at the reference center (`satisfactionScale`), the repeat and resolution-time
 *   rules together, with the reference center's repeats `repeats.referenceDelayHours` later;
 * - per queue, the log-odds of an answered contact with no wait: the ideal contact, plus, for queues answered by
 *   agents (not self-service), the shift of each `effects` entry (1 + relativeChange); minus the repeat penalty for an
 *   unresolved contact and again for a repeat contact. A queue with a resolution time adds, per contact, the shift
 *   of the time its problem takes in the simulation (the resolution table); a queue without one has problems resolved
 *   as the conversation ends and takes the reference center's: none for a first contact, and for a repeat what the
 *   reference center's repeats lose to their longer time (γ), so the repeat rule holds there as it did;
 * - the wait table: the log-odds shift of `waitMultiplier` every `WAIT_STEP_SEC` of counted wait;
 * - the resolution table: the shift of a problem taking r times `resolutionTime.referenceHours`, by ln r
 *   (`resolutionShift`), and the complaint propensity's settings (`complaintPropensity`, same ratio);
 * - the satisfaction of an abandoned contact by its wait (`abandonedTable`).
 * Costs a few milliseconds; done once per plan.
 */
export function compileExperience(options: { experience: Experience; queues: readonly ExperienceQueue[] }): PlanExperience {
  const { experience, queues } = options;
  const referenceSec = experience.resolutionTime.referenceHours * 3600;
  const scaleKey = JSON.stringify(scaleSettingsOf(experience));
  const scale = experienceScale(experience);
  let effectsShift = 0;
  for (const effect of experience.effects) effectsShift += logOddsShift(scale, Math.max(MIN_MULTIPLIER, 1 + effect.relativeChange));

  const answeredLogOdds = new Float64Array(queues.length * 4);
  queues.forEach((queue, q) => {
    const base = scale.idealLogOdds + (queue.channel === "selfService" ? 0 : effectsShift);
    const repeatResolution = queue.resolutionTime ? 0 : scale.repeatResolutionPenalty;
    for (let outcome = 0; outcome < 4; outcome++) {
      const unresolved = outcome & 1;
      const repeat = (outcome >> 1) & 1;
      answeredLogOdds[q * 4 + outcome] = base - (unresolved + repeat) * scale.repeatPenalty - repeat * repeatResolution;
    }
  });

  const waitLogOdds = remembered(`wait ${scaleKey} ${JSON.stringify(experience.wait)}`, () => waitTable(scale, experience));
  const anyResolutionTime = queues.some((queue) => queue.resolutionTime);
  const complaints = experience.complaints;
  return {
    surveyResponseRate: experience.surveyResponseRate,
    surveyAbandoned: experience.abandoned === "dissatisfied",
    answeredLogOdds,
    waitLogOdds,
    waitStepSec: WAIT_STEP_SEC,
    waitGraceSecByQueue: Float64Array.from(queues, (queue) => (queue.channel === "email" ? (queue.waitGraceSec ?? 0) : 0)),
    waitScaleByQueue: Float64Array.from(queues, (queue) => (queue.channel === "email" ? (queue.lateMinutesPerHour ?? 1) / 60 : 1)),
    resolutionReferenceSec: referenceSec,
    resolutionShiftByLogRatio: anyResolutionTime ? remembered(`resolution ${scaleKey}`, () => resolutionTable(scale)) : new Float64Array(1),
    resolutionLogRatioMin: -RESOLUTION_TABLE_LIMIT,
    resolutionStepsPerUnit: RESOLUTION_STEPS_PER_UNIT,
    complaintPropensity: complaints.dissatisfiedPropensity,
    complaintElasticity: complaints.resolutionTimeElasticity,
    abandonedComplaintPropensity: complaints.dissatisfiedPropensity,
    ...abandonedTable(scale, experience, waitLogOdds),
    loyalty: {
      satisfied: { ...experience.loyalty.satisfied },
      dissatisfied: { ...experience.loyalty.dissatisfied },
    },
  };
}

// Scenario variants (interventions, their phases) mostly share the calibration and the wait table; both are pure
// functions of a few numbers, so recent ones are kept. With uncertain inputs every replication has its own draw, and
// the baseline and each phase of each option meet the same draw one after another (a run goes through all its
// replications before the next phase's), so the memo holds a few hundred replications' worth: calibrating the scale
// and its tables again would cost about as much as a short replication. Bounded by count and by the tables' bytes
// (oldest out first). Callers never mutate what they get (the plan is read-only).
const MEMO_ENTRIES = 2048;
const MEMO_BYTES = 24 * 1024 * 1024;
const memo = new Map<string, { value: unknown; bytes: number }>();
let memoBytes = 0;
function remembered<T>(key: string, make: () => T): T {
  const known = memo.get(key);
  if (known) return known.value as T;
  const value = make();
  const bytes = (value instanceof Float64Array ? value.byteLength : 0) + 2 * key.length + 64;
  while (memo.size > 0 && (memo.size >= MEMO_ENTRIES || memoBytes + bytes > MEMO_BYTES)) {
    const oldest = memo.keys().next().value as string;
    memoBytes -= memo.get(oldest)!.bytes;
    memo.delete(oldest);
  }
  memo.set(key, { value, bytes });
  memoBytes += bytes;
  return value;
}

/** What the satisfaction scale of these experience settings is calibrated from. */
function scaleSettingsOf(experience: Experience): ScaleSettings {
  return {
    referenceCsat: experience.referenceCsat,
    referenceRepeatRate: experience.repeats.referenceRepeatRate,
    changePerFivePointsFewer: experience.repeats.changePerFivePointsFewer,
    changePerTenPercentCut: experience.resolutionTime.changePerTenPercentCut,
    repeatLengthening: experience.repeats.referenceDelayHours / experience.resolutionTime.referenceHours,
  };
}

/** The satisfaction scale of these experience settings (`satisfactionScale`: the reference center, the repeat and
 * resolution-time rules calibrated together), remembered for the last few settings. */
export function experienceScale(experience: Experience): SatisfactionScale {
  const settings = scaleSettingsOf(experience);
  return remembered(`scale ${JSON.stringify(settings)}`, () => satisfactionScale(settings));
}

/**
 * The log-odds shift of a problem that takes `ratio` times the reference resolution time, on the scale of these
 * experience settings (see `resolutionShift`): what the engine adds to a contact of a queue with a resolution time.
 */
export function resolutionTimeShift(experience: Experience, ratio: number): number {
  return resolutionShift(experienceScale(experience), ratio);
}

/** The resolution-time shift by ln(time / reference), from −RESOLUTION_TABLE_LIMIT every 1/RESOLUTION_STEPS_PER_UNIT. */
function resolutionTable(scale: SatisfactionScale): Float64Array {
  const size = 2 * RESOLUTION_TABLE_LIMIT * RESOLUTION_STEPS_PER_UNIT + 1;
  const table = new Float64Array(size);
  let previous = 0;
  for (let i = 0; i < size; i++) {
    previous = resolutionShift(scale, Math.exp(i / RESOLUTION_STEPS_PER_UNIT - RESOLUTION_TABLE_LIMIT), previous);
    table[i] = previous;
  }
  return table;
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

/**
 * The satisfaction of an abandoned contact every WAIT_STEP_SEC of counted wait, a first contact's row then a repeat's
 * (experience.abandonedSatisfaction):
 * - "unresolved": as the reference center's contact answered after the same wait whose problem stays unresolved:
 *   σ(L₀ − β + wait shift), and σ(L₀ − 2β − γ + wait shift) for a repeat; no agent's effect (nobody answered), and
 *   the reference center's resolution time (the problem is not resolved: its penalty is β, not a time as well);
 * - "dissatisfied": 0 whatever the wait (one entry);
 * - "points": the user's curve, linear between points, flat before the first and after the last, sampled to the last.
 */
function abandonedTable(
  scale: SatisfactionScale,
  experience: Experience,
  waitLogOdds: Float64Array,
): { abandonedSatisfactionByWait: Float64Array; abandonedWaitSteps: number } {
  const settings = experience.abandonedSatisfaction;
  if (settings.curve === "dissatisfied") return { abandonedSatisfactionByWait: new Float64Array(2), abandonedWaitSteps: 1 };
  if (settings.curve === "points") {
    const points = settings.points ?? [];
    const lastSec = points.length > 0 ? points[points.length - 1]!.waitMinutes * 60 : 0;
    const steps = Math.min(Math.ceil(lastSec / WAIT_STEP_SEC), WAIT_TABLE_MAX_SEC / WAIT_STEP_SEC) + 1;
    const table = new Float64Array(2 * steps);
    for (let step = 0; step < steps; step++) {
      const value = pointsAt(points, (step * WAIT_STEP_SEC) / 60);
      table[step] = value;
      table[steps + step] = value;
    }
    return { abandonedSatisfactionByWait: table, abandonedWaitSteps: steps };
  }
  const steps = waitLogOdds.length;
  const table = new Float64Array(2 * steps);
  const first = scale.idealLogOdds - scale.repeatPenalty;
  const repeat = scale.idealLogOdds - 2 * scale.repeatPenalty - scale.repeatResolutionPenalty;
  for (let step = 0; step < steps; step++) {
    table[step] = sigmoid(first + waitLogOdds[step]!);
    table[steps + step] = sigmoid(repeat + waitLogOdds[step]!);
  }
  return { abandonedSatisfactionByWait: table, abandonedWaitSteps: steps };
}

/** The user's abandoned-satisfaction curve at `minutes`: linear between points, flat outside them. */
function pointsAt(points: readonly { waitMinutes: number; satisfaction: number }[], minutes: number): number {
  if (points.length === 0) return 0;
  if (minutes <= points[0]!.waitMinutes) return points[0]!.satisfaction;
  for (let i = 1; i < points.length; i++) {
    const right = points[i]!;
    if (minutes <= right.waitMinutes) {
      const left = points[i - 1]!;
      return left.satisfaction + ((minutes - left.waitMinutes) / (right.waitMinutes - left.waitMinutes)) * (right.satisfaction - left.satisfaction);
    }
  }
  return points[points.length - 1]!.satisfaction;
}
