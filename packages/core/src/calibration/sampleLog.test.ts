import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script (it writes examples/call-log-sample.csv), imported for its generator.
import { SAMPLE, sampleCallLog } from "../../scripts/sample-call-log.mjs";
import { calibrate } from "./calibrate.js";
import type { CallRecord } from "./callLog.js";
import { fitHeadStart } from "./headStart.js";
import { readCallLog } from "./readCallLog.js";

const committed = readFileSync(new URL("../../../../examples/call-log-sample.csv", import.meta.url), "utf8");

describe("the synthetic call log in examples/ (known inputs)", () => {
  it("is what its generator makes", () => {
    expect(committed).toBe(sampleCallLog());
  });

  const read = readCallLog(committed);
  if (!read.ok) throw new Error(read.error);
  const calibration = calibrate(read.log);

  it("calibrates back to the inputs it was made with", () => {
    const { handle, afterCallWork, patience, model } = calibration;
    // Talk time: log-normal chosen; its mean within 3 standard errors of the mean (cv 0.8 / √n).
    expect(handle.pooled.chosen).toBe("lognormal");
    const talkSe = (SAMPLE.talkMeanSec * SAMPLE.talkCv) / Math.sqrt(handle.pooled.n);
    expect(Math.abs(handle.pooled.meanSec - SAMPLE.talkMeanSec)).toBeLessThan(3 * talkSe);
    // After-call work: exactly the 30 s of the generator wherever callers waited throughout.
    expect(afterCallWork.measured!.medianSec).toBe(SAMPLE.afterCallWorkSec);
    expect(afterCallWork.measured!.allowanceSec).toBeCloseTo(SAMPLE.afterCallWorkSec, 0);
    // Patience: the exponential fit within 3 standard errors of the true mean.
    expect(Math.abs(patience.exponential.meanSec - SAMPLE.patienceMeanSec)).toBeLessThan(3 * patience.exponential.standardErrorSec);
    // The gold class and its head start (whole-second clock: the change point sits within a few seconds of 60).
    expect(model.priority?.name).toBe("gold");
    const gold = calibration.classes.headStarts.find((fit) => fit.name === "gold")!;
    expect(gold.ci95[0]).toBeLessThanOrEqual(SAMPLE.headStartSec);
    expect(gold.ci95[1]).toBeGreaterThanOrEqual(SAMPLE.headStartSec - 5);
    expect(Math.abs(model.priority!.share - SAMPLE.goldShare)).toBeLessThan(3 * Math.sqrt((SAMPLE.goldShare * (1 - SAMPLE.goldShare)) / read.log.records.length));
  });

  it("infers the agents on the floor from their activity: at most the shifts' headcount (7 from 14:00 to 15:00)", () => {
    const peak = Math.max(...calibration.staffing.byDay.flatMap((day) => day.agents));
    expect(peak).toBeLessThanOrEqual(7 + 1e-9);
    expect(peak).toBeGreaterThan(5);
  });
});

describe("fitHeadStart", () => {
  it("finds no head start between two classes served first come first served", () => {
    const records: CallRecord[] = [];
    // One agent, calls every 10 s of alternating classes, each answered in arrival order after a 60 s wait.
    for (let i = 0; i < 200; i++) {
      const arrivalSec = i * 10;
      records.push({ line: i + 2, arrivalSec, date: "2026-03-02", queue: "q", callClass: i % 2 ? "a" : "b", answered: true, waitSec: 60, talkSec: 10, agent: "x", answerSec: arrivalSec + 60, endSec: arrivalSec + 70 });
    }
    const fit = fitHeadStart(records, { className: "a", maxHeadStartSec: 300, minPairs: 10 })!;
    expect(fit.headStartSec).toBe(0);
    expect(fit.answeredFirstBeyond).toBe(0);
    expect(fitHeadStart(records.slice(0, 3), { className: "a", maxHeadStartSec: 300, minPairs: 10 })).toBeNull();
  });
});
