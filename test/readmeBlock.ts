import { readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

const README = new URL("../README.md", import.meta.url);

/** Checks that the README block between two markers is `expected`; UPDATE_GOLDEN=1 rewrites it. */
export function expectReadmeBlock(startMarker: string, endMarker: string, expected: string) {
  const readme = readFileSync(README, "utf8");
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  expect(start, `README.md lacks the marker ${startMarker}`).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const current = readme.slice(start + startMarker.length, end).trim();
  if (process.env.UPDATE_GOLDEN === "1" && current !== expected) {
    writeFileSync(README, `${readme.slice(0, start + startMarker.length)}\n${expected}\n${readme.slice(end)}`);
    return;
  }
  expect(current).toBe(expected);
}
