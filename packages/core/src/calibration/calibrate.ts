import { fitAfterCallWork, type AfterCallWorkFit } from "./afterCallWork.js";
import { fitAllowance, type AllowanceFit } from "./fitAllowance.js";
import { planInputOfDay } from "./backtest.js";
import type { BadRow, CallLog, CallLogFormat, CallRecord, SetAside } from "./callLog.js";
import type { CalibratedModel } from "./calibratedModel.js";
import { daySeries } from "./daySeries.js";
import { fitGamma, fitLognormal, type ParametricFit } from "./fitDistributions.js";
import { fitHeadStart, type HeadStartFit } from "./headStart.js";
import { patienceCurve, survivalAt, type ExponentialTail, type PatienceCurve } from "./kaplanMeier.js";
import { survivalMean } from "../random/survivalSampler.js";

/** How a log is calibrated. */
export interface CalibrateOptions {
  /** Interval length of the staffing and the backtest, minutes. Default 15. */
  intervalMinutes?: 15 | 30 | 60;
  /** Answer-time target of the service level, seconds. Default 20. */
  targetAnswerSec?: number;
  /** An agent's gap between calls beyond which they are off the floor, minutes. Default 30. */
  sessionGapMinutes?: number;
  /** The priority class; omitted: the class with the clearest head start, if any; null: none (FCFS). */
  priorityClass?: string | null;
}

// 15-minute intervals: the finest common ACD interval, so staffing changes are resolved best (backtesting the bank's
// calibration week on itself, 15, 30 and 60 minutes come within 0.1 point of each other; bench/README.md). A 30-minute
// session gap: an a-priori choice, half an hour separating a break (in the allowance) from time off the floor.
export const CALIBRATION_DEFAULTS = { intervalMinutes: 15, targetAnswerSec: 20, sessionGapMinutes: 30 } as const;

/** Handle-time evidence of one group of calls (all, a queue or a class). */
export interface HandleFitReport {
  name: string;
  /** Answered calls with a recorded talk time > 0 (the sample), and answered calls without one (left out). */
  n: number;
  withoutTalk: number;
  meanSec: number;
  cv: number;
  medianSec: number;
  p90Sec: number;
  /** The fit with the smaller AIC; null below 10 calls (no fit). */
  chosen: "lognormal" | "gamma" | null;
  lognormal: ParametricFit | null;
  gamma: ParametricFit | null;
  /** The empirical distribution, for drawing: counts per bin of `binSec` from 0 up to the 99th percentile. */
  histogram: { binSec: number; counts: number[] };
}

export interface PatienceReport {
  /** Offered calls, abandoned (events) and answered (censored at their wait). */
  n: number;
  abandoned: number;
  censored: number;
  /** The Kaplan–Meier curve with its Greenwood band, as estimated (every event time). */
  kaplanMeier: { timesSec: number[]; survival: number[]; lower: number[]; upper: number[]; atRisk: number[] };
  tail: ExponentialTail;
  /** What the engine samples: the curve where at least `minAtRisk` calls were at risk, then the tail. */
  curve: PatienceCurve;
  minAtRisk: number;
  meanSec: number;
  /** The parametric fit beside it: exponential patience by censored maximum likelihood (Σ waits / abandoned), which
   * is also the interval-report estimate E[wait] / P(abandon) over the same calls (Mandelbaum & Zeltyn). */
  exponential: { meanSec: number; standardErrorSec: number };
  byClass: { name: string; n: number; abandoned: number; exponentialMeanSec: number | null; survival60s: number; survival180s: number }[];
}

/** Everything fitted from a log, with sample sizes and fit figures: the contents of calibration.json. */
export interface Calibration {
  kind: "ccplan-calibration";
  version: 1;
  source: {
    format: CallLogFormat;
    days: string[];
    rows: number;
    offered: number;
    answered: number;
    abandoned: number;
    setAside: SetAside[];
    badRowCount: number;
    badRows: BadRow[];
  };
  settings: {
    intervalMinutes: number;
    targetAnswerSec: number;
    sessionGapMinutes: number;
    priorityClass: string | null;
    /** Time on the floor counted after an agent's last call of a stretch: the after-call work measured, seconds. */
    staffingTailSec: number;
  };
  handle: { pooled: HandleFitReport; byQueue: HandleFitReport[]; byClass: HandleFitReport[] };
  /** After-call work measured where it shows (gaps while callers waited throughout), and the allowance fitted to
   * reproduce the calibration days (what the model adds to every call). */
  afterCallWork: { measured: AfterCallWorkFit | null; fitted: AllowanceFit };
  patience: PatienceReport;
  classes: {
    shares: { name: string; offered: number; share: number }[];
    /** Each class's head start over the others, from the order waiting callers were answered. */
    headStarts: HeadStartFit[];
  };
  staffing: {
    method: "agent activity";
    byDay: { date: string; agents: number[] }[];
    /** Mean agents on the floor over the intervals with calls. */
    meanAgents: number;
  };
  model: CalibratedModel;
}

const MIN_FIT = 10;
const MIN_PAIRS = 30;
const KM_MIN_AT_RISK = 30;
/** A head start is taken as real when its change point is this clear (twice the log-likelihood gain). */
const CLEAR_HEAD_START = 10;

/**
 * Calibrates a model from a call log: handle times per queue, per class and pooled (log-normal and gamma by maximum
 * likelihood, chosen by AIC, with the empirical distribution and a Kolmogorov–Smirnov distance), the after-call-work
 * allowance (`fitAfterCallWork`), patience (Kaplan–Meier on waits censored by service, with its Greenwood band and
 * an exponential tail; the exponential fit beside it), class shares and head starts (`fitHeadStart`), and agents on
 * the floor per interval from agent activity. All call types share one agent pool: the model pools them, with the
 * priority class apart. Throws when the log has no answered call with a talk time or no abandoned call (nothing to
 * fit handle times or patience on).
 */
export function calibrate(log: CallLog, options: CalibrateOptions = {}): Calibration {
  const intervalMinutes = options.intervalMinutes ?? CALIBRATION_DEFAULTS.intervalMinutes;
  const targetAnswerSec = options.targetAnswerSec ?? CALIBRATION_DEFAULTS.targetAnswerSec;
  const sessionGapMinutes = options.sessionGapMinutes ?? CALIBRATION_DEFAULTS.sessionGapMinutes;
  const records = log.records;
  const talk = records.filter((record) => record.answered && record.talkSec > 0);
  if (talk.length < MIN_FIT) {
    throw new Error(`the log has ${talk.length} answered calls with a talk time; expected at least ${MIN_FIT} to fit handle times`);
  }
  const pooled = handleReport("all calls", records);
  const handle = {
    pooled,
    byQueue: groupsOf(records, (record) => record.queue).map(([name, group]) => handleReport(name, group)),
    byClass: groupsOf(records, (record) => record.callClass)
      .filter(([name]) => name !== "")
      .map(([name, group]) => handleReport(name, group)),
  };
  const measured = fitAfterCallWork(records, { maxGapSec: sessionGapMinutes * 60 });
  const measuredSec = measured?.allowanceSec ?? 0;
  const patience = patienceReport(records);

  const classNames = groupsOf(records, (record) => record.callClass).map(([name]) => name).filter((name) => name !== "");
  const shares = groupsOf(records, (record) => record.callClass).map(([name, group]) => ({ name, offered: group.length, share: group.length / records.length }));
  const headStarts = classNames.length > 1
    ? classNames
        .map((className) => fitHeadStart(records, { className, maxHeadStartSec: 600, minPairs: MIN_PAIRS }))
        .filter((fit): fit is HeadStartFit => fit !== null)
    : [];
  const priorityClass = choosePriorityClass(options.priorityClass, classNames, headStarts);
  const priorityFit = priorityClass === null ? undefined : headStarts.find((fit) => fit.name === priorityClass);
  const priorityShare = priorityClass === null ? 0 : (shares.find((share) => share.name === priorityClass)?.share ?? 0);

  const series = daySeries(log, { intervalSec: intervalMinutes * 60, targetAnswerSec, priorityClass, sessionGapSec: sessionGapMinutes * 60, tailSec: measuredSec });
  const draft: CalibratedModel = {
    handle: { dist: pooled.chosen!, cv: pooled[pooled.chosen!]!.cv, talkMeanSec: pooled.meanSec, allowanceSec: measuredSec },
    patience: patience.curve,
    priority: priorityClass === null ? null : { name: priorityClass, share: priorityShare, headStartSec: priorityFit?.headStartSec ?? 0 },
    targetAnswerSec,
  };
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const fitted = fitAllowance(
    series.map((day) => ({ input: planInputOfDay(day, draft, 1), offered: total(day.offered), abandoned: total(day.abandoned), answeredWithinTarget: total(day.answeredWithinTarget) })),
    { fromSec: measuredSec, model: draft },
  );
  let agentIntervals = 0;
  let agentSum = 0;
  for (const day of series) {
    day.agents.forEach((agents, i) => {
      if (day.offered[i]! > 0) {
        agentIntervals++;
        agentSum += agents;
      }
    });
  }
  const answered = records.filter((record) => record.answered).length;
  return {
    kind: "ccplan-calibration",
    version: 1,
    source: {
      format: log.format,
      days: log.days,
      rows: log.rowCount,
      offered: records.length,
      answered,
      abandoned: records.length - answered,
      setAside: log.setAside,
      badRowCount: log.badRowCount,
      badRows: log.badRows.slice(0, 20),
    },
    settings: { intervalMinutes, targetAnswerSec, sessionGapMinutes, priorityClass, staffingTailSec: measuredSec },
    handle,
    afterCallWork: { measured, fitted },
    patience,
    classes: { shares, headStarts },
    staffing: {
      method: "agent activity",
      byDay: series.map((day) => ({ date: day.date, agents: day.agents.map((agents) => Math.round(agents * 1000) / 1000) })),
      meanAgents: agentIntervals > 0 ? agentSum / agentIntervals : 0,
    },
    model: { ...draft, handle: { ...draft.handle, allowanceSec: fitted.allowanceSec } },
  };
}

/** The priority class: the one asked for (it must be a class of the log), none when asked for none, else the class
 * whose head start over the others is clearest and positive (none when no class stands out). */
function choosePriorityClass(asked: string | null | undefined, classNames: string[], headStarts: HeadStartFit[]): string | null {
  if (asked === null) return null;
  if (asked !== undefined) {
    if (!classNames.includes(asked)) {
      throw new Error(`priority class "${asked}" is not in the log; expected one of ${classNames.map((name) => `"${name}"`).join(", ") || "(the log has no classes)"}`);
    }
    return asked;
  }
  const clear = headStarts.filter((fit) => fit.headStartSec > 0 && fit.likelihoodRatio >= CLEAR_HEAD_START && fit.answeredFirstWithin > fit.answeredFirstBeyond);
  clear.sort((a, b) => b.likelihoodRatio - a.likelihoodRatio);
  return clear[0]?.name ?? null;
}

function handleReport(name: string, records: readonly CallRecord[]): HandleFitReport {
  const answered = records.filter((record) => record.answered);
  const values = Float64Array.from(answered.filter((record) => record.talkSec > 0), (record) => record.talkSec).sort();
  const n = values.length;
  const mean = n > 0 ? values.reduce((sum, value) => sum + value, 0) / n : 0;
  const sd = n > 1 ? Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1)) : 0;
  const quantile = (p: number) => (n > 0 ? values[Math.min(n - 1, Math.floor(p * n))]! : 0);
  const lognormal = n >= MIN_FIT ? fitLognormal(values) : null;
  const gamma = n >= MIN_FIT && values[0] !== values[n - 1] ? fitGamma(values) : null;
  const chosen = lognormal && gamma ? (lognormal.aic <= gamma.aic ? "lognormal" : "gamma") : lognormal ? "lognormal" : null;
  return {
    name,
    n,
    withoutTalk: answered.length - n,
    meanSec: mean,
    cv: mean > 0 ? sd / mean : 0,
    medianSec: quantile(0.5),
    p90Sec: quantile(0.9),
    chosen,
    lognormal,
    gamma,
    histogram: histogram(values, quantile(0.99)),
  };
}

/** Counts per bin from 0 to `upTo` (the last bin takes everything beyond), with a round bin width giving 20–60 bins. */
function histogram(sorted: Float64Array, upTo: number): { binSec: number; counts: number[] } {
  const widths = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600];
  const binSec = widths.find((width) => upTo / width <= 60) ?? 3600;
  const bins = Math.max(1, Math.ceil(upTo / binSec));
  const counts = new Array<number>(bins).fill(0);
  for (const value of sorted) counts[Math.min(bins - 1, Math.floor(value / binSec))]!++;
  return { binSec, counts };
}

function patienceReport(records: readonly CallRecord[]): PatienceReport {
  const observations = records.map((record) => ({ timeSec: record.waitSec, event: !record.answered }));
  const fitted = patienceCurve(observations, { minAtRisk: KM_MIN_AT_RISK, tailShare: 0.25, minTailEvents: 20 });
  if (!fitted) throw new Error("the log has no abandoned call; expected some, to fit patience (Kaplan–Meier)");
  const { km, tail, curve } = fitted;
  const totalWait = observations.reduce((sum, observation) => sum + observation.timeSec, 0);
  const exponentialMean = totalWait / km.eventCount;
  const round = (values: number[]) => values.map((value) => Math.round(value * 1e6) / 1e6);
  return {
    n: km.n,
    abandoned: km.eventCount,
    censored: km.censoredCount,
    kaplanMeier: { timesSec: km.timesSec, survival: round(km.survival), lower: round(km.lower), upper: round(km.upper), atRisk: km.atRisk },
    tail,
    curve,
    minAtRisk: KM_MIN_AT_RISK,
    meanSec: survivalMean(curve),
    exponential: { meanSec: exponentialMean, standardErrorSec: exponentialMean / Math.sqrt(km.eventCount) },
    byClass: groupsOf(records, (record) => record.callClass)
      .filter(([name]) => name !== "")
      .map(([name, group]) => {
        const abandoned = group.filter((record) => !record.answered).length;
        const classKm = patienceCurve(group.map((record) => ({ timeSec: record.waitSec, event: !record.answered })), { minAtRisk: 1, tailShare: 0.25, minTailEvents: 20 });
        return {
          name,
          n: group.length,
          abandoned,
          exponentialMeanSec: abandoned > 0 ? group.reduce((sum, record) => sum + record.waitSec, 0) / abandoned : null,
          survival60s: classKm ? survivalAt(classKm.km, 60) : 1,
          survival180s: classKm ? survivalAt(classKm.km, 180) : 1,
        };
      }),
  };
}

/** Records grouped by a key, groups in order of their names. */
function groupsOf(records: readonly CallRecord[], key: (record: CallRecord) => string): [string, CallRecord[]][] {
  const groups = new Map<string, CallRecord[]>();
  for (const record of records) {
    const name = key(record);
    let list = groups.get(name);
    if (!list) groups.set(name, (list = []));
    list.push(record);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
