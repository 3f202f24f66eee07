// Read by the launcher (bin/ccplan.js) before it loads the CLI: the worker threads a command line will use start
// loading core while this thread loads the commands, instead of after (about 0.15 s of every multi-worker run).
// Light on purpose: node:os and the worker package's prestart module only.
import { availableParallelism } from "node:os";
import { prestartWorkers } from "@ccplan/worker/prestart";

/** The commands that run simulations in a pool of worker threads. */
const POOLED_COMMANDS = new Set(["simulate", "compare", "sensitivity", "capacity", "roster", "anchor"]);

/**
 * How many worker threads a command line will use, as far as its words tell before anything is parsed: `--workers N`
 * (N ≥ 2; at most one per core, more would not start sooner) or, without it, one per core (the default, which the
 * command may lower for memory; a thread it does not take idles until the process exits), less this thread, which
 * simulates as one of them (the pool's `inThread`). 0 for one worker, help, commands without a pool and anything
 * unclear: the command then starts what it needs itself, as before.
 */
export function workersToPrestart(argv: readonly string[], cores: number = availableParallelism()): number {
  const [command, ...rest] = argv;
  if (command === undefined || !POOLED_COMMANDS.has(command) || rest.includes("--help") || rest.includes("-h")) return 0;
  const given = rest.flatMap((word, i) => (word === "--workers" ? [rest[i + 1] ?? ""] : word.startsWith("--workers=") ? [word.slice("--workers=".length)] : []));
  if (given.length > 1) return 0;
  const workers = given.length === 0 ? cores : Number(given[0]);
  return Number.isInteger(workers) && workers >= 2 ? Math.min(workers, cores) - 1 : 0;
}

/** Starts the threads `workersToPrestart` counts; the pool takes them when it starts. */
export function prestart(argv: readonly string[]): void {
  const count = workersToPrestart(argv);
  if (count > 0) prestartWorkers(count);
}
