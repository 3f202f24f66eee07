import { applyCalibration, calibrate, CALIBRATION_DEFAULTS, patienceFromIntervalReport, survivalAt, type Calibration, type HandleFitReport } from "@ccplan/core";
import { choiceFlag, numberFlag, parseCommandArgs } from "../args.js";
import { InputError } from "../errors.js";
import { renderTable } from "../format/units.js";
import { readUserFile, writeUserFile } from "../io.js";
import { CALL_LOG_FLAGS, CALL_LOG_FLAGS_HELP, loadCalibration, loadCallLog, sourceNote } from "../run/callLogInput.js";

export const calibrateHelp = `ccplan calibrate <log> [--format csv|anonymous-bank] [--columns MAP] [--days FROM..TO] --out calibration.json [--json]
ccplan calibrate <log> … --scenario in.json [--queue NAME] --out calibrated.json
ccplan calibrate --calibration calibration.json --scenario in.json [--queue NAME] --out calibrated.json
ccplan calibrate --interval-report report.csv [--json]

Fits a model of the center to its call log, with the evidence: handle (talk) time per queue, class and pooled by
maximum likelihood (log-normal and gamma, chosen by AIC; the empirical distribution and a Kolmogorov–Smirnov distance
beside them), the after-call-work allowance, patience (Kaplan–Meier on waits censored by service, Greenwood band,
exponential tail; the exponential fit beside it), class shares and the head start of the priority class, and agents
on the floor per interval from agent activity. Prints a summary; --out writes calibration.json (for 'ccplan
backtest' and 'ccplan simulate --intervals … --calibration'); --json prints it.
${CALL_LOG_FLAGS_HELP}
  --interval-minutes M   15 (default), 30 or 60: the intervals of staffing and backtest
  --target S        answer-time target of the service level, seconds (default 20)
  --session-gap M   an agent's gap between calls beyond which they are off the floor, minutes (default 30)
  --priority-class C   the class served with a head start; none for first come first served (default: the class
                    whose head start the log shows most clearly, if any)
  --scenario FILE   write the calibration into this scenario's queue (--queue, default the first): handle time,
                    patience curve, priority class; --out is then the calibrated scenario
  --calibration F   with --scenario: use a calibration.json instead of a log
  --interval-report F   no call log: mean patience from an interval report (columns start, offered, answered,
                    abandoned, asa_seconds, abandon_wait_seconds) as E[wait] / P(abandon)`;

/** `ccplan calibrate`: reads a log, fits, prints the evidence, writes calibration.json or a calibrated scenario. */
export async function runCalibrate(args: string[], write: (text: string) => void): Promise<void> {
  const { values, positionals } = parseCommandArgs("calibrate", args, {
    ...CALL_LOG_FLAGS,
    out: { type: "string" },
    json: { type: "boolean" },
    "interval-minutes": { type: "string" },
    target: { type: "string" },
    "session-gap": { type: "string" },
    "priority-class": { type: "string" },
    scenario: { type: "string" },
    queue: { type: "string" },
    calibration: { type: "string" },
    "interval-report": { type: "string" },
  });
  if (values["interval-report"] !== undefined) {
    if (positionals.length > 0 || values.calibration !== undefined || values.scenario !== undefined) {
      throw new InputError("--interval-report stands alone: no call log, --calibration or --scenario with it");
    }
    const path = values["interval-report"];
    const result = patienceFromIntervalReport(readUserFile(path, "interval report"));
    if (!result.ok) throw new InputError(`${path} is not a usable interval report:\n${result.errors.map((error) => `✖ ${error}`).join("\n")}`);
    const { estimate } = result;
    write(
      values.json
        ? `${JSON.stringify(estimate, null, 2)}\n`
        : `Mean patience from the interval report: ${estimate.meanPatienceSec.toFixed(1)} s (standard error ${estimate.standardErrorSec.toFixed(1)} s)\n` +
            `(${estimate.abandoned} abandoned of ${estimate.offered} offered; E[wait] / P(abandon), exact under exponential patience — Mandelbaum & Zeltyn)\n`,
    );
    return;
  }
  if (positionals.length > 1) throw new InputError(`ccplan calibrate takes one call log; got ${positionals.length}: ${positionals.join(", ")}`);
  const logPath = positionals[0];
  if ((logPath === undefined) === (values.calibration === undefined)) {
    throw new InputError("ccplan calibrate needs a call log, or --calibration calibration.json with --scenario");
  }
  if (values.calibration !== undefined && values.scenario === undefined) throw new InputError("--calibration needs --scenario: it writes an existing calibration into a scenario");
  if (values.queue !== undefined && values.scenario === undefined) throw new InputError("--queue needs --scenario");
  if (values.scenario !== undefined && values.out === undefined) throw new InputError("--scenario needs --out calibrated.json: where to write the calibrated scenario");

  let calibration: Calibration;
  if (logPath !== undefined) {
    const log = loadCallLog(logPath, values);
    const priority = values["priority-class"];
    try {
      calibration = calibrate(log, {
        intervalMinutes: Number(choiceFlag("interval-minutes", values["interval-minutes"], ["15", "30", "60"] as const, String(CALIBRATION_DEFAULTS.intervalMinutes) as "15")) as 15 | 30 | 60,
        targetAnswerSec: numberFlag("target", values.target, { min: 0, max: 86_400 }) ?? CALIBRATION_DEFAULTS.targetAnswerSec,
        sessionGapMinutes: numberFlag("session-gap", values["session-gap"], { min: 1, max: 1440 }) ?? CALIBRATION_DEFAULTS.sessionGapMinutes,
        ...(priority !== undefined && { priorityClass: priority === "none" ? null : priority }),
      });
    } catch (error) {
      throw new InputError(`${logPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    calibration = loadCalibration(values.calibration!);
  }

  if (values.scenario !== undefined) {
    const raw = JSON.parse(readUserFile(values.scenario, "scenario file").replace(/^\uFEFF/, "")) as unknown;
    const applied = applyCalibration(raw, calibration, values.queue !== undefined ? { queue: values.queue } : {});
    if (!applied.ok) throw new InputError(`${values.scenario}: ${applied.error}`);
    writeUserFile(values.out!, `${JSON.stringify(applied.scenario, null, 2)}\n`, "the calibrated scenario");
    if (values.json) write(`${JSON.stringify(calibration)}\n`);
    else {
      const queue = values.queue ?? String((applied.scenario.queues as { name: unknown }[])[0]!.name);
      write(`${logPath !== undefined ? `${summary(calibration)}\n\n` : ""}Wrote ${values.out}: ${values.scenario} with queue "${queue}" calibrated (handle time, patience curve${calibration.model.priority ? ", priority class" : ""}).\n`);
    }
    return;
  }
  if (values.out !== undefined) writeUserFile(values.out, `${JSON.stringify(calibration)}\n`, "the calibration");
  if (values.json) write(`${JSON.stringify(calibration)}\n`);
  else write(`${summary(calibration)}\n${values.out !== undefined ? `Wrote ${values.out}.\n` : ""}`);
}

const seconds = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} s`;
const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
const count = (value: number) => value.toLocaleString("en-US");
const percentOne = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The evidence in a planner's words. */
export function summary(calibration: Calibration): string {
  const { source, handle, afterCallWork, patience, classes, staffing, model, settings } = calibration;
  const days = source.days.length > 1 ? `${source.days[0]} … ${source.days[source.days.length - 1]}` : source.days[0];
  const lines: string[] = [];
  lines.push(`Calibrated from ${count(source.offered)} offered calls (${count(source.answered)} answered, ${count(source.abandoned)} abandoned) on ${source.days.length} day${source.days.length === 1 ? "" : "s"} (${days}), ${source.format} log of ${count(source.rows)} rows.`);
  if (source.setAside.length > 0) lines.push(`Not offered calls (counted apart): ${source.setAside.map((item) => `${count(item.count)} ${item.reason}`).join("; ")}.`);
  if (source.badRowCount > 0) lines.push(`Bad rows skipped: ${count(source.badRowCount)}.`);
  const note = sourceNote(source.format);
  if (note) lines.push(note);
  lines.push("", "Handle (talk) time, maximum likelihood:");
  const row = (fit: HandleFitReport): string[] => {
    const chosen = fit.chosen ? fit[fit.chosen] : null;
    const other = fit.chosen === "lognormal" ? fit.gamma : fit.lognormal;
    return [
      fit.name,
      count(fit.n),
      seconds(fit.meanSec),
      fit.cv.toFixed(2),
      seconds(fit.medianSec),
      chosen ? `${fit.chosen} (ΔAIC ${other ? (other.aic - chosen.aic).toFixed(0) : "–"})` : "too few to fit",
      chosen ? chosen.ksDistance.toFixed(3) : "–",
    ];
  };
  lines.push(renderTable(["calls", "n", "mean", "cv", "median", "fit (AIC)", "KS distance"], [row(handle.pooled), ...handle.byQueue.map((fit) => row({ ...fit, name: `queue ${fit.name}` })), ...handle.byClass.map((fit) => row({ ...fit, name: `class ${fit.name}` }))]));
  lines.push("(KS distance: the largest gap between the data's and the fit's CDF; a description, not a test.)");
  const { measured, fitted } = afterCallWork;
  lines.push(
    "",
    measured
      ? `After-call work measured: ${seconds(measured.allowanceSec)} (standard error ${measured.standardErrorSec.toFixed(1)} s; mean gap from an agent's call to their next while callers waited throughout; ${count(measured.n)} gaps, median ${seconds(measured.medianSec)}).`
      : "After-call work measured: none (no agent names, or no gap while callers waited).",
    `Allowance per call in the model: ${seconds(fitted.allowanceSec)} (after-call work and other time on the floor without a call, fitted so that the calibration days' simulation gives their abandonment ${percentOne(fitted.observed.abandonRate)} → ${percentOne(fitted.simulated.abandonRate)} and service level ${percentOne(fitted.observed.serviceLevel)} → ${percentOne(fitted.simulated.serviceLevel)}; ${fitted.evaluations} evaluations of ${fitted.replications} replications per day).`,
  );
  const at = (t: number) => `S(${t} s) ${survivalAt(patience.kaplanMeier, t).toFixed(3)}`;
  lines.push(
    "",
    `Patience, Kaplan–Meier on ${count(patience.n)} calls (${count(patience.abandoned)} abandoned; answered calls censored at their wait):`,
    `  ${[10, 30, 60, 120, 300].map(at).join(" · ")}`,
    `  exponential tail beyond the curve: mean ${seconds(patience.tail.meanSec)} (standard error ${patience.tail.standardErrorSec.toFixed(0)} s; hazard of the last ${count(patience.tail.events)} abandonments, from ${seconds(patience.tail.fromSec)}); mean patience ${seconds(patience.meanSec)}`,
    `  exponential fit beside it: mean ${seconds(patience.exponential.meanSec)} (standard error ${patience.exponential.standardErrorSec.toFixed(1)} s; also E[wait] / P(abandon), the interval-report estimate)`,
  );
  if (classes.shares.length > 1 || classes.shares[0]?.name !== "") {
    lines.push("", `Classes: ${classes.shares.map((share) => `${share.name || "(none)"} ${percent(share.share)}`).join(", ")} of offered calls.`);
    for (const fit of classes.headStarts) {
      lines.push(`  class ${fit.name} over the rest: head start ${fit.headStartSec} s (95% CI ${fit.ci95[0]}–${fit.ci95[1]} s; ${count(fit.pairs)} pairs of waiting callers, answered first ${percent(fit.answeredFirstWithin)} within it and ${percent(fit.answeredFirstBeyond)} beyond; LR ${fit.likelihoodRatio.toFixed(0)})`);
    }
  }
  lines.push(model.priority ? `Priority class in the model: ${model.priority.name} (${percent(model.priority.share)} of calls, head start ${model.priority.headStartSec} s).` : "Priority class in the model: none (first come first served).");
  lines.push("", `Staffing from agent activity (${settings.intervalMinutes}-minute intervals; a gap over ${settings.sessionGapMinutes} min is off the floor): ${staffing.meanAgents.toFixed(1)} agents on the floor on average in intervals with calls.`);
  return lines.join("\n");
}
