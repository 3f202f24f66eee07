// CSV for spreadsheets: d3-dsv quotes what needs quoting; cells a spreadsheet would read as a formula are escaped.
import { csvFormatRows } from "d3-dsv";

/** A cell: text (user text included), a number (NaN, null and undefined are left empty). */
export type CsvCell = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula when they start it (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as text. Text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading single
 * quote, so that "+4 agents on Late" or "=HYPERLINK(…)" stays text in Excel, LibreOffice and Google Sheets.
 * Numbers are written as numbers (a negative number is a value, not a formula), booleans as true/false.
 */
export function escapeCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** A header row and data rows as CSV text (RFC 4180 quoting by d3-dsv, every cell through `escapeCell`). */
export function toCsv(header: readonly CsvCell[], rows: readonly (readonly CsvCell[])[]): string {
  return csvFormatRows([header, ...rows].map((row) => row.map(escapeCell)));
}
