import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

// The built module, in a child whose standard output is a pipe: the child sets it non-blocking, so a write fills the
// pipe, stops part-way (inside a character of several bytes, at times) or meets EAGAIN while this reader lingers.
const output = fileURLToPath(new URL("../dist/output.js", import.meta.url));

it("writeAllSync writes every byte of a large text, characters of several bytes included, to a slow non-blocking pipe", async () => {
  const script = `
    import { writeAllSync } from ${JSON.stringify(output)};
    const { setBlocking } = process.stdout._handle ?? {};
    if (setBlocking) process.stdout._handle.setBlocking(false);
    const piece = "ab\\u00e9\\u20ac\\u{1F600}z".repeat(40_000);
    for (let i = 0; i < 6; i++) writeAllSync(1, piece + i);
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
  const chunks: Buffer[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  // A slow reader: paused for a while after each chunk, so the child's writes meet a full pipe.
  child.stdout.on("data", (chunk: Buffer) => {
    chunks.push(chunk);
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 2);
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr).toBe("");
  expect(code).toBe(0);
  const piece = "ab\u00e9\u20ac\u{1F600}z".repeat(40_000);
  const expected = Buffer.from(Array.from({ length: 6 }, (_, i) => piece + i).join(""), "utf8");
  expect(Buffer.concat(chunks).equals(expected)).toBe(true);
  expect(chunks.length).toBeGreaterThan(20);
});
