import { parseScenario } from "../schema/parseScenario.js";
import { formatScenarioIssues } from "../schema/formatIssues.js";
import type { Calibration } from "./calibrate.js";

/** What a calibration writes into a queue of a scenario (see `applyCalibration`). */
export interface CalibratedQueueFields {
  handle: { dist: "lognormal" | "gamma"; meanSec: number; cv: number };
  patience: { dist: "survival"; timesSec: number[]; survival: number[]; tailMeanSec: number };
  priorityClass?: { name: string; share: number; headStartSec: number };
  description: string;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * The queue fields a calibration sets: handle time = talk time (the fitted shape) plus the after-call-work allowance,
 * as a scenario's two-parameter distribution with the same mean and standard deviation (the allowance is a constant,
 * so the standard deviation is talk time's); patience = the survival curve the engine samples; the priority class
 * with its share and head start (when the calibration has one); and a description that says where they come from.
 */
export function calibratedQueueFields(calibration: Calibration): CalibratedQueueFields {
  const { handle, patience, priority } = calibration.model;
  const meanSec = handle.talkMeanSec + handle.allowanceSec;
  const days = calibration.source.days;
  const span = days.length > 1 ? `${days[0]} … ${days[days.length - 1]}` : (days[0] ?? "");
  return {
    handle: { dist: handle.dist, meanSec: round(meanSec, 2), cv: round((handle.cv * handle.talkMeanSec) / meanSec, 4) },
    patience: { dist: "survival", timesSec: [...patience.timesSec], survival: patience.survival.map((value) => round(value, 6)), tailMeanSec: round(patience.tailMeanSec, 2) },
    ...(priority && { priorityClass: { name: priority.name, share: round(priority.share, 4), headStartSec: priority.headStartSec } }),
    description:
      `Handle time, patience${priority ? " and priority class" : ""} measured from the call log of ${span} ` +
      `(${calibration.source.offered} offered calls, ${calibration.source.format} format) by ccplan calibrate: ` +
      `talk time ${handle.dist} (mean ${round(handle.talkMeanSec, 1)} s, cv ${round(handle.cv, 3)}) plus an after-call-work allowance of ${round(handle.allowanceSec, 1)} s; ` +
      `patience a Kaplan–Meier curve with an exponential tail (mean ${round(patience.tailMeanSec, 0)} s beyond ${patience.timesSec[patience.timesSec.length - 1]} s).`,
  };
}

/**
 * A scenario file's contents with one queue's handle time, patience and priority class replaced by a calibration's
 * (`calibratedQueueFields`); every other field as it was. `queue` names the queue (default: the first). The result
 * is checked with `parseScenario`; a problem comes back as a message.
 */
export function applyCalibration(raw: unknown, calibration: Calibration, options: { queue?: string } = {}): { ok: true; scenario: Record<string, unknown> } | { ok: false; error: string } {
  const checked = parseScenario(raw);
  if (!checked.ok) return { ok: false, error: formatScenarioIssues(checked.issues, "the scenario") };
  const scenario = JSON.parse(JSON.stringify(raw)) as Record<string, unknown> & { queues: Record<string, unknown>[] };
  const index = options.queue === undefined ? 0 : scenario.queues.findIndex((queue) => queue.name === options.queue);
  if (index < 0) {
    return { ok: false, error: `no queue "${options.queue}" in the scenario; expected one of ${scenario.queues.map((queue) => `"${String(queue.name)}"`).join(", ")}` };
  }
  const fields = calibratedQueueFields(calibration);
  const queue = scenario.queues[index]!;
  queue.handle = fields.handle;
  queue.patience = fields.patience;
  if (fields.priorityClass) queue.priorityClass = fields.priorityClass;
  else delete queue.priorityClass;
  queue.description = fields.description;
  const result = parseScenario(scenario);
  if (!result.ok) return { ok: false, error: formatScenarioIssues(result.issues, "the calibrated scenario") };
  return { ok: true, scenario };
}
