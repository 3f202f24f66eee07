/// <reference types="node" />
// The pool's slot in its own thread (`inThread`, as the CLI runs): it simulates beside the worker threads, with the
// same results, errors and cancelling as a worker thread's, and lets this thread hear the others between its chunks.
import { createSimulator, kpiVector, kpiVectorLayout, stationaryPlan } from "@ccplan/core";
import { createNodePool, inProcessRunner, inThreadWorkerHandle, poolRunner, prestartWorkers, runSingle, type PlanSource, type VectorRunner } from "@ccplan/worker/node";
import { NODE_WORKER_URL, prestartedCount, takePrestartedWorker } from "@ccplan/worker/prestart";
import { afterEach, describe, expect, it } from "vitest";
import { chunkLength, createPool } from "../src/pool.js";

const day = { arrivalsPerHour: 200, ahtSec: 180, agents: 12, patienceSec: 300, hours: 24, seed: 7 };
const standardDay: PlanSource = { kind: "stationary", options: day };
const hex = (vector: Float64Array) => Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString("hex");

function directVectors(from: number, to: number): string[] {
  const plan = stationaryPlan(day);
  const simulator = createSimulator(plan);
  return Array.from({ length: to - from }, (_, i) => hex(kpiVector(plan, simulator.run(from + i))));
}

describe("createNodePool({ inThread: true })", () => {
  afterEach(async () => {
    // Threads prestarted and not taken idle unreferenced; a later test must not take them for its own.
    for (let thread = takePrestartedWorker(NODE_WORKER_URL); thread; thread = takePrestartedWorker(NODE_WORKER_URL)) await thread.terminate();
  });

  it("simulates in this thread and one worker thread for a pool of two, byte-identical to core", async () => {
    prestartWorkers(2);
    const pool = createNodePool({ size: 2, inThread: true });
    try {
      const { results } = await pool.run({ source: standardDay, replications: 40, output: "kpiVectors" });
      expect(results.map((item) => item.replication)).toEqual(Array.from({ length: 40 }, (_, k) => k));
      expect(results.map((item) => hex(item.vector))).toEqual(directVectors(0, 40));
      // The pool took one of the two threads started for it: this thread was the other.
      expect(prestartedCount()).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it("takes a summary's share in its worker thread (not the slot in this one), with the statistics of a summary taken here", async () => {
    const pool = createNodePool({ size: 2, inThread: true });
    const plan = stationaryPlan({ ...day, hours: 4 });
    const planned = { source: { kind: "stationary", options: { ...day, hours: 4 } } as PlanSource, plan };
    try {
      // No worker thread started yet (the pool starts them with work): nothing to share with.
      expect(pool.cellQuantiles({ bits: new Uint32Array(3), cells: 1, stride: 3, rows: 3 })).toBeUndefined();
      const asked: number[] = [];
      const runner = poolRunner(pool);
      const sharing: VectorRunner = {
        ...runner,
        cellQuantiles: (block) => {
          const answer = runner.cellQuantiles!(block);
          if (answer) asked.push(block.cells);
          return answer;
        },
      };
      const { statistics } = await runSingle({ runner: sharing, planned, maxReplications: 150 });
      // The worker thread took 60% of the interval cells (8 intervals × the KPIs).
      expect(asked).toEqual([Math.round(8 * kpiVectorLayout(plan).kpis.length * 0.6)]);
      const { statistics: here } = await runSingle({ runner: inProcessRunner(), planned, maxReplications: 150 });
      expect(JSON.stringify(statistics)).toBe(JSON.stringify(here));
    } finally {
      await pool.close();
    }
    expect(pool.cellQuantiles({ bits: new Uint32Array(3), cells: 1, stride: 3, rows: 3 })).toBeUndefined();
  });

  it("gives a chunk's error the source and the replication, then serves the next run", async () => {
    const pool = createNodePool({ size: 1, inThread: true });
    try {
      const broken: PlanSource = { kind: "scenario", scenario: { version: 1, name: "Broken center", intervalMinutes: 7 } };
      const error = await pool.run({ source: broken, replications: 5 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/^scenario "Broken center", replication 0: the input is not a valid scenario:/);
      const next = await pool.run({ source: standardDay, replications: 6, firstReplication: 3, output: "kpiVectors" });
      expect(next.results.map((item) => hex(item.vector))).toEqual(directVectors(3, 9));
    } finally {
      await pool.close();
    }
  });

  it("hears this thread's other work between its chunks, and cancels between them keeping the completed prefix", async () => {
    const pool = createNodePool({ size: 1, inThread: true });
    const controller = new AbortController();
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks++;
      if (ticks === 5) controller.abort();
    }, 10);
    try {
      const { results, partial, completed } = await pool.run({ source: standardDay, replications: 100_000, output: "kpiVectors", signal: controller.signal });
      expect(partial).toBe(true);
      expect(ticks).toBeGreaterThanOrEqual(5);
      expect(completed).toBeGreaterThan(0);
      expect(completed).toBeLessThan(100_000);
      expect(results.map((item) => item.replication)).toEqual(Array.from({ length: completed }, (_, k) => k));
      expect(hex(results[completed - 1]!.vector)).toBe(directVectors(completed - 1, completed)[0]);
    } finally {
      clearInterval(ticker);
      await pool.close();
    }
  });
});

describe("inThreadWorkerHandle", () => {
  it("asks for chunks shorter than a worker thread's", () => {
    const handle = inThreadWorkerHandle();
    expect(handle.chunkMs).toBeLessThan(200);
    // 1.3 ms a replication: 153 make a worker thread's 200 ms, 38 the in-thread slot's 50.
    expect(chunkLength({ workers: 2, msPerReplication: 1.3, remaining: 1000, queued: 1000 })).toBe(153);
    expect(chunkLength({ workers: 2, msPerReplication: 1.3, remaining: 1000, queued: 1000, chunkMs: handle.chunkMs! })).toBe(38);
  });

  it("runs each chunk in its own turn of the event loop, so that this thread's other work comes between two", async () => {
    const pool = createPool({ size: 1, createWorker: inThreadWorkerHandle });
    const order: string[] = [];
    try {
      const running = pool.run({
        source: standardDay,
        replications: 2,
        output: "kpiVectors",
        chunkSize: 1,
        onResults: (batch) => order.push(`replication ${batch[0]!.replication}`),
      });
      order.push("run returned");
      setImmediate(() => order.push("other work"));
      const { results } = await running;
      expect(order).toEqual(["run returned", "replication 0", "other work", "replication 1"]);
      expect(results.map((item) => hex(item.vector))).toEqual(directVectors(0, 2));
    } finally {
      await pool.close();
    }
  });
});
