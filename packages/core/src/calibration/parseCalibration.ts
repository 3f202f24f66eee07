import { z } from "zod";
import { survivalSampler } from "../random/survivalSampler.js";
import { scenarioErrorMap, toScenarioIssues } from "../schema/zodIssues.js";
import type { Calibration } from "./calibrate.js";
import { calibratedModelSchema } from "./calibratedModel.js";

/**
 * What a command needs of a calibration.json, checked: the model the engine runs (strict), the settings the backtest
 * reuses, the days it was fitted on and the exponential patience that per-interval Erlang A takes. The rest (fit
 * figures, curves for display) is carried as it is.
 */
const calibrationFileSchema = z.looseObject({
  kind: z.literal("ccplan-calibration"),
  version: z.literal(1),
  source: z.looseObject({ format: z.enum(["csv", "anonymous-bank"]), days: z.array(z.string()).max(100_000) }),
  settings: z.looseObject({
    intervalMinutes: z.literal([15, 30, 60]),
    targetAnswerSec: z.number().min(0).max(86_400),
    sessionGapMinutes: z.number().positive().max(1440),
    staffingTailSec: z.number().min(0).max(3600),
  }),
  patience: z.looseObject({ exponential: z.looseObject({ meanSec: z.number().positive().finite() }) }),
  model: calibratedModelSchema,
});

/**
 * Reads calibration.json text: valid JSON, of the shape `calibrate` writes, whose patience curve the engine can
 * sample. Every problem as "path: message (value)".
 */
export function parseCalibrationText(text: string): { ok: true; calibration: Calibration } | { ok: false; issues: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, issues: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = calibrationFileSchema.safeParse(raw, { error: scenarioErrorMap, reportInput: true });
  if (!parsed.success) return { ok: false, issues: toScenarioIssues(parsed.error.issues).map((issue) => `${issue.path || "(the file)"}: ${issue.message}`) };
  try {
    survivalSampler(parsed.data.model.patience);
  } catch (error) {
    return { ok: false, issues: [`model.patience: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return { ok: true, calibration: parsed.data as unknown as Calibration };
}
