/**
 * What the editors change: a scenario file's JSON as the planner typed it. Every field keeps what was typed, even
 * where it is not valid (a number field holding "abc" stays "abc"), so nothing is lost; core's `parseScenario`
 * decides what is valid and names each problem by its path.
 */
export type Draft = Record<string, unknown>;

/** The JSON value of text, or undefined when it is not JSON. */
export function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch {
    return { ok: false };
  }
}

/** True for a plain JSON object (not null, not a list). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A draft as the text of a scenario file: two-space indents and a final newline, as the repository's files. */
export function draftText(draft: Draft): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}
