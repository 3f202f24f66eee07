// ccplan roster end to end, as a user runs it: the JSON, the scenario and CSV files, and exit 2 without templates.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseScenario } from "@ccplan/core";
import { ccplan } from "./cliRunner.js";

const dir = mkdtempSync(join(tmpdir(), "ccplan-roster-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ccplan roster", () => {
  it("prints the issue's JSON and writes a scenario every command reads and a CSV", () => {
    const out = join(dir, "roster.json");
    const csv = join(dir, "roster.csv");
    const run = ccplan("roster", "test/fixtures/roster-tiny.json", "--replications", "20", "--iterations", "4", "--confidence-table", "0.6,0.8", "--workers", "1", "--json", "--out", out, "--csv", csv);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    for (const key of ["scenario", "cost", "paidHours", "lowerBound", "gap", "confidence", "iterations", "costOfConfidence", "intervals"]) expect(document).toHaveProperty(key);
    expect(document.iterations[0]).toEqual(expect.objectContaining({ cost: expect.any(Number), intervalsShort: expect.any(Number) }));
    expect(document.costOfConfidence.map((row: { confidence: number; paidHours: number }) => row.confidence)).toEqual([0.6, 0.8]);
    expect(document.intervals[9]).toEqual(
      expect.objectContaining({ start: "09:00", requiredErlang: expect.any(Number), required: expect.any(Number), scheduled: expect.any(Number), before: expect.objectContaining({ serviceLevel: expect.any(Number), targetMet: expect.any(Object) }), after: expect.objectContaining({ serviceLevel: expect.any(Number) }) }),
    );
    const written = parseScenario(JSON.parse(readFileSync(out, "utf8")));
    expect(written.ok).toBe(true);
    if (written.ok) {
      expect(written.scenario.groups[0]!.shifts.map((shift) => shift.name)).toEqual(document.roster[0].shifts.map((shift: { name: string }) => shift.name));
      expect(written.scenario.interventions).toEqual([]); // "+1 on Late" names a shift the new roster does not have
    }
    expect(readFileSync(csv, "utf8").split("\n")[0]).toBe("group,shift,start,end,hours,days,agents,breaks,locked");
    const simulated = ccplan("simulate", out, "--replications", "5", "--workers", "1", "--json");
    expect(simulated.code).toBe(0);
  });

  it("prints a report with today's roster beside the optimised one", () => {
    const run = ccplan("roster", "test/fixtures/roster-tiny.json", "--replications", "10", "--iterations", "2", "--confidence-table", "none", "--workers", "1");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/today's roster\s+[\d,]+ USD/);
    expect(run.stdout).toMatch(/Solver: HiGHS/);
  });

  it("exits 2 on a scenario without templates, naming the field", () => {
    const file = join(dir, "no-templates.json");
    const raw = JSON.parse(readFileSync("test/fixtures/roster-tiny.json", "utf8"));
    delete raw.groups[0].shiftTemplates;
    delete raw.$schema;
    writeFileSync(file, JSON.stringify(raw));
    const run = ccplan("roster", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/groups\[0\]\.shiftTemplates/);
    expect(run.stderr).toMatch(/no group has shift templates/);
    const unknown = ccplan("roster", "test/fixtures/roster-tiny.json", "--group", "Nobody");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no group named "Nobody"/);
  });
});
