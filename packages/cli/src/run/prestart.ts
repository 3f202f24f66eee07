// Read by the launcher (bin/ccplan.js) before it loads the CLI: the worker threads a command line will use start
// loading core while this thread loads the commands, instead of after (about 0.15 s of every multi-worker run).
// Light on purpose: node:os and the worker package's prestart module only.
import { availableParallelism } from "node:os";
import { prestartWorkers, type WorkerLoad } from "@ccplan/worker/prestart";

/** The commands that run simulations in a pool of worker threads. */
const POOLED_COMMANDS = new Set(["simulate", "compare", "sensitivity", "capacity", "roster", "anchor"]);

/**
 * How many worker threads a command line will use, as far as its words tell before anything is parsed: `--workers N`
 * (N ≥ 2; at most one per core, more would not start sooner) or, without it, one per core (the default, which the
 * command may lower for memory; a thread it does not take idles until the process exits). 0 for one worker, help,
 * commands without a pool and anything unclear: the command then starts what it needs itself, as before.
 */
export function workersToPrestart(argv: readonly string[], cores: number = availableParallelism()): number {
  const [command, ...rest] = argv;
  if (command === undefined || !POOLED_COMMANDS.has(command) || rest.includes("--help") || rest.includes("-h")) return 0;
  const given = rest.flatMap((word, i) => (word === "--workers" ? [rest[i + 1] ?? ""] : word.startsWith("--workers=") ? [word.slice("--workers=".length)] : []));
  if (given.length > 1) return 0;
  const workers = given.length === 0 ? cores : Number(given[0]);
  return Number.isInteger(workers) && workers >= 2 ? Math.min(workers, cores) : 0;
}

/**
 * What the threads load at start, as far as the words tell: core's engine alone for `simulate --rate …` (a stationary
 * center: the threads need nothing else, and load in ~10 ms instead of ~60), else all of core. A wrong guess costs
 * time only: an engine-only thread loads the rest of core when a job needs it.
 */
export function workerLoadFor(argv: readonly string[]): WorkerLoad {
  const [command, ...rest] = argv;
  const has = (flag: string) => rest.some((word) => word === flag || word.startsWith(`${flag}=`));
  return command === "simulate" && has("--rate") && !has("--intervals") && !has("--calibration") ? "engine" : "all";
}

/** Starts the threads `workersToPrestart` counts, loading what `workerLoadFor` says; the pool takes them when it starts. */
export function prestart(argv: readonly string[]): void {
  const count = workersToPrestart(argv);
  if (count > 0) prestartWorkers(count, workerLoadFor(argv));
}
