import { stationaryPlan } from "@ccplan/core";
import { describe, expect, it } from "vitest";
import { inProcessRunner, type VectorRunner } from "./vectorRunner.js";
import { progressTracker, runPaired, runSingle } from "./runPlan.js";
import type { PlanSource } from "./planSource.js";

const options = (agents: number) => ({ arrivalsPerHour: 100, ahtSec: 180, agents, patienceSec: 300, hours: 2, seed: 5 });
const planned = (agents: number) => {
  const source: PlanSource = { kind: "stationary", options: options(agents) };
  return { source, plan: stationaryPlan(options(agents)) };
};

/** The in-process runner's vectors, each batch answered after a delay that makes later batches finish first. */
function scrambled(): VectorRunner & { started: [number, number][] } {
  const direct = inProcessRunner();
  const started: [number, number][] = [];
  return {
    started,
    async vectors(source, from, to, onProgress) {
      started.push([from, to]);
      const vectors = await direct.vectors(source, from, to, onProgress);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 40 - from / 10)));
      return vectors;
    },
  };
}

describe("runs with the next batch queued while the current one is folded", () => {
  it("give the same statistics as batches run one after another, when batches finish out of order", async () => {
    const runner = scrambled();
    const one = planned(5);
    const sequential = await runSingle({ runner: inProcessRunner(), planned: one, maxReplications: 520 });
    const overlapped = await runSingle({ runner, planned: one, maxReplications: 520 });
    expect(JSON.stringify(overlapped.statistics)).toBe(JSON.stringify(sequential.statistics));
    // Batches of 250: the second was started before the first was back.
    expect(runner.started).toEqual([[0, 250], [250, 500], [500, 520]]);
  });

  it("pair every scenario's replications in order, the scenarios of a batch started together", async () => {
    const runner = scrambled();
    const request = { planned: planned(5), variants: [{ name: "six agents", planned: planned(6) }], maxReplications: 300 };
    const sequential = await runPaired({ runner: inProcessRunner(), baseline: request.planned, variants: request.variants, maxReplications: 300 });
    const overlapped = await runPaired({ runner, baseline: request.planned, variants: request.variants, maxReplications: 300 });
    expect(JSON.stringify(overlapped)).toBe(JSON.stringify(sequential));
    expect(runner.started).toEqual([[0, 250], [0, 250], [250, 300], [250, 300]]);
  });
});

describe("a runner that streams", () => {
  it("runs a run without a precision target as one stream, with the same statistics as batches", async () => {
    const direct = inProcessRunner();
    const streamed: [number, number][] = [];
    const runner: VectorRunner = {
      vectors: () => Promise.reject(new Error("a streaming runner is not asked for batches")),
      async stream(source, from, to, onVectors, onProgress) {
        streamed.push([from, to]);
        // Stretches of uneven length, as a pool's completed prefix grows.
        for (let at = from, step = 1; at < to; at += step, step = (step * 7) % 61 + 1) {
          const end = Math.min(to, at + step);
          onVectors(at, await direct.vectors(source, at, end));
          onProgress?.(end - from);
        }
      },
    };
    const one = planned(5);
    const progress: number[] = [];
    const batched = await runSingle({ runner: inProcessRunner(), planned: one, maxReplications: 520 });
    const stream = await runSingle({ runner, planned: one, maxReplications: 520, onProgress: (done) => progress.push(done) });
    expect(JSON.stringify(stream.statistics)).toBe(JSON.stringify(batched.statistics));
    expect(streamed).toEqual([[0, 520]]);
    expect(progress.at(-1)).toBe(520);
  });
});

/** A streaming runner over the in-process one: each source's stretches come in uneven lengths and at its own pace (a
 * variant's far behind the baseline's, another's all at once at the end), as a pool's streams may. Records the calls. */
function unevenStreams() {
  const direct = inProcessRunner();
  const calls: { source: PlanSource; from: number; to: number; lockstep: object | undefined }[] = [];
  const stopped: unknown[] = [];
  const runner: VectorRunner = {
    vectors: () => Promise.reject(new Error("a streaming runner is not asked for batches")),
    async stream(source, from, to, onVectors, onProgress, options) {
      const index = calls.push({ source, from, to, lockstep: options?.lockstep }) - 1;
      const all = await direct.vectors(source, from, to);
      const deliver = (at: number, end: number) => {
        try {
          onVectors(at, all.slice(at - from, end - from));
        } catch (error) {
          stopped.push(error);
          throw error;
        }
        onProgress?.(end - from);
      };
      if (index === 2) {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return deliver(from, to);
      }
      for (let at = from, step = 1 + index * 3; at < to; at += step, step = ((step * 7 + index) % 23) + 1) {
        await new Promise((resolve) => setTimeout(resolve, index === 1 ? 2 : 0));
        deliver(at, Math.min(to, at + step));
      }
    },
  };
  return { runner, calls, stopped };
}

describe("runPaired with a runner that streams", () => {
  const request = () => ({
    baseline: planned(5),
    variants: [
      { name: "six agents", planned: planned(6) },
      { name: "four agents", planned: planned(4) },
    ],
    maxReplications: 130,
  });

  it("runs one stream per scenario over the whole range, baseline first and all in lockstep, with the same bytes as batches", async () => {
    const batched = await runPaired({ runner: inProcessRunner(), ...request() });
    const { runner, calls } = unevenStreams();
    const progress: number[] = [];
    const events: string[] = [];
    const streamed = await runPaired({ runner, ...request(), onProgress: (done) => progress.push(done), onReplicationsDone: () => events.push("done") });
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(batched));
    const scenarios = request();
    expect(calls.map((call) => [call.source, call.from, call.to])).toEqual(
      [scenarios.baseline, ...scenarios.variants.map((variant) => variant.planned)].map((one) => [one.source, 0, 130]),
    );
    expect(calls[0]!.lockstep).toBeDefined();
    expect(calls.every((call) => call.lockstep === calls[0]!.lockstep)).toBe(true);
    expect(events).toEqual(["done"]);
    expect(progress.at(-1)).toBe(390);
  });

  it("stops the other streams when one fails, and rejects with its error", async () => {
    const { runner, stopped } = unevenStreams();
    const scenarios = request();
    const failing = scenarios.variants[1]!.planned.source;
    const oneFails: VectorRunner = {
      vectors: runner.vectors,
      stream: (source, ...rest) => (source === failing ? Promise.reject(new Error("replication 3 failed")) : runner.stream!(source, ...rest)),
    };
    let done = false;
    await expect(runPaired({ runner: oneFails, ...scenarios, onReplicationsDone: () => (done = true) })).rejects.toThrow("replication 3 failed");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    expect(stopped.map(String)).toEqual([
      "Error: stopped: the run of another scenario of the comparison failed",
      "Error: stopped: the run of another scenario of the comparison failed",
    ]);
  });
});

describe("runSingle's shared summary", () => {
  it("takes a failed worker's share in this thread, with the statistics of a summary taken here alone", async () => {
    const direct = inProcessRunner();
    let asked = 0;
    const failing: VectorRunner = {
      ...direct,
      cellQuantiles: () => {
        asked++;
        return Promise.reject(new Error("the worker crashed"));
      },
    };
    const { statistics } = await runSingle({ runner: failing, planned: planned(5), maxReplications: 120 });
    const { statistics: alone } = await runSingle({ runner: direct, planned: planned(5), maxReplications: 120 });
    expect(asked).toBe(1);
    expect(JSON.stringify(statistics)).toBe(JSON.stringify(alone));
  });
});

describe("onReplicationsDone", () => {
  it("is called once, after the last replication came back (streamed or in batches), so a caller can close its runner before the summary", async () => {
    const direct = inProcessRunner();
    let streaming = false;
    const events: string[] = [];
    const streamer: VectorRunner = {
      vectors: () => Promise.reject(new Error("not asked for batches")),
      async stream(source, from, to, onVectors) {
        streaming = true;
        onVectors(from, await direct.vectors(source, from, to));
        streaming = false;
      },
    };
    const done = () => events.push(streaming ? "done while streaming" : "done");
    await runSingle({ runner: streamer, planned: planned(5), maxReplications: 20, onReplicationsDone: done });
    expect(events).toEqual(["done"]);
    const batches = scrambled();
    await runSingle({ runner: batches, planned: planned(5), maxReplications: 520, onReplicationsDone: () => events.push(`after ${batches.started.length} batches`) });
    expect(events).toEqual(["done", "after 3 batches"]);
  });

  it("is called once by a paired run in batches too, after its last batch", async () => {
    const runner = scrambled();
    const events: string[] = [];
    const variants = [{ name: "six agents", planned: planned(6) }];
    await runPaired({ runner, baseline: planned(5), variants, maxReplications: 260, onReplicationsDone: () => events.push(`after ${runner.started.length} batches`) });
    expect(events).toEqual(["after 4 batches"]);
  });
});

describe("progressTracker", () => {
  it("adds the progress of parts running side by side to the parts finished", () => {
    const seen: number[] = [];
    const tracker = progressTracker(30, (done) => seen.push(done));
    const a = tracker.part(10);
    const b = tracker.part(10);
    a.within(4);
    b.within(3);
    a.finish();
    b.within(5);
    a.within(9); // a finished part reports nothing more
    b.finish();
    expect(seen).toEqual([4, 7, 13, 15, 20]);
  });
});
