/// <reference types="node" />
// The Node pool as the CLI uses it: real worker threads running the built worker (dist/nodeWorker.js; `npm test`
// builds first) over core. Determinism, cancel, failures and progress, end to end.
import { createScenarioSimulator, createSimulator, kpiVector, parseScenario, stationaryPlan, type ReplicationResult } from "@ccplan/core";
import { compileSource, createNodePool, createPool, nodeWorkerHandle, prestartWorkers, type PlanSource, type RunProgress } from "@ccplan/worker/node";
import { prestartedCount } from "@ccplan/worker/prestart";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { smallCenter } from "./fixtures/smallCenter.js";

const day = { arrivalsPerHour: 200, ahtSec: 180, agents: 12, patienceSec: 300, hours: 24, seed: 7 };
const standardDay: PlanSource = { kind: "stationary", options: day };
/** About 10 times the work of a standard day per replication. */
const busyDay: PlanSource = { kind: "stationary", options: { ...day, arrivalsPerHour: 2000, agents: 105 } };

function bytes(result: ReplicationResult): string {
  const { queueCounters, groupCounters, waitHistogram, ...scalars } = result;
  const hex = (array: Float64Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("hex");
  return `${JSON.stringify(scalars)}|${hex(queueCounters)}|${hex(groupCounters)}|${hex(waitHistogram)}`;
}

/** A node pool whose threads are counted while alive. */
function trackedPool(size: number) {
  const live = new Set<number>();
  const pool = createPool({
    size,
    createWorker: () => {
      const handle = nodeWorkerHandle();
      const id = handle.worker.threadId;
      live.add(id);
      handle.worker.on("exit", () => live.delete(id));
      return handle;
    },
  });
  return { pool, live };
}

describe("createNodePool", () => {
  it("takes the threads prestartWorkers started before it, and starts its own beyond them", async () => {
    prestartWorkers(1);
    expect(prestartedCount()).toBe(1);
    const pool = createNodePool({ size: 2 });
    try {
      const { results } = await pool.run({ source: standardDay, replications: 6, output: "kpiVectors", chunkSize: 1 });
      expect(prestartedCount()).toBe(0);
      const plan = stationaryPlan(day);
      const simulator = createSimulator(plan);
      expect(results.map((item) => Array.from(item.vector))).toEqual(Array.from({ length: 6 }, (_, k) => Array.from(kpiVector(plan, simulator.run(k)))));
    } finally {
      await pool.close();
    }
  });

  it("gives byte-identical results for 1 and 2 workers and any chunk size, equal to core's simulator", async () => {
    const replications = 24;
    const one = createNodePool({ size: 1 });
    const two = createNodePool({ size: 2 });
    try {
      const runs = [
        await one.run({ source: standardDay, replications }),
        await two.run({ source: standardDay, replications }),
        await two.run({ source: standardDay, replications, chunkSize: 1 }),
        await two.run({ source: standardDay, replications, chunkSize: 5 }),
      ];
      const simulator = createSimulator(stationaryPlan(day));
      const direct = Array.from({ length: replications }, (_, k) => bytes(simulator.run(k)));
      for (const run of runs) {
        expect(run.partial).toBe(false);
        expect(run.results.map(bytes)).toEqual(direct);
      }
      const shard = await two.run({ source: standardDay, replications: 4, firstReplication: 20, chunkSize: 3 });
      expect(shard.results.map(bytes)).toEqual(direct.slice(20));
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it("returns KPI vectors, computed in the workers, identical for 1 and 2 workers and to core's", async () => {
    const one = createNodePool({ size: 1 });
    const two = createNodePool({ size: 2 });
    try {
      const a = await one.run({ source: standardDay, replications: 10, output: "kpiVectors" });
      const b = await two.run({ source: standardDay, replications: 10, output: "kpiVectors", chunkSize: 3 });
      const plan = stationaryPlan(day);
      const simulator = createSimulator(plan);
      const hex = (vector: Float64Array) => Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString("hex");
      const direct = Array.from({ length: 10 }, (_, k) => hex(kpiVector(plan, simulator.run(k))));
      expect(a.results.map((r) => hex(r.vector))).toEqual(direct);
      expect(b.results.map((r) => hex(r.vector))).toEqual(direct);
      expect(b.results.map((r) => r.replication)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it("runs a scenario's variant in workers as core runs it directly", async () => {
    const scenario = smallCenter({ dist: "lognormal", meanSec: 180, cv: 0.8 });
    const source: PlanSource = { kind: "scenario", scenario, variant: "+2 on Day" };
    const one = createNodePool({ size: 1 });
    const two = createNodePool({ size: 2 });
    try {
      const a = await one.run({ source, replications: 8 });
      const b = await two.run({ source, replications: 8, chunkSize: 3 });
      // Each replication at its own draw of the scenario's uncertain inputs (the experience model's ranges), as core does.
      const parsed = parseScenario(scenario);
      if (!parsed.ok) throw new Error("fixture invalid");
      const simulator = createScenarioSimulator({ scenario: parsed.scenario, intervention: "+2 on Day" });
      expect(a.results.map(bytes)).toEqual(Array.from({ length: 8 }, (_, k) => bytes(simulator.run(k))));
      expect(b.results.map(bytes)).toEqual(a.results.map(bytes));
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  // How fast a cancel settles is the bench's (packages/worker/bench/pool.mjs: cancelLatencyMs), not a test's.
  it("cancels with no thread left running, keeping the completed prefix", async () => {
    const { pool, live } = trackedPool(2);
    const controller = new AbortController();
    const running = pool.run({ source: busyDay, replications: 10_000, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(live.size).toBe(2);
    controller.abort();
    const { results, partial, completed } = await running;
    expect(live.size).toBe(0);
    expect(partial).toBe(true);
    expect(completed).toBeLessThan(10_000);
    expect(results.map((r) => r.replication)).toEqual(Array.from({ length: completed }, (_, k) => k));
    if (completed > 0) {
      const simulator = createSimulator(stationaryPlan(busyDay.options as typeof day));
      expect(bytes(results[completed - 1]!)).toBe(bytes(simulator.run(completed - 1)));
    }
    await pool.close();
  });

  it("names the scenario and the replication when the worker throws, then runs the next job", async () => {
    const { pool, live } = trackedPool(2);
    try {
      const broken: PlanSource = { kind: "scenario", scenario: { version: 1, name: "Broken center", intervalMinutes: 7 } };
      const error = await pool.run({ source: broken, replications: 10 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/^scenario "Broken center", replication \d: the input is not a valid scenario:/);
      const next = await pool.run({ source: standardDay, replications: 3 });
      expect(next.completed).toBe(3);
      expect(live.size).toBeLessThanOrEqual(2);
    } finally {
      await pool.close();
    }
    expect(live.size).toBe(0);
  });

  // How often progress comes (at least 4 times a second) is the bench's (pool.mjs: progress), not a test's.
  it("reports progress during a long run, never backwards, with an estimate of the time left", async () => {
    const pool = createNodePool({ size: 2 });
    const events: RunProgress[] = [];
    try {
      // A run far longer than the test, stopped after 1.5 s.
      const { partial } = await pool.run({
        source: busyDay,
        replications: 100_000,
        signal: AbortSignal.timeout(1500),
        onProgress: (progress) => events.push(progress),
      });
      expect(partial).toBe(true);
      expect(events.length).toBeGreaterThan(1);
      for (let i = 1; i < events.length; i++) expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
      expect(events.at(-1)!.done).toBeGreaterThan(0);
      expect(events.at(-1)!.etaSec).toBeGreaterThan(0);
      expect(events.every((event) => event.total === 100_000)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it("lets a process that never calls close() exit", () => {
    const script = fileURLToPath(new URL("./fixtures/exitWithoutClose.mjs", import.meta.url));
    const child = spawnSync(process.execPath, [script], { encoding: "utf8", timeout: 15_000 });
    expect(child.stderr).toBe("");
    expect(child.stdout).toBe("ok 4 true\n");
    expect(child.status).toBe(0);
  });
});
