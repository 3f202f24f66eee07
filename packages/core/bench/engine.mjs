// The engine benchmark: the standard day, single-threaded, against a minimal hand-written loop for the same
// model. Run from packages/core after a build (`npm run bench` at the root builds first). Writes
// bench/results.json at the repository root. See bench/README.md.
import { writeFileSync } from "node:fs";
import os from "node:os";
import { createSimulator, stationaryPlan, sumCounters, computeKpis } from "../dist/index.js";
import { minimalLoop } from "./minimalLoop.mjs";

const day = { arrivalsPerHour: 200, ahtSec: 180, agents: 12, patienceSec: 300, hours: 24, targetAnswerSec: 20 };
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const resultsPath = new URL("../../../bench/results.json", import.meta.url);

// The full feature set: the plan runs every purpose's common-random-number draws (arrivals plus handle,
// patience, fcr, retry, retryDelay and repeatDelay per contact), interval KPIs and wait histograms, and the
// repeat-contact path at FCR 1 (each answered contact's fcr uniform is compared with FCR).
const plan = stationaryPlan({ ...day, intervalMinutes: 30, seed: 1 });

function timeEngine(minSeconds) {
  const simulator = createSimulator(plan);
  let replications = 0;
  let events = 0;
  let contacts = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minSeconds) {
    const result = simulator.run(replications++);
    events += result.eventCount;
    const totals = sumCounters(result, { from: 0, to: result.intervalCount });
    contacts += totals.queue[0]; // offered
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return { replications, events, contacts, seconds: elapsed };
}

function timeMinimal(minSeconds) {
  let replications = 0;
  let events = 0;
  let contacts = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minSeconds) {
    const result = minimalLoop(day);
    replications++;
    events += result.events;
    contacts += result.contacts;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return { replications, events, contacts, seconds: elapsed };
}

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
const engine = {
  replications: sum(engineRuns, "replications"),
  events: sum(engineRuns, "events"),
  contacts: sum(engineRuns, "contacts"),
  seconds: sum(engineRuns, "seconds"),
};
const minimal = {
  replications: sum(minimalRuns, "replications"),
  events: sum(minimalRuns, "events"),
  contacts: sum(minimalRuns, "contacts"),
  seconds: sum(minimalRuns, "seconds"),
};
const engineEventsPerSec = engine.events / engine.seconds;
const minimalEventsPerSec = minimal.events / minimal.seconds;

// A sanity line: the KPIs of one replication, so a fast but wrong engine shows.
const sample = computeKpis(sumCounters(createSimulator(plan).run(0), { from: 0, to: plan.intervalCount }));

const results = {
  benchmark: "standard day: Poisson 200/h for 24 h, exponential handle mean 180 s, 12 agents, exponential patience mean 300 s, FCFS, FCR 1",
  engine: {
    replications: engine.replications,
    seconds: round(engine.seconds, 3),
    contactsPerSec: Math.round(engine.contacts / engine.seconds),
    eventsPerSec: Math.round(engineEventsPerSec),
    eventsPerReplication: round(engine.events / engine.replications, 1),
  },
  minimalLoop: {
    replications: minimal.replications,
    seconds: round(minimal.seconds, 3),
    contactsPerSec: Math.round(minimal.contacts / minimal.seconds),
    eventsPerSec: Math.round(minimalEventsPerSec),
  },
  ratioToMinimalLoop: round(engineEventsPerSec / minimalEventsPerSec, 3),
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
    `load average ${results.loadAverage.join(" ")}; wrote bench/results.json`,
);

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
