// Peak memory of the CLI on the largest scenario the limits allow in shape (50 queues × 92 days × 15-minute
// intervals, about 4.3 million first contacts; bench/bigScenario.mjs), measured with GNU time's `-v` (maximum
// resident set size of the whole process: the main thread and every worker thread). Writes
// bench/memory-results.json.
//   npm run build && node bench/memory.mjs
//   BEFORE=<another checkout> node bench/memory.mjs   # the same cases on that checkout's build too, same session
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bigScenario } from "./bigScenario.mjs";

const TIME = "/usr/bin/time";
const root = fileURLToPath(new URL("..", import.meta.url));
const output = new URL("./memory-results.json", import.meta.url);
if (!existsSync(TIME)) throw new Error(`${TIME} is missing: apt-get install -y time`);

const dir = mkdtempSync(join(tmpdir(), "ccplan-memory-"));
const scenario = bigScenario();
const simulateFile = join(dir, "big.json");
writeFileSync(simulateFile, JSON.stringify(scenario));
// The same with one intervention, for a paired comparison.
const compareFile = join(dir, "big-compare.json");
writeFileSync(compareFile, JSON.stringify({ ...scenario, interventions: [{ kind: "addAgents", name: "+5 on Late in Team 1", group: "Team 1", shift: "Late", agents: 5 }] }));

const CASES = [
  { name: "simulate, 2 replications, 1 worker (in the main thread)", args: ["simulate", simulateFile, "--replications", "2", "--workers", "1", "--json"] },
  { name: "simulate, 2 replications, --workers 2", args: ["simulate", simulateFile, "--replications", "2", "--workers", "2", "--json"] },
  { name: "compare (baseline + 1 intervention), 2 replications, --workers 2", args: ["compare", compareFile, "--replications", "2", "--workers", "2", "--json"] },
];

/** Runs one case under GNU time; peak RSS in MB, wall seconds, exit code. */
function measure(bin, args) {
  const run = spawnSync(TIME, ["-v", process.execPath, bin, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 });
  const field = (label) => run.stderr.match(new RegExp(`${label}: (.*)`))?.[1];
  const clock = field("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)") ?? "0:0";
  const wallSec = clock.split(":").reduce((sum, part) => sum * 60 + Number(part), 0);
  return { maxRssMB: Math.round(Number(field("Maximum resident set size \\(kbytes\\)")) / 1024), wallSec: Number(wallSec.toFixed(1)), exit: run.status, outputBytes: run.stdout.length };
}

function measureBuild(label, checkout) {
  const bin = join(checkout, "packages/cli/dist/bin.js");
  return CASES.map((entry) => {
    const result = { ...entry, args: entry.args.map((arg) => arg.replace(dir, "<tmp>")), ...measure(bin, entry.args) };
    console.log(`${label}: ${entry.name}: ${result.maxRssMB} MB, ${result.wallSec} s, exit ${result.exit}`);
    return result;
  });
}

const loadBefore = loadavg();
const after = measureBuild("this build", root);
const before = process.env.BEFORE ? measureBuild("before", process.env.BEFORE) : undefined;
rmSync(dir, { recursive: true, force: true });

const results = {
  scenario: `${scenario.queues.length} queues × ${scenario.days.length} days × ${scenario.intervalMinutes}-minute intervals, ${scenario.groups.length} groups (bench/bigScenario.mjs)`,
  measure: "GNU time -v: maximum resident set size of the whole process (main thread and worker threads)",
  cases: after,
  ...(before && { before: { note: "the same cases on the build named by BEFORE, in the same session", cases: before } }),
  cpu: cpus()[0]?.model ?? "unknown",
  cpuCount: availableParallelism(),
  totalMemoryGB: Number((totalmem() / 2 ** 30).toFixed(1)),
  node: process.version,
  date: new Date().toISOString(),
  loadAverage: { before: loadBefore.map((value) => Number(value.toFixed(2))), after: loadavg().map((value) => Number(value.toFixed(2))) },
};
writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${fileURLToPath(output)}`);
