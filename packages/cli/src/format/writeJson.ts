/** Text is handed to `write` in pieces of about this many characters. */
const PIECE = 1 << 16;
/** A subtree with at most this many values is written whole by JSON.stringify (at most some tens of kilobytes). */
const SMALL_SUBTREE_VALUES = 1024;

/**
 * Writes `JSON.stringify(value, null, 2)` followed by a newline, byte for byte, in pieces: the text of a large result
 * (a comparison of 50 queues over 92 days of 15-minute intervals prints 260 MB) is never whole in memory, nor its copy
 * on the way out. Plain objects and arrays are walked here (with `toJSON`, and members that JSON leaves out or writes
 * as null, as JSON.stringify does); everything else is JSON.stringify's own text, indented to its place.
 */
export function writeJson(write: (text: string) => void, value: unknown): void {
  let buffer = "";
  const emit = (text: string) => {
    if (buffer.length + text.length > PIECE && buffer !== "") {
      write(buffer);
      buffer = "";
    }
    buffer += text;
    if (buffer.length >= PIECE) {
      write(buffer);
      buffer = "";
    }
  };
  const top = resolve(value, "");
  // JSON.stringify gives undefined for these; printed, that is the word.
  if (omitted(top)) emit("undefined");
  else serialize(top, "", emit);
  emit("\n");
  if (buffer !== "") write(buffer);
}

type Emit = (text: string) => void;

const omitted = (value: unknown) => value === undefined || typeof value === "function" || typeof value === "symbol";

/** The value JSON.stringify writes for `value` under `key`: its `toJSON(key)` when it has one. */
function resolve(value: unknown, key: string): unknown {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  return value;
}

function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Emits the JSON of an already resolved, not omitted value at `indent`. */
function serialize(value: unknown, indent: string, emit: Emit): void {
  // A small subtree of plain data is JSON.stringify's own text in one call: walking it here value by value (a call, a
  // string and a concatenation each) made the walk the slowest part of printing a comparison (25 MB: 0.18 s, now 0.10 s; JSON.stringify of the whole at once takes 0.08 s).
  if (value === null || typeof value !== "object" || !isPlain(value) || isSmallPlainData(value, SMALL_SUBTREE_VALUES) >= 0) {
    emit(JSON.stringify(value, null, 2).replaceAll("\n", `\n${indent}`));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return emit("[]");
    emit("[\n");
    for (let i = 0; i < value.length; i++) {
      emit(inner);
      const item = resolve(value[i], String(i));
      if (omitted(item)) emit("null");
      else serialize(item, inner, emit);
      emit(i < value.length - 1 ? ",\n" : "\n");
    }
    return emit(`${indent}]`);
  }
  const record = value as Record<string, unknown>;
  // Members whose value JSON leaves out are skipped without a trace.
  const members: [string, unknown][] = [];
  for (const name of Object.keys(record)) {
    const member = resolve(record[name], name);
    if (!omitted(member)) members.push([name, member]);
  }
  if (members.length === 0) return emit("{}");
  emit("{\n");
  members.forEach(([name, member], i) => {
    emit(`${inner}${JSON.stringify(name)}: `);
    serialize(member, inner, emit);
    emit(i < members.length - 1 ? ",\n" : "\n");
  });
  emit(`${indent}}`);
}

/**
 * What is left of `budget` after counting the values of `value` (objects, arrays and their members), or −1 when it
 * has more, or holds anything but plain objects, arrays and primitives: something with `toJSON` (which may expand
 * into anything), a typed array, a Date. JSON.stringify writes such a subtree exactly as the walk above would.
 */
function isSmallPlainData(value: object, budget: number): number {
  if (typeof (value as { toJSON?: unknown }).toJSON === "function" || !isPlain(value)) return -1;
  const members = Array.isArray(value) ? value : Object.values(value);
  budget -= 1 + members.length;
  if (budget < 0) return -1;
  for (const member of members) {
    if (member === null || typeof member !== "object") continue;
    budget = isSmallPlainData(member, budget);
    if (budget < 0) return -1;
  }
  return budget;
}
