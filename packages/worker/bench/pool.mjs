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
const loadBefore = loadavg();

// The engine alone, in this thread: the yardstick for the pool's overhead and for sizing the runs.
const simulator = createSimulator(stationaryPlan(STANDARD_DAY));
for (let k = 0; k < 50; k++) simulator.run(k);
let directCount = 0;
const directStart = performance.now();
while (performance.now() - directStart < 1000) simulator.run(directCount++);
const directPerSec = directCount / ((performance.now() - directStart) / 1000);
const replications = Math.max(100, Math.round(directPerSec * TARGET_SEC));

/** Time to the first progress event (and the first one with replications done) on a fresh pool. */
async function firstProgress(size) {
  const pool = createNodePool({ size });
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

/** Replications per second of one run on a warm pool (threads started, plan compiled). */
async function timed(pool) {
  const start = performance.now();
  const { completed } = await pool.run({ source, replications });
  return completed / ((performance.now() - start) / 1000);
}

const pools = { 1: createNodePool({ size: 1 }), 2: createNodePool({ size: 2 }) };
for (const pool of Object.values(pools)) await pool.run({ source, replications: 40 });
const rates = { 1: [], 2: [] };
for (let r = 0; r < ROUNDS; r++) for (const size of [1, 2]) rates[size].push(await timed(pools[size]));
await Promise.all(Object.values(pools).map((pool) => pool.close()));
const best = (size) => Math.max(...rates[size]);
const efficiency = best(2) / (2 * best(1));
const cold = { 1: await firstProgress(1), 2: await firstProgress(2) };

const results = {
  benchmark: "worker pool: replications of the standard day (200/h for 24 h, AHT 180 s, 12 agents, patience 300 s)",
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? "unknown",
  cores: availableParallelism(),
  node: process.version,
  loadAverage: { before: loadBefore.map((v) => round(v)), after: loadavg().map((v) => round(v)) },
  replicationsPerRun: replications,
  directReplicationsPerSec: round(directPerSec, 4),
  workers: [1, 2].map((size) => ({
    workers: size,
    replicationsPerSec: round(best(size), 4),
    allRoundsPerSec: rates[size].map((v) => round(v, 4)),
    timeToFirstProgressMs: cold[size],
  })),
  parallelEfficiency: round(efficiency, 3),
  parallelEfficiencyTarget: 0.85,
  notes:
    "Best of the rounds for each worker count, on warm pools. timeToFirstProgressMs is measured on a fresh pool: " +
    "anyMs is the first event (a heartbeat may come before any replication is done), withProgressMs the first " +
    "with replications done (thread start, module load and plan compile included).",
};
mkdirSync(new URL(".", output), { recursive: true });
writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `worker pool, standard day: direct ${round(directPerSec, 4)}/s · 1 worker ${round(best(1), 4)}/s · 2 workers ` +
    `${round(best(2), 4)}/s · efficiency ${(efficiency * 100).toFixed(1)}% (target ≥ 85%) · first progress ` +
    `${cold[2].withProgressMs} ms (2 workers, cold) · load ${loadBefore.map((v) => v.toFixed(2)).join(" ")}`,
);
