import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseScenarioText } from "@ccplan/core";
import { afterAll, describe, expect, it } from "vitest";
import { ccplan } from "./cliRunner.js";

const dir = mkdtempSync(join(tmpdir(), "ccplan-anchor-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ccplan anchor", () => {
  it("solves the reference CSAT and the churn level from a center's figures, shows the fit and writes the anchored file", () => {
    const out = join(dir, "anchored.json");
    const run = ccplan("anchor", "test/fixtures/roster-tiny.json", "--csat", "0.76", "--surveys", "400", "--churn", "0.15", "--customers", "2000", "--replications", "6", "--out", out, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.parameters.map((parameter: { path: string }) => parameter.path)).toEqual([
      "experience.referenceCsat",
      "experience.loyalty.satisfied.churn",
      "experience.loyalty.dissatisfied.churn",
    ]);
    const csat = result.fit.find((entry: { figure: string }) => entry.figure === "csat");
    expect(Math.abs(csat.after.mean - 0.76)).toBeLessThan(0.002);
    expect(csat.observedRange[1] - csat.observedRange[0]).toBeCloseTo(2 * 1.96 * Math.sqrt((0.76 * 0.24) / 400), 3);
    // The written file is the user's, with the anchored values set, and it parses.
    const written = readFileSync(out, "utf8");
    const parsed = parseScenarioText(written);
    expect(parsed.ok).toBe(true);
    // Graded measured, its range the survey's sampling error (a triangular distribution over it).
    if (parsed.ok) {
      expect(parsed.scenario.experience.referenceCsat).toMatchObject({ uncertain: "triangular", grade: "measured" });
      const written = parsed.scenario.experience.referenceCsat as { low: number; mode: number; high: number; source: string };
      expect(written.mode).toBeCloseTo(result.parameters[0].value, 5);
      expect(written.low).toBeCloseTo(result.parameters[0].low, 5);
      expect(written.high).toBeCloseTo(result.parameters[0].high, 5);
      expect(written.source).toMatch(/400 survey answers/);
    }
    expect(JSON.parse(written).name).toBe(JSON.parse(readFileSync("test/fixtures/roster-tiny.json", "utf8")).name);
  });

  it("prints every anchored share in percent with its unit, beside the fit's CSAT in percent", () => {
    const args = ["anchor", "test/fixtures/roster-tiny.json", "--csat", "0.76", "--surveys", "400", "--nps", "20", "--nps-answers", "300"];
    const run = ccplan(...args, "--complaint-rate", "0.01", "--contacts", "5000", "--replications", "6", "--workers", "1");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(ccplan(...args, "--complaint-rate", "0.01", "--contacts", "5000", "--replications", "6", "--workers", "1", "--json").stdout);
    const lines = run.stdout.split("\n");
    expect(lines.find((line) => line.startsWith("CSAT"))).toMatch(/^CSAT +76\.0% \(/);
    for (const parameter of result.parameters as { path: string; value: number; low: number; high: number }[]) {
      const row = lines.find((line) => line.startsWith(`${parameter.path} `));
      const percent = (share: number) => `${(100 * share).toFixed(2)}%`;
      // "72.22%  68.28% to 76.11%", never "0.7222  0.6828 to 0.7611"; the JSON keeps fractions.
      expect(row).toMatch(new RegExp(` ${percent(parameter.value).replace(".", "\\.")} +${percent(parameter.low).replace(".", "\\.")} to ${percent(parameter.high).replace(".", "\\.")}$`));
      expect(row).not.toMatch(/ 0\.\d{4}\b/);
    }
    expect(result.parameters.length).toBe(4);
  });

  it("refuses a CSAT written in percent and figures without their counts, naming the flag", () => {
    const percent = ccplan("anchor", "test/fixtures/roster-tiny.json", "--csat", "76", "--surveys", "400");
    expect(percent.code).toBe(2);
    expect(percent.stderr).toMatch(/--csat/);
    const noCount = ccplan("anchor", "test/fixtures/roster-tiny.json", "--csat", "0.76");
    expect(noCount.code).toBe(2);
    expect(noCount.stderr).toMatch(/--surveys/);
  });
});
