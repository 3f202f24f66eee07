import { csvParseRows } from "d3-dsv";
import { LogTally, type CallRecord } from "./callLog.js";
import { parseWallDateTime, wallDate } from "./wallClock.js";

/** The fields of the csv call-log format; `class` and `agent` are optional columns. */
export const CSV_LOG_FIELDS = ["arrival", "queue", "class", "answered", "ended", "outcome", "agent"] as const;
export type CsvLogField = (typeof CSV_LOG_FIELDS)[number];
const OPTIONAL: readonly CsvLogField[] = ["class", "agent"];

/** Which column of the file holds each field, where its name differs (`--columns arrival=call_start,…`). */
export type CsvColumnMap = Partial<Record<CsvLogField, string>>;

/**
 * Reads `--columns` text, "field=column,field=column", into a column map. Returns an error message naming the
 * entry that is not `field=column` with a known field.
 */
export function parseColumnMap(text: string): { ok: true; columns: CsvColumnMap } | { ok: false; error: string } {
  const columns: CsvColumnMap = {};
  for (const entry of text.split(",").map((part) => part.trim()).filter((part) => part !== "")) {
    const [field, column, ...rest] = entry.split("=").map((part) => part.trim());
    if (!field || !column || rest.length > 0) return { ok: false, error: `--columns entry "${entry}"; expected field=column, e.g. arrival=call_start` };
    if (!(CSV_LOG_FIELDS as readonly string[]).includes(field)) {
      return { ok: false, error: `--columns field "${field}"; expected one of ${CSV_LOG_FIELDS.join(", ")}` };
    }
    columns[field as CsvLogField] = column;
  }
  return { ok: true, columns };
}

/**
 * Reads a call log in the csv format: a header, then one row per contact with the columns `arrival` (ISO
 * date-time), `queue`, `class` (optional: priority or segment), `answered` (date-time, or empty), `ended`
 * (date-time), `outcome` (`answered` or `abandoned`; any other value is set aside with a count) and `agent`
 * (optional), under other names when `columns` maps them. The wait of an answered contact is answered − arrival,
 * of an abandoned one ended − arrival; the talk time is ended − answered. Rows it cannot read are reported by
 * line with the reason: an unreadable time, times out of order, an answered contact without an answer time, an
 * abandoned one with one, an empty queue.
 */
export function readCsvRows(text: string, tally: LogTally, columns: CsvColumnMap = {}): { records: CallRecord[]; rowCount: number } | { error: string } {
  const [header = [], ...rows] = csvParseRows(text.replace(/^\uFEFF/, ""));
  const names = header.map((name) => name.trim());
  const index = {} as Record<CsvLogField, number>;
  const missing: string[] = [];
  for (const field of CSV_LOG_FIELDS) {
    const column = columns[field] ?? field;
    index[field] = names.indexOf(column);
    if (index[field] < 0 && !OPTIONAL.includes(field)) missing.push(columns[field] ? `"${column}" (for ${field})` : `"${column}"`);
  }
  if (missing.length > 0) {
    return {
      error: `line 1: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}; expected columns arrival, queue, answered, ended, outcome (class and agent optional), or --columns to map yours (found: ${names.join(", ") || "nothing"})`,
    };
  }
  const records: CallRecord[] = [];
  let rowCount = 0;
  rows.forEach((row, position) => {
    if (row.length === 1 && row[0]!.trim() === "") return;
    rowCount++;
    const line = position + 2;
    if (row.length !== names.length) {
      tally.bad(line, `${row.length} field${row.length === 1 ? "" : "s"}; expected ${names.length}, as in the header`);
      return;
    }
    const value = (field: CsvLogField) => (index[field] >= 0 ? (row[index[field]] ?? "").trim() : "");
    const outcome = value("outcome").toLowerCase();
    if (outcome !== "answered" && outcome !== "abandoned") {
      tally.setAside(`outcome "${value("outcome")}" (neither answered nor abandoned)`);
      return;
    }
    const time = (field: CsvLogField) => {
      const parsed = parseWallDateTime(value(field));
      if (Number.isNaN(parsed)) tally.bad(line, `${field} "${value(field)}"; expected an ISO date-time such as 2026-11-23T08:00:15`);
      return parsed;
    };
    const arrivalSec = time("arrival");
    if (Number.isNaN(arrivalSec)) return;
    const endSec = time("ended");
    if (Number.isNaN(endSec)) return;
    if (endSec < arrivalSec) {
      tally.bad(line, `ended ${value("ended")} is before arrival ${value("arrival")}; expected ended ≥ arrival`);
      return;
    }
    const queue = value("queue");
    if (queue === "") {
      tally.bad(line, "queue is empty; expected the queue's name");
      return;
    }
    const answered = outcome === "answered";
    let answerSec = Number.NaN;
    if (answered) {
      if (value("answered") === "") {
        tally.bad(line, "outcome answered but answered is empty; expected the time an agent answered");
        return;
      }
      answerSec = time("answered");
      if (Number.isNaN(answerSec)) return;
      if (answerSec < arrivalSec || answerSec > endSec) {
        tally.bad(line, `answered ${value("answered")} is outside arrival ${value("arrival")} … ended ${value("ended")}; expected arrival ≤ answered ≤ ended`);
        return;
      }
    } else if (value("answered") !== "") {
      tally.bad(line, `outcome abandoned but answered is "${value("answered")}"; expected it empty`);
      return;
    }
    records.push({
      line,
      arrivalSec,
      date: wallDate(arrivalSec),
      queue,
      callClass: value("class"),
      answered,
      waitSec: (answered ? answerSec : endSec) - arrivalSec,
      talkSec: answered ? endSec - answerSec : Number.NaN,
      agent: answered ? value("agent") : "",
      answerSec,
      endSec,
    });
  });
  return { records, rowCount };
}
