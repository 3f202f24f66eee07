/**
 * A stable hash of a JSON-like value (a scenario, or the options of a stationary center), to tell whether two
 * shard files come from the same input: 64-bit FNV-1a over the UTF-8 bytes of its canonical JSON (object
 * keys sorted, undefined members left out as JSON.stringify does, typed arrays as arrays, numbers in
 * JSON's shortest round-trip form), written "fnv1a64:" and 16 hex digits. Key order, whitespace and typed
 * versus plain arrays do not change it; any value does. Not a cryptographic hash: it detects mistakes, not
 * forgeries. Throws on what JSON cannot hold faithfully (functions, such as a compiled plan's samplers —
 * fingerprint the scenario instead — and numbers that are not finite).
 * Source: Fowler, Noll & Vo, https://www.ietf.org/archive/id/draft-eastlake-fnv-21.html (FNV-1a, 64-bit).
 */
export function scenarioFingerprint(value: unknown): string {
  let hash = FNV_OFFSET;
  const bytes = utf8(canonicalJson(value, "$"));
  for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  return `fnv1a64:${hash.toString(16).padStart(16, "0")}`;
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/** JSON text with object keys sorted at every level. */
export function canonicalJson(value: unknown, path = "$"): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot fingerprint ${value} at ${path}; expected a finite number`);
    return JSON.stringify(value);
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) value = Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) {
    // JSON.stringify writes undefined and functions in arrays as null; a fingerprint refuses functions anyway.
    return `[${value.map((item, i) => (item === undefined ? "null" : canonicalJson(item, `${path}[${i}]`))).join(",")}]`;
  }
  if (typeof value === "object") {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new Error(`cannot fingerprint a ${prototype?.constructor?.name ?? "non-plain object"} at ${path}; expected JSON data`);
    }
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member, `${path}.${key}`)}`).join(",")}}`;
  }
  throw new Error(`cannot fingerprint a ${typeof value} at ${path}; fingerprint the scenario (JSON data), not the compiled plan`);
}

/** UTF-8 bytes of a string (no TextEncoder: core runs on plain ES2022). Lone surrogates become U+FFFD. */
function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    let code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}
