import {
  createPairedAccumulator,
  createRunAccumulator,
  kpiVectorLayout,
  precisionPlan,
  precisionReached,
  type KpiId,
  type PairedComparison,
  type Plan,
  type RunAccumulator,
  type RunStatistics,
} from "@ccplan/core";
import type { PlanSource } from "./planSource.js";
import type { VectorRunner } from "./vectorRunner.js";

/** A precision-driven stop: run until the 95% CI half-width of `kpi` is at most `halfWidth` (its unit). */
export interface PrecisionTarget {
  kpi: KpiId;
  halfWidth: number;
}

/** What a precision-driven run reports beside its statistics. */
export interface PrecisionOutcome extends PrecisionTarget {
  reached: boolean;
  replications: number;
}

/** A source the workers compile, with the same plan compiled on this side (for layouts and labels). */
export interface PlannedSource {
  source: PlanSource;
  plan: Plan;
}

/** Progress of a whole run (all scenarios and batches): replications done, the total, seconds left (estimate). */
export type RunProgressSink = (done: number, total: number, etaSec: number | null) => void;

/** Replications are run in batches of at most this many, so memory stays bounded and a paired comparison never
 * holds more than a batch of vectors. */
const BATCH = 250;
/** And in batches whose KPI vectors (every scenario of a comparison together) take at most this many bytes: a plan of
 * 50 queues × 92 days of 15 minutes has 2 MB vectors. The statistics do not depend on the batches (replications are
 * added in order), only the memory of this thread does. */
const BATCH_BYTES = 64 * 1024 * 1024;

/** A run that fits in one batch is still cut into this many (of at least MIN_PIPELINED replications), so that this
 * thread folds one batch while the workers run the next: in one batch, the whole fold waited for the last replication
 * while the workers idled (the browser's default comparison, 4 × 100 weeks, folded ~0.3 s at the end). */
const PIPELINED_BATCHES = 4;
const MIN_PIPELINED = 10;

/** Replications per batch for vectors of `layoutLength` values, `scenarios` of them per replication, in a run of at most
 * `replications`. */
export function batchSize(layoutLength: number, scenarios: number, replications = Infinity): number {
  const pipelined = replications <= BATCH ? Math.max(MIN_PIPELINED, Math.ceil(replications / PIPELINED_BATCHES)) : BATCH;
  return Math.max(1, Math.min(BATCH, pipelined, Math.floor(BATCH_BYTES / (layoutLength * Float64Array.BYTES_PER_ELEMENT * scenarios))));
}

/** The batches [from, to) between two stop points, at most `size` replications each. */
function batches(from: number, to: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let start = from; start < to; start += size) out.push([start, Math.min(to, start + size)]);
  return out;
}

/** Where a run checks whether to stop: fixed in advance, so the answer never depends on the number of workers. */
function stopPoints(maxReplications: number, precision: PrecisionTarget | undefined): number[] {
  if (precision) return precisionPlan({ maxReplications });
  const ends: number[] = [];
  for (let end = Math.min(BATCH, maxReplications); end < maxReplications; end += BATCH) ends.push(end);
  ends.push(maxReplications);
  return ends;
}

/** Tracks the completed share of a multi-part run and estimates the time left from the rate so far. Parts run one
 * after another (`within`, then `finishPart`) or side by side (`part`: each reports its own progress). */
export function progressTracker(total: number, sink: RunProgressSink | undefined, now: () => number = Date.now) {
  const startMs = now();
  let completed = 0;
  let current = 0;
  /** Progress of the parts running side by side, by part. */
  const running = new Map<object, number>();
  const report = () => {
    if (!sink) return;
    let overall = completed + current;
    for (const done of running.values()) overall += done;
    const elapsedSec = (now() - startMs) / 1000;
    const etaSec = overall > 0 && elapsedSec > 0.5 ? (elapsedSec / overall) * Math.max(0, total - overall) : null;
    sink(overall, total, etaSec);
  };
  return {
    /** Reports progress within the current part (`done` replications of it), on top of completed parts. */
    within(done: number) {
      current = done;
      report();
    },
    finishPart(count: number) {
      completed += count;
      current = 0;
      report();
    },
    /** A part of `count` replications that may run beside others: report its progress with `within`, then `finish`. */
    part(count: number) {
      const key = {};
      running.set(key, 0);
      return {
        within(done: number) {
          if (!running.has(key)) return;
          running.set(key, done);
          report();
        },
        finish() {
          running.delete(key);
          completed += count;
          report();
        },
      };
    },
  };
}

/**
 * Runs `start` for each of `spans` and hands each outcome to `fold`, in order, with the next span already started
 * while this thread waits for and folds the current one: a pool of workers always has queued work (its workers do
 * not idle at the end of a batch, while this thread folds it, nor between batches), and at most two batches are held.
 * The outcomes are folded in span order, so what is built from them does not change.
 */
async function pipelined<T>(spans: readonly [number, number][], start: (from: number, to: number) => Promise<T>, fold: (from: number, to: number, value: T) => void): Promise<void> {
  let next: Promise<T> | undefined = spans.length > 0 ? start(...spans[0]!) : undefined;
  for (let i = 0; i < spans.length; i++) {
    const current = next!;
    next = i + 1 < spans.length ? start(...spans[i + 1]!) : undefined;
    // Awaited in its turn; should it fail first, the failure must not count as unhandled meanwhile.
    next?.catch(() => undefined);
    const value = await current;
    fold(spans[i]![0], spans[i]![1], value);
  }
}

/** The share of a summary's interval quantiles an idle worker takes (`summarize`): this thread meanwhile takes the rest,
 * and the span's, days' and queues' statistics, about as long. */
const WORKER_SUMMARY_SHARE = 0.6;

/**
 * The run's statistics, with the interval quantiles (most of a long run's summary) shared with an idle worker thread
 * when the runner has one: a two-worker `ccplan simulate` of 4,000 standard days spent its last ~0.1 s in this thread's
 * summary while the other core idled. The same statistics, to the bit, either way (`RunAccumulator.shareSummary`);
 * should the worker fail, this thread takes its share. `done` (the caller's `onReplicationsDone`: it may close the
 * runner) is called once no worker is needed any more.
 */
async function summarize(accumulator: RunAccumulator, runner: VectorRunner, done: (() => void) | undefined): Promise<RunStatistics> {
  const shared = runner.cellQuantiles ? accumulator.shareSummary(WORKER_SUMMARY_SHARE) : null;
  const elsewhere = shared ? runner.cellQuantiles!(shared.work) : undefined;
  if (!shared || !elsewhere) {
    done?.();
    return accumulator.summary();
  }
  shared.prepare();
  const quantiles = await elsewhere.catch(() => undefined);
  done?.();
  return shared.finish(quantiles);
}

/** The accumulators' capacity hint: a run without a precision target adds exactly `maxReplications` (one with a target
 * may stop far earlier, so it gets none). */
function expectedRows(maxReplications: number, precision: PrecisionTarget | undefined): { expectedRows?: number } {
  return precision ? {} : { expectedRows: maxReplications };
}

/**
 * Runs one source for `maxReplications` replications (or, with `precision`, until the precision is reached at
 * one of the fixed check points, at most `maxReplications`), streaming KPI vectors into core's accumulator in
 * replication order. The result is the same whatever runner (threads, Web Workers, in process) does the work.
 * Without a precision target and with a runner that streams (a pool), the whole run is one stream; otherwise it goes in
 * batches, the next started while this thread folds the current one.
 */
export async function runSingle(options: {
  runner: VectorRunner;
  planned: PlannedSource;
  maxReplications: number;
  precision?: PrecisionTarget;
  onProgress?: RunProgressSink;
  /** Service level (fraction) an interval, day or span must reach to count as "target met"; default the plan's. */
  targetServiceLevel?: number;
  /** Called once the runner is needed no more (the last replication back, and a worker's share of the summary, if
   * one took it): a caller can close the runner then, so that its threads end while this thread finishes the summary
   * instead of after. */
  onReplicationsDone?: () => void;
}): Promise<{ statistics: RunStatistics; precision?: PrecisionOutcome }> {
  const { runner, planned, maxReplications, precision } = options;
  const accumulator = createRunAccumulator(planned.plan, {
    ...(options.targetServiceLevel !== undefined && { targetServiceLevel: options.targetServiceLevel }),
    ...expectedRows(maxReplications, precision),
  });
  const tracker = progressTracker(maxReplications, options.onProgress);
  const size = batchSize(accumulator.layout.length, 1, maxReplications);
  if (!precision && runner.stream) {
    // No check points to stop at: the whole run in one stream, folded as it comes.
    const part = tracker.part(maxReplications);
    await runner.stream(planned.source, 0, maxReplications, (first, vectors) => vectors.forEach((vector, i) => accumulator.add(first + i, vector)), part.within);
    part.finish();
    return { statistics: await summarize(accumulator, runner, options.onReplicationsDone) };
  }
  let done = 0;
  let reached = false;
  for (const end of stopPoints(maxReplications, precision)) {
    await pipelined(
      batches(done, end, size),
      async (from, to) => {
        const part = tracker.part(to - from);
        const vectors = await runner.vectors(planned.source, from, to, part.within);
        part.finish();
        return vectors;
      },
      (from, _to, vectors) => vectors.forEach((vector, i) => accumulator.add(from + i, vector)),
    );
    done = end;
    if (precision && precisionReached({ values: accumulator.values(precision.kpi), halfWidth: precision.halfWidth, upTo: done })) {
      reached = true;
      break;
    }
  }
  return {
    statistics: await summarize(accumulator, runner, options.onReplicationsDone),
    ...(precision && { precision: { ...precision, reached, replications: done } }),
  };
}

/** True when a variant keeps the baseline's span and queues, so their KPI vectors can be paired value by value. */
export function comparable(baseline: Plan, variant: Plan): boolean {
  return kpiVectorLayout(baseline).length === kpiVectorLayout(variant).length;
}

/**
 * Streams replications 0 … replications − 1 of every source at once (one stream each, in lockstep: the pool hands
 * each chunk to the stream furthest behind) and calls `fold(k, vectors)` with replication k of every source, in
 * source order, for k = 0, 1, 2, … as soon as every stream has delivered k. Holds only the stretches not yet folded.
 * When one stream fails, the others are stopped (their next stretch throws) and this rejects with the first failure.
 */
async function pairedStreams(
  stream: NonNullable<VectorRunner["stream"]>,
  sources: readonly PlanSource[],
  replications: number,
  tracker: ReturnType<typeof progressTracker>,
  fold: (k: number, vectors: Float64Array[]) => void,
): Promise<void> {
  const lockstep = {};
  /** Per source: stretches come back and not yet folded, in order; how far into the first one folding is; how many
   * replications came back. */
  const held = sources.map(() => ({ stretches: [] as Float64Array[][], at: 0, received: 0 }));
  let folded = 0;
  let failed = false;
  await Promise.all(
    sources.map(async (source, s) => {
      const part = tracker.part(replications);
      const mine = held[s]!;
      try {
        await stream(
          source,
          0,
          replications,
          (first, vectors) => {
            if (failed) throw new Error("stopped: the run of another scenario of the comparison failed");
            if (first !== mine.received) throw new Error(`replications came back from ${first}, expected from ${mine.received}`);
            if (vectors.length === 0) return;
            mine.stretches.push(vectors);
            mine.received += vectors.length;
            let ready = replications;
            for (const other of held) ready = Math.min(ready, other.received);
            for (; folded < ready; folded++) {
              fold(
                folded,
                held.map((h) => {
                  const stretch = h.stretches[0]!;
                  const vector = stretch[h.at++]!;
                  if (h.at === stretch.length) {
                    h.stretches.shift();
                    h.at = 0;
                  }
                  return vector;
                }),
              );
            }
          },
          part.within,
          { lockstep },
        );
      } catch (error) {
        failed = true;
        throw error;
      }
      part.finish();
    }),
  );
}

/**
 * Runs a baseline and its variants on the same seed and replication numbers (common random numbers) and
 * returns each one's statistics and the paired deltas. With `precision`, stops at the first check point where
 * every variant's delta of `precision.kpi` has a 95% CI half-width at most `precision.halfWidth`. Throws when a
 * variant is not `comparable` with the baseline.
 * Without a precision target and with a runner that streams (a pool), every scenario runs as one stream over the
 * whole range, all at once and side by side, and replication k is folded as soon as every scenario has it; otherwise
 * in batches, every scenario's batch started together, the next before this one is folded. The replications are
 * folded in order either way, so the result does not depend on the path, the runner or the number of workers.
 */
export async function runPaired(options: {
  runner: VectorRunner;
  baseline: PlannedSource;
  variants: { name: string; planned: PlannedSource }[];
  maxReplications: number;
  precision?: PrecisionTarget;
  onProgress?: RunProgressSink;
  /** Called once the last replication has come back, before the summaries (as `runSingle`'s): a caller that needs its
   * runner no more can close it then, so that its threads end while this thread summarises. */
  onReplicationsDone?: () => void;
}): Promise<{ baseline: RunStatistics; variants: RunStatistics[]; comparison: PairedComparison; precision?: PrecisionOutcome }> {
  const { runner, baseline, variants, maxReplications, precision } = options;
  for (const variant of variants) {
    if (!comparable(baseline.plan, variant.planned.plan)) {
      throw new Error(`intervention ${JSON.stringify(variant.name)} changes the simulated span or queues; it cannot be compared interval by interval with the baseline`);
    }
  }
  const layout = kpiVectorLayout(baseline.plan);
  const expected = expectedRows(maxReplications, precision);
  const baselineRun = createRunAccumulator(baseline.plan, expected);
  const variantRuns = variants.map((variant) => createRunAccumulator(variant.planned.plan, expected));
  const paired = createPairedAccumulator({ layout, variants: variants.map((variant) => variant.name), ...expected });
  const tracker = progressTracker(maxReplications * (variants.length + 1), options.onProgress);
  const size = batchSize(layout.length, variants.length + 1, maxReplications);
  /** Adds replication k: `vectors` holds the baseline's, then each variant's. */
  const fold = (k: number, vectors: readonly Float64Array[]) => {
    const base = vectors[0]!;
    const others = vectors.slice(1);
    baselineRun.add(k, base);
    variantRuns.forEach((run, v) => run.add(k, others[v]!));
    paired.add(k, base, others);
  };
  const summaries = () => ({ baseline: baselineRun.summary(), variants: variantRuns.map((run) => run.summary()), comparison: paired.summary() });
  let done = 0;
  let reached = false;
  const scenarios = [baseline, ...variants.map((variant) => variant.planned)];
  if (!precision && runner.stream) {
    // No check points to stop at: one stream per scenario (the baseline's first), folded as the slowest comes.
    await pairedStreams(runner.stream.bind(runner), scenarios.map((planned) => planned.source), maxReplications, tracker, fold);
    options.onReplicationsDone?.();
    return summaries();
  }
  for (const end of stopPoints(maxReplications, precision)) {
    // Every scenario's batch is started at once (a pool serves them in this order), the next batch before this one
    // is folded; the folding is in replication order, as it always was.
    await pipelined(
      batches(done, end, size),
      (from, to) =>
        Promise.all(
          scenarios.map(async (planned) => {
            const part = tracker.part(to - from);
            const vectors = await runner.vectors(planned.source, from, to, part.within);
            part.finish();
            return vectors;
          }),
        ),
      (from, to, vectors) => {
        for (let i = 0; i < to - from; i++) fold(from + i, vectors.map((scenario) => scenario[i]!));
      },
    );
    done = end;
    if (
      precision &&
      variants.every((variant) => precisionReached({ values: paired.deltas(variant.name, precision.kpi), halfWidth: precision.halfWidth, upTo: done }))
    ) {
      reached = true;
      break;
    }
  }
  options.onReplicationsDone?.();
  return {
    ...summaries(),
    ...(precision && { precision: { ...precision, reached, replications: done } }),
  };
}
