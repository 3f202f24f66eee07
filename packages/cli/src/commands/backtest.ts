import { backtestDays, finishBacktest, type BacktestReport, type PredictedFigure } from "@ccplan/core";
import { progressTracker, type PlanSource } from "@ccplan/worker/node";
import { numberFlag, onePositional, parseCommandArgs } from "../args.js";
import { readReplications, readSeed, readWorkers, SIMULATION_FLAGS } from "./runFlags.js";
import { InputError } from "../errors.js";
import { renderTable } from "../format/units.js";
import { progressBar } from "../run/progressBar.js";
import { createRunner, defaultWorkers } from "../run/runner.js";
import { CALL_LOG_FLAGS, CALL_LOG_FLAGS_HELP, loadCalibration, loadCallLog, sourceNote } from "../run/callLogInput.js";

export const backtestHelp = `ccplan backtest <log> [--format csv|anonymous-bank] [--columns MAP] [--days FROM..TO] --calibration calibration.json
                [--target SECONDS] [--replications N] [--seed S] [--workers W] [--json]

Predicts each day of a call log with a calibration ('ccplan calibrate'), from what an ACD reports before the fact
or a plan would hold — each interval's arrivals and the priority class's share of them, the agents on the floor
inferred from agent activity, and the interval's mean talk time — never from its waits or outcomes, and compares with
what happened: per day and interval offered calls, abandonment, service level (answered within --target over offered;
default the calibration's target) and ASA, the errors in points, and the same errors for per-interval Erlang A on the
same inputs. Backtest on days the calibration was not fitted on.
${CALL_LOG_FLAGS_HELP}
  --calibration F   calibration.json written by 'ccplan calibrate --out'
  --replications N  simulated replications of each day (default 100)
  --workers W       worker threads (default: the number of cores); the output does not depend on it
  --json            {days, intervals, errors, erlangA: {errors}, …}; every predicted figure {mean, ci95, p10, p90}`;

/** `ccplan backtest`: predicts each day of a log with a calibration and compares with what happened. */
export async function runBacktest(args: string[], write: (text: string) => void): Promise<void> {
  const { values, positionals } = parseCommandArgs("backtest", args, {
    ...CALL_LOG_FLAGS,
    calibration: { type: "string" },
    target: { type: "string" },
    ...SIMULATION_FLAGS,
  });
  const logPath = onePositional("backtest", positionals, "call log");
  if (values.calibration === undefined) throw new InputError("missing --calibration calibration.json (write one with 'ccplan calibrate <log> --out calibration.json')");
  const replications = readReplications(values, { min: 2 }, 100);
  const seed = readSeed(values) ?? 1;
  const workers = readWorkers(values) ?? defaultWorkers();
  const targetAnswerSec = numberFlag("target", values.target, { min: 0, max: 86_400 });
  const calibration = loadCalibration(values.calibration);
  const log = loadCallLog(logPath, values);
  const days = backtestDays(log, calibration, { seed, ...(targetAnswerSec !== undefined && { targetAnswerSec }) });

  const runner = createRunner(workers);
  const bar = progressBar();
  const tracker = progressTracker(days.length * replications, bar.update);
  const vectors: Float64Array[][] = [];
  try {
    for (const day of days) {
      const source: PlanSource = { kind: "calibrated", input: day.input };
      vectors.push(await runner.vectors(source, 0, replications, (done) => tracker.within(done)));
      tracker.finishPart(replications);
    }
  } finally {
    bar.done();
    await runner.close();
  }
  const report = finishBacktest(days, vectors, calibration, { replications, seed });
  const note = sourceNote(log.format);
  if (values.json) {
    write(`${JSON.stringify({ ...report, ...(note && { dataSource: note }) })}\n`);
    return;
  }
  write(`${render(report, note)}\n`);
}

const points = (value: number | null) => (value === null ? "–" : (value * 100).toFixed(1));
const band = (figure: PredictedFigure, scale: (value: number | null) => string) =>
  `${scale(figure.mean)} (${scale(figure.p10)}–${scale(figure.p90)})`;
const seconds = (value: number | null) => (value === null ? "–" : value.toFixed(0));

function render(report: BacktestReport, note: string | null): string {
  const days = report.days;
  const span = days.length > 1 ? `${days[0]!.date} … ${days[days.length - 1]!.date}` : (days[0]?.date ?? "");
  const calibrated = report.calibrationDays;
  const lines = [
    `Backtest of ${days.length} day${days.length === 1 ? "" : "s"} (${span}) with the calibration of ${calibrated.length > 1 ? `${calibrated[0]} … ${calibrated[calibrated.length - 1]}` : calibrated[0]}; ${report.settings.replications} replications per day, seed ${report.settings.seed}.`,
    "Predicted from each interval's arrivals and classes, agents inferred from activity and mean talk time — never from its waits or outcomes.",
  ];
  if (report.overlap.length > 0) lines.push(`⚠ ${report.overlap.length} backtest day(s) were also used to calibrate (${report.overlap.join(", ")}): not a fair test on those days.`);
  if (note) lines.push(note);
  const target = report.settings.targetAnswerSec;
  lines.push(
    "",
    renderTable(
      ["day", "offered", "abandoned %: seen", "simulated (P10–P90)", "Erlang A", `answered ≤ ${target} s %: seen`, "simulated (P10–P90)", "Erlang A", "ASA s: seen", "simulated", "Erlang A"],
      days.map((day) => [
        day.date,
        String(day.observed.offered),
        points(day.observed.abandonRate),
        band(day.predicted.abandonRate, points),
        points(day.erlangA.abandonRate),
        points(day.observed.serviceLevel),
        band(day.predicted.serviceLevel, points),
        points(day.erlangA.serviceLevel),
        seconds(day.observed.asa),
        seconds(day.predicted.asa.mean),
        seconds(day.erlangA.asa),
      ]),
    ),
    "",
    "Errors (mean absolute daily error, weighted by offered calls; bias: the whole span pooled, predicted − seen):",
    renderTable(
      ["", "simulation", "per-interval Erlang A"],
      [
        ["abandonment", `${report.errors.abandonRatePoints.toFixed(2)} points (bias ${signed(report.errors.bias.abandonRatePoints)})`, `${report.erlangA.errors.abandonRatePoints.toFixed(2)} points (bias ${signed(report.erlangA.errors.bias.abandonRatePoints)})`],
        [`service level (${target} s)`, `${report.errors.serviceLevelPoints.toFixed(2)} points (bias ${signed(report.errors.bias.serviceLevelPoints)})`, `${report.erlangA.errors.serviceLevelPoints.toFixed(2)} points (bias ${signed(report.erlangA.errors.bias.serviceLevelPoints)})`],
        ["ASA", `${report.errors.asaSeconds.toFixed(1)} s (bias ${signed(report.errors.bias.asaSeconds)})`, `${report.erlangA.errors.asaSeconds.toFixed(1)} s (bias ${signed(report.erlangA.errors.bias.asaSeconds)})`],
      ],
    ),
  );
  return lines.join("\n");
}

function signed(value: number): string {
  return `${value >= 0 ? "+" : "−"}${Math.abs(value).toFixed(2)}`;
}
