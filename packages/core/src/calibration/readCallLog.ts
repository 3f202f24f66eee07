import { LogTally, type CallLog, type CallLogFormat, type ReadCallLogResult } from "./callLog.js";
import { looksLikeAnonymousBank, readAnonymousBankRows } from "./readAnonymousBankLog.js";
import { readCsvRows, type CsvColumnMap } from "./readCsvLog.js";
import { dateStartSec } from "./wallClock.js";

/** Which days of a log to keep: from and to inclusive, "YYYY-MM-DD". */
export interface DayRange {
  from: string;
  to: string;
}

export interface ReadCallLogOptions {
  /** Omitted: anonymous-bank when the first line is its header, else csv. */
  format?: CallLogFormat;
  /** csv only: the file's column for each field whose name differs. */
  columns?: CsvColumnMap;
  /** Keep only calls offered on these days. */
  days?: DayRange;
}

/** Reads `--days FROM..TO` ("2026-11-01..2026-11-07"; one date alone is that day). */
export function parseDayRange(text: string): { ok: true; days: DayRange } | { ok: false; error: string } {
  const [from = "", to = from, ...rest] = text.split("..").map((part) => part.trim());
  if (rest.length > 0 || Number.isNaN(dateStartSec(from)) || Number.isNaN(dateStartSec(to))) {
    return { ok: false, error: `--days "${text}"; expected FROM..TO as dates, e.g. 1999-02-01..1999-02-07` };
  }
  if (to < from) return { ok: false, error: `--days "${text}": ${to} is before ${from}; expected FROM..TO in order` };
  return { ok: true, days: { from, to } };
}

/**
 * Reads a call log (see `readAnonymousBankRows` and `readCsvRows` for the formats and counting rules) into its
 * offered calls in order of arrival, with what was set aside and the bad rows by line. Fails (the CLI exits with
 * code 2) when the header is not the format's, or when no offered call is left (every row bad, set aside or
 * outside `days`).
 */
export function readCallLog(text: string, options: ReadCallLogOptions = {}): ReadCallLogResult {
  const firstLine = text.slice(0, Math.max(0, text.indexOf("\n")) || text.length).replace(/^\uFEFF/, "");
  const format: CallLogFormat = options.format ?? (looksLikeAnonymousBank(firstLine) ? "anonymous-bank" : "csv");
  const tally = new LogTally();
  const read = format === "anonymous-bank" ? readAnonymousBankRows(text, tally) : readCsvRows(text, tally, options.columns);
  if ("error" in read) return { ok: false, error: read.error, badRows: [], badRowCount: 0 };
  let records = read.records;
  const days = options.days;
  if (days) {
    const before = records.length;
    records = records.filter((record) => record.date >= days.from && record.date <= days.to);
    tally.setAside(`offered calls outside --days ${days.from}..${days.to}`, before - records.length);
  }
  records.sort((a, b) => a.arrivalSec - b.arrivalSec || a.line - b.line);
  if (records.length === 0) {
    const parts = [`${read.rowCount} data row${read.rowCount === 1 ? "" : "s"} read`];
    if (tally.badRowCount > 0) parts.push(`${tally.badRowCount} bad`);
    for (const { reason, count } of tally.setAsideList) parts.push(`${count} ${reason}`);
    return {
      ok: false,
      error: `no offered calls to use in the ${format} log (${parts.join("; ")}); expected at least one answered or abandoned call`,
      badRows: tally.badRows,
      badRowCount: tally.badRowCount,
    };
  }
  return {
    ok: true,
    log: {
      format,
      records,
      rowCount: read.rowCount,
      setAside: tally.setAsideList,
      badRows: tally.badRows,
      badRowCount: tally.badRowCount,
      days: [...new Set(records.map((record) => record.date))].sort(),
    },
  };
}

/** The calls of a log offered on days `from … to` (inclusive), as a log of those days (null when none is left). */
export function logOfDays(log: CallLog, days: DayRange): CallLog | null {
  const records = log.records.filter((record) => record.date >= days.from && record.date <= days.to);
  if (records.length === 0) return null;
  return { ...log, records, days: log.days.filter((date) => date >= days.from && date <= days.to) };
}
