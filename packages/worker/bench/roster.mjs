// The roster optimiser on the issue's performance case: a week of 30-minute intervals, one group, three templates
// with 30-minute start steps and two breaks each (the default scenario with its part-time template given a second
// break). Measures each HiGHS solve (the first includes loading and compiling the WebAssembly), the rounds and
// replications used and the whole loop's time with simulations in a pool of worker threads, as `ccplan roster` runs
// it. Writes bench/roster-results.json at the repository root.
// Run with `npm run bench` (root) or `npm run bench -w @ccplan/worker`, after a build.
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { optimiseRoster, parseScenario, rosterDocument } from "@ccplan/core";
import { createNodePool, poolRunner, solverSession } from "../dist/node.js";

const output = new URL("../../../bench/roster-results.json", import.meta.url);
const REPLICATIONS = Number(process.env.BENCH_ROSTER_REPLICATIONS ?? 100);
const ITERATIONS = Number(process.env.BENCH_ROSTER_ITERATIONS ?? 10);
const round = (value, digits = 3) => Number(value.toPrecision(digits));

const raw = JSON.parse(readFileSync(new URL("../../../scenarios/default.json", import.meta.url), "utf8"));
const partTime = raw.groups[0].shiftTemplates.find((template) => template.name === "Part time");
partTime.breaks = [
  { minutes: 10, earliestAfterHours: 1, latestAfterHours: 1.5 },
  { minutes: 15, earliestAfterHours: 2.5, latestAfterHours: 3.5 },
];
const parsed = parseScenario(raw);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const scenario = parsed.scenario;

// Time each solve as the optimiser makes them (wall clock around the session, which includes writing the LP text).
const solves = [];
let size = null;
const timedSolver = {
  get loads() {
    return solverSession.loads;
  },
  async solve(model, options) {
    size ??= { variables: model.variables.length, integer: model.variables.filter((variable) => variable.integer).length, constraints: model.constraints.length };
    const start = performance.now();
    const cpu = process.cpuUsage(); // the pool is idle while the optimiser solves: this is the solve's CPU time
    const solution = await solverSession.solve(model, options);
    const used = process.cpuUsage(cpu);
    solves.push({ phase: options.relaxation ? "relaxation" : options.bounds ? "rounding" : "full", ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 });
    return solution;
  },
};

const loadBefore = loadavg();
const pool = createNodePool({ size: availableParallelism() });
await pool.warm();
const runner = poolRunner(pool);
let simulated = 0;
const loopStart = performance.now();
const cpuStart = process.cpuUsage();
const result = await optimiseRoster({
  scenario,
  solver: timedSolver,
  simulate: async (target, from, to, onProgress) => {
    simulated += to - from;
    return runner.vectors({ kind: "scenario", scenario: target }, from, to, onProgress);
  },
  replications: REPLICATIONS,
  iterations: ITERATIONS,
  confidenceLevels: [],
});
const loopMs = performance.now() - loopStart;
const cpu = process.cpuUsage(cpuStart);
await pool.close();

const document = rosterDocument(result, scenario.money?.currency ?? null);
// One "solve" of the roster is its three HiGHS runs (relaxation, rounding, full program).
const perSolve = [];
const perSolveCpu = [];
for (let i = 0; i + 2 < solves.length; i += 3) {
  perSolve.push(solves[i].ms + solves[i + 1].ms + solves[i + 2].ms);
  perSolveCpu.push(solves[i].cpuMs + solves[i + 1].cpuMs + solves[i + 2].cpuMs);
}
const sorted = [...perSolve].sort((a, b) => a - b);
const sortedCpu = [...perSolveCpu].sort((a, b) => a - b);
const report = {
  benchmark: "ccplan roster on the default week (30-minute intervals, one group, three templates with 30-minute start steps and two breaks each), simulations in a pool of worker threads",
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? "unknown",
  cores: availableParallelism(),
  node: process.version,
  loadAverage: { before: loadBefore.map((value) => round(value)), after: loadavg().map((value) => round(value)) },
  model: { templates: scenario.groups[0].shiftTemplates.length, ...size, confidence: result.confidence, margin: round(result.margin) },
  solve: {
    count: perSolve.length,
    firstMs: round(perSolve[0] ?? NaN),
    medianMs: round(sorted[Math.floor(sorted.length / 2)] ?? NaN),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
    firstCpuMs: round(perSolveCpu[0] ?? NaN),
    medianCpuMs: round(sortedCpu[Math.floor(sortedCpu.length / 2)] ?? NaN),
    maxCpuMs: round(sortedCpu[sortedCpu.length - 1] ?? NaN),
    lastGap: round(document.gap),
    lastStatus: document.solver.status,
  },
  rounds: result.iterations.length,
  replicationsPerRound: REPLICATIONS,
  replicationsSimulated: simulated,
  loopSec: round(loopMs / 1000),
  processCpuSec: round((cpu.user + cpu.system) / 1e6),
  outcome: {
    verified: document.verified,
    openIntervals: document.intervals.filter((row) => row.open).length,
    missedToday: document.intervals.filter((row) => row.open && (row.before.targetMet.probability ?? 1) < result.confidence).length,
    stillShort: document.intervalsStillShort.length,
    paidHoursToday: document.today.paidHours,
    paidHours: document.paidHours,
    costToday: document.today.cost,
    cost: document.cost,
  },
};
writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `roster: ${report.rounds} rounds of ${REPLICATIONS} weeks (${simulated} simulated) in ${report.loopSec} s; ` +
    `solve first ${report.solve.firstMs} ms, median ${report.solve.medianMs} ms, max ${report.solve.maxMs} ms ` +
    `(CPU ${report.solve.firstCpuMs}, ${report.solve.medianCpuMs}, ${report.solve.maxCpuMs} ms); process CPU ${report.processCpuSec} s; ` +
    `verified ${report.outcome.verified}; ${report.outcome.paidHours} paid hours a week against ${report.outcome.paidHoursToday} today`,
);
