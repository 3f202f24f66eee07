// The parts of a two-worker `ccplan simulate` run that speed.mjs cannot see from outside, measured on the same
// standard day (run by speed.mjs as a child process; prints one JSON line):
// - engine: the worker's own loop (`runKpiVectors`, what a pool worker runs for a chunk), warm, in worker threads:
//   N replications in one thread alone, then N in each of two threads at once. 2 × alone ÷ pair is what two busy cores
//   give the engine itself, with no pool, start-up or summary: the ceiling for any number of workers' speed-up here.
// - summary: the statistics of `replications` KPI vectors (`accumulator.summary()`, what the CLI does after the last
//   replication, in one thread whatever the workers), warm, median of 3.
//
//   node packages/cli/bench/engineParts.mjs [replications per thread (1000)] [summary replications (4000)]
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { createRunAccumulator, stationaryPlan } from "@ccplan/core";
import { runKpiVectors } from "@ccplan/worker/node";

const STANDARD_DAY = { arrivalsPerHour: 200, ahtSec: 180, agents: 12, patienceSec: 300, targetAnswerSec: 20, hours: 24, seed: 1 };
const source = { kind: "stationary", options: STANDARD_DAY };
const WARM_UP = 300;

/** Replications [from, from + count) after a warm-up, in this thread: seconds. */
function engineSeconds(from, count) {
  runKpiVectors(source, 0, WARM_UP);
  const start = performance.now();
  runKpiVectors(source, from, from + count);
  return (performance.now() - start) / 1000;
}

if (!isMainThread) {
  parentPort.postMessage(engineSeconds(workerData.from, workerData.count));
} else {
  const perThread = Number(process.argv[2] ?? 1000);
  const summaryReplications = Number(process.argv[3] ?? 4000);
  const inThreads = (threads) =>
    Promise.all(
      Array.from({ length: threads }, (_, i) => new Promise((done, fail) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { from: WARM_UP + i * perThread, count: perThread } });
        worker.once("message", done);
        worker.once("error", fail);
      })),
    );
  // Alone and together alternately, twice: a change of load hits both alike.
  const alone = [];
  const pair = [];
  for (let round = 0; round < 2; round++) {
    alone.push((await inThreads(1))[0]);
    pair.push(Math.max(...(await inThreads(2))));
  }
  const best = (values) => Math.min(...values);

  const vectors = runKpiVectors(source, 0, summaryReplications).map((item) => item.vector);
  const plan = stationaryPlan(STANDARD_DAY);
  const summarySeconds = [];
  for (let round = 0; round < 4; round++) {
    const accumulator = createRunAccumulator(plan);
    vectors.forEach((vector, k) => accumulator.add(k, vector));
    const start = performance.now();
    accumulator.summary();
    if (round > 0) summarySeconds.push((performance.now() - start) / 1000);
  }
  summarySeconds.sort((a, b) => a - b);
  const r = (value) => Number(value.toPrecision(3));
  console.log(JSON.stringify({
    engine: {
      replicationsPerThread: perThread,
      aloneSec: alone.map(r),
      pairSec: pair.map(r),
      // Best of the rounds on each side: the figure least touched by anything else running.
      speedup: r((2 * best(alone)) / best(pair)),
    },
    summary: { replications: summaryReplications, sec: r(summarySeconds[1]) },
  }));
}
