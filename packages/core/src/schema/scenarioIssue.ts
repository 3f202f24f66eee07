/**
 * One problem found in a scenario file. `path` names the field (`groups[0].shifts[1].agents`; `""` for
 * the file as a whole), `received` shows the value found (JSON-ish, truncated; `"nothing"` when the field
 * is missing), `expected` says what would be valid, and `message` is the whole sentence a person reads.
 */
export interface ScenarioIssue {
  path: string;
  message: string;
  received: string;
  expected: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Dotted path of a field, with list indices in brackets: `["groups", 0, "shifts"]` → `groups[0].shifts`.
 * Keys that are not identifiers are quoted (`["odd key"]`). The empty path is `""`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) text += text === "" ? key : `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}

/** The longest `received` text, in characters; longer values end in `…`. */
export const MAX_RECEIVED_LENGTH = 60;

/**
 * A short JSON-like rendering of a value found in a file, for messages: strings quoted, lists and objects
 * cut at `maxLength` characters with `…`, `undefined` as `nothing`, and non-JSON values (NaN, Infinity,
 * functions, bigints) named as JavaScript writes them. Never throws, whatever the value.
 */
export function describeValue(value: unknown, maxLength = MAX_RECEIVED_LENGTH): string {
  let text: string;
  if (value === undefined) return "nothing";
  if (typeof value === "number") text = Number.isFinite(value) ? JSON.stringify(value) : String(value);
  else if (typeof value === "bigint") text = `${value}n`;
  else if (typeof value === "function") text = "a function";
  else if (typeof value === "symbol") text = value.toString();
  else text = renderJson(value, maxLength);
  return truncateText(text, maxLength);
}

/** `text` cut to `maxLength` characters, the last one `…` when anything was cut. */
export function truncateText(text: string, maxLength = MAX_RECEIVED_LENGTH): string {
  return text.length > maxLength ? `${text.slice(0, Math.max(0, maxLength - 1))}…` : text;
}

// Renders at most about `budget` characters, so a list of a million numbers is not stringified whole.
function renderJson(value: unknown, budget: number): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
    if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
    return "null";
  }
  const parts: string[] = [];
  let used = 2;
  const isList = Array.isArray(value);
  let entries: Iterable<[string, unknown]>;
  try {
    entries = isList ? (value as unknown[]).slice(0, budget + 1).map((item, index) => [String(index), item] as [string, unknown]) : Object.entries(value);
  } catch {
    return "an object";
  }
  for (const [key, item] of entries) {
    if (used > budget) {
      parts.push("…");
      break;
    }
    const rendered = (isList ? "" : `${JSON.stringify(key)}: `) + renderJson(item, Math.max(0, budget - used));
    parts.push(rendered);
    used += rendered.length + 2;
  }
  return isList ? `[${parts.join(", ")}]` : `{${parts.join(", ")}}`;
}
