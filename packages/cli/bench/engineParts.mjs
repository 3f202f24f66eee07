// The parts of a two-worker `ccplan simulate` run that speed.mjs cannot see from outside, measured on the same
// standard day (run by speed.mjs as a child process; prints one JSON line):
// - engine: the worker's own loop (`runKpiVectors`, what a pool worker runs for a chunk, in chunks of CHUNK), warm, in worker threads:
//   N replications in one thread alone, then N in each of two threads at once. 2 × alone ÷ pair is what two busy cores
//   give the engine itself, with no pool, start-up or summary: the ceiling for any number of workers' speed-up here.
// - besideSpin: the same N in one thread while another thread only spins (integer arithmetic on registers: no memory,
//   no allocation, no V8 compiler or GC work). If the engine slows beside it about as much as beside a second engine,
//   what two workers lose is the second core's being busy at all (the one-worker run's V8 compiler and GC threads have
//   that core to themselves, and a host may run a busy guest's cores slower), not two engines sharing caches.
// - coldStart: what a fresh thread's first replications cost beyond the warm rate (the JIT compiling the engine as it
//   goes), alone and with two fresh threads at once, as a pool's workers start: the first COLD_REPLICATIONS
//   replications in the chunks a pool hands out while it times a source (1, 2, 8, 23, 76, …), minus the same count at
//   the thread's own warm rate. Two at once compile twice the code on two busy cores, where one thread's compiler had
//   the other core to itself.
// - summary: the statistics of `replications` KPI vectors (`accumulator.summary()`, what the CLI does after the last
//   replication with one worker), warm, median of 3; sharedSummary: the same with a worker thread taking its share of
//   the interval quantiles (`shareSummary`, what the CLI does with two workers), from the request to the statistics.
//
//   node packages/cli/bench/engineParts.mjs [replications per thread (1000)] [summary replications (4000)]
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { cellBlockQuantiles, createRunAccumulator, stationaryPlan } from "@ccplan/core";
import { runKpiVectors } from "@ccplan/worker/node";

const STANDARD_DAY = { arrivalsPerHour: 200, ahtSec: 180, agents: 12, patienceSec: 300, targetAnswerSec: 20, hours: 24, seed: 1 };
const source = { kind: "stationary", options: STANDARD_DAY };
const WARM_UP = 300;
const COLD_CHUNKS = [1, 2, 8, 23, 76, 140];
const COLD_REPLICATIONS = COLD_CHUNKS.reduce((a, b) => a + b, 0);

/** Replications in a pool's chunk of the standard day (its ~200 ms): the engine runs here as a pool's worker runs it. */
const CHUNK = 200;

/** Replications [from, from + count) after a warm-up, in this thread, in the pool's chunks: seconds. */
function engineSeconds(from, count) {
  for (let at = 0; at < WARM_UP; at += CHUNK) runKpiVectors(source, at, Math.min(WARM_UP, at + CHUNK));
  const start = performance.now();
  for (let at = from; at < from + count; at += CHUNK) runKpiVectors(source, at, Math.min(from + count, at + CHUNK));
  return (performance.now() - start) / 1000;
}

/** In a fresh thread: the first COLD_REPLICATIONS in the pool's first chunks, then as many again warm: seconds each,
 * and the first chunk's (one replication: a one-replication run has it too). */
function coldSeconds(from) {
  const start = performance.now();
  let first = 0;
  let at = from;
  for (const count of COLD_CHUNKS) {
    runKpiVectors(source, at, at + count);
    if (at === from) first = (performance.now() - start) / 1000;
    at += count;
  }
  const cold = (performance.now() - start) / 1000;
  const warmStart = performance.now();
  for (let k = at; k < at + COLD_REPLICATIONS; k += CHUNK) runKpiVectors(source, k, Math.min(at + COLD_REPLICATIONS, k + CHUNK));
  return { cold, first, warm: (performance.now() - warmStart) / 1000 };
}

/** Spins until `stop[0]` is set: the other core busy, touching nothing but registers. */
function spin(stop) {
  let x = 1;
  while (Atomics.load(stop, 0) === 0) for (let i = 0; i < 1e6; i++) x = (x * 1103515245 + 12345) | 0;
  return x;
}

if (!isMainThread) {
  if (workerData.job === "spin") parentPort.postMessage(spin(workerData.stop));
  else if (workerData.job === "quantiles") parentPort.on("message", (block) => parentPort.postMessage(cellBlockQuantiles(block)));
  else if (workerData.job === "engine") parentPort.postMessage(engineSeconds(workerData.from, workerData.count));
  else parentPort.postMessage(coldSeconds(workerData.from));
} else {
  const perThread = Number(process.argv[2] ?? 1000);
  const summaryReplications = Number(process.argv[3] ?? 4000);
  const inThreads = (threads, job) =>
    Promise.all(
      Array.from({ length: threads }, (_, i) => new Promise((done, fail) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { job, from: WARM_UP + i * perThread, count: perThread } });
        worker.once("message", done);
        worker.once("error", fail);
      })),
    );
  /** One engine thread beside a spinning one (started first, stopped once the engine is done). */
  const besideSpinning = async () => {
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const spinner = new Worker(new URL(import.meta.url), { workerData: { job: "spin", stop } });
    const spun = new Promise((done, fail) => {
      spinner.once("message", done);
      spinner.once("error", fail);
    });
    await new Promise((ready) => spinner.once("online", ready));
    try {
      return (await inThreads(1, "engine"))[0];
    } finally {
      Atomics.store(stop, 0, 1);
      await spun;
    }
  };
  // Alone and together alternately, twice: a change of load hits both alike.
  const alone = [];
  const pair = [];
  const besideSpin = [];
  const coldAlone = [];
  const coldPair = [];
  const extraMs = ({ cold, warm }) => (cold - warm) * 1000;
  // Beyond the first replication, which the one-replication runs of speed.mjs already count.
  const afterFirstMs = ({ cold, first, warm }) => (cold - first - (warm * (COLD_REPLICATIONS - 1)) / COLD_REPLICATIONS) * 1000;
  const coldAloneAfterFirst = [];
  const coldPairAfterFirst = [];
  for (let round = 0; round < 2; round++) {
    alone.push((await inThreads(1, "engine"))[0]);
    pair.push(Math.max(...(await inThreads(2, "engine"))));
    besideSpin.push(await besideSpinning());
    const alone1 = (await inThreads(1, "cold"))[0];
    coldAlone.push(extraMs(alone1));
    coldAloneAfterFirst.push(afterFirstMs(alone1));
    const pair2 = await inThreads(2, "cold");
    coldPair.push(Math.max(...pair2.map(extraMs)));
    coldPairAfterFirst.push(Math.max(...pair2.map(afterFirstMs)));
  }
  const best = (values) => Math.min(...values);

  const vectors = runKpiVectors(source, 0, summaryReplications).map((item) => item.vector);
  const plan = stationaryPlan(STANDARD_DAY);
  const summarySeconds = [];
  for (let round = 0; round < 4; round++) {
    const accumulator = createRunAccumulator(plan, { expectedRows: summaryReplications });
    vectors.forEach((vector, k) => accumulator.add(k, vector));
    const start = performance.now();
    accumulator.summary();
    if (round > 0) summarySeconds.push((performance.now() - start) / 1000);
  }
  // The same with 60% of the interval quantiles in a worker thread, as runSingle shares them (its WORKER_SUMMARY_SHARE).
  const quantileThread = new Worker(new URL(import.meta.url), { workerData: { job: "quantiles" } });
  await new Promise((ready) => quantileThread.once("online", ready));
  const sharedSummarySeconds = [];
  for (let round = 0; round < 4; round++) {
    const accumulator = createRunAccumulator(plan, { expectedRows: summaryReplications });
    vectors.forEach((vector, k) => accumulator.add(k, vector));
    const start = performance.now();
    const shared = accumulator.shareSummary(0.6);
    const answer = new Promise((done) => quantileThread.once("message", done));
    quantileThread.postMessage(shared.work);
    shared.prepare();
    shared.finish(await answer);
    if (round > 0) sharedSummarySeconds.push((performance.now() - start) / 1000);
  }
  await quantileThread.terminate();
  const middle = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const r = (value) => Number(value.toPrecision(3));
  console.log(JSON.stringify({
    engine: {
      replicationsPerThread: perThread,
      aloneSec: alone.map(r),
      pairSec: pair.map(r),
      // Best of the rounds on each side: the figure least touched by anything else running.
      speedup: r((2 * best(alone)) / best(pair)),
      besideSpinSec: besideSpin.map(r),
      // How much slower one engine runs with the other core spinning than with it idle (best rounds).
      slowdownBesideSpin: r(best(besideSpin) / best(alone)),
      // The same for a second engine on the other core: 2 ÷ speedup.
      slowdownBesideEngine: r(best(pair) / best(alone)),
    },
    coldStart: {
      replications: COLD_REPLICATIONS,
      chunks: COLD_CHUNKS,
      extraMsAlone: coldAlone.map(r),
      extraMsTwoAtOnce: coldPair.map(r),
      afterFirstMsAlone: coldAloneAfterFirst.map(r),
      afterFirstMsTwoAtOnce: coldPairAfterFirst.map(r),
    },
    summary: { replications: summaryReplications, sec: r(middle(summarySeconds)) },
    sharedSummary: { replications: summaryReplications, sec: r(middle(sharedSummarySeconds)) },
  }));
}
