import { z } from "zod";
import type { DurationSampler, Plan } from "../des/plan.js";
import { staffingSteps } from "../intervalFile/fromIntervals.js";
import { inverseCdf } from "../random/distributions.js";
import { survivalSampler } from "../random/survivalSampler.js";

/**
 * What the engine takes from a calibration: the handle-time shape with the talk-time mean it was fitted on and the
 * after-call-work allowance, the patience curve (Kaplan–Meier with its exponential tail), the priority class with its
 * share and head start, and the answer-time target. Plain data: it crosses worker boundaries and sits in
 * calibration.json (`model`).
 */
export const calibratedModelSchema = z.strictObject({
  handle: z.strictObject({
    dist: z.enum(["lognormal", "gamma"]).describe("The talk-time shape chosen by AIC."),
    cv: z.number().positive().max(20).describe("Coefficient of variation of talk time."),
    talkMeanSec: z.number().positive().max(86_400).describe("Mean talk time of the calibration days, seconds."),
    allowanceSec: z.number().min(0).max(3600).describe("After-call work allowance added to every call, seconds."),
  }),
  patience: z
    .strictObject({
      timesSec: z.array(z.number().nonnegative().finite()).min(1).max(100_000),
      survival: z.array(z.number().min(0).max(1)).min(1).max(100_000),
      tailMeanSec: z.number().nonnegative().finite(),
    })
    .describe("Patience as a survival curve (Kaplan–Meier knots, exponential tail beyond the last)."),
  priority: z
    .strictObject({
      name: z.string().min(1).max(100),
      share: z.number().min(0).max(1),
      headStartSec: z.number().min(0).max(86_400),
    })
    .nullable()
    .describe("The priority class and its head start; null: first come first served."),
  targetAnswerSec: z.number().min(0).max(86_400),
});
export type CalibratedModel = z.infer<typeof calibratedModelSchema>;

/**
 * The unit-mean handle-time sampler of a calibrated model: talk time from the fitted shape (mean `talkMeanSec`) plus
 * the allowance, divided by their sum, so that scaling it by an interval's mean talk time plus the allowance gives
 * that interval's handle times. (Exact when the interval's mean talk time is the calibration's; otherwise the
 * allowance scales with the talk time by their ratio, a small approximation.)
 */
export function calibratedHandleSampler(handle: CalibratedModel["handle"]): DurationSampler {
  const talk = inverseCdf({ dist: handle.dist, meanSec: 1, cv: handle.cv });
  const { talkMeanSec, allowanceSec } = handle;
  const total = talkMeanSec + allowanceSec;
  return (u) => (talkMeanSec * talk(u) + allowanceSec) / total;
}

/** One day (or span) to simulate with a calibrated model: intervals with their arrivals, agents and talk times. */
export interface CalibratedPlanInput {
  name: string;
  seed: number;
  intervalSec: number;
  /** A label per interval ("1999-02-08T07:00"), and per day. */
  intervalLabels: string[];
  dayLabels: string[];
  /** Expected (or observed) arrivals per interval. */
  contacts: number[];
  /** Agents on the floor per interval (a fraction is a time average). */
  agents: number[];
  /** Mean talk time per interval, seconds; null where unknown (the model's mean is used). */
  talkSec: (number | null)[];
  /** Share of each interval's arrivals in the priority class; null: the model's share everywhere. */
  priorityShare: number[] | null;
  model: CalibratedModel;
}

/**
 * The plan of a calibrated day: Poisson arrivals with each interval's mean, one queue and one group whose agents follow
 * `agents`, handle times from the calibrated shape scaled to each interval's mean talk time plus the allowance,
 * patience from the calibrated survival curve, and the priority class with its head start and each interval's share.
 * No retries or repeats: a log's offered calls already include callers who call again. Throws on lists of different
 * lengths.
 */
export function calibratedPlan(input: CalibratedPlanInput): Plan {
  const { intervalSec, model } = input;
  const count = input.contacts.length;
  for (const [name, list] of [
    ["agents", input.agents],
    ["talkSec", input.talkSec],
    ["intervalLabels", input.intervalLabels],
    ...(input.priorityShare ? [["priorityShare", input.priorityShare] as const] : []),
  ] as const) {
    if (list.length !== count) throw new Error(`invalid calibrated plan input: ${list.length} ${name} for ${count} intervals; expected one per interval`);
  }
  const arrivalRatePerSec = Float64Array.from(input.contacts, (contacts) => contacts / intervalSec);
  const handleScaleByInterval = Float64Array.from(input.talkSec, (talk) => (talk ?? model.handle.talkMeanSec) + model.handle.allowanceSec);
  const staffing = staffingSteps(input.agents, intervalSec);
  const totalContacts = input.contacts.reduce((sum, contacts) => sum + contacts, 0);
  const handleMeanSec =
    totalContacts > 0
      ? input.contacts.reduce((sum, contacts, i) => sum + contacts * handleScaleByInterval[i]!, 0) / totalContacts
      : model.handle.talkMeanSec + model.handle.allowanceSec;
  const priority = model.priority;
  return {
    name: input.name,
    seed: input.seed,
    intervalSec,
    intervalsPerDay: Math.round(86_400 / intervalSec),
    intervalCount: count,
    intervalLabels: input.intervalLabels,
    dayLabels: input.dayLabels,
    warmupSec: 0,
    queues: [
      {
        name: "calls",
        arrivalRatePerSec,
        candidateRatePerSec: arrivalRatePerSec.reduce((max, rate) => Math.max(max, rate), 0),
        dailyVolumeCv: 0,
        handle: calibratedHandleSampler(model.handle),
        handleMeanSec,
        handleScaleByInterval,
        patience: survivalSampler(model.patience),
        targetAnswerSec: model.targetAnswerSec,
        fcr: 1,
        repeatDelay: () => 0,
        retryProbability: 0,
        retryDelay: () => 0,
        ...(priority && {
          priority: {
            name: priority.name,
            headStartSec: priority.headStartSec,
            shareByInterval: input.priorityShare ? Float64Array.from(input.priorityShare) : new Float64Array(count).fill(priority.share),
          },
        }),
      },
    ],
    groups: [{ name: "agents", serves: Int32Array.of(0), shrinkage: 0, staffingTimesSec: staffing.timesSec, staffingCounts: staffing.counts }],
  };
}
