import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { calibrate } from "./calibrate.js";
import { runBacktest } from "./backtest.js";
import { readCallLog } from "./readCallLog.js";

/*
 * The bank's call log (../shared/data, beside the repository): the "Anonymous Bank" log of the Technion SEE Lab
 * (Mandelbaum; see ../shared/data/README.md). Calibrated on 1–7 February 1999, backtested on 8–14 February.
 */
const text = readFileSync(new URL("../../../../../shared/data/anonymous-bank-1999-02-01-to-14.tsv", import.meta.url), "utf8");
const read = (from: string, to: string) => {
  const result = readCallLog(text, { days: { from, to } });
  if (!result.ok) throw new Error(result.error);
  return result.log;
};
const calibrationWeek = read("1999-02-01", "1999-02-07");
const backtestWeek = read("1999-02-08", "1999-02-14");
const calibration = calibrate(calibrationWeek);

describe("the bank's log, calibrated on 1–7 February 1999", () => {
  it("finds the priority class the documentation describes: priority 2, a head start of about 90 s", () => {
    expect(calibration.model.priority?.name).toBe("2");
    expect(Math.abs(calibration.model.priority!.headStartSec - 90)).toBeLessThanOrEqual(5);
    expect(calibration.source.offered).toBe(8160);
  });

  it("predicts 8–14 February better than per-interval Erlang A on the same inputs, on abandonment and service level", () => {
    const report = runBacktest(backtestWeek, calibration, { replications: 30 });
    expect(report.overlap).toEqual([]);
    expect(report.days.map((day) => day.date)).toEqual(["1999-02-08", "1999-02-09", "1999-02-10", "1999-02-11", "1999-02-12", "1999-02-13", "1999-02-14"]);
    expect(report.errors.abandonRatePoints).toBeLessThan(report.erlangA.errors.abandonRatePoints);
    expect(report.errors.serviceLevelPoints).toBeLessThan(report.erlangA.errors.serviceLevelPoints);
    // The aim is under 1 point of abandonment (met) and under 3 of service level (not met: about 4; see README).
    expect(report.errors.abandonRatePoints).toBeLessThan(1);
  });

  it("never reads the waits: scrambling them leaves every prediction as it was", () => {
    // Shuffle the q_time column among the rows (a fixed permutation); outcomes, arrivals and agents' activity stay.
    const lines = text.split("\r\n");
    const column = lines[0]!.split("\t").indexOf("q_time");
    const waits = lines.slice(1, -1).map((line) => line.split("\t")[column]!);
    const scrambled = [
      lines[0],
      ...lines.slice(1, -1).map((line, i) => {
        const fields = line.split("\t");
        fields[column] = waits[(i * 7919 + 13) % waits.length]!;
        return fields.join("\t");
      }),
      "",
    ].join("\r\n");
    const days = { from: "1999-02-08", to: "1999-02-09" };
    const original = readCallLog(text, { days });
    const shuffled = readCallLog(scrambled, { days });
    if (!original.ok || !shuffled.ok) throw new Error("unreadable");
    expect(shuffled.log.records.map((record) => record.waitSec)).not.toEqual(original.log.records.map((record) => record.waitSec));
    const before = runBacktest(original.log, calibration, { replications: 4 });
    const after = runBacktest(shuffled.log, calibration, { replications: 4 });
    expect(after.days.map((day) => day.predicted)).toEqual(before.days.map((day) => day.predicted));
    expect(after.intervals.map((row) => row.predicted)).toEqual(before.intervals.map((row) => row.predicted));
    expect(after.days.map((day) => day.erlangA)).toEqual(before.days.map((day) => day.erlangA));
    expect(after.days.map((day) => day.observed.asa)).not.toEqual(before.days.map((day) => day.observed.asa));
  });
});
