// The engine benchmark: the standard day, single-threaded, against a minimal hand-written loop for the same
// model. Run from packages/core after a build (`npm run bench` at the root builds first). Writes
// bench/results.json at the repository root. See bench/README.md.
import { writeFileSync } from "node:fs";
import os from "node:os";
import { QUEUE_COUNTER_COUNT, computeKpis, createSimulator, stationaryPlan, sumCounters } from "../dist/index.js";
import { minimalLoop } from "./minimalLoop.mjs";

const day = { arrivalsPerHour: 200, ahtSec: 180, agents: 12, patienceSec: 300, hours: 24, targetAnswerSec: 20 };
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const resultsPath = new URL("../../../bench/results.json", import.meta.url);

// The full feature set: the plan runs every purpose's common-random-number draws (arrivals plus handle,
// patience, fcr, retry, retryDelay and repeatDelay per contact), interval KPIs and wait histograms, and the
// repeat-contact path at FCR 1 (each answered contact's fcr uniform is compared with FCR).
const plan = stationaryPlan({ ...day, intervalMinutes: 30, seed: 1 });

const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/** Runs `replicate(k)` for k = 0, 1, … until `minSeconds` of wall time have passed; wall and CPU time both. */
function time(replicate, minSeconds) {
  let replications = 0;
  let events = 0;
  let contacts = 0;
  const start = process.hrtime.bigint();
  const cpuStart = cpuSeconds();
  let elapsed = 0;
  while (elapsed < minSeconds) {
    const result = replicate(replications++);
    events += result.events;
    contacts += result.contacts;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return { replications, events, contacts, seconds: elapsed, cpuSeconds: cpuSeconds() - cpuStart };
}

const simulator = createSimulator(plan);
const timeEngine = (minSeconds) =>
  time((k) => {
    const result = simulator.run(k);
    // Offered contacts, from the counters (counter 0 of each interval; one queue).
    let contacts = 0;
    for (let i = 0; i < result.intervalCount; i++) contacts += result.queueCounters[i * QUEUE_COUNTER_COUNT];
    return { events: result.eventCount, contacts };
  }, minSeconds);
const timeMinimal = (minSeconds) => time(() => minimalLoop(day), minSeconds);

// Warm both up (JIT), then alternate the timed runs so that a burst of load elsewhere hits both alike.
timeEngine(0.5);
timeMinimal(0.5);
const engineRuns = [];
const minimalRuns = [];
for (let round = 0; round < 2; round++) {
  engineRuns.push(timeEngine(seconds / 2));
  minimalRuns.push(timeMinimal(seconds / 4));
}
const sum = (runs, key) => runs.reduce((total, run) => total + run[key], 0);
const total = (runs) =>
  Object.fromEntries(["replications", "events", "contacts", "seconds", "cpuSeconds"].map((key) => [key, sum(runs, key)]));
const engine = total(engineRuns);
const minimal = total(minimalRuns);
const engineEventsPerSec = engine.events / engine.seconds;
const minimalEventsPerSec = minimal.events / minimal.seconds;
const engineEventsPerCpuSec = engine.events / engine.cpuSeconds;
const minimalEventsPerCpuSec = minimal.events / minimal.cpuSeconds;

// A sanity line: the KPIs of one replication, so a fast but wrong engine shows.
const sample = computeKpis(sumCounters(simulator.run(0), { from: 0, to: plan.intervalCount }));

const results = {
  benchmark: "standard day: Poisson 200/h for 24 h, exponential handle mean 180 s, 12 agents, exponential patience mean 300 s, FCFS, FCR 1",
  engine: {
    replications: engine.replications,
    seconds: round(engine.seconds, 3),
    contactsPerSec: Math.round(engine.contacts / engine.seconds),
    eventsPerSec: Math.round(engineEventsPerSec),
    eventsPerCpuSec: Math.round(engineEventsPerCpuSec),
    eventsPerReplication: round(engine.events / engine.replications, 1),
  },
  minimalLoop: {
    replications: minimal.replications,
    seconds: round(minimal.seconds, 3),
    contactsPerSec: Math.round(minimal.contacts / minimal.seconds),
    eventsPerSec: Math.round(minimalEventsPerSec),
    eventsPerCpuSec: Math.round(minimalEventsPerCpuSec),
  },
  ratioToMinimalLoop: round(engineEventsPerSec / minimalEventsPerSec, 3),
  ratioToMinimalLoopCpu: round(engineEventsPerCpuSec / minimalEventsPerCpuSec, 3),
  sampleKpis: {
    offered: sample.offered,
    serviceLevel: round(sample.serviceLevel, 4),
    abandonRate: round(sample.abandonRate, 4),
    asa: round(sample.asa, 2),
    occupancy: round(sample.occupancy, 4),
  },
  cpu: os.cpus()[0]?.model ?? "unknown",
  cpuCount: os.cpus().length,
  node: process.version,
  date: new Date().toISOString(),
  loadAverage: os.loadavg().map((load) => round(load, 2)),
};
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `engine: ${(engineEventsPerSec / 1e6).toFixed(2)} M events/s, ${(results.engine.contactsPerSec / 1e6).toFixed(2)} M contacts/s ` +
    `(${engine.replications} replications in ${engine.seconds.toFixed(2)} s)\n` +
    `minimal loop: ${(minimalEventsPerSec / 1e6).toFixed(2)} M events/s; ratio ${results.ratioToMinimalLoop}\n` +
    `per CPU second: engine ${(engineEventsPerCpuSec / 1e6).toFixed(2)} M, minimal loop ${(minimalEventsPerCpuSec / 1e6).toFixed(2)} M, ratio ${results.ratioToMinimalLoopCpu}\n` +
    `load average ${results.loadAverage.join(" ")}; wrote bench/results.json`,
);

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
