import { kpiVector } from "../compare/kpiVector.js";
import { kpiVectorIndex, kpiVectorLayout, type KpiVectorLayout } from "../compare/kpiVectorLayout.js";
import type { ReplicationResult } from "../des/result.js";
import { createSimulator } from "../des/simulate.js";
import { erlangA } from "../queueing/erlangA.js";
import { summarize } from "../stats/summary.js";
import type { CallLog } from "./callLog.js";
import type { Calibration } from "./calibrate.js";
import { calibratedPlan, type CalibratedModel, type CalibratedPlanInput } from "./calibratedModel.js";
import { daySeries, type DaySeries } from "./daySeries.js";

/** Observed or Erlang A figures of a day or an interval: fractions and seconds; null where undefined (no calls). */
export interface BacktestFigures {
  offered: number;
  abandonRate: number | null;
  serviceLevel: number | null;
  asa: number | null;
}

/** A simulated figure across replications: mean, 95% CI of the mean, and the P10–P90 spread of single days. */
export interface PredictedFigure {
  mean: number | null;
  ci95: [number, number] | null;
  p10: number | null;
  p90: number | null;
}

export interface BacktestRow {
  observed: BacktestFigures;
  predicted: { offered: PredictedFigure; abandonRate: PredictedFigure; serviceLevel: PredictedFigure; asa: PredictedFigure };
  erlangA: BacktestFigures;
}

/** Errors of a prediction against what happened, over the backtest's days. */
export interface BacktestErrors {
  /** Mean absolute error of the days' abandonment rates and service levels, in percentage points, weighted by the
   * day's offered calls; of their ASA in seconds, weighted by answered calls. */
  abandonRatePoints: number;
  serviceLevelPoints: number;
  asaSeconds: number;
  /** Over the whole span pooled (every call of every day): predicted minus observed, points and seconds. */
  bias: { abandonRatePoints: number; serviceLevelPoints: number; asaSeconds: number };
}

export interface BacktestReport {
  kind: "ccplan-backtest";
  settings: { replications: number; seed: number; targetAnswerSec: number; intervalMinutes: number };
  /** Days the calibration was fitted on; `overlap` lists backtest days among them (a fair backtest has none). */
  calibrationDays: string[];
  overlap: string[];
  days: (BacktestRow & { date: string })[];
  intervals: (BacktestRow & { start: string })[];
  errors: BacktestErrors;
  erlangA: { errors: BacktestErrors };
}

export interface BacktestOptions {
  /** Answer-time target, seconds; default the calibration's. */
  targetAnswerSec?: number;
  /** Seed of the simulation. Default 1. */
  seed?: number;
}

/** One day to predict: its series and the plan input built from it (arrivals, classes, agents, talk times only). */
export interface BacktestDay {
  date: string;
  series: DaySeries;
  input: CalibratedPlanInput;
}

/**
 * The days of a log as the backtest predicts them: per interval, its arrivals and the priority class's share of
 * them, the agents inferred from agent activity and its mean talk time — what an ACD reports before the fact or a
 * plan would hold — and the calibrated model. Never its waits, abandonments or answers: the plan input has none
 * (a test scrambles the log's waits and gets the same predictions).
 */
export function backtestDays(log: CallLog, calibration: Calibration, options: BacktestOptions = {}): BacktestDay[] {
  const { settings, model } = calibration;
  const targetAnswerSec = options.targetAnswerSec ?? model.targetAnswerSec;
  const series = daySeries(log, {
    intervalSec: settings.intervalMinutes * 60,
    targetAnswerSec,
    priorityClass: model.priority?.name ?? null,
    sessionGapSec: settings.sessionGapMinutes * 60,
    tailSec: settings.staffingTailSec,
  });
  return series.map((day) => ({ date: day.date, series: day, input: planInputOfDay(day, { ...model, targetAnswerSec }, options.seed ?? 1) }));
}

/** The plan input of one day of a log: its arrivals, the priority class's share of them, its inferred agents and its
 * mean talk time per interval — nothing of its waits or outcomes. */
export function planInputOfDay(day: DaySeries, model: CalibratedModel, seed: number): CalibratedPlanInput {
  return {
    name: `backtest ${day.date}`,
    seed,
    intervalSec: day.intervalSec,
    intervalLabels: day.labels,
    dayLabels: [day.date],
    contacts: day.offered,
    agents: day.agents,
    talkSec: day.talkSumSec.map((sum, i) => (day.talkCount[i]! > 0 ? sum / day.talkCount[i]! : null)),
    priorityShare: model.priority ? day.priorityOffered.map((count, i) => (day.offered[i]! > 0 ? count / day.offered[i]! : 0)) : null,
    model,
  };
}

/** The KPI-vector layout of a backtest day's plan (what `finishBacktest` reads the vectors with). */
export function backtestLayout(day: BacktestDay): KpiVectorLayout {
  return kpiVectorLayout(calibratedPlan(day.input));
}

/**
 * The backtest report from each day's simulated replications (KPI vectors in `backtestLayout`'s layout, one array per
 * day in `days` order): observed, predicted and per-interval Erlang A figures per day and interval, and the errors.
 * Erlang A uses the same inputs: each interval's arrivals, agents (a fraction mixes the floor and the ceiling by time),
 * mean talk time plus the allowance, and exponential patience with the calibration's fitted mean.
 */
export function finishBacktest(
  days: readonly BacktestDay[],
  vectorsByDay: readonly (readonly Float64Array[])[],
  calibration: Calibration,
  settings: { replications: number; seed: number },
): BacktestReport {
  const targetAnswerSec = days[0]?.input.model.targetAnswerSec ?? calibration.model.targetAnswerSec;
  const dayRows: (BacktestRow & { date: string })[] = [];
  const intervalRows: (BacktestRow & { start: string })[] = [];
  days.forEach((day, d) => {
    const layout = backtestLayout(day);
    const vectors = vectorsByDay[d] ?? [];
    const column = (id: string) => layout.kpis.indexOf(id as (typeof layout.kpis)[number]);
    const predicted = (section: typeof layout.days, row: number): BacktestRow["predicted"] => {
      const figure = (id: string) => band(vectors.map((vector) => vector[kpiVectorIndex(layout, section, row, column(id))]!));
      return { offered: figure("offered"), abandonRate: figure("abandonRate"), serviceLevel: figure("serviceLevel"), asa: figure("asa") };
    };
    const erlang = erlangAIntervals(day, calibration, targetAnswerSec);
    const series = day.series;
    dayRows.push({
      date: day.date,
      observed: observedFigures(series, 0, series.offered.length),
      predicted: predicted(layout.days, 0),
      erlangA: combineErlang(erlang, series, 0, series.offered.length),
    });
    series.labels.forEach((start, i) => {
      if (series.offered[i] === 0 && series.agents[i] === 0) return;
      intervalRows.push({ start, observed: observedFigures(series, i, i + 1), predicted: predicted(layout.intervals, i), erlangA: combineErlang(erlang, series, i, i + 1) });
    });
  });
  const calibrationDays = calibration.source.days;
  return {
    kind: "ccplan-backtest",
    settings: { ...settings, targetAnswerSec, intervalMinutes: calibration.settings.intervalMinutes },
    calibrationDays,
    overlap: days.map((day) => day.date).filter((date) => calibrationDays.includes(date)),
    days: dayRows,
    intervals: intervalRows,
    errors: errorsOf(dayRows, (row) => ({ abandonRate: row.predicted.abandonRate.mean, serviceLevel: row.predicted.serviceLevel.mean, asa: row.predicted.asa.mean, offered: row.predicted.offered.mean })),
    erlangA: { errors: errorsOf(dayRows, (row) => ({ ...row.erlangA, offered: row.observed.offered })) },
  };
}

/** The whole backtest in this thread: each day's replications on one simulator (for the web worker and tests; the
 * CLI spreads the days' replications over a pool and calls `finishBacktest`). */
export function runBacktest(log: CallLog, calibration: Calibration, options: BacktestOptions & { replications: number; onDay?: (done: number, of: number) => void }): BacktestReport {
  const days = backtestDays(log, calibration, options);
  const vectors = days.map((day, d) => {
    const plan = calibratedPlan(day.input);
    const layout = kpiVectorLayout(plan);
    const simulator = createSimulator(plan);
    // Each result is reduced to its vector at once: the next run refills its arrays.
    let previous: ReplicationResult | undefined;
    const list = Array.from({ length: options.replications }, (_, k) => kpiVector(plan, (previous = simulator.run(k, { recycle: previous })), layout));
    options.onDay?.(d + 1, days.length);
    return list;
  });
  return finishBacktest(days, vectors, calibration, { replications: options.replications, seed: options.seed ?? 1 });
}

function band(values: number[]): PredictedFigure {
  const summary = summarize(values.map((value) => (Number.isNaN(value) ? null : value)));
  return { mean: summary.mean, ci95: summary.ci95, p10: summary.p10, p90: summary.p90 };
}

function observedFigures(series: DaySeries, from: number, to: number): BacktestFigures {
  let offered = 0;
  let answered = 0;
  let abandoned = 0;
  let within = 0;
  let wait = 0;
  for (let i = from; i < to; i++) {
    offered += series.offered[i]!;
    answered += series.answered[i]!;
    abandoned += series.abandoned[i]!;
    within += series.answeredWithinTarget[i]!;
    wait += series.waitAnsweredSumSec[i]!;
  }
  return {
    offered,
    abandonRate: offered > 0 ? abandoned / offered : null,
    serviceLevel: offered > 0 ? within / offered : null,
    asa: answered > 0 ? wait / answered : null,
  };
}

interface ErlangInterval {
  probAbandon: number;
  serviceLevel: number;
  asa: number;
}

/** Per-interval Erlang A on the backtest's inputs; null for intervals without calls. */
function erlangAIntervals(day: BacktestDay, calibration: Calibration, targetAnswerSec: number): (ErlangInterval | null)[] {
  const { input } = day;
  const patienceSec = calibration.patience.exponential.meanSec;
  return input.contacts.map((contacts, i) => {
    if (contacts === 0) return null;
    const arrivalRatePerSec = contacts / input.intervalSec;
    const ahtSec = (input.talkSec[i] ?? input.model.handle.talkMeanSec) + input.model.handle.allowanceSec;
    const at = (agents: number): ErlangInterval => {
      if (agents === 0) return { probAbandon: 1, serviceLevel: 0, asa: 0 };
      const result = erlangA({ arrivalRatePerSec, ahtSec, agents, patienceSec, targetAnswerSec });
      return { probAbandon: result.probAbandon ?? 0, serviceLevel: result.serviceLevel ?? 0, asa: result.asa ?? 0 };
    };
    const agents = input.agents[i]!;
    const floor = Math.floor(agents);
    const fraction = agents - floor;
    const low = at(floor);
    if (!(fraction > 1e-9)) return low;
    const high = at(floor + 1);
    const mix = (key: keyof ErlangInterval) => (1 - fraction) * low[key] + fraction * high[key];
    return { probAbandon: mix("probAbandon"), serviceLevel: mix("serviceLevel"), asa: mix("asa") };
  });
}

/** Erlang A over intervals [from, to): rates weighted by each interval's offered calls, ASA by its answered calls. */
function combineErlang(intervals: (ErlangInterval | null)[], series: DaySeries, from: number, to: number): BacktestFigures {
  let offered = 0;
  let abandoned = 0;
  let within = 0;
  let answered = 0;
  let wait = 0;
  for (let i = from; i < to; i++) {
    const interval = intervals[i];
    const calls = series.offered[i]!;
    if (!interval || calls === 0) continue;
    offered += calls;
    abandoned += calls * interval.probAbandon;
    within += calls * interval.serviceLevel;
    answered += calls * (1 - interval.probAbandon);
    wait += calls * (1 - interval.probAbandon) * interval.asa;
  }
  return {
    offered,
    abandonRate: offered > 0 ? abandoned / offered : null,
    serviceLevel: offered > 0 ? within / offered : null,
    asa: answered > 0 ? wait / answered : null,
  };
}

function errorsOf(
  rows: readonly BacktestRow[],
  prediction: (row: BacktestRow) => { abandonRate: number | null; serviceLevel: number | null; asa: number | null; offered: number | null },
): BacktestErrors {
  let weight = 0;
  let answeredWeight = 0;
  let abandonError = 0;
  let serviceError = 0;
  let asaError = 0;
  let abandonBias = 0;
  let serviceBias = 0;
  let asaBias = 0;
  for (const row of rows) {
    const { observed } = row;
    const predicted = prediction(row);
    if (observed.offered === 0 || observed.abandonRate === null || observed.serviceLevel === null) continue;
    const offered = observed.offered;
    weight += offered;
    abandonError += offered * Math.abs((predicted.abandonRate ?? 0) - observed.abandonRate);
    serviceError += offered * Math.abs((predicted.serviceLevel ?? 0) - observed.serviceLevel);
    abandonBias += offered * ((predicted.abandonRate ?? 0) - observed.abandonRate);
    serviceBias += offered * ((predicted.serviceLevel ?? 0) - observed.serviceLevel);
    if (observed.asa !== null && predicted.asa !== null) {
      const answered = offered * (1 - observed.abandonRate);
      answeredWeight += answered;
      asaError += answered * Math.abs(predicted.asa - observed.asa);
      asaBias += answered * (predicted.asa - observed.asa);
    }
  }
  const points = (sum: number) => (weight > 0 ? (100 * sum) / weight : 0);
  const seconds = (sum: number) => (answeredWeight > 0 ? sum / answeredWeight : 0);
  return {
    abandonRatePoints: points(abandonError),
    serviceLevelPoints: points(serviceError),
    asaSeconds: seconds(asaError),
    bias: { abandonRatePoints: points(abandonBias), serviceLevelPoints: points(serviceBias), asaSeconds: seconds(asaBias) },
  };
}
