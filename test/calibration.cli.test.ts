import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCalibrationText, parseScenario } from "@ccplan/core";
import { ccplan } from "./cliRunner.js";

const dir = mkdtempSync(join(tmpdir(), "ccplan-calibration-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const calibrationFile = join(dir, "calibration.json");
const SAMPLE = "examples/call-log-sample.csv";

describe("ccplan calibrate and backtest on the synthetic sample log", () => {
  const calibrated = ccplan("calibrate", SAMPLE, "--out", calibrationFile);

  it("prints the evidence and writes a calibration file the other commands accept", () => {
    expect(calibrated.stderr).toBe("");
    expect(calibrated.code).toBe(0);
    expect(calibrated.stdout).toContain("Calibrated from 1,042 offered calls");
    expect(calibrated.stdout).toMatch(/class gold over the rest: head start \d+ s/);
    expect(calibrated.stdout).toContain("Priority class in the model: gold");
    expect(calibrated.stdout).not.toContain("Technion");
    const parsed = parseCalibrationText(readFileSync(calibrationFile, "utf8"));
    expect(parsed.ok).toBe(true);
  });

  it("backtests with the JSON shape the issue specifies, the same whatever --workers", () => {
    const args = ["backtest", SAMPLE, "--calibration", calibrationFile, "--replications", "6", "--json"];
    const one = ccplan(...args, "--workers", "1");
    const two = ccplan(...args, "--workers", "2");
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout);
    expect(report.days.map((day: { date: string }) => day.date)).toEqual(["2026-03-02", "2026-03-03"]);
    const day = report.days[0];
    expect(Object.keys(day.observed)).toEqual(["offered", "abandonRate", "serviceLevel", "asa"]);
    expect(Object.keys(day.predicted)).toEqual(["offered", "abandonRate", "serviceLevel", "asa"]);
    expect(Object.keys(day.predicted.serviceLevel)).toEqual(["mean", "ci95", "p10", "p90"]);
    expect(report.intervals.length).toBeGreaterThan(40);
    expect(report.intervals[0]).toHaveProperty("start");
    for (const errors of [report.errors, report.erlangA.errors]) {
      expect(errors).toHaveProperty("abandonRatePoints");
      expect(errors).toHaveProperty("serviceLevelPoints");
      expect(errors).toHaveProperty("asaSeconds");
    }
    // Backtested on the days it was fitted on: the report says so.
    expect(report.overlap).toEqual(["2026-03-02", "2026-03-03"]);
  });

  it("runs an interval file with the calibration, and writes it into a scenario", () => {
    const simulated = ccplan("simulate", "--intervals", "test/fixtures/intervals.csv", "--calibration", calibrationFile, "--replications", "5", "--workers", "1", "--json");
    expect(simulated.code).toBe(0);
    expect(JSON.parse(simulated.stdout).kpis.serviceLevel.mean).toBeGreaterThan(0);
    const clash = ccplan("simulate", "--intervals", "test/fixtures/intervals.csv", "--calibration", calibrationFile, "--aht", "200");
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain("--calibration sets handle times and patience; remove --aht");

    const out = join(dir, "calibrated.json");
    const applied = ccplan("calibrate", "--calibration", calibrationFile, "--scenario", "scenarios/default.json", "--out", out);
    expect(applied.code).toBe(0);
    const scenario = JSON.parse(readFileSync(out, "utf8"));
    expect(parseScenario(scenario).ok).toBe(true);
    expect(scenario.queues[0].patience.dist).toBe("survival");
    expect(scenario.queues[0].priorityClass.name).toBe("gold");
    expect(scenario.queues[0].description).toContain("measured from the call log");
    const run = ccplan("simulate", out, "--replications", "3", "--workers", "1", "--json");
    expect(run.code).toBe(0);
  });
});

describe("bad logs", () => {
  it("reports bad rows by line on stderr and skips them; a log with nothing usable is exit 2", () => {
    const mixed = join(dir, "mixed.csv");
    const lines = readFileSync(SAMPLE, "utf8").split("\n");
    lines[3] = "2026-03-02T08:11:11,tech,standard,soon,2026-03-02T08:12:36,answered,A2";
    writeFileSync(mixed, lines.join("\n"));
    const run = ccplan("calibrate", mixed);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${mixed}: 1 bad row skipped:\n✖ line 4: answered "soon"; expected an ISO date-time`);

    const empty = join(dir, "empty.csv");
    writeFileSync(empty, "arrival,queue,answered,ended,outcome\n2026-03-02T08:00,q,,2026-03-02T08:00:30,transferred\nnot,a,row\n");
    const none = ccplan("calibrate", empty);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no offered calls to use in the csv log (2 data rows read; 1 bad; 1 outcome \"transferred\" (neither answered nor abandoned))");
    expect(none.stderr).toContain("✖ line 3: 3 fields; expected 5, as in the header");

    const missing = ccplan("backtest", SAMPLE);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing --calibration");
    const notCalibration = ccplan("backtest", SAMPLE, "--calibration", "scenarios/default.json");
    expect(notCalibration.code).toBe(2);
    expect(notCalibration.stderr).toContain("is not a calibration file");
  });

  it("estimates mean patience from an interval report alone", () => {
    const report = join(dir, "report.csv");
    writeFileSync(report, "start,offered,answered,abandoned,asa_seconds,abandon_wait_seconds\n08:00,100,90,10,30,60\n08:30,50,45,5,20,40\n");
    const run = ccplan("calibrate", "--interval-report", report, "--json");
    expect(run.code).toBe(0);
    // (90·30 + 10·60 + 45·20 + 5·40) / 15 = 4400 / 15
    expect(JSON.parse(run.stdout).meanPatienceSec).toBeCloseTo(4400 / 15, 9);
  });
});
