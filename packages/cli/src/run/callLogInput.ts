import { parseCalibrationText, parseColumnMap, parseDayRange, readCallLog, type BadRow, type CallLog, type CallLogFormat, type Calibration, type ReadCallLogOptions } from "@ccplan/core";
import { choiceFlag } from "../args.js";
import { InputError } from "../errors.js";
import { readUserFile } from "../io.js";

/** The flags of the commands that read a call log. */
export const CALL_LOG_FLAGS = {
  format: { type: "string" },
  columns: { type: "string" },
  days: { type: "string" },
} as const;

export const CALL_LOG_FLAGS_HELP = `  --format F        csv (one row per contact: arrival, queue, class, answered, ended, outcome, agent) or
                    anonymous-bank (the tab-separated log in ../shared/data/); default: read from the header
  --columns MAP     csv: your column names, e.g. arrival=call_start,answered=answer_time,ended=end_time
  --days FROM..TO   only the calls offered on these days, e.g. 1999-02-01..1999-02-07`;

/** Bad rows printed with their reason (the rest are counted). */
const BAD_ROWS_SHOWN = 10;

/**
 * Reads the call log a command names. Bad rows go to stderr by line with the reason (the first ten) and a count; a
 * log with nothing usable is an InputError (exit code 2) that says why.
 */
export function loadCallLog(path: string, values: Record<string, unknown>, stderr: (text: string) => void = (text) => process.stderr.write(text)): CallLog {
  const options: ReadCallLogOptions = {};
  const format = values.format as string | undefined;
  if (format !== undefined) options.format = choiceFlag<CallLogFormat>("format", format, ["csv", "anonymous-bank"], "csv");
  const columns = values.columns as string | undefined;
  if (columns !== undefined) {
    if (options.format === "anonymous-bank") throw new InputError("--columns maps csv columns; the anonymous-bank format has fixed fields");
    const parsed = parseColumnMap(columns);
    if (!parsed.ok) throw new InputError(`invalid ${parsed.error}`);
    options.columns = parsed.columns;
  }
  const days = values.days as string | undefined;
  if (days !== undefined) {
    const parsed = parseDayRange(days);
    if (!parsed.ok) throw new InputError(`invalid ${parsed.error}`);
    options.days = parsed.days;
  }
  const text = readUserFile(path, "call log");
  const result = readCallLog(text, options);
  if (!result.ok) {
    const lines = [`${path}: ${result.error}`, ...badRowLines(result.badRows, result.badRowCount)];
    throw new InputError(lines.join("\n"));
  }
  if (result.log.badRowCount > 0) stderr(`${[`${path}: ${result.log.badRowCount} bad row${result.log.badRowCount === 1 ? "" : "s"} skipped:`, ...badRowLines(result.log.badRows, result.log.badRowCount)].join("\n")}\n`);
  return result.log;
}

function badRowLines(rows: BadRow[], count: number): string[] {
  const shown = rows.slice(0, BAD_ROWS_SHOWN).map((row) => `✖ line ${row.line}: ${row.reason}`);
  if (count > shown.length) shown.push(`… and ${count - shown.length} more bad row${count - shown.length === 1 ? "" : "s"}`);
  return shown;
}

/** Reads and validates a calibration.json (`ccplan calibrate --out`); any problem is an InputError naming the field. */
export function loadCalibration(path: string): Calibration {
  const parsed = parseCalibrationText(readUserFile(path, "calibration file"));
  if (!parsed.ok) throw new InputError(`${path} is not a calibration file:\n${parsed.issues.map((issue) => `✖ ${issue}`).join("\n")}`);
  return parsed.calibration;
}

/** The line that cites the bank's data wherever results from it are shown. */
export function sourceNote(format: CallLogFormat): string | null {
  return format === "anonymous-bank"
    ? 'Data: the "Anonymous Bank" call log, Technion Service Enterprise Engineering (SEE) Lab, Avishai Mandelbaum (see ../shared/data/README.md).'
    : null;
}
