// What the calibration worker does, as plain functions (tested directly): read a call log, fit a calibration on some of
// its days, backtest others. The log read last is kept here, so the page sends its text once.
import {
  backtestDayChart,
  calibrate,
  handleChartData,
  logOfDays,
  parseColumnMap,
  patienceChartData,
  readCallLog,
  runBacktest,
  type BacktestDayChart,
  type BacktestReport,
  type BadRow,
  type CallLog,
  type CallLogFormat,
  type Calibration,
  type HandleChartData,
  type PatienceChartData,
  type SetAside,
} from "@ccplan/core";

/** A log as the page shows it before fitting: what was read, per day, and what was not. */
export interface LogSummary {
  format: CallLogFormat;
  rows: number;
  offered: number;
  days: { date: string; offered: number }[];
  setAside: SetAside[];
  badRows: BadRow[];
  badRowCount: number;
  /** Milliseconds to read it (in the worker). */
  readMs: number;
}

export type ReadOutcome = { ok: true; summary: LogSummary } | { ok: false; error: string; badRows: BadRow[]; badRowCount: number };

export interface CalibrateRequest {
  from: string;
  to: string;
  intervalMinutes: 15 | 30 | 60;
  targetAnswerSec: number;
  sessionGapMinutes: number;
  /** Omitted: chosen from the log; null: none. */
  priorityClass?: string | null;
}

export interface CalibrationOutcome {
  calibration: Calibration;
  charts: { handle: HandleChartData; patience: PatienceChartData };
  /** Milliseconds to fit (in the worker). */
  fitMs: number;
}

export interface BacktestOutcome {
  report: BacktestReport;
  charts: BacktestDayChart[];
}

let current: CallLog | null = null;

/** Reads a call log (csv or anonymous-bank; `columns` maps csv columns, "arrival=call_start,…") and keeps it. */
export function readLog(text: string, options: { format?: CallLogFormat; columns?: string } = {}): ReadOutcome {
  const started = performance.now();
  current = null;
  let columns;
  if (options.columns && options.columns.trim() !== "") {
    const parsed = parseColumnMap(options.columns);
    if (!parsed.ok) return { ok: false, error: parsed.error, badRows: [], badRowCount: 0 };
    columns = parsed.columns;
  }
  const result = readCallLog(text, { ...(options.format && { format: options.format }), ...(columns && { columns }) });
  if (!result.ok) return result;
  const log = result.log;
  current = log;
  const perDay = new Map<string, number>();
  for (const record of log.records) perDay.set(record.date, (perDay.get(record.date) ?? 0) + 1);
  return {
    ok: true,
    summary: {
      format: log.format,
      rows: log.rowCount,
      offered: log.records.length,
      days: log.days.map((date) => ({ date, offered: perDay.get(date) ?? 0 })),
      setAside: log.setAside,
      badRows: log.badRows.slice(0, 20),
      badRowCount: log.badRowCount,
      readMs: performance.now() - started,
    },
  };
}

function daysOf(from: string, to: string): CallLog {
  if (!current) throw new Error("no call log is loaded; read one first");
  const log = logOfDays(current, { from, to });
  if (!log) throw new Error(`no offered calls from ${from} to ${to}; choose days of the log`);
  return log;
}

/** Fits a calibration on the kept log's days `from … to`, with what the page draws. */
export function calibrateDays(request: CalibrateRequest): CalibrationOutcome {
  const started = performance.now();
  const calibration = calibrate(daysOf(request.from, request.to), {
    intervalMinutes: request.intervalMinutes,
    targetAnswerSec: request.targetAnswerSec,
    sessionGapMinutes: request.sessionGapMinutes,
    ...(request.priorityClass !== undefined && { priorityClass: request.priorityClass }),
  });
  const fitMs = performance.now() - started;
  return { calibration, charts: { handle: handleChartData(calibration.handle.pooled), patience: patienceChartData(calibration.patience) }, fitMs };
}

/** Backtests the kept log's days `from … to` with a calibration; `onDay` after each day. */
export function backtestDays(request: { from: string; to: string; replications: number }, calibration: Calibration, onDay?: (done: number, of: number) => void): BacktestOutcome {
  const log = daysOf(request.from, request.to);
  const report = runBacktest(log, calibration, { replications: request.replications, ...(onDay && { onDay }) });
  return { report, charts: report.days.map((day) => backtestDayChart(report, day.date)) };
}
