import type { CallLog, CallRecord } from "./callLog.js";
import { agentsByInterval, presenceSpans } from "./inferStaffing.js";
import { DAY_SEC, dateStartSec, wallDateTimeLabel } from "./wallClock.js";

/** One day of a log by interval: what an ACD report holds (arrivals, classes, talk time), the agents inferred from
 * activity, and what happened (answered, abandoned, waits). */
export interface DaySeries {
  date: string;
  intervalSec: number;
  /** "YYYY-MM-DDTHH:MM" per interval. */
  labels: string[];
  offered: number[];
  /** Offered calls of the priority class (0 everywhere without one). */
  priorityOffered: number[];
  answered: number[];
  abandoned: number[];
  /** Answered within the target. */
  answeredWithinTarget: number[];
  waitAnsweredSumSec: number[];
  /** Σ and count of the recorded talk times of answered calls. */
  talkSumSec: number[];
  talkCount: number[];
  /** Agents on the floor, inferred from activity (time average). */
  agents: number[];
}

export interface DaySeriesOptions {
  intervalSec: number;
  targetAnswerSec: number;
  /** Class counted in `priorityOffered`; null: none. */
  priorityClass: string | null;
  /** Staffing inference (see `presenceSpans`): the longest gap within a stretch on the floor, and the time on the
   * floor after a stretch's last call. */
  sessionGapSec: number;
  tailSec: number;
}

/**
 * Each day of a log as a series of intervals over its 24 hours (a call counts in the interval of its arrival, as
 * an ACD counts it), with agents on the floor inferred from the day's own activity (`presenceSpans`, cut at the
 * day's ends). Days in the log's order.
 */
export function daySeries(log: CallLog, options: DaySeriesOptions): DaySeries[] {
  const byDay = new Map<string, CallRecord[]>();
  for (const record of log.records) {
    let list = byDay.get(record.date);
    if (!list) byDay.set(record.date, (list = []));
    list.push(record);
  }
  return log.days.map((date) => oneDay(date, byDay.get(date) ?? [], options));
}

function oneDay(date: string, records: readonly CallRecord[], options: DaySeriesOptions): DaySeries {
  const { intervalSec, targetAnswerSec, priorityClass } = options;
  const count = Math.round(DAY_SEC / intervalSec);
  const startSec = dateStartSec(date);
  const zeros = () => new Array<number>(count).fill(0);
  const series: DaySeries = {
    date,
    intervalSec,
    labels: Array.from({ length: count }, (_, i) => wallDateTimeLabel(startSec + i * intervalSec)),
    offered: zeros(),
    priorityOffered: zeros(),
    answered: zeros(),
    abandoned: zeros(),
    answeredWithinTarget: zeros(),
    waitAnsweredSumSec: zeros(),
    talkSumSec: zeros(),
    talkCount: zeros(),
    agents: [],
  };
  for (const record of records) {
    const i = Math.min(count - 1, Math.max(0, Math.floor((record.arrivalSec - startSec) / intervalSec)));
    series.offered[i]!++;
    if (priorityClass !== null && record.callClass === priorityClass) series.priorityOffered[i]!++;
    if (record.answered) {
      series.answered[i]!++;
      series.waitAnsweredSumSec[i]! += record.waitSec;
      if (record.waitSec <= targetAnswerSec) series.answeredWithinTarget[i]!++;
      if (record.talkSec > 0) {
        series.talkSumSec[i]! += record.talkSec;
        series.talkCount[i]!++;
      }
    } else series.abandoned[i]!++;
  }
  const spans = presenceSpans(records, { sessionGapSec: options.sessionGapSec, tailSec: options.tailSec });
  series.agents = Array.from(agentsByInterval(spans, { startSec, intervalSec, count }));
  return series;
}
