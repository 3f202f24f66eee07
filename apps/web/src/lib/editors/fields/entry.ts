// How a field's text becomes a value in the draft and back. What cannot be read as a number is kept as typed, so
// nothing the planner typed is lost and core names the problem beside the field.

/** A list or object of the draft that holds the field. */
export type Holder = Record<string | number, unknown> | unknown[];

/** How a field reads and shows its number. `percent` and `points` fields show a fraction of the file as a
 * percentage (0.08 → "8") or percentage points (0.05 → "5"), typed with or without the unit ("-8%", "+5 points"). */
export type NumberKind = "number" | "integer" | "percent" | "points";

/** A decimal number as typed: digits with an optional sign (+, -, or the minus sign −), one decimal point or
 * comma, and an exponent. Hex, binary, "Infinity" and the like are not numbers a planner types. */
const DECIMAL = /^[+\-−]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+\-−]?\d+)?$/i;
/** Units a percentage or points may be typed with, after the number. */
const PERCENT_UNIT = /\s*(?:%|pct|per ?cent|percent|pp|pts?|points?|percentage points?)\s*$/i;

const isFraction = (kind: NumberKind) => kind === "percent" || kind === "points";

/** A decimal number as a planner types it (sign or minus sign, decimal point or comma, exponent), with a percent or
 * points unit after it when `withUnit`; null when it is not one. The numbers are as typed: "8 %" is 8. */
export function decimalFromText(text: string, withUnit = false): number | null {
  const trimmed = text.trim();
  const bare = withUnit ? trimmed.replace(PERCENT_UNIT, "") : trimmed;
  if (!DECIMAL.test(bare)) return null;
  const value = Number(bare.replace(",", ".").replaceAll("−", "-"));
  return Number.isFinite(value) ? value : null;
}

/** The value to store for `text`: a number when it reads as one (a percentage or points divided by 100), undefined
 * for an empty optional field, else the text itself (for core to report). A decimal comma is read as a point;
 * percent and points fields accept their unit after the number ("-8 %", "+5 points"). */
export function numberFromText(text: string, kind: NumberKind, optional: boolean): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return optional ? undefined : "";
  const value = decimalFromText(trimmed, isFraction(kind));
  if (value === null) return text;
  return isFraction(kind) ? Number((value / 100).toPrecision(12)) : value;
}

/** The text a field shows for a stored value; `signed` writes a plus before a positive change and the minus sign
 * (−) before a negative one, as a change reads ("+5", "−8"). */
export function textFromNumber(value: unknown, kind: NumberKind, signed = false): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") {
    const shown = isFraction(kind) ? Number((value * 100).toPrecision(12)) : value;
    if (!signed) return String(shown);
    return shown > 0 ? `+${shown}` : shown < 0 ? `−${-shown}` : "0";
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Reads a field of a holder. */
export function readField(holder: Holder, key: string | number): unknown {
  return (holder as Record<string | number, unknown>)[key];
}

/** Writes a field of a holder; undefined removes the key from an object (an omitted optional field). */
export function writeField(holder: Holder, key: string | number, value: unknown): void {
  if (value === undefined && !Array.isArray(holder)) delete (holder as Record<string | number, unknown>)[key];
  else (holder as Record<string | number, unknown>)[key] = value;
}

/** Numbers typed as a list ("300, 240 410"): the numbers, or the text as typed when one is not a number. A `percent`
 * list reads each entry as a percentage ("12, 12.5 %, 11%" → [0.12, 0.125, 0.11]), as a single percent field does. */
export function numberListFromText(text: string, kind: "number" | "percent" = "number"): number[] | string {
  // A percent sign may stand apart from its number ("12 %"): joined first, so that it is not an entry of its own.
  const joined = kind === "percent" ? text.replace(/\s+%/g, "%") : text;
  const parts = joined.split(/[\s,;]+/).filter((part) => part !== "");
  if (kind === "percent") {
    const values = parts.map((part) => numberFromText(part, "percent", false));
    return values.every((value): value is number => typeof value === "number") ? values : text;
  }
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : text;
}

/** The text of a stored list: "12, 12.5, 11" for [0.12, 0.125, 0.11] in percent; a list kept as typed as it was. */
export function textFromNumberList(value: unknown, kind: "number" | "percent" = "number"): string {
  if (Array.isArray(value)) return value.map((entry) => textFromNumber(entry, kind)).join(", ");
  return typeof value === "string" ? value : "";
}

/** A warning when every entry of a percent list reads below 1 %: a planner who typed the file's fractions ("0.12")
 * into a field in percent gets 0.12 %; null otherwise. Not an error: a share below 1 % can be meant. */
export function fractionsTypedAsPercent(values: unknown): string | null {
  if (!Array.isArray(values) || values.length === 0) return null;
  if (!values.every((value) => typeof value === "number" && value > 0 && value < 0.01)) return null;
  const first = values[0] as number;
  return `Read as ${textFromNumber(first, "percent")} %${values.length > 1 ? ", …" : ""}: shares are typed in percent here (${textFromNumber(first * 100, "percent")} for ${textFromNumber(first * 100, "percent")} %).`;
}
