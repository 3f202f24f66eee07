import { impossibleDateReason } from "../schema/calendarDate.js";
import { csvParseRows } from "d3-dsv";
import { SCENARIO_LIMITS } from "../schema/limits.js";

/** One row of a planner's interval report or forecast, as read from CSV. */
export interface IntervalRow {
  /** 1-based line number in the file (the header is line 1), for messages. */
  line: number;
  /** Start as written: "HH:MM" or an ISO date-time. */
  start: string;
  /** Start in seconds from the first row's start. */
  startSec: number;
  /** Contacts offered in the interval, as an ACD counts them. */
  contacts: number;
  /** Agents on the floor after shrinkage; a fraction is a time average over the interval. */
  agents: number;
  ahtSec?: number;
  patienceSec?: number;
}

export interface IntervalTable {
  rows: IntervalRow[];
  /** The interval length read from the start column, seconds. */
  intervalSec: number;
  /** True when starts are ISO date-times (several days possible). */
  dated: boolean;
}

export type IntervalTableResult = { ok: true; table: IntervalTable } | { ok: false; errors: string[] };

const REQUIRED_COLUMNS = ["start", "contacts", "agents"] as const;
const OPTIONAL_COLUMNS = ["aht_seconds", "patience_seconds"] as const;
const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?$/;
/** Sizes beyond reason for one file (about 92 days of 15-minute intervals). */
const MAX_ROWS = 92 * 96;
/** Numbers in decimal notation only (`12`, `0.5`, `1e3`): `Number()` would also read `0x10` as 16, `0b1`, `Infinity`. */
const DECIMAL = /^\+?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The line where a quoted field opens and is never closed, or null. d3's parser would read the rest of the file
 * into that one field; a planner needs to hear where the stray quote is. Quotes count only at the start of a field
 * (as RFC 4180 has it); `""` inside a quoted field is an escaped quote.
 */
export function unterminatedQuoteLine(text: string): number | null {
  let line = 1;
  let quotedFrom = 0;
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      } else if (c === "\n") line++;
      continue;
    }
    if (c === '"' && fieldStart) {
      inQuotes = true;
      quotedFrom = line;
    } else if (c === "\n") line++;
    fieldStart = c === "," || c === "\n" || c === "\r";
  }
  return inQuotes ? quotedFrom : null;
}

/**
 * Reads an interval table from CSV text (columns `start`, `contacts`, `agents`, and optionally `aht_seconds`,
 * `patience_seconds`). Every bad row is reported with its line number, the value found and what was expected;
 * nothing is guessed. Starts must be evenly spaced (the spacing is the interval length, 5 to 120 minutes) and
 * either all clock times within one day or all ISO date-times.
 */
export function parseIntervalTable(text: string): IntervalTableResult {
  const errors: string[] = [];
  // csvParseRows, not csvParse: csvParse builds its row objects with `new Function`, which a page whose
  // Content-Security-Policy forbids eval cannot run.
  const source = text.replace(/^\uFEFF/, "");
  const openQuote = unterminatedQuoteLine(source);
  if (openQuote !== null) return { ok: false, errors: [`line ${openQuote}: a quoted field starts here and is never closed; expected a closing " before the end of the file`] };
  const [header = [], ...dataRows] = csvParseRows(source);
  const columns = header.map((column) => column.trim());
  // Blank lines at the end are not rows; anywhere else they are reported with their line number.
  const isBlank = (row: readonly string[]) => row.length === 1 && row[0]!.trim() === "";
  while (dataRows.length > 0 && isBlank(dataRows[dataRows.length - 1]!)) dataRows.pop();
  const records = dataRows;
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.includes(column)) errors.push(`line 1: missing column "${column}"; expected columns start, contacts, agents`);
  }
  const unknown = columns.filter((c) => !(REQUIRED_COLUMNS as readonly string[]).includes(c) && !(OPTIONAL_COLUMNS as readonly string[]).includes(c));
  for (const column of unknown) {
    errors.push(`line 1: unknown column "${column}"; expected start, contacts, agents, aht_seconds or patience_seconds`);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (records.length < 2) return { ok: false, errors: [`the file has ${records.length} data row(s); expected at least 2, to read the interval length`] };
  if (records.length > MAX_ROWS) return { ok: false, errors: [`the file has ${records.length} rows; expected at most ${MAX_ROWS} (92 days of 15-minute intervals)`] };

  const field = (record: readonly string[], name: string) => record[columns.indexOf(name)]?.trim() ?? "";
  const dated = ISO_DATE_TIME.test(field(records[0]!, "start"));
  const rows: IntervalRow[] = [];
  let originMs = 0;
  records.forEach((record, index) => {
    const line = index + 2;
    const start = field(record, "start");
    let absoluteSec: number | null = null;
    if (dated) {
      // Date.parse rolls an impossible date over ("2026-02-30" → 2 March): the calendar is checked first.
      const impossible = ISO_DATE_TIME.test(start) ? impossibleDateReason(start.slice(0, 10)) : null;
      const ms = ISO_DATE_TIME.test(start) && impossible === null ? Date.parse(start.replace(" ", "T")) : Number.NaN;
      if (Number.isNaN(ms)) errors.push(`line ${line}: start ${JSON.stringify(start)}; ${impossible === null ? "" : `${impossible}; `}expected an ISO date-time like 2026-11-23T08:00 (as in the first row)`);
      else {
        if (index === 0) originMs = ms;
        absoluteSec = (ms - originMs) / 1000;
      }
    } else {
      const match = CLOCK.exec(start);
      if (!match) errors.push(`line ${line}: start ${JSON.stringify(start)}; expected a time HH:MM (as in the first row)`);
      else absoluteSec = Number(match[1]) * 3600 + Number(match[2]) * 60;
    }
    const number = (name: string, positive: boolean, max: number, optional: boolean): number | undefined => {
      const raw = field(record, name);
      if (raw === "" && optional) return undefined;
      const value = DECIMAL.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isFinite(value) || value < 0 || (positive && value === 0) || value > max) {
        const range = `${positive ? "> 0" : "≥ 0"} and ≤ ${max.toLocaleString("en-US")}`;
        errors.push(`line ${line}: ${name} ${JSON.stringify(raw)}; expected a number in decimal notation, ${range}`);
        return undefined;
      }
      return value;
    };
    const contacts = number("contacts", false, SCENARIO_LIMITS.maxContactsPerReplication, false);
    const agents = number("agents", false, SCENARIO_LIMITS.maxAgentsPerGroup, false);
    const ahtSec = columns.includes("aht_seconds") ? number("aht_seconds", true, SCENARIO_LIMITS.maxHandleSec, true) : undefined;
    const patienceSec = columns.includes("patience_seconds") ? number("patience_seconds", true, SCENARIO_LIMITS.maxDurationSec, true) : undefined;
    if (absoluteSec !== null && contacts !== undefined && agents !== undefined) {
      rows.push({ line, start, startSec: absoluteSec, contacts, agents, ...(ahtSec !== undefined && { ahtSec }), ...(patienceSec !== undefined && { patienceSec }) });
    }
  });
  if (errors.length > 0) return { ok: false, errors };

  const intervalSec = rows[1]!.startSec - rows[0]!.startSec;
  if (!(intervalSec >= 300 && intervalSec <= 7200)) {
    return { ok: false, errors: [`line 3: start ${rows[1]!.start} is ${intervalSec / 60} minutes after ${rows[0]!.start}; expected an interval of 5 to 120 minutes`] };
  }
  for (let index = 1; index < rows.length; index++) {
    const gap = rows[index]!.startSec - rows[index - 1]!.startSec;
    if (gap !== intervalSec) {
      errors.push(`line ${rows[index]!.line}: start ${rows[index]!.start} is ${gap / 60} minutes after the previous row; expected ${intervalSec / 60} (evenly spaced, no gaps)`);
    }
  }
  const total = rows.reduce((sum, row) => sum + row.contacts, 0);
  if (total > 5_000_000) errors.push(`the file forecasts ${total} contacts; expected at most 5,000,000 in one replication`);
  if (errors.length > 0) return { ok: false, errors };
  const originSec = rows[0]!.startSec;
  for (const row of rows) row.startSec -= originSec;
  return { ok: true, table: { rows, intervalSec, dated } };
}
