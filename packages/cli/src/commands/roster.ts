import {
  formatScenarioIssues,
  optimiseRoster,
  parseScenario,
  ROSTER_DEFAULTS,
  rosterCsv,
  rosterDocument,
  rosterGroups,
  RosterInputError,
  rosterScenarioFile,
  type RosterDocument,
  type RosterProgress,
} from "@ccplan/core";
import { solverSession } from "@ccplan/worker/node";
import { numberFlag, onePositional, parseCommandArgs } from "../args.js";
import { InputError } from "../errors.js";
import { checkWritable, writeUserFile } from "../io.js";
import { renderTable } from "../format/units.js";
import { createRunner, defaultWorkers } from "../run/runner.js";
import { loadScenario } from "../run/sources.js";
import { readReplications, readSeed, readWorkers, SIMULATION_FLAGS } from "./runFlags.js";

export const rosterHelp = `ccplan roster <scenario.json> [--group NAME]… [--confidence P] [--time-limit S] [--iterations N]
              [--replications N] [--seed S] [--max-occupancy F] [--confidence-table L|none] [--workers W] [--json] [--out roster.json] [--csv roster.csv]

Finds the cheapest roster built from each group's shift templates (groups[].shiftTemplates) in which every open
interval meets its service-level target in at least P of simulated weeks: an integer program solved with HiGHS
(starts per template, start time and day, and staggered break times), on requirements from Erlang A for the load the
simulation offers, corrected round after round by simulating the roster (the same weeks every round), then verified
on fresh simulated weeks. Prints cost and paid hours beside today's, the rounds, the cost of each confidence level and
the intervals fixed and still short.
  --group NAME      a group to roster (repeatable); default every group with shift templates
  --confidence P    share of simulated weeks each open interval must meet its target in (default ${ROSTER_DEFAULTS.confidence})
  --time-limit S    seconds HiGHS may spend on each solve (default ${ROSTER_DEFAULTS.timeLimitSec}); the gap it reached is reported
  --iterations N    most rounds of solving and simulating (default ${ROSTER_DEFAULTS.iterations})
  --replications N  simulated weeks per round, and of the fresh verification (default ${ROSTER_DEFAULTS.replications})
  --max-occupancy F an occupancy cap for the Erlang requirement (a fraction)
  --confidence-table L  confidences of the cost-of-confidence table, comma-separated (default
                    ${ROSTER_DEFAULTS.confidenceLevels.join(",")}), or none; each costs a few rounds of its own
  --out FILE        write the scenario with the optimised roster (locked shifts kept): every command reads it
  --csv FILE        write the roster as CSV (one row per shift) for the team
  --json            print {scenario, cost, paidHours, lowerBound, gap, confidence, iterations, costOfConfidence, intervals, …}`;

/** `ccplan roster`: thin over core's optimiseRoster, simulations in worker threads, HiGHS in this process. */
export async function runRoster(args: string[], write: (text: string) => void): Promise<void> {
  const { values, positionals } = parseCommandArgs("roster", args, {
    group: { type: "string", multiple: true },
    confidence: { type: "string" },
    "time-limit": { type: "string" },
    iterations: { type: "string" },
    ...SIMULATION_FLAGS,
    "max-occupancy": { type: "string" },
    out: { type: "string" },
    csv: { type: "string" },
    "confidence-table": { type: "string" },
  });
  const path = onePositional("roster", positionals);
  const str = (name: string) => values[name as keyof typeof values] as string | undefined;
  const confidence = numberFlag("confidence", str("confidence"), { min: 0, max: 1, exclusiveMin: true }) ?? ROSTER_DEFAULTS.confidence;
  if (confidence >= 1) throw new InputError(`invalid --confidence: ${str("confidence")}; expected a share below 1 (a target met in every simulated week cannot be verified)`);
  const timeLimitSec = numberFlag("time-limit", str("time-limit"), { min: 0, max: 3600, exclusiveMin: true }) ?? ROSTER_DEFAULTS.timeLimitSec;
  const iterations = numberFlag("iterations", str("iterations"), { min: 1, max: 100, integer: true }) ?? ROSTER_DEFAULTS.iterations;
  const replications = readReplications(values, { min: 2, max: 10_000 }, ROSTER_DEFAULTS.replications);
  const seed = readSeed(values);
  const maxOccupancy = numberFlag("max-occupancy", str("max-occupancy"), { min: 0, max: 1, exclusiveMin: true });
  const workers = readWorkers(values) ?? defaultWorkers();
  const confidenceLevels = readLevels(str("confidence-table"));
  // Before the run (a minute or more): a path that cannot be written would lose its work.
  checkWritable(values.out, "the roster scenario");
  checkWritable(values.csv, "the roster CSV");

  const loaded = loadScenario(path);
  const picked = rosterGroups(loaded.scenario, values.group);
  if (!picked.ok) {
    // A name the file does not have is the flag's fault; a group without templates is the file's.
    if (picked.problem.path === "groups") throw new InputError(`invalid --group: ${picked.problem.message}`);
    throw new InputError(formatScenarioIssues([picked.problem], loaded.path));
  }
  const runner = createRunner(workers);
  const progress = progressLine();
  try {
    const result = await optimiseRoster({
      scenario: loaded.scenario,
      groups: values.group,
      confidence,
      timeLimitSec,
      iterations,
      replications,
      seed,
      maxOccupancy,
      confidenceLevels,
      solver: solverSession,
      simulate: (scenario, from, to, onProgress) => runner.vectors({ kind: "scenario", scenario }, from, to, onProgress),
      onProgress: progress.update,
    });
    progress.done();
    const document = rosterDocument(result, loaded.scenario.money?.currency ?? null);
    let dropped: string[] = [];
    let invalid: { name: string; reason: string }[] = [];
    if (values.out !== undefined) {
      const written = rosterScenarioFile(loaded.raw, document);
      const check = parseScenario(written.file);
      if (!check.ok) throw new Error(formatScenarioIssues(check.issues, `the optimised scenario for ${values.out}`));
      writeUserFile(values.out, `${JSON.stringify(written.file, null, 2)}\n`, "the roster scenario");
      dropped = written.dropped;
      invalid = written.invalid;
    }
    if (values.csv !== undefined) writeUserFile(values.csv, rosterCsv(document), "the roster CSV");
    write(values.json ? `${JSON.stringify(document, null, 2)}\n` : `${renderRoster(document, { out: values.out, csv: values.csv, dropped, invalid })}\n`);
  } catch (error) {
    // Limits that contradict each other are the file's to fix: exit 2, naming the field.
    if (error instanceof RosterInputError) throw new InputError(formatScenarioIssues([error.issue], loaded.path));
    throw error;
  } finally {
    progress.done();
    await runner.close();
  }
}

/** `--confidence-table 0.5,0.7,0.9` or `none`. */
function readLevels(raw: string | undefined): readonly number[] {
  if (raw === undefined) return ROSTER_DEFAULTS.confidenceLevels;
  if (raw.trim() === "none") return [];
  return raw.split(",").map((part) => {
    const value = Number(part.trim());
    if (part.trim() === "" || !(value > 0 && value < 1)) {
      throw new InputError(`invalid --confidence-table: ${JSON.stringify(raw)}; expected shares between 0 and 1 (excluded), comma-separated, e.g. 0.5,0.7,0.9, or none`);
    }
    return value;
  });
}

const money = (value: number | null, currency: string | null) =>
  value === null ? "–" : `${Math.round(value).toLocaleString("en-US")}${currency ? ` ${currency}` : " (paid hours)"}`;
const hours = (value: number | null) => (value === null ? "–" : `${(Math.round(value * 10) / 10).toLocaleString("en-US")} h`);
const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/** The text report: costs, solver, verification, rounds, the cost-of-confidence table, intervals fixed and short. */
export function renderRoster(
  document: RosterDocument,
  files: { out?: string | undefined; csv?: string | undefined; dropped?: string[]; invalid?: { name: string; reason: string }[] } = {},
): string {
  const { out, csv, dropped = [], invalid = [] } = files;
  const { currency } = document;
  const lines: string[] = [];
  lines.push(`Roster for ${document.groups.join(", ")} in "${document.scenario}" (seed ${document.seed}; ${document.replications} simulated weeks per round)`);
  lines.push("");
  lines.push(
    renderTable(
      ["", "per week", "paid hours"],
      [
        ["today's roster", money(document.today.cost, currency), hours(document.today.paidHours)],
        [document.keptToday ? "optimised (today's kept)" : "optimised", money(document.cost, currency), hours(document.paidHours)],
        ["difference", money(document.cost - document.today.cost, currency), hours(document.paidHours - document.today.paidHours)],
      ],
    ),
  );
  lines.push("");
  lines.push(
    `Solver: HiGHS, ${document.solver.status}, lower bound ${money(document.lowerBound, currency)}${document.intervals.some((row) => row.shortBy > 0) ? " (the shortfall's penalties included)" : ""}, gap ${percent(document.gap)} (limits ${document.solver.timeLimitSec} s, gap ${percent(document.solver.mipRelGap)}).`,
  );
  const open = document.intervals.filter((row) => row.open);
  const missedToday = open.filter((row) => (row.before.targetMet.probability ?? 1) < document.confidence).length;
  lines.push(
    `Confidence ${percent(document.confidence)} (corrected to ${percent(Math.min(1, document.confidence + document.margin))} with the binomial margin), checked on ${document.replications} fresh weeks: ` +
      (open.length === 0
        ? "no interval is open (no contacts forecast), so the cheapest roster is the locked shifts alone."
        : document.verified
          ? `every one of the ${open.length} open intervals meets it.`
          : `${document.intervalsStillShort.length} of ${open.length} open intervals still miss it.`),
  );
  if (open.length > 0) lines.push(`Today's roster misses it in ${missedToday} of ${open.length} open intervals; the optimised roster fixes ${document.intervalsFixed.length}.`);
  if (document.intervalsStillShort.length > 0) lines.push(`Still short: ${document.intervalsStillShort.slice(0, 12).join(", ")}${document.intervalsStillShort.length > 12 ? ", …" : ""}`);
  const placed = document.intervals.filter((row) => row.shortBy > 0);
  if (placed.length > 0) {
    lines.push(`The templates and limits cannot cover: ${placed.slice(0, 8).map((row) => `${row.start} (short by ${Math.ceil(row.shortBy)})`).join(", ")}${placed.length > 8 ? ", …" : ""}`);
  }
  lines.push("");
  lines.push(
    renderTable(
      ["round", "stage", "cost per week", "paid hours", "intervals short", "solve"],
      document.iterations.map((iteration, index) => [
        String(index + 1),
        iteration.stage === "confidence" ? `cost of ${percent(iteration.confidence)}` : iteration.stage,
        money(iteration.cost, currency),
        hours(iteration.paidHours),
        String(iteration.intervalsShort),
        `${iteration.solveSec.toFixed(1)} s`,
      ]),
    ),
  );
  if (document.costOfConfidence.length > 0) {
    lines.push("");
    lines.push("The cost of confidence (share of simulated weeks each open interval meets its target):");
    // The last column only when some level fell short: otherwise it would be an empty column with no heading.
    const someShort = document.costOfConfidence.some((row) => !row.met);
    lines.push(
      renderTable(
        ["confidence", "paid hours", "cost per week", ...(someShort ? ["intervals short"] : [])],
        document.costOfConfidence.map((row) => [
          percent(row.confidence),
          hours(row.paidHours),
          money(row.cost, currency),
          ...(someShort ? [row.met ? "none" : `${row.intervalsShort} after the rounds allowed`] : []),
        ]),
      ),
    );
  }
  const shiftCount = document.roster.reduce((sum, entry) => sum + entry.shifts.length, 0);
  lines.push("");
  lines.push(`${shiftCount} shifts${out ? `; scenario written to ${out}` : " (--out writes the scenario with them)"}${csv ? `; CSV written to ${csv}` : ""}.`);
  if (dropped.length > 0) lines.push(`Left out of ${out}: ${dropped.map((name) => JSON.stringify(name)).join(", ")}, which name shifts the new roster does not have.`);
  for (const { name, reason } of invalid) lines.push(`Left out of ${out}: ${JSON.stringify(name)}, which the new roster makes invalid: ${reason}`);
  return lines.join("\n");
}

/** One line on stderr when it is a terminal: the stage and the share done. */
function progressLine(stream: NodeJS.WriteStream = process.stderr): { update: (progress: RosterProgress) => void; done: () => void } {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let drawn = false;
  let last = 0;
  return {
    update(progress) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      drawn = true;
      stream.write(`\r${Math.round(progress.fraction * 100)}% · ${progress.message}\x1b[K`);
    },
    done() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
