/// <reference types="node" />
// The pool's scheduling, ordering, cancel and failure handling, over real worker threads that run a fake
// engine (fixtures/fakeWorker.mjs), so each behaviour can be provoked on cue and quickly.
import type { ReplicationResult } from "@ccplan/core";
import { describe, expect, it } from "vitest";
import type { PlanSource } from "../src/planSource.js";
import { nodeWorkerHandle } from "../src/nodePool.js";
import { chunkLength, createPool, type RunProgress } from "../src/pool.js";

const fakeWorkerUrl = new URL("./fixtures/fakeWorker.mjs", import.meta.url);

function fakeSource(options: { msPerReplication?: number; throwAt?: number; exitAt?: number; jitterMs?: number }): PlanSource {
  return { kind: "intervals", csv: "", options: { name: "fake", ...options } as never };
}

/** A pool of fake workers that counts the threads alive. */
function trackedPool(size: number) {
  const live = new Set<number>();
  let started = 0;
  const pool = createPool({
    size,
    createWorker: () => {
      const handle = nodeWorkerHandle(fakeWorkerUrl);
      const id = started++;
      live.add(id);
      handle.worker.on("exit", () => live.delete(id));
      return handle;
    },
  });
  return { pool, live, started: () => started };
}

describe("chunkLength", () => {
  const timed = { workers: 2, msPerReplication: 1.3 }; // 153 replications make the 200 ms a chunk aims at

  it("keeps chunks whole while more work is queued behind the run, as a pipelined run's next batch is", () => {
    // Before, a batch of 250 went out as 125, 63, 31, … replications: its end was taken for the end of the work.
    expect(chunkLength({ ...timed, remaining: 250, queued: 500 })).toBe(153);
    expect(chunkLength({ ...timed, remaining: 97, queued: 347 })).toBe(97);
  });

  it("shares out the end of all the queued work so that the workers finish together", () => {
    expect(chunkLength({ ...timed, remaining: 250, queued: 250 })).toBe(125);
    expect(chunkLength({ ...timed, remaining: 9, queued: 9 })).toBe(5);
    expect(chunkLength({ ...timed, remaining: 1, queued: 1 })).toBe(1);
  });

  it("near the end, gives a worker its share of all the work left less what it still holds", () => {
    // 500 ms left in all; this worker has 200 ms of a chunk to go: its share is 250 ms, so 50 ms more, of which it
    // takes half (25 ms: 19 replications), the other half left for whoever finishes first.
    expect(chunkLength({ ...timed, remaining: 230, queued: 230, pendingMs: 500, heldMs: 200 })).toBe(19);
    // A worker holding its whole share already still gets one replication (a chunk is never empty).
    expect(chunkLength({ ...timed, remaining: 100, queued: 100, pendingMs: 400, heldMs: 300 })).toBe(1);
    // Far from the end the chunk is the timed one, whatever the worker holds.
    expect(chunkLength({ ...timed, remaining: 3000, queued: 3000, pendingMs: 4200, heldMs: 200 })).toBe(153);
  });

  it("hands out one replication while the source is not yet timed", () => {
    expect(chunkLength({ workers: 2, msPerReplication: undefined, remaining: 250, queued: 1000 })).toBe(1);
    // A replication longer than a chunk's target is still a chunk of one.
    expect(chunkLength({ workers: 2, msPerReplication: 900, remaining: 250, queued: 1000 })).toBe(1);
  });
});

describe("createPool over fake workers", () => {
  it("merges chunks in replication order whatever order they finish in", async () => {
    const { pool } = trackedPool(2);
    const delivered: ReplicationResult[] = [];
    try {
      const { results, partial, completed } = await pool.run({
        source: fakeSource({ msPerReplication: 1, jitterMs: 6 }),
        replications: 23,
        firstReplication: 5,
        chunkSize: 2,
        onResults: (batch) => delivered.push(...batch),
      });
      expect(delivered).toEqual(results);
      expect(partial).toBe(false);
      expect(completed).toBe(23);
      expect(results.map((r) => r.replication)).toEqual(Array.from({ length: 23 }, (_, i) => 5 + i));
      expect(results.map((r) => r.queueCounters[1])).toEqual(Array.from({ length: 23 }, (_, i) => 2 * (5 + i)));
    } finally {
      await pool.close();
    }
  });

  it("hands out the completed prefix as it grows, and can stop at a batch point", async () => {
    const { pool } = trackedPool(2);
    const controller = new AbortController();
    const batches: number[][] = [];
    let seen = 0;
    try {
      const { results, partial, completed } = await pool.run({
        source: fakeSource({ msPerReplication: 2, jitterMs: 5 }),
        replications: 500,
        chunkSize: 3,
        keepResults: false,
        signal: controller.signal,
        onResults: (batch) => {
          batches.push(batch.map((r) => r.replication));
          seen += batch.length;
          if (seen >= 20) controller.abort(); // e.g. a precision target met at a batch point
        },
      });
      expect(partial).toBe(true);
      expect(results).toEqual([]);
      expect(completed).toBe(seen);
      expect(batches.flat()).toEqual(Array.from({ length: seen }, (_, k) => k));
      expect(seen).toBeGreaterThanOrEqual(20);
      expect(seen).toBeLessThan(500);
    } finally {
      await pool.close();
    }
  });

  it("starts no more workers than its size, and only when there is work", async () => {
    const { pool, started } = trackedPool(3);
    try {
      expect(started()).toBe(0);
      await pool.run({ source: fakeSource({}), replications: 2, chunkSize: 1 });
      expect(started()).toBe(2);
      await pool.run({ source: fakeSource({}), replications: 30, chunkSize: 1 });
      expect(started()).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it("warms every worker before the first run, and rejects when one cannot start", async () => {
    const { pool, live, started } = trackedPool(2);
    await pool.warm();
    expect(started()).toBe(2);
    expect(live.size).toBe(2);
    expect((await pool.run({ source: fakeSource({}), replications: 4 })).completed).toBe(4);
    expect(started()).toBe(2);
    await pool.close();
    const broken = createPool({ size: 1, createWorker: () => nodeWorkerHandle(new URL("./fixtures/missing.mjs", import.meta.url)) });
    await expect(broken.warm()).rejects.toThrow();
    await broken.close();
  });

  it("serves two runs at once, each in its own order", async () => {
    const { pool } = trackedPool(2);
    try {
      const [a, b] = await Promise.all([
        pool.run({ source: fakeSource({ msPerReplication: 2 }), replications: 10, chunkSize: 3 }),
        pool.run({ source: fakeSource({ msPerReplication: 1 }), replications: 7, firstReplication: 100 }),
      ]);
      expect(a.results.map((r) => r.replication)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(b.results.map((r) => r.replication)).toEqual([100, 101, 102, 103, 104, 105, 106]);
    } finally {
      await pool.close();
    }
  });

  it("queues each busy worker's next chunk behind its current one once the run is timed, and keeps the order", async () => {
    // Counts, per worker, the calls sent and not yet answered: 2 means a chunk waited in the worker's queue, ready to
    // start the moment the one before it ended.
    const mostInFlight: number[] = [];
    const pool = createPool({
      size: 2,
      createWorker: () => {
        const handle = nodeWorkerHandle(fakeWorkerUrl);
        const worker = mostInFlight.push(0) - 1;
        const pending = new Set<string>();
        const endpoint = handle.endpoint;
        return {
          ...handle,
          endpoint: {
            postMessage(message: { type?: string; id?: string }, transfer?: unknown[]) {
              if (message?.type === "APPLY" && message.id) pending.add(message.id);
              mostInFlight[worker] = Math.max(mostInFlight[worker]!, pending.size);
              endpoint.postMessage(message, transfer as never);
            },
            addEventListener(type: string, listener: (event: MessageEvent) => void) {
              endpoint.addEventListener(type, (event: MessageEvent) => {
                pending.delete((event.data as { id?: string })?.id ?? "");
                listener(event);
              });
            },
            removeEventListener: () => undefined,
          } as never,
        };
      },
    });
    try {
      const { results } = await pool.run({ source: fakeSource({ msPerReplication: 2, jitterMs: 3 }), replications: 60, chunkSize: 4 });
      expect(results.map((r) => r.replication)).toEqual(Array.from({ length: 60 }, (_, k) => k));
      expect(mostInFlight).toEqual([2, 2]);
    } finally {
      await pool.close();
    }
  });

  it("sizes chunks by the worker's own time, however late this thread hears a chunk end", async () => {
    // Each batch's fold keeps this thread busy 120 ms, so it hears the other worker's chunk end that much late. Timed by
    // when this thread heard a queued chunk start and end, a chunk of 200 ms could measure 80 ms, and the worker's next
    // chunk came out 2.5 times too long (once, on a loaded machine, 1,914 replications instead of ~150).
    const { pool } = trackedPool(2);
    const chunkLengths: number[] = [];
    try {
      await pool.run({
        source: fakeSource({ msPerReplication: 2 }),
        replications: 1200,
        onResults: (batch) => {
          for (const result of batch) chunkLengths.push((result as unknown as { chunkLength: number }).chunkLength);
          const until = performance.now() + 120;
          while (performance.now() < until);
        },
      });
      // 2 ms a replication and chunks of about 200 ms: 100 replications. A worker's clock only runs long (a thread
      // descheduled on a loaded machine), which makes chunks shorter, never longer.
      expect(Math.max(...chunkLengths)).toBeLessThanOrEqual(110);
    } finally {
      await pool.close();
    }
  });

  it("advances runs in lockstep side by side, each chunk to the one furthest behind, where runs otherwise go in turn", async () => {
    // One worker, so that the order chunks finish in is the order they were handed out in, whatever the machine's load.
    const { pool } = trackedPool(1);
    /** Largest gap between the completed prefixes of three runs of 40 replications started at once. */
    const widestGap = async (lockstep: object | undefined) => {
      const prefixes = [0, 0, 0];
      let widest = 0;
      const runs = prefixes.map((_, r) =>
        pool.run({
          source: fakeSource({ msPerReplication: 1, jitterMs: 2 }),
          replications: 40,
          chunkSize: 3,
          keepResults: false,
          ...(lockstep && { lockstep }),
          onResults: (batch) => {
            prefixes[r] = batch.at(-1)!.replication + 1;
            widest = Math.max(widest, Math.max(...prefixes) - Math.min(...prefixes));
          },
        }),
      );
      await Promise.all(runs);
      return widest;
    };
    try {
      expect(await widestGap(undefined)).toBe(40);
      // A chunk of 3 running and one queued: never two chunks between the runs.
      expect(await widestGap({})).toBeLessThanOrEqual(6);
    } finally {
      await pool.close();
    }
  });

  it("hands out again a lockstep run's chunk queued behind another run's chunk whose worker failed", async () => {
    const pool = createPool({ size: 1, createWorker: () => nodeWorkerHandle(fakeWorkerUrl) });
    const failing = fakeSource({ msPerReplication: 2, throwAt: 4 });
    const healthy = fakeSource({ msPerReplication: 2 });
    try {
      // Timed first (a chunk is queued behind a busy worker's only once its run's source is timed).
      await Promise.all([failing, healthy].map((source) => pool.run({ source, replications: 2, firstReplication: 10 })));
      // One worker: a chunk of `healthy` waits behind each chunk of `failing`, until `failing` throws at 4.
      const lockstep = {};
      const [bad, good] = await Promise.allSettled([
        pool.run({ source: failing, replications: 8, chunkSize: 2, lockstep }),
        pool.run({ source: healthy, replications: 8, chunkSize: 2, lockstep }),
      ]);
      expect(bad.status === "rejected" && String(bad.reason)).toContain("boom at 4");
      expect(good.status === "fulfilled" && good.value.results.map((r) => r.replication)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    } finally {
      await pool.close();
    }
  });

  // How fast a cancel settles is the bench's (packages/worker/bench/pool.mjs: cancelLatencyMs), not a test's.
  it("cancels, keeps only the completed prefix, and leaves no thread running", async () => {
    const { pool, live } = trackedPool(2);
    const controller = new AbortController();
    let started!: () => void;
    const someDone = new Promise<void>((resolve) => (started = resolve));
    const running = pool.run({
      source: fakeSource({ msPerReplication: 20 }),
      replications: 1000,
      chunkSize: 4,
      signal: controller.signal,
      onResults: (batch) => batch.at(-1)!.replication >= 8 && started(),
    });
    // Cancel mid-run, once a few chunks are back, however slowly the threads started.
    await someDone;
    controller.abort();
    const { results, partial, completed } = await running;
    expect(partial).toBe(true);
    expect(completed).toBe(results.length);
    expect(completed).toBeGreaterThanOrEqual(9);
    expect(completed).toBeLessThan(1000);
    expect(results.map((r) => r.replication)).toEqual(Array.from({ length: completed }, (_, i) => i));
    expect(live.size).toBe(0);
    // The pool respawns on demand for the next run.
    const next = await pool.run({ source: fakeSource({}), replications: 4 });
    expect(next.completed).toBe(4);
    await pool.close();
    expect(live.size).toBe(0);
  });

  it("gives an empty partial result for a signal aborted before the run", async () => {
    const { pool, started } = trackedPool(2);
    const result = await pool.run({ source: fakeSource({}), replications: 10, signal: AbortSignal.abort() });
    expect(result).toEqual({ results: [], partial: true, completed: 0 });
    expect(started()).toBe(0);
    await pool.close();
  });

  it("rejects with the source and replications when a worker throws, then serves the next run", async () => {
    const { pool, live } = trackedPool(2);
    try {
      await expect(pool.run({ source: fakeSource({ throwAt: 13 }), replications: 40, chunkSize: 5 })).rejects.toThrow(
        'interval file "fake", replications 10–14: boom at 13',
      );
      expect(live.size).toBeLessThanOrEqual(2);
      const next = await pool.run({ source: fakeSource({}), replications: 12, chunkSize: 5 });
      expect(next.results.map((r) => r.replication)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    } finally {
      await pool.close();
    }
  });

  it("ends a run whose own callback throws with that error, and serves the next run", async () => {
    const { pool } = trackedPool(2);
    try {
      const boom = () => {
        throw new Error("callback failed");
      };
      await expect(pool.run({ source: fakeSource({}), replications: 20, chunkSize: 2, onResults: boom })).rejects.toThrow("callback failed");
      await expect(pool.run({ source: fakeSource({ msPerReplication: 5 }), replications: 20, onProgress: boom })).rejects.toThrow("callback failed");
      expect((await pool.run({ source: fakeSource({}), replications: 5 })).completed).toBe(5);
    } finally {
      await pool.close();
    }
  });

  it("rejects when a worker thread dies mid-chunk, then serves the next run", async () => {
    const { pool } = trackedPool(2);
    try {
      await expect(pool.run({ source: fakeSource({ exitAt: 7 }), replications: 20, chunkSize: 4 })).rejects.toThrow(
        /interval file "fake", replications 4–7: the worker crashed: the worker thread exited with code 3/,
      );
      const next = await pool.run({ source: fakeSource({}), replications: 6 });
      expect(next.completed).toBe(6);
    } finally {
      await pool.close();
    }
  });

  it("rejects, rather than waits forever, when the worker script cannot load", async () => {
    const pool = createPool({ size: 1, createWorker: () => nodeWorkerHandle(new URL("./fixtures/missing.mjs", import.meta.url)) });
    try {
      await expect(pool.run({ source: fakeSource({}), replications: 3 })).rejects.toThrow(/^interval file "fake", replication 0: the worker crashed: /);
    } finally {
      await pool.close();
    }
  });

  // How often progress comes (at least 4 times a second) is the bench's (pool.mjs: progress), not a test's.
  it("reports progress from inside chunks, never backwards, and once at the end", async () => {
    const { pool } = trackedPool(2);
    const events: RunProgress[] = [];
    try {
      await pool.run({
        source: fakeSource({ msPerReplication: 300 }),
        replications: 8,
        chunkSize: 4,
        onProgress: (progress) => events.push(progress),
      });
    } finally {
      await pool.close();
    }
    // Inside the 4-replication chunks the count moves in fractions (finished chunks count whole), never backwards. Any
    // fraction before the end shows it: on a loaded machine the first report may come after each worker's first few
    // replications (it once came past 4 of the 8 with the suite beside two others' on two cores).
    expect(events.some((e) => e.done > 0 && e.done < 8 && !Number.isInteger(e.done))).toBe(true);
    for (let i = 1; i < events.length; i++) expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
    expect(events.at(-1)).toMatchObject({ done: 8, total: 8, etaSec: 0 });
  });
});
