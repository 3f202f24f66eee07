// The capacity plan's speed: scenarios/year-plan.json, 52 weeks × 100 replications (every week simulated) with 2
// worker threads, as `ccplan capacity` runs it. Reports weeks per second and the wall time of the whole plan, and
// the engine's own weeks per second in this thread (the yardstick). Writes bench/capacity-results.json at the
// repository root. Run with `npm run bench` (after a build) or `node bench/capacity.mjs` in packages/worker.
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { capacityReplication, parseScenario, projectCapacity } from "@ccplan/core";
import { createNodePool, poolWeekSimulator } from "../dist/node.js";

const REPLICATIONS = Number(process.env.BENCH_CAPACITY_REPLICATIONS ?? 100);
const WORKERS = 2;
const raw = JSON.parse(readFileSync(new URL("../../../scenarios/year-plan.json", import.meta.url), "utf8"));
const parsed = parseScenario(raw);
if (!parsed.ok) throw new Error("scenarios/year-plan.json does not parse");
const weeks = parsed.scenario.capacity.weeks;
const output = new URL("../../../bench/capacity-results.json", import.meta.url);
const round = (value, digits = 3) => Number(value.toPrecision(digits));
const loadBefore = loadavg();

// In this thread: two replications (104 weeks) after one to warm up.
capacityReplication({ scenario: parsed.scenario }, 0);
const directStart = performance.now();
for (let k = 1; k <= 2; k++) capacityReplication({ scenario: parsed.scenario }, k);
const directWeeksPerSec = (2 * weeks) / ((performance.now() - directStart) / 1000);

const pool = createNodePool({ size: WORKERS });
await pool.warm();
const start = performance.now();
const cpuStart = process.cpuUsage();
const { rows, simulatedWeeks } = await projectCapacity({
  run: { scenario: parsed.scenario },
  replications: REPLICATIONS,
  simulate: poolWeekSimulator(pool, { scenario: raw }),
});
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
await pool.close();
if (rows.length !== REPLICATIONS) throw new Error(`expected ${REPLICATIONS} rows, got ${rows.length}`);

const results = {
  benchmark: `capacity plan: scenarios/year-plan.json, ${weeks} weeks × ${REPLICATIONS} replications, every week simulated, ${WORKERS} worker threads`,
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  node: process.version,
  loadAverage: { before: loadBefore.map((v) => round(v)), after: loadavg().map((v) => round(v)) },
  weeksSimulated: simulatedWeeks,
  seconds: round(seconds),
  weeksPerSec: round(simulatedWeeks / seconds),
  // CPU time of every thread of the process: on a shared machine, wall time ≈ cpuSeconds / coresBusy.
  cpuSeconds: round(cpuSeconds),
  coresBusy: round(cpuSeconds / seconds),
  secondsOnTwoIdleCores: round(cpuSeconds / WORKERS),
  directWeeksPerSec: round(directWeeksPerSec),
  targetSeconds: 60,
};
writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
