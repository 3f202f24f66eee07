// csvParseRows, not csvParse: csvParse builds its row objects with `new Function`, which the page's
// Content-Security-Policy (no 'unsafe-eval') forbids.
import { csvParseRows } from "d3-dsv";
import { impossibleDateReason, WEEKDAYS, type Weekday } from "@ccplan/core";

/** A forecast read from a CSV file of contacts per interval, ready to become a queue's `forecast.intervalContacts`. */
export interface ImportedForecast {
  intervalMinutes: 15 | 30 | 60;
  /** Expected contacts in every interval of the span, day by day from 00:00; intervals the file leaves out are 0. */
  intervalContacts: number[];
  /** With dated starts: the first date (YYYY-MM-DD) and the weekdays of the span the file covers. */
  startDate?: string;
  days?: Weekday[];
  /** Data rows read. */
  rows: number;
  /** Intervals of the span that the file does not list (closed hours), set to 0 contacts. */
  missingIntervals: number;
  /** Columns of an interval report that a forecast does not use (agents, aht_seconds, patience_seconds). */
  ignoredColumns: string[];
}

export type ForecastCsvResult = { ok: true; forecast: ImportedForecast } | { ok: false; errors: string[] };

const IGNORED = ["agents", "aht_seconds", "patience_seconds"];
const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const DATED = /^(\d{4})-(\d{2})-(\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::00(?:\.0+)?)?$/;
const ZONED = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const MAX_DAYS = 92;
const MAX_ERRORS = 20;

interface Row {
  line: number;
  start: string;
  /** Day of the span (0 = the first), and minutes after midnight. */
  day: number;
  minute: number;
  contacts: number;
}

/**
 * Reads an interval forecast from CSV text: a header with `start` and `contacts` (the columns of an interval report,
 * `agents`, `aht_seconds` and `patience_seconds`, are allowed and ignored), then one row per interval in time order.
 * Starts are either clock times `HH:MM`, one block of rows per simulated day (a start at or before the previous one
 * begins the next day; there must be one block for each of `days`), or local date-times `2026-11-23T07:30`, which
 * set the simulated days from the calendar. The interval length (15, 30 or 60 minutes) is the smallest step between
 * rows; intervals the file skips (closed hours) get 0 contacts. Every problem is reported with its line number.
 */
export function forecastFromCsv(text: string, scenario: { days: readonly Weekday[] }): ForecastCsvResult {
  const [header = [], ...lines] = csvParseRows(text.replace(/^\uFEFF/, ""));
  // Blank lines are skipped; each row keeps its line number in the file (the header is line 1).
  const records = lines.map((row, index) => Object.assign(row, { line: index + 2 })).filter((row) => !(row.length <= 1 && (row[0] ?? "").trim() === ""));
  const columns = header.map((column) => column.trim().toLowerCase());
  const errors: string[] = [];
  for (const required of ["start", "contacts"]) {
    if (!columns.includes(required)) errors.push(`line 1: missing column "${required}"; expected a header with start and contacts (e.g. start,contacts)`);
  }
  for (const column of columns) {
    if (column !== "start" && column !== "contacts" && !IGNORED.includes(column)) {
      errors.push(`line 1: unknown column "${column}"; expected start, contacts (and optionally agents, aht_seconds, patience_seconds, which are ignored)`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (records.length === 0) return { ok: false, errors: ["the file has no data rows; expected one row per interval after the header"] };
  if (records.length > MAX_DAYS * 96) {
    return { ok: false, errors: [`the file has ${records.length.toLocaleString("en-US")} rows; expected at most ${(MAX_DAYS * 96).toLocaleString("en-US")} (92 days of 15-minute intervals)`] };
  }
  const cell = (record: string[], name: string) => record[columns.indexOf(name)]?.trim() ?? "";
  const push = (message: string) => {
    errors.push(message);
  };

  const firstStart = cell(records[0]!, "start");
  const dated = DATED.test(firstStart) || ZONED.test(firstStart);
  const rows: Row[] = [];
  let originUtc = 0;
  let day = 0;
  let previousMinute = -1;
  records.forEach((record, index) => {
    const line = record.line;
    const start = cell(record, "start");
    const contactsText = cell(record, "contacts");
    const contacts = Number(contactsText);
    if (contactsText === "" || !Number.isFinite(contacts) || contacts < 0) {
      push(`line ${line}: contacts ${JSON.stringify(contactsText)}; expected a number ≥ 0`);
    }
    let minute: number | undefined;
    let rowDay = day;
    if (dated) {
      if (ZONED.test(start)) {
        push(`line ${line}: start ${JSON.stringify(start)} has a time zone; expected the local date-time of the center, like 2026-11-23T07:30`);
        return;
      }
      const match = DATED.exec(start);
      if (!match) {
        push(`line ${line}: start ${JSON.stringify(start)}; expected a date-time like 2026-11-23T07:30, as in the first row`);
        return;
      }
      // Date.UTC rolls an impossible date over ("2026-02-30" → 2 March): the calendar is checked first, as core's
      // interval files do, in the same words.
      const impossible = impossibleDateReason(start.slice(0, 10));
      if (impossible !== null) {
        push(`line ${line}: start ${JSON.stringify(start)}; ${impossible}; expected a date-time like 2026-11-23T07:30, as in the first row`);
        return;
      }
      const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      if (index === 0) originUtc = utc;
      rowDay = Math.round((utc - originUtc) / 86_400_000);
      minute = Number(match[4]) * 60 + Number(match[5]);
    } else {
      const match = CLOCK.exec(start);
      if (!match) {
        push(`line ${line}: start ${JSON.stringify(start)}; expected a time HH:MM, as in the first row (or date-times like 2026-11-23T07:30 in every row)`);
        return;
      }
      minute = Number(match[1]) * 60 + Number(match[2]);
      if (index > 0 && minute <= previousMinute) day += 1;
      rowDay = day;
      previousMinute = minute;
    }
    if (Number.isFinite(contacts) && contacts >= 0 && contactsText !== "") rows.push({ line, start, day: rowDay, minute, contacts });
  });
  if (errors.length > 0) return fail(errors);

  // Order: dated rows must increase; clock rows increase by construction.
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    if (b.day * 1440 + b.minute <= a.day * 1440 + a.minute) {
      push(`line ${b.line}: start ${b.start} is not after the previous row's (${a.start}); expected rows in time order, each interval once`);
    }
  }
  if (errors.length > 0) return fail(errors);

  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows.length; i++) {
    const gap = rows[i]!.day * 1440 + rows[i]!.minute - (rows[i - 1]!.day * 1440 + rows[i - 1]!.minute);
    if (gap < step) step = gap;
  }
  if (!Number.isFinite(step)) return { ok: false, errors: ["the file has one data row; expected at least two, to read the interval length"] };
  if (step !== 15 && step !== 30 && step !== 60) {
    const at = rows.find((row, i) => i > 0 && row.day * 1440 + row.minute - (rows[i - 1]!.day * 1440 + rows[i - 1]!.minute) === step)!;
    return { ok: false, errors: [`line ${at.line}: start ${at.start} is ${step} minutes after the previous row; expected intervals of 15, 30 or 60 minutes`] };
  }
  const intervalMinutes = step as 15 | 30 | 60;
  for (const row of rows) {
    if (row.minute % intervalMinutes !== 0) push(`line ${row.line}: start ${row.start} is not on the ${intervalMinutes}-minute grid; expected starts at multiples of ${intervalMinutes} minutes after midnight`);
  }
  if (errors.length > 0) return fail(errors);

  const spanDays = rows[rows.length - 1]!.day + 1;
  let days: Weekday[] | undefined;
  let startDate: string | undefined;
  if (dated) {
    if (spanDays > MAX_DAYS) return { ok: false, errors: [`the file spans ${spanDays} days; expected at most ${MAX_DAYS}`] };
    startDate = new Date(originUtc).toISOString().slice(0, 10);
    days = Array.from({ length: spanDays }, (_, d) => WEEKDAYS[(new Date(originUtc + d * 86_400_000).getUTCDay() + 6) % 7]!);
  } else if (spanDays !== scenario.days.length) {
    const list = scenario.days.join(", ");
    return {
      ok: false,
      errors: [
        `the file holds ${spanDays} day${spanDays === 1 ? "" : "s"} of intervals (a new day starts when a start is at or before the previous one); the scenario simulates ${scenario.days.length} (${list}): give one block of rows per simulated day, or dated starts like 2026-11-23T07:30 to set the days`,
      ],
    };
  }

  const perDay = 1440 / intervalMinutes;
  const intervalContacts = new Array<number>(spanDays * perDay).fill(0);
  for (const row of rows) intervalContacts[row.day * perDay + row.minute / intervalMinutes] = row.contacts;
  const forecast: ImportedForecast = {
    intervalMinutes,
    intervalContacts,
    rows: rows.length,
    missingIntervals: intervalContacts.length - rows.length,
    ignoredColumns: columns.filter((column) => IGNORED.includes(column)),
  };
  if (startDate !== undefined && days !== undefined) {
    forecast.startDate = startDate;
    forecast.days = days;
  }
  return { ok: true, forecast };
}

function fail(errors: string[]): ForecastCsvResult {
  if (errors.length <= MAX_ERRORS) return { ok: false, errors };
  return { ok: false, errors: [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more problems`] };
}
