// Replications per second on the standard day with 1 and 2 worker threads, the parallel efficiency, and the
// time to the first progress event. Writes bench/worker-results.json at the repository root.
// Run with `npm run bench` (root: every package's bench, after a build) or `npm run bench -w @ccplan/worker`.
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { createSimulator, stationaryPlan } from "@ccplan/core";
import { createNodePool } from "../dist/node.js";

const STANDARD_DAY = { arrivalsPerHour: 200, ahtSec: 180, agents: 12, patienceSec: 300, hours: 24 };
const source = { kind: "stationary", options: STANDARD_DAY };
const TARGET_SEC = Number(process.env.BENCH_SECONDS ?? 3); // length of the 1-worker run
const ROUNDS = 3; // 1- and 2-worker runs alternate; the best of each counts (the machine is shared)
const output = new URL("../../../bench/worker-results.json", import.meta.url);

const round = (value, digits = 3) => Number(value.toPrecision(digits));
/** CPU time of the whole process (every thread), milliseconds. */
const cpuMs = ({ user, system }) => (user + system) / 1000;
const loadBefore = loadavg();

// The engine alone, in this thread: the yardstick for the pool's overhead and for sizing the runs. It keeps its
// results, as a pool run does (fresh result buffers that stay alive cost about 15% more than ones dropped at once).
const simulator = createSimulator(stationaryPlan(STANDARD_DAY));
for (let k = 0; k < 50; k++) simulator.run(k);
let directCount = 0;
const kept = [];
const directStart = performance.now();
const directCpu = process.cpuUsage();
while (performance.now() - directStart < 1000) kept.push(simulator.run(directCount++));
const directPerSec = directCount / ((performance.now() - directStart) / 1000);
const directCpuMsPerReplication = cpuMs(process.cpuUsage(directCpu)) / directCount;
const replications = Math.max(100, Math.round(directPerSec * TARGET_SEC));
kept.length = 0;

/** Time to the first progress event (and the first one with replications done) on a fresh pool, started on
 * demand by the run (cold) or by `warm()` beforehand (warm: threads up and core loaded; the plan still compiles). */
async function firstProgress(size, warm) {
  const pool = createNodePool({ size });
  if (warm) await pool.warm();
  const start = performance.now();
  let firstMs;
  let firstDoneMs;
  await pool.run({
    source,
    replications: Math.max(size * 4, Math.round(directPerSec)),
    onProgress: ({ done }) => {
      const at = performance.now() - start;
      firstMs ??= at;
      if (done > 0) firstDoneMs ??= at;
    },
  });
  await pool.close();
  return { anyMs: round(firstMs, 3), withProgressMs: round(firstDoneMs, 3) };
}

/** Progress events of a 2-worker run stopped after 2 s: events per second and the longest gap between two (the pool
 * promises at least 4 a second; tests check what the events say, this bench how often they come). */
async function progressCadence() {
  const pool = createNodePool({ size: 2 });
  await pool.warm();
  const start = performance.now();
  const at = [];
  await pool.run({ source, replications: 1_000_000, signal: AbortSignal.timeout(2000), onProgress: () => at.push(performance.now() - start) });
  const elapsedMs = performance.now() - start;
  await pool.close();
  const gaps = at.map((ms, i) => ms - (i === 0 ? 0 : at[i - 1]));
  return { eventsPerSec: round(at.length / (elapsedMs / 1000), 3), longestGapMs: round(Math.max(...gaps), 3) };
}

/** Milliseconds from `abort()` to the run's partial result (its busy threads terminated), on 2 workers mid-run: 5
 * cancels, each 0.5 s into a run (the pool promises well under 200 ms). */
async function cancelLatencies() {
  const latencies = [];
  for (let i = 0; i < 5; i++) {
    const pool = createNodePool({ size: 2 });
    await pool.warm();
    const controller = new AbortController();
    const running = pool.run({ source, replications: 1_000_000, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const abortedAt = performance.now();
    controller.abort();
    await running;
    latencies.push(performance.now() - abortedAt);
    await pool.close();
  }
  latencies.sort((a, b) => a - b);
  return { median: round(latencies[2], 3), largest: round(latencies[4], 3), all: latencies.map((ms) => round(ms, 3)) };
}

/** One run on a warm pool (threads started, plan compiled): replications per second of wall-clock time, CPU
 * time per replication over all threads, and the cores the process kept busy (CPU time over wall time). */
async function timed(pool) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const { completed } = await pool.run({ source, replications });
  const wallMs = performance.now() - start;
  const usedMs = cpuMs(process.cpuUsage(cpu));
  return { perSec: completed / (wallMs / 1000), cpuMsPerReplication: usedMs / completed, coresBusy: usedMs / wallMs };
}

const pools = { 1: createNodePool({ size: 1 }), 2: createNodePool({ size: 2 }) };
for (const pool of Object.values(pools)) await pool.run({ source, replications: 40 });
const rates = { 1: [], 2: [] };
for (let r = 0; r < ROUNDS; r++) for (const size of [1, 2]) rates[size].push(await timed(pools[size]));
await Promise.all(Object.values(pools).map((pool) => pool.close()));
const bestRun = (size) => rates[size].reduce((a, b) => (b.perSec > a.perSec ? b : a));
const best = (size) => bestRun(size).perSec;
const efficiency = best(2) / (2 * best(1));
// What the pool would reach on two free cores: the engine's CPU time per replication over the pool's (all threads).
const cpuEfficiency = directCpuMsPerReplication / bestRun(2).cpuMsPerReplication;
const cold = { 1: await firstProgress(1, false), 2: await firstProgress(2, false) };
const cadence = await progressCadence();
const cancelMs = await cancelLatencies();
const warmed = { 1: await firstProgress(1, true), 2: await firstProgress(2, true) };

const results = {
  benchmark: "worker pool: replications of the standard day (200/h for 24 h, AHT 180 s, 12 agents, patience 300 s)",
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? "unknown",
  cores: availableParallelism(),
  node: process.version,
  loadAverage: { before: loadBefore.map((v) => round(v)), after: loadavg().map((v) => round(v)) },
  replicationsPerRun: replications,
  directReplicationsPerSec: round(directPerSec, 4),
  directCpuMsPerReplication: round(directCpuMsPerReplication, 4),
  workers: [1, 2].map((size) => ({
    workers: size,
    replicationsPerSec: round(best(size), 4),
    cpuMsPerReplication: round(bestRun(size).cpuMsPerReplication, 4),
    coresBusy: round(bestRun(size).coresBusy, 3),
    allRoundsPerSec: rates[size].map((run) => round(run.perSec, 4)),
    timeToFirstProgressMs: { cold: cold[size], afterWarm: warmed[size] },
  })),
  progress: { ...cadence, targetEventsPerSec: 4 },
  cancelLatencyMs: { ...cancelMs, target: 200 },
  parallelEfficiency: round(efficiency, 3),
  parallelEfficiencyTarget: 0.85,
  cpuEfficiency: round(cpuEfficiency, 3),
  notes:
    "Best of the rounds for each worker count, on warm pools. parallelEfficiency is wall-clock: 2-worker rate over " +
    "twice the 1-worker rate; it is only meaningful when coresBusy for 2 workers is near 2 (the machine is shared: " +
    "see loadAverage). cpuEfficiency is load-independent: the engine's CPU time per replication in one thread over " +
    "the 2-worker pool's CPU time per replication, every thread counted (what the pool costs beyond the engine). " +
    "timeToFirstProgressMs is measured on a fresh pool, " +
    "cold (threads start on demand: thread start, module load and plan compile included) and after pool.warm() " +
    "(plan compile included): anyMs is the first event (a heartbeat may come before any replication is done), " +
    "withProgressMs the first with replications done. progress: events per second and the longest gap between two " +
    "on a 2-worker run stopped after 2 s. cancelLatencyMs: abort() to the partial result, 2 workers, 5 cancels.",
};
mkdirSync(new URL(".", output), { recursive: true });
writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `worker pool, standard day: direct ${round(directPerSec, 4)}/s · 1 worker ${round(best(1), 4)}/s · 2 workers ` +
    `${round(best(2), 4)}/s (${round(bestRun(2).coresBusy, 3)} cores busy) · efficiency ${(efficiency * 100).toFixed(1)}% ` +
    `(target ≥ 85%), CPU efficiency ${(cpuEfficiency * 100).toFixed(1)}% · first progress ` +
    `${cold[2].withProgressMs} ms cold, ${warmed[2].withProgressMs} ms warm (2 workers) · progress ${cadence.eventsPerSec}/s ` +
    `(longest gap ${cadence.longestGapMs} ms) · cancel ${cancelMs.median} ms (largest ${cancelMs.largest}) · load ${loadBefore.map((v) => v.toFixed(2)).join(" ")}`,
);
