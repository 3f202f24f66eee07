// The engine's JIT warm-up in a fresh process: how often V8 compiles and deoptimises the engine's event loop, and what
// the first replications cost beyond the steady rate. Each round starts fresh processes (two at once with --pair, as
// two busy workers, where the background compiler is starved) under --trace-opt --trace-deopt; each runs the standard
// day in chunks of 1, 2, 8, 23, 76, 170, 170, 170 replications as a worker runs them (a simulator per plan, the
// previous result recycled, each result reduced to its KPI vector). Per process: the TurboFan compiles of `run` and
// `eventsBefore` (completed and aborted; builds before 2026-12-07 also named the simulator's small wrapper `run`) and
// their compile time, the deoptimisations by function and reason, and the warm-up: Σ over the first
// six chunks of (ms − steady ms per replication × replications), the steady rate from the last two chunks. Medians.
// With --before <a built checkout of ccplan>, that build's core runs in alternating rounds. Prints; writes nothing.
//
//   node packages/core/bench/jitWarmup.mjs [--rounds 3] [--pair] [--before <checkout>]
import { execFile } from "node:child_process";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const CHUNKS = [1, 2, 8, 23, 76, 170, 170, 170];
const STANDARD_DAY = { arrivalsPerHour: 200, ahtSec: 180, agents: 12, patienceSec: 300, targetAnswerSec: 20, hours: 24, seed: 1 };
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};

if (args.includes("--child")) {
  const core = await import(pathToFileURL(resolve(option("--root"), "packages/core/dist/index.node.js")).href);
  const plan = core.stationaryPlan(STANDARD_DAY);
  const simulator = core.createSimulator(plan);
  const layout = core.kpiVectorLayout(plan);
  const chunkMs = [];
  let from = 0;
  for (const count of CHUNKS) {
    const start = performance.now();
    const options = {};
    const vectors = new Float64Array(count * layout.length);
    for (let k = 0; k < count; k++) {
      const result = simulator.run(from + k, options);
      options.recycle = result;
      core.kpiVector(plan, result, layout, vectors.subarray(k * layout.length, (k + 1) * layout.length));
    }
    chunkMs.push(performance.now() - start);
    from += count;
  }
  console.log(`@@${JSON.stringify(chunkMs)}`);
} else {
  const rounds = Number(option("--rounds", 3));
  const together = args.includes("--pair") ? 2 : 1;
  const here = fileURLToPath(new URL("../../../", import.meta.url));
  const builds = [{ label: "this build", root: here, runs: [] }];
  if (option("--before")) builds.unshift({ label: "before", root: resolve(option("--before")), runs: [] });
  const child = (root) =>
    new Promise((done, fail) =>
      execFile(process.execPath, ["--trace-opt", "--trace-deopt", fileURLToPath(import.meta.url), "--child", "--root", root], { maxBuffer: 1 << 28 }, (error, stdout) =>
        error ? fail(error) : done(stdout),
      ),
    );
  const loads = [];
  for (let round = 0; round < rounds; round++) {
    for (const build of builds) {
      loads.push(loadavg()[0]);
      for (const trace of await Promise.all(Array.from({ length: together }, () => child(build.root)))) build.runs.push(parse(trace));
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
  console.log(`${together === 2 ? "two processes at once" : "one process at a time"}, ${rounds} rounds; load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
  for (const { label, runs } of builds) {
    const deopts = {};
    for (const run of runs) for (const [key, count] of Object.entries(run.deopts)) deopts[key] = (deopts[key] ?? 0) + count;
    console.log(`${label}: compiles of run/eventsBefore ${median(runs.map((run) => run.compiles))} (aborted ${runs.reduce((sum, run) => sum + run.aborted, 0)} in all),` +
      ` ${median(runs.map((run) => run.compileMs)).toFixed(0)} ms,` +
      ` deoptimisations ${median(runs.map((run) => run.deoptCount))}; warm-up ${median(runs.map((run) => run.warmupMs)).toFixed(0)} ms beyond` +
      ` ${median(runs.map((run) => run.steadyMs)).toFixed(3)} ms/replication; ms/replication by chunk ${CHUNKS.map((_, c) => median(runs.map((run) => run.perReplication[c])).toFixed(2)).join(" ")}`);
    console.log(`  deoptimisations in all ${runs.length} processes: ${JSON.stringify(deopts)}`);
  }
}

/** One child's trace: its compiles and deoptimisations of the engine, and its chunk timings. */
function parse(trace) {
  const chunkMs = JSON.parse(trace.match(/^@@(.*)$/m)[1]);
  const engine = /<JSFunction (run|eventsBefore) /;
  const lines = trace.split("\n");
  const deopts = {};
  let deoptCount = 0;
  for (const line of lines) {
    const bailout = line.match(/^\[bailout \(kind: [^,]+, reason: ([^)]*)\): begin\. deoptimizing \S+ <JSFunction (\S+) /);
    if (!bailout) continue;
    deoptCount++;
    const key = `${bailout[2]}: ${bailout[1]}`;
    deopts[key] = (deopts[key] ?? 0) + 1;
  }
  const steadyMs = (chunkMs.at(-1) + chunkMs.at(-2)) / (CHUNKS.at(-1) + CHUNKS.at(-2));
  const compiles = lines.filter((line) => (line.startsWith("[completed compiling") || line.startsWith("[aborted optimizing")) && engine.test(line));
  return {
    compiles: compiles.filter((line) => line.startsWith("[completed")).length,
    aborted: compiles.filter((line) => line.startsWith("[aborted")).length,
    // The compile's middle phase (optimisation, on a background thread), as V8 reports it.
    compileMs: compiles.reduce((sum, line) => sum + Number(line.match(/took [\d.]+, ([\d.]+), /)?.[1] ?? 0), 0),
    deopts,
    deoptCount,
    steadyMs,
    warmupMs: chunkMs.slice(0, -2).reduce((sum, ms, c) => sum + ms - steadyMs * CHUNKS[c], 0),
    perReplication: chunkMs.map((ms, c) => ms / CHUNKS[c]),
  };
}
