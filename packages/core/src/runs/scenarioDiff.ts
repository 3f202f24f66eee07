/** One difference between two scenario files, for a reader: where, what it was and what it is. */
export interface ScenarioChange {
  kind: "changed" | "added" | "removed";
  /** Where, in words: `group “Service team” › shift “Late” › agents`. Lists of named things (queues, groups,
   * shifts, interventions) are matched by name, so reordering them is not a change. */
  where: string;
  /** The value before (absent when added) and after (absent when removed), as short text. */
  before?: string;
  after?: string;
}

/** The longest a value is shown before it is cut with "…". */
const MAX_VALUE_LENGTH = 80;
/** Lists of plain values this long or shorter are compared item by item; longer ones as a count of changed items. */
const MAX_ITEMS_LISTED = 14;

/** What a named item of a list is called, by the list's key. */
const ITEM_NOUNS: Record<string, string> = {
  queues: "queue",
  groups: "group",
  shifts: "shift",
  interventions: "intervention",
  parts: "part",
  effects: "effect",
  breaks: "break",
};

/**
 * The differences between two scenario files (as JSON values, valid or not), in the order of the file: each
 * changed, added or removed field with a readable place and its values before and after. Keys are written as
 * words ("dailyContacts" → "daily contacts"). `$schema` is ignored. An empty list means the files say the same.
 */
export function scenarioDiff(before: unknown, after: unknown): ScenarioChange[] {
  const changes: ScenarioChange[] = [];
  walk(before, after, [], "", changes);
  return changes;
}

function walk(a: unknown, b: unknown, where: string[], key: string, out: ScenarioChange[]): void {
  if (sameJson(a, b)) return;
  const place = () => (where.length > 0 ? where.join(" › ") : "the scenario");
  if (a === undefined) {
    out.push({ kind: "added", where: place(), after: show(b) });
    return;
  }
  if (b === undefined) {
    out.push({ kind: "removed", where: place(), before: show(a) });
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))].filter((k) => k !== "$schema");
    for (const k of keys) walk(a[k], b[k], [...where, words(k)], k, out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (isNamedList(a) && isNamedList(b)) {
      const noun = ITEM_NOUNS[key] ?? "item";
      const names = [...a.map(nameOf), ...b.map(nameOf).filter((name) => !a.some((item) => nameOf(item) === name))];
      for (const name of names) {
        const left = a.find((item) => nameOf(item) === name);
        const right = b.find((item) => nameOf(item) === name);
        const label = [...where.slice(0, -1), `${noun} “${name}”`];
        if (left === undefined) out.push({ kind: "added", where: label.join(" › "), after: show(right) });
        else if (right === undefined) out.push({ kind: "removed", where: label.join(" › "), before: show(left) });
        else walk(left, right, label, "", out);
      }
      return;
    }
    if (a.every(isPlain) && b.every(isPlain) && (a.length > MAX_ITEMS_LISTED || b.length > MAX_ITEMS_LISTED)) {
      const changed = Array.from({ length: Math.max(a.length, b.length) }, (_, i) => i).filter((i) => !sameJson(a[i], b[i])).length;
      out.push({
        kind: "changed",
        where: place(),
        before: `${a.length} values`,
        after: `${b.length} values, ${changed} of them ${a.length === b.length ? "changed" : "different"}`,
      });
      return;
    }
    const length = Math.max(a.length, b.length);
    for (let i = 0; i < length; i++) walk(a[i], b[i], [...where.slice(0, -1), `${where.at(-1) ?? "item"} ${i + 1}`], "", out);
    return;
  }
  out.push({ kind: "changed", where: place(), before: show(a), after: show(b) });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isPlain = (value: unknown) => value === null || typeof value !== "object";
const nameOf = (item: unknown) => (isRecord(item) && typeof item.name === "string" ? item.name : "");
function isNamedList(list: unknown[]): boolean {
  const names = list.map(nameOf);
  return list.length > 0 && names.every((name) => name !== "") && new Set(names).size === names.length;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** "dailyContacts" → "daily contacts", "targetAnswerSec" → "target answer sec". */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

/** A value as short text: text in quotes, an object as "key value" pairs in words (its name left out: the place
 * says it), cut with "…" past {@link MAX_VALUE_LENGTH} characters. */
function show(value: unknown): string {
  const text = isRecord(value)
    ? Object.entries(value)
        .filter(([key]) => key !== "name" && key !== "$schema")
        .map(([key, item]) => `${words(key)} ${typeof item === "string" ? `“${item}”` : JSON.stringify(item)}`)
        .join(", ")
    : typeof value === "string"
      ? `“${value}”`
      : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}
