import type { CellQuantileBlock, ReplicationResult } from "@ccplan/core";
import { proxy, wrap, type Endpoint, type Remote } from "comlink";
import type { ReplicationKpiVector, WorkerApi } from "./api.js";
import type { CapacityWeekResult } from "./capacityJob.js";
import { describeSource, type PlanSource } from "./planSource.js";

/** One worker as the pool sees it; `createBrowserPool` and `createNodePool` make these. */
export interface WorkerHandle {
  /** The comlink endpoint: a `Worker` in the browser, `nodeEndpoint(worker)` for a Node worker thread. */
  endpoint?: Endpoint;
  /** Instead of an endpoint: the worker's api called in this thread (`inThreadWorkerHandle`), no messages or copies. */
  api?: Remote<WorkerApi>;
  /** Stops the worker at once, even in the middle of a replication; may resolve when it has stopped. */
  terminate(): void | Promise<unknown>;
  /** Registers the one listener for a crash: an error outside any call, a failed load, an unexpected exit. */
  onCrash(listener: (error: Error) => void): void;
  /** How long this worker's chunks should last, milliseconds (default `TARGET_CHUNK_MS`): shorter for a worker in the
   * pool's own thread, which hears the other workers only between its chunks. */
  chunkMs?: number;
  /** The worker runs in the pool's own thread (`inThreadWorkerHandle`): it cannot take work off that thread. */
  inThread?: boolean;
  /** Node only: keep the process alive while the worker is busy (`ref`), let it exit while idle (`unref`). */
  ref?(): void;
  unref?(): void;
}

/** Makes a new worker; the pool calls it lazily, when there is work and fewer workers than `size`. */
export type WorkerFactory = () => WorkerHandle;

export interface PoolOptions {
  /** Most workers running at once (≥ 1). */
  size: number;
  createWorker: WorkerFactory;
}

/** Progress of one run: replications done (with the fractions of those in progress), of `total`, and the
 * estimated time left in seconds (`null` until something is done). */
export interface RunProgress {
  done: number;
  total: number;
  etaSec: number | null;
}

/** What each replication comes back as: its full `ReplicationResult` (default), or its KPI vector, computed
 * in the worker (core's `kpiVector`: a few kilobytes instead of wait histograms per interval). */
export type RunOutput = "results" | "kpiVectors" | "capacityWeeks";
/** The type of one replication's output ("capacityWeeks": one planned week's KPIs, items being weeks). */
export type RunItem<O extends RunOutput> = O extends "kpiVectors" ? ReplicationKpiVector : O extends "capacityWeeks" ? CapacityWeekResult : ReplicationResult;

export interface RunOptions<O extends RunOutput = "results"> {
  source: PlanSource;
  /** Default "results". */
  output?: O;
  /** How many replications to run: k = firstReplication … firstReplication + replications − 1. */
  replications: number;
  /** The first replication index (default 0): a shard or the next batch of a precision-driven run. */
  firstReplication?: number;
  /** Replications handed to a worker at a time. Default: adaptive, chunks of about 200 ms, fewer near
   * the end so the workers finish together. The results do not depend on it. */
  chunkSize?: number;
  /** The source each chunk of replications `from … to − 1` is sent with, when a chunk needs only its part of a large
   * source (a capacity run's week inputs); omitted: every chunk gets `source`. */
  sourceFor?: (from: number, to: number) => PlanSource;
  /** Cancels the run: see `Pool.run`. */
  signal?: AbortSignal;
  /** Called at least 4 times a second while the run lasts (at most about 10), and once at the end. */
  onProgress?: (progress: RunProgress) => void;
  /** Called with each new stretch of the completed prefix, in replication order, as soon as it is complete:
   * concatenated, the batches are exactly the run's results. Lets a caller fold results as they come (and
   * abort once it has enough, as a precision-driven run does at its batch points). */
  onResults?: (batch: RunItem<O>[]) => void;
  /** Keep every result for the returned `results` (default true). With `false`, `results` is empty and only
   * `onResults` sees them, so memory holds a few chunks rather than the whole run. */
  keepResults?: boolean;
  /** Runs started with the same key (any object: the scenarios of a paired comparison) advance side by side: each chunk
   * of theirs, a worker's queued next chunk too, goes to the one furthest behind (lowest next replication; the first
   * started among equals), so their completed prefixes grow together and a caller that pairs replication k of each
   * holds only the stretches between them. Without a key, runs are served in the order they started (so a run
   * started first would be run to its end before the others began). */
  lockstep?: object;
}

export interface RunResult<T = ReplicationResult> {
  /** Per-replication outputs in replication order (`results[i].replication === firstReplication + i`). */
  results: T[];
  /** True when the run was cancelled: `results` is then the completed prefix only. */
  partial: boolean;
  /** Replications in the completed prefix (`results.length`, unless `keepResults` was false). */
  completed: number;
}

export interface Pool {
  readonly size: number;
  /**
   * Runs replications in the pool's workers, handed out in chunks to idle workers, and returns their
   * results merged in replication order, so the output is identical whatever the number of workers, the
   * chunk sizes or the order chunks finish in. Several runs may be in flight; idle workers serve them in
   * the order they were started.
   *
   * Cancelling with `signal` stops all of the run's work at once (its busy workers are terminated, to be
   * respawned on demand) and resolves with `partial: true` and only the completed prefix k = first … first
   * + m − 1: replications finished beyond the first gap are dropped, so a partial result is still the
   * result of a smaller run. A signal already aborted gives an empty partial result.
   *
   * Rejects with an Error naming the source (scenario) and the replication when a worker throws or
   * crashes; the run's other work stops, the failed worker is replaced and the pool serves the next run.
   */
  run<O extends RunOutput = "results">(options: RunOptions<O>): Promise<RunResult<RunItem<O>>>;
  /** Starts every worker now and resolves when each has loaded core and answered, so that the first run does
   * not wait for them (workers otherwise start on demand). Rejects if a worker cannot start. */
  warm(): Promise<void>;
  /**
   * The quantiles of a block of a summary's interval cells (core's `cellBlockQuantiles`), taken in an idle worker other
   * than this thread, for a summary this thread would otherwise take alone (`RunAccumulator.shareSummary`); undefined
   * when no such worker is idle. Rejects if the worker fails or crashes.
   */
  cellQuantiles(block: CellQuantileBlock): Promise<Float64Array> | undefined;
  /** Terminates every worker; runs still in flight resolve as partial. Later runs are refused. */
  close(): Promise<void>;
}

/** Chunks aim at this duration, long enough to make messaging negligible, short enough to balance. */
const TARGET_CHUNK_MS = 200;
const PROGRESS_MIN_MS = 100;
const PROGRESS_HEARTBEAT_MS = 240;

interface Slot {
  handle: WorkerHandle;
  remote: Remote<WorkerApi>;
  job: Job | null;
  /** A chunk of the same run sent behind `job`: the worker starts it the moment `job` ends, instead of waiting for its
   * results to reach this thread and the next chunk to come back (a few milliseconds a chunk, each worker, each time). */
  queued: Job | null;
  dead: boolean;
  /** Rejects when the worker crashes. */
  crashed: Promise<never>;
}

interface Job {
  run: RunState;
  slot: Slot;
  from: number;
  to: number;
  /** Replications of this chunk done, with the fraction of the current one. */
  done: number;
  /** When this thread saw the chunk start in its worker (sent to an idle worker, or its predecessor back): how much of
   * it is left is estimated from this. NaN while it waits behind another chunk. */
  startedMs: number;
}

/** What the pool needs of one replication's output. */
type Item = { replication: number };

interface RunState {
  source: PlanSource;
  sourceFor: ((from: number, to: number) => PlanSource) | undefined;
  output: RunOutput;
  name: string;
  first: number;
  total: number;
  /** Offset (from `first`) of the next replication to hand out. */
  next: number;
  /** Chunks [from, to) (offsets, in order) handed out and lost with a worker stopped for another run's sake (a chunk
   * queued behind another run's): handed out again before `next`. */
  returned: [number, number][];
  lockstep: object | undefined;
  results: (Item | undefined)[];
  completed: number;
  /** Length of the completed prefix (offsets 0 … prefix − 1 are all back). */
  prefix: number;
  keep: boolean;
  onResults: ((batch: Item[]) => void) | undefined;
  jobs: Set<Job>;
  chunkSize: number | undefined;
  msPerReplication: number | undefined;
  settled: boolean;
  startMs: number;
  lastEmitMs: number;
  trailingEmit: ReturnType<typeof setTimeout> | undefined;
  heartbeat: ReturnType<typeof setInterval> | undefined;
  onProgress: ((progress: RunProgress) => void) | undefined;
  detach: () => void;
  resolve: (result: RunResult<Item>) => void;
  reject: (error: Error) => void;
}

/** A pool of workers behind one API, whatever makes the workers (browser, Node, a test's fake). */
export function createPool({ size, createWorker }: PoolOptions): Pool {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`invalid pool size: ${size}; expected a whole number ≥ 1`);
  const slots: Slot[] = [];
  const runs: RunState[] = [];
  let closed = false;
  /** Milliseconds per replication last measured for each source: a run of a source already timed (the next batch of
   * a long run, a comparison's scenario) starts with chunks of the right size instead of one replication a worker. */
  const timings = new WeakMap<PlanSource, number>();

  function spawn(): Slot {
    const handle = createWorker();
    let crash!: (error: Error) => void;
    const crashed = new Promise<never>((_, reject) => (crash = reject));
    crashed.catch(() => undefined);
    const remote = handle.api ?? (handle.endpoint ? wrap<WorkerApi>(handle.endpoint) : undefined);
    if (!remote) throw new Error("a worker handle needs an endpoint or an api");
    const slot: Slot = { handle, remote, job: null, queued: null, dead: false, crashed };
    handle.onCrash((error) => {
      crash(error);
      if (slot.dead) return;
      const job = slot.job;
      void kill(slot);
      if (job) fail(job.run, new Error(`${where(job.run, job.from, job.to)}: the worker crashed: ${error.message}`));
      pump();
    });
    handle.unref?.();
    slots.push(slot);
    return slot;
  }

  /** Terminates a worker and forgets it; never rejects (a worker that fails to stop is gone all the same). */
  async function kill(slot: Slot): Promise<void> {
    if (slot.dead) return;
    slot.dead = true;
    // A chunk of a run still going (one queued behind another run's chunk, in lockstep) is handed out again.
    for (const job of [slot.job, slot.queued]) if (job && !job.run.settled && job.run.jobs.delete(job)) giveBack(job);
    slot.job = null;
    slot.queued = null;
    slots.splice(slots.indexOf(slot), 1);
    try {
      await slot.handle.terminate();
    } catch {
      // Nothing more to do: the slot is out of the pool.
    }
  }

  /** Puts a lost chunk back in its run's hands, to be handed out again (`returned`). */
  function giveBack(job: Job): void {
    const returned = job.run.returned;
    returned.push([job.from, job.to]);
    returned.sort((a, b) => a[0] - b[0]);
    queueMicrotask(pump);
  }

  function hasWork(run: RunState): boolean {
    return run.returned.length > 0 || run.next < run.total;
  }

  /** The replication a run hands out next. */
  function nextReplication(run: RunState): number {
    return run.first + (run.returned[0]?.[0] ?? run.next);
  }

  /** `run`, or, in lockstep with others, the one of them furthest behind that has work left (the first started among
   * equals); undefined when none has work. */
  function laggard(run: RunState): RunState | undefined {
    if (run.lockstep === undefined) return hasWork(run) ? run : undefined;
    let pick: RunState | undefined;
    for (const other of runs) {
      if (other.lockstep !== run.lockstep || !hasWork(other)) continue;
      if (pick === undefined || nextReplication(other) < nextReplication(pick)) pick = other;
    }
    return pick;
  }

  /** The run whose chunk goes out next: the first started with work left, or the laggard of its lockstep. */
  function nextRun(): RunState | undefined {
    const first = runs.find(hasWork);
    return first && laggard(first);
  }

  function chunkFor(run: RunState, slot: Slot): number {
    const remaining = run.total - run.next;
    if (run.chunkSize !== undefined) return Math.min(run.chunkSize, remaining);
    let queued = 0;
    for (const other of runs) queued += other.total - other.next;
    return chunkLength({
      remaining,
      queued,
      workers: size,
      msPerReplication: run.msPerReplication,
      ...(slot.handle.chunkMs !== undefined && { chunkMs: slot.handle.chunkMs }),
      ...workLeft(slot, run.msPerReplication),
    });
  }

  /** All the work left in milliseconds (not yet handed out, and held by the workers), and what `slot` holds of it, at
   * the runs' measured rates (a run not yet timed at `fallbackMs` a replication); nothing without a rate at all. */
  function workLeft(slot: Slot, fallbackMs: number | undefined): { pendingMs?: number; heldMs?: number } {
    if (fallbackMs === undefined) return {};
    const now = performance.now();
    let pendingMs = 0;
    for (const other of runs) pendingMs += (other.total - other.next) * (other.msPerReplication ?? fallbackMs);
    let heldMs = 0;
    for (const each of slots) {
      const held = heldBy(each, now, fallbackMs);
      pendingMs += held;
      if (each === slot) heldMs = held;
    }
    return { pendingMs, heldMs };
  }

  /** Milliseconds of work a worker holds: the rest of its current chunk (its length less the time since it started) and
   * the chunk queued behind it. */
  function heldBy(slot: Slot, now: number, fallbackMs: number): number {
    let held = 0;
    for (const job of [slot.job, slot.queued]) {
      if (!job) continue;
      const length = (job.to - job.from) * (job.run.msPerReplication ?? fallbackMs);
      held += Number.isNaN(job.startedMs) ? length : Math.max(0, length - (now - job.startedMs));
    }
    return held;
  }

  /** Sends `run`'s next chunk (a returned one first) to `slot`. */
  function handOut(run: RunState, slot: Slot): void {
    const returned = run.returned.shift();
    if (returned) return dispatch(run, slot, returned[0], returned[1]);
    const count = chunkFor(run, slot);
    dispatch(run, slot, run.next, run.next + count);
    run.next += count;
  }

  /** Hands chunks to idle workers (spawning up to `size`), runs in the order they started (runs in lockstep side by
   * side); once every worker is busy, queues each one's next chunk behind its current one (`prefetch`). */
  function pump(): void {
    for (let run = nextRun(); run !== undefined; run = nextRun()) {
      let slot = slots.find((s) => s.job === null);
      if (!slot) {
        if (slots.length >= size) {
          prefetch();
          return;
        }
        try {
          slot = spawn();
        } catch (error) {
          fail(run, new Error(`${run.name}: could not start a worker: ${errorMessage(error)}`));
          continue;
        }
      }
      handOut(run, slot);
    }
  }

  /** With every worker busy: a next chunk of its current run for each worker without one queued (of the laggard, for
   * runs in lockstep). Only once that run is timed (its first chunks are one replication each, to learn how long one
   * takes). */
  function prefetch(): void {
    for (const slot of slots) {
      const current = slot.job?.run;
      if (!current || slot.queued !== null || current.settled) continue;
      const run = laggard(current);
      if (!run || run.msPerReplication === undefined) continue;
      handOut(run, slot);
    }
  }

  function dispatch(run: RunState, slot: Slot, from: number, to: number): void {
    const job: Job = { run, slot, from, to, done: 0, startedMs: NaN };
    if (slot.job === null) {
      slot.job = job;
      job.startedMs = performance.now();
    } else slot.queued = job;
    run.jobs.add(job);
    slot.handle.ref?.();
    const progress = run.onProgress
      ? proxy((done: number) => {
          if (slot.job !== job) return;
          job.done = done;
          progressChanged(run);
        })
      : undefined;
    const source = run.sourceFor ? run.sourceFor(run.first + from, run.first + to) : run.source;
    (slot.remote.runChunk(run.output, source, run.first + from, run.first + to, progress) as Promise<{ items: Item[]; elapsedMs: number }>).then(
      ({ items: results, elapsedMs }) => {
        if (slot.job !== job) return; // cancelled or crashed meanwhile
        // The queued chunk, if any, starts now in the worker.
        slot.job = slot.queued;
        slot.queued = null;
        if (slot.job) slot.job.startedMs = performance.now();
        if (!slot.job) slot.handle.unref?.();
        run.jobs.delete(job);
        if (run.settled) return;
        const count = job.to - job.from;
        if (results.length !== count) {
          fail(run, new Error(`${where(run, job.from, job.to)}: the worker returned ${results.length} results; expected ${count}`));
          pump();
          return;
        }
        // The worker's own time for the chunk: this thread may have heard of its start or end late (see runChunk).
        run.msPerReplication = elapsedMs / count;
        timings.set(run.source, run.msPerReplication);
        // The idle worker gets its next chunk before this thread folds the results: folding a chunk (the caller's
        // onResults) takes milliseconds, which the worker spent waiting, at every chunk, when it came second.
        pump();
        finishJob(run, job, results);
        pump();
      },
      (error: unknown) => {
        if (slot.job !== job) return;
        // The worker threw; it is replaced rather than trusted with the next chunk.
        void kill(slot);
        run.jobs.delete(job);
        const message = errorMessage(error);
        fail(run, new Error(message.startsWith(run.name) ? message : `${where(run, from, to)}: ${message}`));
        pump();
      },
    );
  }

  /** Stores a chunk's results (as many as it asked for), hands the run's new complete stretch to `onResults` and
   * settles the run when it is complete. */
  function finishJob(run: RunState, job: Job, results: Item[]): void {
    const count = job.to - job.from;
    for (let i = 0; i < count; i++) run.results[job.from + i] = results[i];
    run.completed += count;
    deliver(run);
    if (run.settled) return; // onResults failed, or aborted the run
    if (run.completed === run.total) {
      settle(run);
      emit(run, { done: run.total, total: run.total, etaSec: 0 });
      run.resolve({ results: run.keep ? (run.results as Item[]) : [], partial: false, completed: run.total });
    } else progressChanged(run);
  }

  /** Extends the completed prefix and hands its new stretch to `onResults`. */
  function deliver(run: RunState): void {
    const start = run.prefix;
    while (run.prefix < run.total && run.results[run.prefix] !== undefined) run.prefix++;
    if (run.prefix === start || !run.onResults) return;
    const batch = run.results.slice(start, run.prefix) as Item[];
    if (!run.keep) run.results.fill(undefined, start, run.prefix);
    try {
      run.onResults(batch);
    } catch (error) {
      fail(run, error instanceof Error ? error : new Error(String(error)));
    }
  }

  function progress(run: RunState): RunProgress {
    let done = run.completed;
    for (const job of run.jobs) done += Math.min(job.done, job.to - job.from);
    const elapsedSec = (performance.now() - run.startMs) / 1000;
    return { done, total: run.total, etaSec: done > 0 ? (elapsedSec / done) * (run.total - done) : null };
  }

  function emit(run: RunState, value: RunProgress = progress(run)): void {
    run.lastEmitMs = performance.now();
    try {
      run.onProgress?.(value);
    } catch (error) {
      // A caller's callback that throws ends its run with that error, not the pool.
      fail(run, error instanceof Error ? error : new Error(String(error)));
    }
  }

  function progressChanged(run: RunState): void {
    if (!run.onProgress || run.settled || run.trailingEmit !== undefined) return;
    const wait = run.lastEmitMs + PROGRESS_MIN_MS - performance.now();
    if (wait <= 0) emit(run);
    else {
      run.trailingEmit = setTimeout(() => {
        run.trailingEmit = undefined;
        if (!run.settled) emit(run);
      }, wait);
    }
  }

  function settle(run: RunState): void {
    run.settled = true;
    runs.splice(runs.indexOf(run), 1);
    clearTimeout(run.trailingEmit);
    clearInterval(run.heartbeat);
    run.detach();
  }

  /** Stops the run's busy workers; they are respawned when work comes. */
  async function stopJobs(run: RunState): Promise<void> {
    const busy = [...run.jobs].map((job) => job.slot);
    run.jobs.clear();
    await Promise.all(busy.map(kill));
  }

  function fail(run: RunState, error: Error): void {
    if (run.settled) return;
    settle(run);
    void stopJobs(run).then(() => run.reject(error));
  }

  async function cancel(run: RunState): Promise<void> {
    if (run.settled) return;
    settle(run);
    await stopJobs(run);
    const results = run.keep ? (run.results.slice(0, run.prefix) as Item[]) : [];
    run.resolve({ results, partial: true, completed: run.prefix });
    pump();
  }

  return {
    size,
    run<O extends RunOutput = "results">(options: RunOptions<O>): Promise<RunResult<RunItem<O>>> {
      return start(options as RunOptions<RunOutput>) as Promise<RunResult<RunItem<O>>>;
    },
    async warm(): Promise<void> {
      if (closed) throw new Error("the worker pool is closed; create a new one");
      while (slots.length < size) spawn();
      await Promise.all(
        slots.map(async (slot) => {
          // An idle Node worker is unref'd: hold the process open until it answers.
          slot.handle.ref?.();
          try {
            await Promise.race([slot.remote.ready(), slot.crashed]);
          } finally {
            if (slot.job === null) slot.handle.unref?.();
          }
        }),
      );
    },
    cellQuantiles(block: CellQuantileBlock): Promise<Float64Array> | undefined {
      if (closed) return undefined;
      const slot = slots.find((s) => !s.dead && s.job === null && !s.handle.inThread);
      if (!slot) return undefined;
      // An idle Node worker is unref'd: hold the process open until it answers.
      slot.handle.ref?.();
      return (Promise.race([slot.remote.cellQuantiles(block), slot.crashed]) as Promise<Float64Array>).finally(() => {
        if (slot.job === null) slot.handle.unref?.();
      });
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all([...runs].map(cancel));
      await Promise.all([...slots].map(kill));
    },
  };

  function start(options: RunOptions<RunOutput>): Promise<RunResult<Item>> {
    const { source, output = "results", replications, firstReplication = 0, chunkSize, signal, onProgress, keepResults = true } = options;
    const onResults = options.onResults as ((batch: Item[]) => void) | undefined;
    if (closed) return Promise.reject(new Error("the worker pool is closed; create a new one"));
    if (!Number.isInteger(replications) || replications < 0) {
      return Promise.reject(new RangeError(`invalid replications: ${replications}; expected a whole number ≥ 0`));
    }
    if (!Number.isInteger(firstReplication) || firstReplication < 0) {
      return Promise.reject(new RangeError(`invalid firstReplication: ${firstReplication}; expected a whole number ≥ 0`));
    }
    if (chunkSize !== undefined && (!Number.isInteger(chunkSize) || chunkSize < 1)) {
      return Promise.reject(new RangeError(`invalid chunkSize: ${chunkSize}; expected a whole number ≥ 1`));
    }
    if (signal?.aborted) return Promise.resolve({ results: [], partial: true, completed: 0 });
    if (replications === 0) return Promise.resolve({ results: [], partial: false, completed: 0 });
    if (output !== "results" && output !== "kpiVectors" && output !== "capacityWeeks") {
      return Promise.reject(new RangeError(`invalid output: ${JSON.stringify(output)}; expected "results", "kpiVectors" or "capacityWeeks"`));
    }
    return new Promise<RunResult<Item>>((resolve, reject) => {
      const now = performance.now();
      const run: RunState = {
        source,
        sourceFor: options.sourceFor,
        output,
        name: describeSource(source),
        first: firstReplication,
        total: replications,
        next: 0,
        returned: [],
        lockstep: options.lockstep,
        results: new Array<Item | undefined>(replications),
        completed: 0,
        prefix: 0,
        keep: keepResults,
        onResults,
        jobs: new Set(),
        chunkSize,
        msPerReplication: timings.get(source),
        settled: false,
        startMs: now,
        // The first news is reported at once; the heartbeat starts a little later.
        lastEmitMs: now - PROGRESS_MIN_MS,
        trailingEmit: undefined,
        heartbeat: undefined,
        onProgress,
        detach: () => undefined,
        resolve,
        reject,
      };
      if (signal) {
        const onAbort = () => void cancel(run);
        signal.addEventListener("abort", onAbort, { once: true });
        run.detach = () => signal.removeEventListener("abort", onAbort);
      }
      if (onProgress) {
        // Keeps the page informed while workers start or sit in one long replication.
        run.heartbeat = setInterval(() => {
          if (performance.now() - run.lastEmitMs >= PROGRESS_HEARTBEAT_MS) emit(run);
        }, PROGRESS_HEARTBEAT_MS / 2);
      }
      runs.push(run);
      pump();
    });
  }
}

/**
 * Replications to hand a worker next: chunks of about `chunkMs` (default `TARGET_CHUNK_MS`; one replication while a source is not yet
 * timed), never more than the run has left, and smaller only near the end of all the work left in the pool (with
 * `pendingMs`: the worker's share of it less what it holds; without: `queued`, every run's replications not yet handed
 * out, shared equally), so that the workers finish together. Shrinking them at the
 * end of each run instead cut every batch of a pipelined run (the next batch already queued) into chunks of 125, 63,
 * 31, … replications, each a round trip during which its worker waited for this thread.
 */
export function chunkLength({
  remaining,
  queued,
  workers,
  msPerReplication,
  chunkMs = TARGET_CHUNK_MS,
  pendingMs,
  heldMs = 0,
}: {
  remaining: number;
  queued: number;
  workers: number;
  msPerReplication: number | undefined;
  /** The worker's chunk duration (`WorkerHandle.chunkMs`). */
  chunkMs?: number;
  /** All the work left, milliseconds: not yet handed out, and held by the workers (their chunks' unfinished parts). */
  pendingMs?: number;
  /** What this worker holds of it: the rest of its current chunk, and the one queued behind it. */
  heldMs?: number;
}): number {
  const timed = msPerReplication === undefined ? 1 : Math.max(1, Math.floor(chunkMs / msPerReplication));
  if (pendingMs === undefined || msPerReplication === undefined) {
    const balanced = Math.ceil(Math.max(remaining, queued) / workers);
    return Math.max(1, Math.min(remaining, balanced, timed));
  }
  // Half of this worker's fair share of everything left, less what it holds: near the end a worker handed a chunk
  // while it still has most of another to run gets that much less, so that all end together; and the halving makes the
  // last chunks short, so that an estimate off by a chunk costs little. Counting only the work not yet handed out, a
  // worker thread took its queued chunk's full share behind a 200 ms one, and ran on alone for up to that long after
  // the others had finished (40–160 ms at the end of a two-worker run of 4,000 standard days; 5–10 ms now).
  const share = Math.floor((pendingMs / workers - heldMs) / 2 / msPerReplication);
  return Math.max(1, Math.min(remaining, share, timed));
}

/** The source and the replications of a chunk, for messages: `scenario "Bank", replications 40–49`. */
function where(run: RunState, from: number, to: number): string {
  const first = run.first + from;
  return to - from === 1 ? `${run.name}, replication ${first}` : `${run.name}, replications ${first}–${run.first + to - 1}`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
