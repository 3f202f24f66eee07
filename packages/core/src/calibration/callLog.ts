/**
 * A call log as the calibration reads it: one record per offered call, whatever the file's format. The readers
 * (`readAnonymousBankLog`, `readCsvLog`) apply the counting rules and keep what they set aside in counts, and the
 * rows they could not read with their line numbers, so that nothing is dropped silently.
 */

/** One offered call. Times are wall seconds (see wallClock.ts). */
export interface CallRecord {
  /** Line of the file the record came from (the header is line 1). */
  line: number;
  /** When the call was offered: it entered the agent queue, or was put straight through to an agent. */
  arrivalSec: number;
  /** The day it counts in, "YYYY-MM-DD": the date of its arrival (anonymous-bank: the record's date column, even for
   * a call that reached the queue after midnight). */
  date: string;
  queue: string;
  /** Priority class or segment; "" when the log has none. */
  callClass: string;
  answered: boolean;
  /** Answered: time from arrival to answer (0 when put straight through); abandoned: time until it hung up. */
  waitSec: number;
  /** Answered: talk time as recorded; NaN when the log has none for the call (excluded from handle-time fits). */
  talkSec: number;
  /** The agent who answered; "" when unknown or abandoned. */
  agent: string;
  /** When an agent answered (wall seconds); NaN for an abandoned call. */
  answerSec: number;
  /** When the conversation (or the wait of an abandoned call) ended, wall seconds. */
  endSec: number;
}

/** Records of the file that are not offered calls, by the counting rules, with how many there were. */
export interface SetAside {
  reason: string;
  count: number;
}

/** A row the reader could not use: its line and why. */
export interface BadRow {
  line: number;
  reason: string;
}

export type CallLogFormat = "csv" | "anonymous-bank";

export interface CallLog {
  format: CallLogFormat;
  /** Offered calls, in order of arrival. */
  records: CallRecord[];
  /** Data rows read (header excluded, blank lines ignored). */
  rowCount: number;
  setAside: SetAside[];
  /** Rows that could not be read, at most `MAX_BAD_ROWS_KEPT` of them; `badRowCount` counts them all. */
  badRows: BadRow[];
  badRowCount: number;
  /** The days of the log in order ("YYYY-MM-DD"), after any `days` filter. */
  days: string[];
}

/** Bad rows kept with their reason (the rest are only counted): enough to fix a file, not enough to flood a screen. */
export const MAX_BAD_ROWS_KEPT = 200;

/** Collects set-aside counts and bad rows while a reader goes through a file. */
export class LogTally {
  readonly badRows: BadRow[] = [];
  badRowCount = 0;
  private readonly setAsideCounts = new Map<string, number>();

  bad(line: number, reason: string): void {
    this.badRowCount++;
    if (this.badRows.length < MAX_BAD_ROWS_KEPT) this.badRows.push({ line, reason });
  }

  setAside(reason: string, count = 1): void {
    if (count > 0) this.setAsideCounts.set(reason, (this.setAsideCounts.get(reason) ?? 0) + count);
  }

  get setAsideList(): SetAside[] {
    return [...this.setAsideCounts].map(([reason, count]) => ({ reason, count }));
  }
}

/** The result of reading a log: the log, or why nothing in it could be used (the CLI exits with code 2). */
export type ReadCallLogResult = { ok: true; log: CallLog } | { ok: false; error: string; badRows: BadRow[]; badRowCount: number };
