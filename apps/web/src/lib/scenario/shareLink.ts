// A scenario shared as a link: its JSON, deflated (CompressionStream "deflate-raw"), base64url, in the fragment.

/** The fragment key: `#s=<base64url of the deflated JSON>`. */
export const SHARE_PREFIX = "s=";
/** The most JSON a link may carry, in bytes of UTF-8, checked both ways (a decompression bomb stops here). */
export const MAX_SHARED_JSON_BYTES = 200_000;
/** The longest fragment read at all (deflated JSON rarely grows; base64 adds a third). */
export const MAX_FRAGMENT_CHARS = Math.ceil((MAX_SHARED_JSON_BYTES * 4) / 3) + 16;

export type DecodeResult = { ok: true; text: string } | { ok: false; error: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const all = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

/** The fragment (without `#`) that carries `json`, or an error when the JSON is over the size cap. */
export async function encodeShareFragment(json: string): Promise<{ ok: true; fragment: string } | { ok: false; error: string }> {
  const bytes = new TextEncoder().encode(json);
  if (bytes.length > MAX_SHARED_JSON_BYTES) {
    return { ok: false, error: `the scenario is ${formatKb(bytes.length)} of JSON; a link carries at most ${formatKb(MAX_SHARED_JSON_BYTES)}: save it as a file and send that instead` };
  }
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const deflated = await readAll(stream, Number.POSITIVE_INFINITY);
  return { ok: true, fragment: SHARE_PREFIX + toBase64Url(deflated!) };
}

/** Whether a location hash (`#s=…`, with or without `#`) carries a shared scenario. */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, "").startsWith(SHARE_PREFIX);
}

/** The JSON text a share fragment carries (not yet validated: parse it like a file), or what is wrong with the link. */
export async function decodeShareFragment(hash: string): Promise<DecodeResult> {
  const fragment = hash.replace(/^#/, "");
  if (!fragment.startsWith(SHARE_PREFIX)) return { ok: false, error: "the link carries no scenario (expected #s=… after the address)" };
  const payload = fragment.slice(SHARE_PREFIX.length);
  if (payload.length > MAX_FRAGMENT_CHARS) {
    return { ok: false, error: `the link's scenario is ${payload.length.toLocaleString("en-US")} characters long; expected at most ${MAX_FRAGMENT_CHARS.toLocaleString("en-US")}` };
  }
  const bytes = fromBase64Url(payload);
  if (bytes === null || bytes.length === 0) return { ok: false, error: "the link is damaged: its scenario is not base64url text (was it cut short when copied?)" };
  let inflated: Uint8Array | null;
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    inflated = await readAll(stream, MAX_SHARED_JSON_BYTES);
  } catch {
    return { ok: false, error: "the link is damaged: its scenario does not decompress (was it cut short when copied?)" };
  }
  if (inflated === null) return { ok: false, error: `the link's scenario is larger than ${formatKb(MAX_SHARED_JSON_BYTES)} of JSON; expected at most that` };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(inflated) };
  } catch {
    return { ok: false, error: "the link is damaged: its scenario is not UTF-8 text" };
  }
}

function formatKb(bytes: number): string {
  return `${Math.ceil(bytes / 1000).toLocaleString("en-US")} kB`;
}
