import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root, from this file's location. */
export const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const bin = fileURLToPath(new URL("../packages/cli/dist/bin.js", import.meta.url));

/** Runs the built `ccplan` binary as a user would, from the repository root. */
export function ccplan(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: "utf8", timeout: 120_000, maxBuffer: 512 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Rounds every number in a JSON value to `digits` significant digits, so golden files survive last-bit noise. */
export function roundNumbers(value: unknown, digits = 10): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? Number(value.toPrecision(digits)) : value;
  if (Array.isArray(value)) return value.map((item) => roundNumbers(item, digits));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, roundNumbers(item, digits)]));
  }
  return value;
}
