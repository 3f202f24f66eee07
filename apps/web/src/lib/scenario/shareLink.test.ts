import { describe, expect, it } from "vitest";
import { decodeShareFragment, encodeShareFragment, isShareFragment, MAX_SHARED_JSON_BYTES } from "./shareLink.js";
import { defaultScenario } from "./bundled.js";

describe("share links", () => {
  it("round-trips the default scenario, unicode and all, and compresses it", async () => {
    const json = defaultScenario().text.replace("Mid-size", "Mid-size “ü” 👍 <img src=x>");
    const encoded = await encodeShareFragment(json);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.fragment).toMatch(/^s=[A-Za-z0-9_-]+$/);
    expect(encoded.fragment.length).toBeLessThan(json.length / 2);
    expect(isShareFragment(`#${encoded.fragment}`)).toBe(true);
    expect(await decodeShareFragment(`#${encoded.fragment}`)).toEqual({ ok: true, text: json });
  });

  it("refuses JSON over the cap when sharing", async () => {
    const big = JSON.stringify({ pad: "x".repeat(MAX_SHARED_JSON_BYTES) });
    const encoded = await encodeShareFragment(big);
    expect(encoded.ok).toBe(false);
    if (!encoded.ok) expect(encoded.error).toContain("at most 200 kB");
  });

  it("stops a link that inflates beyond the cap (a decompression bomb)", async () => {
    const bomb = new TextEncoder().encode(" ".repeat(MAX_SHARED_JSON_BYTES * 5));
    const stream = new Blob([bomb]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    const deflated = new Uint8Array(await new Response(stream).arrayBuffer());
    const fragment = "s=" + Buffer.from(deflated).toString("base64url");
    const decoded = await decodeShareFragment(fragment);
    expect(decoded).toEqual({ ok: false, error: "the link's scenario is larger than 200 kB of JSON; expected at most that" });
  });

  it("says a damaged link is damaged", async () => {
    expect((await decodeShareFragment("#s=%%%")).ok).toBe(false);
    const damaged = await decodeShareFragment("#s=AAAAAAAAAAAA");
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) expect(damaged.error).toMatch(/damaged/);
    expect((await decodeShareFragment("#erlang")).ok).toBe(false);
    expect(isShareFragment("#erlang")).toBe(false);
  });
});
