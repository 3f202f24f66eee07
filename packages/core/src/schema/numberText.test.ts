import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { groupedNumber } from "./numberText.js";

describe("groupedNumber", () => {
  it("writes limits as the CLI's messages do: en-US groups from 10,000, the rest as JavaScript writes them", () => {
    expect([10_000, 100_000, 604_800, 2 ** 31 - 1, 5_000_000, 1e9, -20_000].map(groupedNumber)).toEqual(["10,000", "100,000", "604,800", "2,147,483,647", "5,000,000", "1,000,000,000", "-20,000"]);
    expect([0, 1, 0.95, 5000, 9999.5, -1440].map(groupedNumber)).toEqual(["0", "1", "0.95", "5000", "9999.5", "-1440"]);
    expect([12_345.678, 1e21, 1e300, Infinity, Number.NaN].map(groupedNumber)).toEqual(["12,345.678", "1e+21", "1e+300", "Infinity", "NaN"]);
    // The same as en-US formatting of every whole number it groups.
    for (const value of [10_000, 86_400, 525_600, 31_536_000, 2 ** 31 - 1]) expect(groupedNumber(value)).toBe(value.toLocaleString("en-US"));
  });

  it("leaves ICU's number formatting alone while core loads (its first use costs every thread's start-up about 10 ms)", () => {
    // The built core, in a fresh process: the schemas' messages (with their grouped limits) are made as it loads.
    const core = fileURLToPath(new URL("../../dist/index.node.js", import.meta.url));
    const script = `let calls = 0;
const original = Number.prototype.toLocaleString;
Number.prototype.toLocaleString = function (...args) { calls++; return original.apply(this, args); };
const NumberFormat = Intl.NumberFormat;
Intl.NumberFormat = function (...args) { calls++; return new NumberFormat(...args); };
await import(${JSON.stringify(core)});
process.stdout.write(String(calls));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("0");
  });
});
