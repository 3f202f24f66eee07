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

/** The value JSON.stringify writes for `value` under `key`: its `toJSON(key)` when it has one (an object, a function or
 * a BigInt may). */
function resolve(value: unknown, key: string): unknown {
  const type = typeof value;
  if (((type === "object" && value !== null) || type === "function" || type === "bigint") && typeof (value as { toJSON?: unknown }).toJSON === "function") {
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
  // string and a concatenation each) made the walk the slowest part of printing a comparison. The default comparison's
  // 25 MB took 0.18 s, then 0.10 s with subtrees whole; with runs of them whole and no re-indenting, 0.074 s, as long as
  // JSON.stringify of the whole at once (0.072 s).
  if (value !== null && typeof value === "object" && isPlain(value) && smallPlainDataLeft(value, SMALL_SUBTREE_VALUES) >= 0) {
    emit(stringifyAt(value, indent));
    return;
  }
  if (value === null || typeof value !== "object" || !isPlain(value)) {
    emit(JSON.stringify(value, null, 2).replaceAll("\n", `\n${indent}`));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return emit("[]");
    emit("[\n");
    for (let i = 0; i < value.length; ) {
      // A run of items that are small plain data (or plain values) is one JSON.stringify call: the large arrays of a
      // comparison (its intervals) are runs of small objects.
      const end = smallRunEnd(value, i);
      if (end > i) {
        const text = stringifyAt(i === 0 && end === value.length ? value : value.slice(i, end), indent);
        // The run's own text between "[\n" and "\n" + indent + "]": each item on its line, separated by commas.
        emit(text.slice(2, text.length - indent.length - 2));
        i = end;
      } else {
        emit(inner);
        const item = resolve(value[i], String(i));
        if (omitted(item)) emit("null");
        else serialize(item, inner, emit);
        i++;
      }
      emit(i < value.length ? ",\n" : "\n");
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
 * JSON.stringify(value, null, 2) as it reads at `indent` (every line after the first indented by it): the value is
 * stringified inside as many arrays as `indent` has levels, and the text cut out of theirs. Indenting the text after
 * (a replaceAll of every newline) copied all of it once more. `value` must be plain data without `toJSON` (it would
 * be called with the wrong key).
 */
function stringifyAt(value: object, indent: string): string {
  const depth = indent.length / 2;
  let wrapped: unknown = value;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Level l (1 … depth) opens with "[\n" and l indents and closes with "\n", l − 1 indents and "]".
  const opening = 2 * depth + depth * (depth + 1);
  const closing = 2 * depth + depth * (depth - 1);
  return depth === 0 ? text : text.slice(opening, text.length - closing);
}

/**
 * The end of the run of items from `start` that JSON.stringify may write together: primitives (undefined, functions
 * and symbols are null in an array, there as here) and small plain data, up to `SMALL_SUBTREE_VALUES` values in all.
 */
function smallRunEnd(items: readonly unknown[], start: number): number {
  let budget = SMALL_SUBTREE_VALUES;
  let end = start;
  while (end < items.length) {
    const item = items[end];
    // BigInt throws and a function may carry a toJSON of its own: both are left to the walk.
    if (typeof item === "bigint" || typeof item === "function") break;
    if (item !== null && typeof item === "object") {
      const left = smallPlainDataLeft(item, budget - 1);
      if (left < 0) break;
      budget = left;
    } else if (--budget < 0) break;
    end++;
  }
  return end;
}

/**
 * What is left of `budget` after counting the values of `value` (objects, arrays and their members), or −1 when it
 * has more, or holds anything but plain objects, arrays and primitives: something with `toJSON` (which may expand
 * into anything), a typed array, a Date. JSON.stringify writes such a subtree exactly as the walk above would. Counted
 * with for…in (a plain object's prototype adds nothing to it): Object.values made an array of every object counted.
 */
function smallPlainDataLeft(value: object, budget: number): number {
  if (typeof (value as { toJSON?: unknown }).toJSON === "function" || !isPlain(value)) return -1;
  if (--budget < 0) return -1;
  if (Array.isArray(value)) {
    budget -= value.length;
    if (budget < 0) return -1;
    for (let i = 0; i < value.length; i++) {
      const member: unknown = value[i];
      if (member === null || typeof member !== "object") continue;
      budget = smallPlainDataLeft(member, budget);
      if (budget < 0) return -1;
    }
    return budget;
  }
  const record = value as Record<string, unknown>;
  for (const name in record) {
    if (--budget < 0) return -1;
    const member = record[name];
    if (member === null || typeof member !== "object") continue;
    budget = smallPlainDataLeft(member, budget);
    if (budget < 0) return -1;
  }
  return budget;
}
