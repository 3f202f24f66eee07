// The speed yardstick of issue #15, measured on whole commands as a user runs them (see bench/README.md):
// 1. `ccplan simulate` of the standard day, 3,000 replications, one worker, against the hand-tuned reference loop
//    `../shared/reference/ref_des.mjs 3000` (beside the repository, as CI has it): wall time, run alternately, median
//    of the rounds; the ratio reference ÷ ccplan (target ≥ 0.5);
// 2. the same command with 4,000 replications on 1 and on 2 workers, alternately: the speed-up (target ≥ 1.8) and
//    whether the outputs are byte-identical (they must be).
//    The same with 16,000 replications (3 rounds at most): the speed-up once start-up and the summary weigh a quarter.
// 3. what bounds (2): the engine's own two-thread speed-up and the summary's time (engineParts.mjs), with the
//    one-replication runs (start-up and output), give the best speed-up two workers can reach on this machine.
// Every run records its wall time, its CPU time (all threads; the figure a shared machine does not distort) and the
// load average when it started. Writes bench/speed-results.json at the repository root.
//
//   node packages/cli/bench/speed.mjs [--rounds 3] [--before <a built checkout of ccplan>] [--skip-scaling]
//
// --before runs a second build of ccplan (another checkout, `npm ci && npm run build` done in it) in the same
// rounds, alternating with this one, so that "before" and "after" are measured at the same load.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const referencePath = resolve(repoRoot, "..", "shared", "reference", "ref_des.mjs");
const engineParts = fileURLToPath(new URL("./engineParts.mjs", import.meta.url));
const reportPreload = fileURLToPath(new URL("./cpuReport.mjs", import.meta.url));
const output = join(repoRoot, "bench", "speed-results.json");

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const rounds = Number(option("--rounds") ?? process.env.BENCH_ROUNDS ?? 3);
const beforeRoot = option("--before") ?? process.env.CCPLAN_BEFORE;
const skipScaling = args.includes("--skip-scaling");

const YARDSTICK_REPLICATIONS = 3000;
const SCALING_REPLICATIONS = 4000;
/** The same command with four times the replications: start-up, warm-up and the summary weigh a quarter as much, so
 * the ratio shows what two workers give once those are spread over a longer run. */
const LONG_REPLICATIONS = 16000;
const LONG_ROUNDS = Math.min(3, rounds);
const simulateArgs = (replications, workers) => [
  "simulate", "--rate", "200", "--aht", "180", "--agents", "12", "--patience", "300", "--target", "20", "--hours", "24",
  "--replications", String(replications), "--seed", "1", "--json", "--workers", String(workers),
];
const cliOf = (root) => join(root, "packages", "cli", "bin", "ccplan.js");

const scratch = mkdtempSync(join(tmpdir(), "ccplan-speed-"));
const round = (value, digits = 3) => (value === null || value === undefined ? null : Number(value.toPrecision(digits)));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs `node [script, ...args]` to completion with stdout to a file: wall time, the process's CPU time, the load. */
async function measure(label, script, scriptArgs) {
  const report = join(scratch, `report-${Math.random().toString(36).slice(2)}.json`);
  const outFile = join(scratch, `out-${Math.random().toString(36).slice(2)}`);
  const out = openSync(outFile, "w");
  const load = loadavg().map((v) => round(v));
  const start = performance.now();
  const code = await new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", reportPreload, script, ...scriptArgs], {
      stdio: ["ignore", out, "pipe"],
      env: { ...process.env, CCPLAN_BENCH_REPORT: report, CI: "true" },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", fail);
    child.on("exit", (exitCode) => (exitCode === 0 ? done(exitCode) : fail(new Error(`${label} exited with ${exitCode}: ${stderr}`))));
  });
  const wallSec = (performance.now() - start) / 1000;
  closeSync(out);
  const usage = JSON.parse(readFileSync(report, "utf8"));
  const stdout = readFileSync(outFile);
  rmSync(outFile);
  rmSync(report);
  const run = {
    wallSec: round(wallSec, 4),
    cpuSec: round(usage.cpuMs / 1000, 4),
    coresBusy: round(usage.cpuMs / 1000 / wallSec, 3),
    maxRssMiB: round(usage.maxRssKb / 1024, 3),
    load1: load[0],
    sha256: createHash("sha256").update(stdout).digest("hex").slice(0, 16),
  };
  console.log(`  ${label}: ${run.wallSec} s wall, ${run.cpuSec} s CPU (${run.coresBusy} cores), load ${load[0]}`);
  void code;
  return { run, stdout };
}

function summary(runs) {
  return {
    wallSec: round(median(runs.map((run) => run.wallSec)), 4),
    cpuSec: round(median(runs.map((run) => run.cpuSec)), 4),
    runs,
  };
}

function gitCommit(root) {
  try {
    const sha = execFileSync("git", ["-C", root, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["-C", root, "status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim() !== "";
    return { sha, dirty };
  } catch {
    return { sha: "unknown", dirty: null };
  }
}

const referenceFound = existsSync(referencePath);
if (!referenceFound) {
  console.error(
    `\n*** The reference loop is missing: expected ../shared/reference/ref_des.mjs beside the repository (${referencePath}).\n` +
      "*** The yardstick's ratio cannot be measured without it (CI has ../shared beside the clone); ccplan alone is timed.\n",
  );
}
if (beforeRoot !== undefined && !existsSync(cliOf(beforeRoot))) throw new Error(`--before ${beforeRoot}: no packages/cli/bin/ccplan.js there`);
if (!existsSync(join(repoRoot, "packages", "cli", "dist", "bin.js"))) throw new Error("ccplan is not built: run `npm run build` at the repository root first");

const programs = [
  ...(referenceFound ? [{ key: "reference", label: "reference ref_des.mjs 3000", script: referencePath, args: [String(YARDSTICK_REPLICATIONS)] }] : []),
  ...(beforeRoot !== undefined ? [{ key: "before", label: "ccplan (before)", script: cliOf(beforeRoot), args: simulateArgs(YARDSTICK_REPLICATIONS, 1) }] : []),
  { key: "ccplan", label: "ccplan simulate … --workers 1", script: cliOf(repoRoot), args: simulateArgs(YARDSTICK_REPLICATIONS, 1) },
];

const loadAtStart = loadavg().map((v) => round(v));
console.log(`yardstick: the standard day, ${YARDSTICK_REPLICATIONS} replications, ${rounds} alternating rounds (load ${loadAtStart.join(" ")})`);
// Warm the file cache and the compile caches of both programs with a short run each (not timed).
for (const program of programs) {
  const short = program.key === "reference" ? ["10"] : simulateArgs(10, 1);
  await measure(`${program.label} (warm-up, 10 replications)`, program.script, short);
}
const yardRuns = Object.fromEntries(programs.map((program) => [program.key, []]));
const yardOutputs = {};
for (let r = 0; r < rounds; r++) {
  for (const program of programs) {
    const { run, stdout } = await measure(`round ${r + 1}: ${program.label}`, program.script, program.args);
    yardRuns[program.key].push(run);
    yardOutputs[program.key] = stdout;
  }
}
const yard = Object.fromEntries(Object.entries(yardRuns).map(([key, runs]) => [key, summary(runs)]));
const ccplanStats = JSON.parse(yardOutputs.ccplan.toString("utf8"));
const referenceOut = referenceFound ? JSON.parse(yardOutputs.reference.toString("utf8").trim().split("\n").pop()) : null;

let scaling = null;
if (!skipScaling) {
  console.log(`scaling: ${SCALING_REPLICATIONS} replications on 1 and 2 workers, ${rounds} alternating rounds`);
  const scalingRuns = { 1: [], 2: [] };
  // With --before, the other build's 1 and 2 workers in the same rounds (before and after at the same load).
  const beforeRuns = { 1: [], 2: [] };
  for (let r = 0; r < rounds; r++) {
    for (const workers of [1, 2]) {
      const { run } = await measure(`round ${r + 1}: --workers ${workers}`, cliOf(repoRoot), simulateArgs(SCALING_REPLICATIONS, workers));
      scalingRuns[workers].push(run);
    }
    if (beforeRoot !== undefined) {
      for (const workers of [1, 2]) {
        const { run } = await measure(`round ${r + 1}: ccplan (before) --workers ${workers}`, cliOf(beforeRoot), simulateArgs(SCALING_REPLICATIONS, workers));
        beforeRuns[workers].push(run);
      }
    }
  }
  // What does not divide between workers: the same command with one replication (start-up: Node, the CLI and core
  // loaded, the plan compiled; output), with 1 and with 2 workers, in the same rounds' spirit (alternating).
  const fixedRuns = { 1: [], 2: [] };
  for (let r = 0; r < rounds; r++) {
    for (const workers of [1, 2]) fixedRuns[workers].push((await measure(`round ${r + 1}: one replication, --workers ${workers}`, cliOf(repoRoot), simulateArgs(1, workers))).run);
  }
  // The machine's own ceiling: the reference loop alone and two copies of it at once (separate processes, nothing
  // shared but the cores): what two busy cores give a program that shares nothing, the bound for any two workers.
  const ceilingRuns = { alone: [], pair: [] };
  if (referenceFound) {
    for (let r = 0; r < rounds; r++) {
      ceilingRuns.alone.push((await measure(`round ${r + 1}: reference alone`, referencePath, [String(YARDSTICK_REPLICATIONS)])).run);
      const [a, b] = (await Promise.all([0, 1].map((i) => measure(`round ${r + 1}: reference, copy ${i + 1} of 2 at once`, referencePath, [String(YARDSTICK_REPLICATIONS)])))).map(({ run }) => run);
      // The pair as one run: done when the slower copy is, with both copies' CPU.
      ceilingRuns.pair.push({ ...a, wallSec: Math.max(a.wallSec, b.wallSec), cpuSec: round(a.cpuSec + b.cpuSec, 4), coresBusy: round(a.coresBusy + b.coresBusy, 3) });
    }
  }
  // The longer run (LONG_REPLICATIONS), alternating 1 and 2 workers, fewer rounds (each takes ~30 s).
  const longRuns = { 1: [], 2: [] };
  for (let r = 0; r < LONG_ROUNDS; r++) {
    for (const workers of [1, 2]) longRuns[workers].push((await measure(`round ${r + 1}: ${LONG_REPLICATIONS} replications, --workers ${workers}`, cliOf(repoRoot), simulateArgs(LONG_REPLICATIONS, workers))).run);
  }
  // The engine's own two-thread speed-up (no pool, no start-up, no summary) and the summary's time: engineParts.mjs.
  const parts = JSON.parse((await measure("engine alone and two at once; the summary of 4,000", engineParts, [])).stdout.toString("utf8").trim().split("\n").pop());
  const one = summary(scalingRuns[1]);
  const two = summary(scalingRuns[2]);
  const fixedOne = summary(fixedRuns[1]);
  const longOne = summary(longRuns[1]);
  const longTwo = summary(longRuns[2]);
  const fixedTwo = summary(fixedRuns[2]);
  const ceiling = referenceFound ? { alone: summary(ceilingRuns.alone), pair: summary(ceilingRuns.pair) } : null;
  const hashes = new Set([...scalingRuns[1], ...scalingRuns[2]].map((run) => run.sha256));
  const before =
    beforeRoot === undefined
      ? undefined
      : { checkout: relative(repoRoot, beforeRoot), oneWorker: summary(beforeRuns[1]), twoWorkers: summary(beforeRuns[2]), byteIdentical: new Set([...beforeRuns[1], ...beforeRuns[2]].map((run) => run.sha256)).size === 1 };
  scaling = {
    command: `ccplan ${simulateArgs(SCALING_REPLICATIONS, "W").join(" ")}`,
    oneWorker: one,
    twoWorkers: two,
    speedup: round(one.wallSec / two.wallSec, 3),
    target: 1.8,
    byteIdentical: hashes.size === 1,
    // Each round's own ratio (its two runs were next to each other in time, so at about the same load).
    speedupByRound: scalingRuns[1].map((run, r) => round(run.wallSec / scalingRuns[2][r].wallSec, 3)),
    // Amdahl: with `fixed` seconds that do not divide (a one-replication run), two perfect workers give at most
    // w1 ÷ (fixed + (w1 − fixed) ÷ 2); the summary and the cold start add to `fixed` beyond this (below).
    oneReplication: { oneWorker: fixedOne, twoWorkers: fixedTwo },
    // Two copies of the reference loop at once do twice its work in `pair` seconds: 2 × alone ÷ pair is the speed-up
    // two cores give it here (below 2 when the cores slow each other: shared caches, memory, a host's hyperthreads).
    machineCeiling: ceiling && { referenceAlone: ceiling.alone, referencePairAtOnce: ceiling.pair, speedup: round((2 * ceiling.alone.wallSec) / ceiling.pair.wallSec, 3) },
    speedupBoundFromFixed: round(one.wallSec / (fixedTwo.wallSec + (one.wallSec - fixedOne.wallSec) / 2), 3),
    // The CPU the two-worker command spends (every thread: the main one, which simulates as one of the two since
    // the pool's in-thread slot, the worker thread, V8's compiler and GC threads), spread perfectly over the cores,
    // against one worker's wall time: no schedule of that work beats this. Its CPU above one worker's (`extraCpuSec`) is
    // what the second simulating thread costs: a second load of core, a second JIT warm-up (slower, both compiling at
    // once on the two cores), two engines sharing the machine's caches.
    speedupBoundFromCpu: round(one.wallSec / (two.cpuSec / availableParallelism()), 3),
    extraCpuSec: round(two.cpuSec - one.cpuSec, 3),
    // The engine in two worker threads at once against one alone (warm; engineParts.mjs): the ceiling of any pool here;
    // with `slowdownBesideSpin`, one engine's time beside a thread that only spins over its time alone (what a busy
    // second core costs by itself, whatever runs there).
    engineCeiling: parts.engine,
    // The summary of 4,000 replications after the last one (warm): in this thread alone (one worker), and with the
    // worker thread taking its share of the interval quantiles (two workers).
    summarySec: parts.summary.sec,
    sharedSummarySec: parts.sharedSummary.sec,
    // What fresh threads' first 250 replications cost beyond the warm rate (the JIT at work), one alone and two at once.
    coldStart: parts.coldStart,
    // The best two workers can do with this machine's engine ceiling and the parts that do not divide: start-up, the
    // first replication and output (the one-replication runs), the summary and the rest of the cold
    // start (one thread's alone, two threads' at once), all else divided by the engine's own two-thread speed-up.
    speedupBoundFromParts: round(
      one.wallSec /
        (fixedTwo.wallSec + parts.sharedSummary.sec + median(parts.coldStart.afterFirstMsTwoAtOnce) / 1000 +
          (one.wallSec - fixedOne.wallSec - parts.summary.sec - median(parts.coldStart.afterFirstMsAlone) / 1000) / parts.engine.speedup),
      3,
    ),
    // The same command with LONG_REPLICATIONS: what the fixed parts above leave of the speed-up on a longer run.
    longer: {
      replications: LONG_REPLICATIONS,
      oneWorker: longOne,
      twoWorkers: longTwo,
      speedup: round(longOne.wallSec / longTwo.wallSec, 3),
      speedupByRound: longRuns[1].map((run, r) => round(run.wallSec / longRuns[2][r].wallSec, 3)),
      byteIdentical: new Set([...longRuns[1], ...longRuns[2]].map((run) => run.sha256)).size === 1,
    },
    ...(before && { before: { ...before, speedup: round(before.oneWorker.wallSec / before.twoWorkers.wallSec, 3) } }),
  };
}

const results = {
  benchmark: "issue #15's yardstick: whole `ccplan simulate` commands of the standard day (200/h for 24 h, AHT 180 s, 12 agents, patience 300 s, target 20 s)",
  date: new Date().toISOString(),
  commit: gitCommit(repoRoot),
  machine: { cpu: cpus()[0]?.model ?? "unknown", cores: availableParallelism(), memoryGiB: round(totalmem() / 2 ** 30, 3), os: `${process.platform} ${release()}`, node: process.version },
  loadAverage: { start: loadAtStart, end: loadavg().map((v) => round(v)) },
  rounds,
  yardstick: {
    command: `ccplan ${simulateArgs(YARDSTICK_REPLICATIONS, 1).join(" ")}`,
    reference: referenceFound
      ? { command: `node ../shared/reference/ref_des.mjs ${YARDSTICK_REPLICATIONS}`, ...yard.reference, output: { eventsPerSec: referenceOut.events_per_s, serviceLevel: round(referenceOut.p_wait_le_20_all, 4), abandonRate: round(referenceOut.abandon_frac, 4) } }
      : { missing: "../shared/reference/ref_des.mjs was not found beside the repository" },
    ccplan: { ...yard.ccplan, output: { serviceLevel: round(ccplanStats.kpis.serviceLevel.mean, 4), abandonRate: round(ccplanStats.kpis.abandonRate.mean, 4) } },
    ...(yard.before && { before: { checkout: relative(repoRoot, beforeRoot), commit: gitCommit(beforeRoot), ...yard.before } }),
    ratio: referenceFound ? round(yard.reference.wallSec / yard.ccplan.wallSec, 3) : null,
    ratioCpu: referenceFound ? round(yard.reference.cpuSec / yard.ccplan.cpuSec, 3) : null,
    ...(yard.before && referenceFound && { ratioBefore: round(yard.reference.wallSec / yard.before.wallSec, 3), ratioCpuBefore: round(yard.reference.cpuSec / yard.before.cpuSec, 3) }),
    target: 0.5,
  },
  scaling,
  notes:
    "Wall and CPU seconds are medians over the rounds; programs alternate within each round so that a change of load hits all " +
    "alike. ratio = reference wall ÷ ccplan wall (the issue's figure; 1 would be as fast as the hand-tuned loop); ratioCpu the " +
    "same in CPU seconds, the figure to trust when load1 is above the cores. ccplan runs as its bin (node packages/cli/bin/ccplan.js): " +
    "npx's own start-up is npm's, not ccplan's. The scaling speed-up is wall-clock and is only meaningful when the machine is " +
    "otherwise idle (load1 well under the cores; coresBusy of the 2-worker runs near 2).",
};
writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
rmSync(scratch, { recursive: true, force: true });
console.log(
  `yardstick: reference ${referenceFound ? `${yard.reference.wallSec} s` : "missing"} · ccplan ${yard.ccplan.wallSec} s` +
    (yard.before ? ` (before ${yard.before.wallSec} s)` : "") +
    (referenceFound ? ` · ratio ${results.yardstick.ratio} (CPU ${results.yardstick.ratioCpu}; target ≥ 0.5)` : "") +
    (scaling ? `\nscaling: 1 worker ${scaling.oneWorker.wallSec} s, 2 workers ${scaling.twoWorkers.wallSec} s · ${scaling.speedup}× (target ≥ 1.8) · byte-identical: ${scaling.byteIdentical}` : "") +
    (scaling?.machineCeiling ? ` · two reference loops at once: ${scaling.machineCeiling.speedup}× one` : "") +
    (scaling ? ` · the engine in two threads: ${scaling.engineCeiling.speedup}× one (one engine beside a spinning core: ${scaling.engineCeiling.slowdownBesideSpin}× its time alone); bound from the parts: ${scaling.speedupBoundFromParts}×; from the CPU spent: ${scaling.speedupBoundFromCpu}× (${scaling.extraCpuSec} s more CPU than one worker)` : "") +
    (scaling?.before ? ` (before ${scaling.before.speedup}×)` : "") +
    (scaling ? `\nlonger run, ${scaling.longer.replications} replications: 1 worker ${scaling.longer.oneWorker.wallSec} s, 2 workers ${scaling.longer.twoWorkers.wallSec} s · ${scaling.longer.speedup}× · byte-identical: ${scaling.longer.byteIdentical}` : "") +
    `\nload ${loadAtStart.join(" ")} → ${results.loadAverage.end.join(" ")}; wrote bench/speed-results.json`,
);
if (!referenceFound) console.error("*** ../shared/reference/ref_des.mjs is missing: no ratio was measured (see above).");
