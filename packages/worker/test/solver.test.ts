/// <reference types="node" />
// HiGHS as a worker holds it: loaded once per thread, many solves in a row (the optimiser's rounds), fresh answers.
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";

describe("the worker's HiGHS session", () => {
  it("solves 50 roster programs in a row in one worker thread, loading HiGHS once, each answer proved optimal and repeatable", async () => {
    const worker = new Worker(new URL("./fixtures/solveFiftyTimes.mjs", import.meta.url));
    const report = await new Promise<{ results: { status: string; objective: number; lowerBound: number }[]; loads: number }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    expect(report.loads).toBe(1);
    expect(report.results).toHaveLength(50);
    for (const [k, result] of report.results.entries()) {
      expect(result.status).toBe("optimal");
      expect(result.lowerBound).toBeCloseTo(result.objective, 6);
      // The requirement repeats every 5 programs: the same program must give the same answer, whatever came before.
      if (k >= 5) expect(result.objective).toBe(report.results[k - 5]!.objective);
    }
    expect(new Set(report.results.map((result) => result.objective)).size).toBeGreaterThan(1);
  });
});
