import { QUEUE_COUNTER_COUNT, QueueCounter } from "../des/result.js";
import { createSimulator } from "../des/simulate.js";
import type { CalibratedModel, CalibratedPlanInput } from "./calibratedModel.js";
import { calibratedPlan } from "./calibratedModel.js";

/** The allowance fitted to the calibration days, with what it reproduces. */
export interface AllowanceFit {
  /** Seconds added to every call's talk time. */
  allowanceSec: number;
  /** The calibration days' pooled abandonment and service level, seen and simulated with the fitted allowance. */
  observed: { abandonRate: number; serviceLevel: number };
  simulated: { abandonRate: number; serviceLevel: number };
  /** The days simulated (the latest, up to the budget), replications of each per evaluation, and evaluations made. */
  days: string[];
  replications: number;
  evaluations: number;
  /** The search range, seconds: from the after-call work measured in the log up. */
  searchedFromSec: number;
  searchedToSec: number;
}

/** Simulated calls per evaluation the search aims at with replications of every day of a short log; a long log is
 * fitted on its latest days up to `LONG_LOG_CALLS`, once each (about a second for the whole search on one core). */
const CALLS_PER_EVALUATION = 100_000;
const LONG_LOG_CALLS = 40_000;
const SEARCH_SPAN_SEC = 240;
const TOLERANCE_SEC = 1;

/**
 * The allowance per call — after-call work, and whatever else keeps an agent on the floor from taking the next call —
 * that best reproduces the calibration days: the one whose simulation of those days (each day's arrivals, classes,
 * inferred agents and talk times, as the backtest uses them) gives the pooled abandonment rate and service level
 * closest to the log's, in squared percentage points summed. Golden-section search from `fromSec` (the after-call
 * work measured directly, a lower bound) to 240 s above it, to a second, on common random numbers (the same seeds at
 * every allowance, so the objective is smooth). Each evaluation simulates up to 20 replications of every day of a short
 * log (about 100,000 calls); of a log with more calls than that, its latest days up to 40,000 calls, once each.
 */
export function fitAllowance(
  allDays: readonly { input: CalibratedPlanInput; offered: number; abandoned: number; answeredWithinTarget: number }[],
  options: { fromSec: number; model: CalibratedModel },
): AllowanceFit {
  // The most recent days up to the budget: a long log costs no more than a few weeks.
  const days: (typeof allDays)[number][] = [];
  const allOffered = allDays.reduce((sum, day) => sum + day.offered, 0);
  let budget = allOffered > CALLS_PER_EVALUATION ? LONG_LOG_CALLS : CALLS_PER_EVALUATION;
  for (let d = allDays.length - 1; d >= 0 && (days.length === 0 || budget - allDays[d]!.offered >= 0); d--) {
    days.unshift(allDays[d]!);
    budget -= allDays[d]!.offered;
  }
  const observed = days.reduce((sum, day) => ({ offered: sum.offered + day.offered, abandoned: sum.abandoned + day.abandoned, within: sum.within + day.answeredWithinTarget }), { offered: 0, abandoned: 0, within: 0 });
  const target = { abandonRate: observed.offered > 0 ? observed.abandoned / observed.offered : 0, serviceLevel: observed.offered > 0 ? observed.within / observed.offered : 0 };
  const replications = days.length < allDays.length ? 1 : Math.min(20, Math.max(1, Math.round(CALLS_PER_EVALUATION / Math.max(1, observed.offered))));
  let evaluations = 0;
  const cache = new Map<number, { abandonRate: number; serviceLevel: number; loss: number }>();
  const evaluate = (allowanceSec: number) => {
    const hit = cache.get(allowanceSec);
    if (hit) return hit;
    evaluations++;
    const model = { ...options.model, handle: { ...options.model.handle, allowanceSec } };
    let offered = 0;
    let abandoned = 0;
    let within = 0;
    for (const { input } of days) {
      const plan = calibratedPlan({ ...input, model });
      const simulator = createSimulator(plan);
      for (let k = 0; k < replications; k++) {
        const counters = simulator.run(k).queueCounters;
        for (let base = 0; base < counters.length; base += QUEUE_COUNTER_COUNT) {
          offered += counters[base + QueueCounter.offered]!;
          abandoned += counters[base + QueueCounter.abandoned]!;
          within += counters[base + QueueCounter.answeredWithinTarget]!;
        }
      }
    }
    const abandonRate = offered > 0 ? abandoned / offered : 0;
    const serviceLevel = offered > 0 ? within / offered : 0;
    const loss = (100 * (abandonRate - target.abandonRate)) ** 2 + (100 * (serviceLevel - target.serviceLevel)) ** 2;
    const result = { abandonRate, serviceLevel, loss };
    cache.set(allowanceSec, result);
    return result;
  };
  // Golden-section search for the minimum of the loss over [from, from + span].
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = options.fromSec;
  let high = options.fromSec + SEARCH_SPAN_SEC;
  let left = high - ratio * (high - low);
  let right = low + ratio * (high - low);
  let leftLoss = evaluate(left).loss;
  let rightLoss = evaluate(right).loss;
  while (high - low > TOLERANCE_SEC) {
    if (leftLoss <= rightLoss) {
      high = right;
      right = left;
      rightLoss = leftLoss;
      left = high - ratio * (high - low);
      leftLoss = evaluate(left).loss;
    } else {
      low = left;
      left = right;
      leftLoss = rightLoss;
      right = low + ratio * (high - low);
      rightLoss = evaluate(right).loss;
    }
  }
  const allowanceSec = Math.round(((low + high) / 2) * 10) / 10;
  const best = evaluate(allowanceSec);
  return {
    allowanceSec,
    observed: target,
    simulated: { abandonRate: best.abandonRate, serviceLevel: best.serviceLevel },
    days: days.map(({ input }) => input.dayLabels[0] ?? input.name),
    replications,
    evaluations,
    searchedFromSec: options.fromSec,
    searchedToSec: options.fromSec + SEARCH_SPAN_SEC,
  };
}
