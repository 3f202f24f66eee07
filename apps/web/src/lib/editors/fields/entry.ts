// How a field's text becomes a value in the draft and back. What cannot be read as a number is kept as typed, so
// nothing the planner typed is lost and core names the problem beside the field.

/** A list or object of the draft that holds the field. */
export type Holder = Record<string | number, unknown> | unknown[];

export type NumberKind = "number" | "integer" | "percent";

/** The value to store for `text`: a number when it reads as one (a percentage divided by 100), undefined for an
 * empty optional field, else the text itself (for core to report). A decimal comma is read as a point. */
export function numberFromText(text: string, kind: NumberKind, optional: boolean): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return optional ? undefined : "";
  const normal = /^[-+−]?\d+,\d+$/.test(trimmed) ? trimmed.replace(",", ".") : trimmed;
  const value = Number(normal.replace("−", "-"));
  if (!Number.isFinite(value)) return text;
  return kind === "percent" ? Number((value / 100).toPrecision(12)) : value;
}

/** The text a field shows for a stored value. */
export function textFromNumber(value: unknown, kind: NumberKind): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return kind === "percent" ? String(Number((value * 100).toPrecision(12))) : String(value);
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

/** Numbers typed as a list ("300, 240 410"): the numbers, or the text as typed when one is not a number. */
export function numberListFromText(text: string): number[] | string {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== "");
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : text;
}
