#!/usr/bin/env node
import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { EXIT, InputError } from "./errors.js";
import { writeAllSync } from "./output.js";

interface Command {
  help: string;
  run: (args: string[], write: (text: string) => void) => void | Promise<void>;
}

// Each command's module is loaded when it runs (or its help is asked for), not all of them at every start: a command
// line pays for its own imports only.
const COMMANDS: Record<string, () => Promise<Command>> = {
  erlang: async () => import("./commands/erlang.js").then((m) => ({ help: m.erlangHelp, run: m.runErlang })),
  simulate: async () => import("./commands/simulate.js").then((m) => ({ help: m.simulateHelp, run: m.runSimulate })),
  compare: async () => import("./commands/compare.js").then((m) => ({ help: m.compareHelp, run: m.runCompare })),
  merge: async () => import("./commands/merge.js").then((m) => ({ help: m.mergeHelp, run: m.runMerge })),
  sensitivity: async () => import("./commands/sensitivity.js").then((m) => ({ help: m.sensitivityHelp, run: m.runSensitivity })),
  capacity: async () => import("./commands/capacity.js").then((m) => ({ help: m.capacityHelp, run: m.runCapacityCommand })),
  calibrate: async () => import("./commands/calibrate.js").then((m) => ({ help: m.calibrateHelp, run: m.runCalibrate })),
  backtest: async () => import("./commands/backtest.js").then((m) => ({ help: m.backtestHelp, run: m.runBacktest })),
  roster: async () => import("./commands/roster.js").then((m) => ({ help: m.rosterHelp, run: m.runRoster })),
  anchor: async () => import("./commands/anchor.js").then((m) => ({ help: m.anchorHelp, run: m.runAnchor })),
};

const USAGE = `ccplan: what-if planning for contact centers

Usage: ccplan <command> [options]   (ccplan help <command> for its options; ccplan --version)

Commands:
  erlang       exact Erlang B, C and A figures, and the fewest agents for a service-level target
  simulate     simulate a scenario file, a stationary center or an interval report, with confidence intervals
  compare      the baseline against each intervention of a scenario, paired on common random numbers, with the money
  merge        combine the shard files of a run split across machines ('simulate --shard I/N')
  sensitivity  which inputs move ROI, NPV, service level or CSAT most: a tornado of paired low/high runs
  capacity     the year ahead week by week: attrition, hiring classes, ramp-up, growth; --hire-plan finds the classes
  calibrate    fit handle times, patience, classes and staffing to a call log, with the evidence
  backtest     predict each day of a call log with a calibration and compare with what happened
  roster       the cheapest roster from shift templates that meets the target at a confidence (HiGHS + simulation)
  anchor       set the experience model's levels from your center's CSAT (and NPS, churn, complaints), with their ranges

Exit codes: 0 success, 1 the run failed, 2 bad arguments or invalid input (--debug adds a stack trace), 141 the reader
of the output went away (ccplan … | head).`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

// The result goes to standard output with blocking writes (`writeAllSync`): memory stays flat however large it is and
// however slowly the reader takes it. Messages go to standard error as a stream.
const processIo: Io = {
  stdout: (text) => writeAllSync(1, text),
  stderr: (text) => process.stderr.write(text),
};

/** The CLI package's version, from its package.json (dist/bin.js and src/bin.ts both sit one level below it). */
export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  const debug = rest.includes("--debug");
  if (command === "--version" || command === "-V" || command === "version") {
    io.stdout(`ccplan ${cliVersion()} (Node ${process.versions.node})\n`);
    return EXIT.ok;
  }
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    const topic = command === "help" ? rest[0] : undefined;
    if (topic !== undefined && !Object.hasOwn(COMMANDS, topic)) {
      io.stderr(`ccplan: unknown command ${JSON.stringify(topic)}; expected one of ${Object.keys(COMMANDS).join(", ")}\n`);
      return EXIT.invalidInput;
    }
    io.stdout(`${topic ? (await COMMANDS[topic]!()).help : USAGE}\n`);
    return command === undefined ? EXIT.invalidInput : EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) {
    io.stderr(`ccplan: unknown command ${JSON.stringify(command)}; expected one of ${Object.keys(COMMANDS).join(", ")}\n`);
    return EXIT.invalidInput;
  }
  const entry = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${entry.help}\n`);
    return EXIT.ok;
  }
  try {
    await entry.run(rest, io.stdout);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`${error.message}\n`);
      if (debug) io.stderr(`${error.stack}\n`);
      return EXIT.invalidInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`ccplan ${command} failed: ${message}\n`);
    if (debug && error instanceof Error) io.stderr(`${error.stack}\n`);
    else io.stderr("Run again with --debug for details.\n");
    return EXIT.failed;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/**
 * When the reader of a stream goes away (`ccplan … 2>&1 | head -c 100`), writing raises EPIPE: the process ends at
 * once and quietly with the status a shell gives a tool the pipe killed, as command-line tools do (no stack trace, no
 * "failed" message; worker threads end with it). Any other write error is reported as a failure. (Standard output
 * is written with `writeAllSync`, which does the same.)
 */
export function endQuietlyWhenPipeCloses(stream: NodeJS.WriteStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") {
      exit(EXIT.pipeClosed);
      return;
    }
    if (stream !== process.stderr) process.stderr.write(`ccplan: cannot write the output: ${error.message}\n`);
    exit(EXIT.failed);
  });
}

if (isEntryPoint()) {
  endQuietlyWhenPipeCloses(process.stderr);
  process.exitCode = await main(process.argv.slice(2));
}
