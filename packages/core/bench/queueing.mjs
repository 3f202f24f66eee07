// How long the exact queueing formulas take at the sizes the tests check them for accuracy (20,000 agents at
// occupancy 0.99, four weeks of 15-minute intervals, a target out of reach). The tests assert the answers; their
// speed is measured here (a timed assertion in a test fails on a busy machine and proves nothing on an idle one).
// Writes bench/queueing-results.json at the repository root; run by `npm run bench` after the engine's bench.
import { writeFileSync } from "node:fs";
import os from "node:os";
import { erlangA, erlangB, erlangC, requiredAgentsByInterval, solveAgents } from "../dist/index.js";

const resultsPath = new URL("../../../bench/queueing-results.json", import.meta.url);
const ROUNDS = 5;
const round = (value) => Number(value.toPrecision(3));

/** Median wall and CPU milliseconds of `ROUNDS` calls (after one untimed call: the JIT's first compile is not the figure). */
function time(call) {
  call();
  const wall = [];
  const cpu = [];
  for (let r = 0; r < ROUNDS; r++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    call();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
  return { wallMs: round(median(wall)), cpuMs: round(median(cpu)) };
}

const fourWeeks = Float64Array.from({ length: 4 * 7 * 96 }, (_, i) => (40 + 30 * Math.sin((i / 96) * 2 * Math.PI)) / 60);
const cases = [
  { name: "erlangB(20000, 19800)", targetMs: 50, call: () => erlangB(20_000, 19_800) },
  { name: "erlangC, 20,000 agents, occupancy 0.99", targetMs: 50, call: () => erlangC({ arrivalRatePerSec: 66, ahtSec: 300, agents: 20_000, targetAnswerSec: 20 }) },
  { name: "erlangA, 20,000 agents, occupancy 0.99", targetMs: 100, call: () => erlangA({ arrivalRatePerSec: 66, ahtSec: 300, agents: 20_000, patienceSec: 300, targetAnswerSec: 20 }) },
  {
    name: "solveAgents at 19,000 erlangs, Erlang C and A",
    targetMs: 1000,
    call: () => {
      solveAgents({ arrivalRatePerSec: 19_000 / 300, ahtSec: 300, model: "c", targetServiceLevel: 0.9 });
      solveAgents({ arrivalRatePerSec: 19_000 / 300, ahtSec: 300, patienceSec: 200, model: "a", targetServiceLevel: 0.9 });
    },
  },
  { name: "solveAgents, Erlang A, target 100% (out of reach: stops at the cap)", targetMs: 2000, call: () => solveAgents({ arrivalRatePerSec: 0.05, ahtSec: 180, patienceSec: 300, model: "a", targetServiceLevel: 1 }) },
  {
    name: "requiredAgentsByInterval, four weeks of 15-minute intervals, Erlang A",
    targetMs: 2000,
    call: () => requiredAgentsByInterval({ model: "a", targetAnswerSec: 20, targetServiceLevel: 0.8, shrinkage: 0.3, patienceSec: 120, arrivalRatePerSec: fourWeeks, ahtSec: 300 }),
  },
];

const measured = cases.map(({ name, targetMs, call }) => ({ name, ...time(call), targetMs }));
const results = {
  benchmark: "exact queueing formulas at the sizes their accuracy tests use (median of 5 calls after one untimed)",
  date: new Date().toISOString(),
  cpu: os.cpus()[0]?.model ?? "unknown",
  cpuCount: os.availableParallelism(),
  node: process.version,
  loadAverage: os.loadavg().map(round),
  cases: measured.map((c) => ({ ...c, withinTarget: c.wallMs <= c.targetMs })),
};
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
for (const c of results.cases) console.log(`${c.name}: ${c.wallMs} ms (CPU ${c.cpuMs} ms; target ≤ ${c.targetMs} ms)${c.withinTarget ? "" : " — OVER"}`);
