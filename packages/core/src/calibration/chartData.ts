import type { BacktestReport } from "./backtest.js";
import type { HandleFitReport, PatienceReport } from "./calibrate.js";
import { fittedDensity } from "./fitDistributions.js";

/** A handle-time histogram as densities (per second) with the fitted densities over the same range, for drawing. */
export interface HandleChartData {
  binSec: number;
  /** Share of calls per second in each bin (bin i covers [i·binSec, (i + 1)·binSec); the last takes the rest). */
  density: number[];
  /** Points where the fitted densities are given, seconds. */
  xSec: number[];
  lognormal: number[] | null;
  gamma: number[] | null;
}

/** The histogram of a handle-time report and its two fitted densities at 200 points, computed here so that a page only
 * maps numbers to pixels. */
export function handleChartData(report: HandleFitReport): HandleChartData {
  const { binSec, counts } = report.histogram;
  const total = counts.reduce((a, b) => a + b, 0);
  const upTo = binSec * counts.length;
  const xSec = Array.from({ length: 201 }, (_, i) => (upTo * i) / 200);
  const curve = (fit: HandleFitReport["lognormal"]) => (fit ? xSec.map((x) => fittedDensity(fit, x)) : null);
  return {
    binSec,
    density: counts.map((count) => (total > 0 ? count / (total * binSec) : 0)),
    xSec,
    lognormal: curve(report.lognormal),
    gamma: curve(report.gamma),
  };
}

/** The patience evidence for drawing: the Kaplan–Meier steps with their band, the exponential fit for contrast and
 * the curve the engine samples (knots, then the exponential tail to `maxSec`). */
export interface PatienceChartData {
  maxSec: number;
  kaplanMeier: { timesSec: number[]; survival: number[]; lower: number[]; upper: number[] };
  exponential: { timesSec: number[]; survival: number[]; meanSec: number };
  sampled: { timesSec: number[]; survival: number[] };
}

export function patienceChartData(report: PatienceReport, maxSec = 600): PatienceChartData {
  const km = report.kaplanMeier;
  const within = km.timesSec.findIndex((t) => t > maxSec);
  const end = within < 0 ? km.timesSec.length : within;
  // Steps start at (0, 1).
  const kaplanMeier = {
    timesSec: [0, ...km.timesSec.slice(0, end)],
    survival: [1, ...km.survival.slice(0, end)],
    lower: [1, ...km.lower.slice(0, end)],
    upper: [1, ...km.upper.slice(0, end)],
  };
  const grid = Array.from({ length: 121 }, (_, i) => (maxSec * i) / 120);
  const meanSec = report.exponential.meanSec;
  const curve = report.curve;
  const lastTime = curve.timesSec[curve.timesSec.length - 1] ?? 0;
  const lastValue = curve.survival[curve.survival.length - 1] ?? 1;
  const tail = grid.filter((t) => t > lastTime).map((t) => ({ t, s: curve.tailMeanSec > 0 ? lastValue * Math.exp(-(t - lastTime) / curve.tailMeanSec) : 0 }));
  return {
    maxSec,
    kaplanMeier,
    exponential: { timesSec: grid, survival: grid.map((t) => Math.exp(-t / meanSec)), meanSec },
    sampled: {
      timesSec: [0, ...curve.timesSec.filter((t) => t <= maxSec), ...tail.map((point) => point.t)],
      survival: [1, ...curve.survival.filter((_, i) => curve.timesSec[i]! <= maxSec), ...tail.map((point) => point.s)],
    },
  };
}

/** One day of a backtest by interval, as arrays a chart draws: seen, simulated (mean and P10–P90) and Erlang A; NaN
 * where a figure is undefined (no calls). */
export interface BacktestDayChart {
  date: string;
  starts: string[];
  offered: number[];
  serviceLevel: { observed: number[]; mean: number[]; p10: number[]; p90: number[]; erlangA: number[] };
  abandonRate: { observed: number[]; mean: number[]; p10: number[]; p90: number[]; erlangA: number[] };
}

export function backtestDayChart(report: BacktestReport, date: string): BacktestDayChart {
  const rows = report.intervals.filter((row) => row.start.startsWith(date));
  const value = (x: number | null) => (x === null ? Number.NaN : x);
  const series = (key: "serviceLevel" | "abandonRate") => ({
    observed: rows.map((row) => value(row.observed[key])),
    mean: rows.map((row) => value(row.predicted[key].mean)),
    p10: rows.map((row) => value(row.predicted[key].p10)),
    p90: rows.map((row) => value(row.predicted[key].p90)),
    erlangA: rows.map((row) => value(row.erlangA[key])),
  });
  return {
    date,
    starts: rows.map((row) => row.start),
    offered: rows.map((row) => row.observed.offered),
    serviceLevel: series("serviceLevel"),
    abandonRate: series("abandonRate"),
  };
}
