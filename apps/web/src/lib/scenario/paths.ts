import { formatPath } from "@ccplan/core";

/** A field's place in a scenario file: keys and list indices, as core's issues name them. */
export type FieldPath = readonly (string | number)[];

/** core's dotted path of a field (`groups[0].shifts[1].agents`), the form every issue's `path` takes. */
export function pathText(path: FieldPath): string {
  return formatPath(path);
}

/**
 * The keys of a dotted issue path, the inverse of `pathText`: `groups[0].shifts[1].agents` →
 * `["groups", 0, "shifts", 1, "agents"]`; `""` → `[]`; quoted keys (`["odd key"]`) are unquoted.
 */
export function parsePath(text: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const pattern = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z_$][\w$]*)/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < text.length && (match = pattern.exec(text)) !== null) {
    if (match[1] !== undefined) keys.push(Number(match[1]));
    else if (match[2] !== undefined) keys.push(JSON.parse(match[2]) as string);
    else keys.push(match[3]!);
  }
  return keys;
}

/** An element id for the field at `path`, unique on the page and valid in CSS selectors: `f-groups-0-shifts-1-agents`. */
export function fieldId(path: FieldPath | string): string {
  const text = typeof path === "string" ? path : pathText(path);
  return `f-${text.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "")}`;
}

/** True when `path` is `prefix` or lies inside it (`groups[0].shifts[1]` is inside `groups[0]`). */
export function isWithin(path: string, prefix: string): boolean {
  if (prefix === "") return true;
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === "" || next === "." || next === "[";
}
