import { execFileSync, spawn } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "@ccplan/cli";
import { parseScenario } from "@ccplan/core";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./cliRunner.js";

// The CLI in this process (`main` is what the binary runs, with its output captured): each case costs milliseconds.
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), "ccplan-hardening-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};
const scenarioPath = (name: string) => join(repoRoot, "scenarios", name);

/** One day, one queue, one group: the probes' shape. */
function day(over: { contacts: number; queue?: object; agents?: number; resolution?: object; interventions?: object[] }) {
  return {
    version: 1,
    name: "Probe",
    intervalMinutes: 60,
    days: ["mon"],
    queues: [{ name: "phone", forecast: { dailyContacts: [over.contacts], intradayProfile: "flat" }, handle: { dist: "exponential", meanSec: 60 }, ...over.queue }],
    groups: [{ name: "A", serves: ["phone"], shifts: [{ name: "All day", start: "00:00", hours: 24, days: ["mon"], agents: over.agents ?? 10 }] }],
    ...(over.resolution && { resolution: over.resolution }),
    ...(over.interventions && { interventions: over.interventions }),
  };
}

describe("one size limit, checked for every variant before anything runs (exit 2 naming the variant, the figure, the limit)", () => {
  it("refuses the retry bypass: everyone retrying a second after hanging up", async () => {
    const path = file("retry.json", day({
      contacts: 500,
      agents: 1,
      queue: { patience: { dist: "deterministic", meanSec: 1 }, retry: { probability: 1, delay: { dist: "deterministic", meanSec: 1 } } },
    }));
    const result = await run("simulate", path, "--replications", "1", "--workers", "1");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/about [\d,]+ contacts expected in one replication: 500 first contacts and up to [\d,]+ retries and repeats .*retry probability up to 1\); expected at most 5,000,000/);
    expect(result.stdout).toBe("");
  });

  it("refuses the intervention bypass: a training that takes FCR to its floor", async () => {
    const path = file("training.json", day({
      contacts: 2_000_000,
      agents: 100,
      resolution: { fcr: 0.9, repeatDelay: { dist: "exponential", meanHours: 0.5 } },
      interventions: [{ kind: "training", name: "Unlearning", fcrChange: -1, learningCurveWeeks: 0, hoursOffFloor: 0 }],
    }));
    const result = await run("compare", path, "--replications", "1", "--workers", "1");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/contacts expected in one replication of intervention "Unlearning": 2,000,000 first contacts .*FCR 0\.01\); expected at most 5,000,000/);
    expect(result.stderr).toMatch(/→ at interventions\[0\]/);
  });

  it("refuses the sensitivity bypass: the +20% volume point of a valid file, naming the point", async () => {
    const raw = day({ contacts: 4_990_000, agents: 100 });
    expect(parseScenario(raw).ok).toBe(true);
    const path = file("sensitivity.json", raw);
    const result = await run("sensitivity", path, "--replications", "1", "--workers", "1");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("nothing was simulated, because a run would exceed the size limits");
    expect(result.stderr).toMatch(/about 5,988,000 contacts expected in one replication of sensitivity point "Arrival volume \(contacts in the span\)" high \(5,988,000\), the baseline: .*expected at most 5,000,000/);
  });
});

describe("input edges", () => {
  it("reads a scenario file that starts with a byte-order mark, as the same file without it", async () => {
    const text = readFileSync(scenarioPath("default.json"), "utf8");
    const withBom = file("bom.json", `\ufeff${text}`);
    const plain = await run("simulate", scenarioPath("default.json"), "--replications", "3", "--workers", "1", "--json");
    const bom = await run("simulate", withBom, "--replications", "3", "--workers", "1", "--json");
    expect(bom.code).toBe(0);
    expect(bom.stdout).toBe(plain.stdout);
    const csv = file("bom.csv", "\ufeffstart,contacts,agents\n08:00,40,4\n08:30,50,5\n");
    expect((await run("simulate", "--intervals", csv, "--aht", "180", "--replications", "2", "--workers", "1")).code).toBe(0);
  });

  const refused: [string, string[], RegExp][] = [
    ["a hexadecimal count", ["simulate", "--rate", "100", "--aht", "180", "--agents", "5", "--replications", "0x10"], /invalid --replications: "0x10"; expected a positive integer \(1 to 100,000\)/],
    ["a negative count, not the parser's 'ambiguous'", ["simulate", "--rate", "100", "--aht", "180", "--agents", "5", "--replications", "-1"], /invalid --replications: "-1"; expected a positive integer \(1 to 100,000\)/],
    ["a negative seed", ["compare", "scenarios/default.json", "--seed", "-1"], /invalid --seed: "-1"; expected a non-negative integer \(0 to 2,147,483,647\)/],
    ["a handle time of 1e300 seconds", ["erlang", "--model", "c", "--rate", "100", "--aht", "1e300", "--agents", "5"], /invalid --aht: "1e300"; expected a number > 0 and ≤ 604,800/],
    ["a service-level target of 100%", ["erlang", "--model", "c", "--rate", "200", "--aht", "180", "--solve-agents", "--target-sl", "1"], /invalid --target-sl: "1"; expected a number > 0 and < 1/],
    ["Infinity", ["simulate", "--rate", "Infinity", "--aht", "180", "--agents", "5"], /invalid --rate: "Infinity"; expected a number ≥ 0 and ≤ 5,000,000/],
  ];
  it.each(refused)("refuses %s with exit 2 and the range", async (_, argv, message) => {
    const result = await run(...argv.map((arg) => (arg.startsWith("scenarios/") ? join(repoRoot, arg) : arg)));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/ambiguous|\n\s+at /);
  });

  it("bounds durations in a scenario file, and states the range of a coefficient of variation", async () => {
    const raw = JSON.parse(readFileSync(scenarioPath("default.json"), "utf8"));
    raw.queues[0].handle = { dist: "exponential", meanSec: 1e300 };
    const huge = await run("simulate", file("huge.json", raw), "--workers", "1");
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/expected at most 604,800 s \(a week\); received 1e\+300\n {2}→ at queues\[0\]\.handle\.meanSec/);
    raw.queues[0].handle = { dist: "lognormal", meanSec: 180, cv: 21 };
    const cv = await run("simulate", file("cv.json", raw), "--workers", "1");
    expect(cv.code).toBe(2);
    expect(cv.stderr).toMatch(/too large; expected a number ≤ 20, received 21\n {2}→ at queues\[0\]\.handle\.cv/);
    // Money has upper bounds too: a wage of 1e300 an hour is a typo, refused with its limit.
    raw.queues[0].handle = { dist: "lognormal", meanSec: 180, cv: 0.8 };
    raw.money.wagePerHour = 1e300;
    const wage = await run("simulate", file("wage.json", raw), "--workers", "1");
    expect(wage.code).toBe(2);
    expect(wage.stderr).toMatch(/expected a number ≤ 10,000, received 1e\+300\n {2}→ at money\.wagePerHour/);
  });

  it("writes a scenario file's limits with thousands separators, as the CLI's flag messages do", async () => {
    const raw = JSON.parse(readFileSync(scenarioPath("default.json"), "utf8"));
    raw.groups[0].shifts[0].agents = 30_000;
    raw.groups[0].maxWeeklyHours = 2e7;
    raw.money.wagePerHour = 20_000;
    raw.money.customerLifetimeValue = { uncertain: "lognormal", median: 5e8, p90: 9e8 };
    raw.queues[0].patience = { dist: "exponential", meanSec: 1e9 };
    const result = await run("simulate", file("limits.json", raw), "--workers", "1");
    expect(result.code).toBe(2);
    // The value found stays as the file has it; the limit reads as `--agents` would say it.
    expect(result.stderr).toMatch(/too large; expected a number ≤ 20,000, received 30000\n {2}→ at groups\[0\]\.shifts\[0\]\.agents/);
    expect(result.stderr).toMatch(/expected a number ≤ 10,000,000, received 20000000\n {2}→ at groups\[0\]\.maxWeeklyHours/);
    expect(result.stderr).toMatch(/expected a number ≤ 10,000, received 20000\n {2}→ at money\.wagePerHour/);
    expect(result.stderr).toMatch(/the distribution reaches beyond the field's maximum 1,000,000,000 \(its 99\.95th percentile/);
    expect(result.stderr).toMatch(/expected at most 31,536,000 s \(365 days\); received 1000000000\n {2}→ at queues\[0\]\.patience\.meanSec/);
    // Past the heading (the file's name), every number of five digits or more that is not the value found is grouped.
    const limits = result.stderr.split("\n").slice(1).join("\n").replace(/received .*$/gm, "");
    expect(limits, "every limit of five digits or more is grouped").not.toMatch(/(?<![\d,.])\d{5,}/);
    expect((await run("simulate", "--rate", "60", "--aht", "180", "--agents", "30000")).stderr).toContain("(0 to 20,000)");
  });

  // Valid values at the edges of each distribution's range: each runs and reports finite numbers (a cv that squares to
  // 0 once overflowed the gamma shape and failed with exit 1).
  const edges: [string, object][] = [
    ["a gamma handle time with cv 5e-324", { handle: { dist: "gamma", meanSec: 180, cv: 5e-324 } }],
    ["a gamma patience with cv 1e-160 and a mean of 5e-324 s", { patience: { dist: "gamma", meanSec: 5e-324, cv: 1e-160 } }],
    ["a log-normal handle time with cv 5e-324", { handle: { dist: "lognormal", meanSec: 180, cv: 5e-324 } }],
    ["a gamma handle time of a week with cv 20", { handle: { dist: "gamma", meanSec: 604_800, cv: 20 } }],
    ["a log-normal patience of a year with cv 20", { patience: { dist: "lognormal", meanSec: 365 * 86_400, cv: 20 } }],
    ["an empirical handle time from 5e-324 s to a week", { handle: { dist: "empirical", valuesSec: [5e-324, 604_800] } }],
    ["a survival curve that is all tail", { handle: { dist: "survival", timesSec: [5e-324], survival: [1], tailMeanSec: 604_800 } }],
    ["a survival curve that ends at 0", { handle: { dist: "survival", timesSec: [0], survival: [1], tailMeanSec: 0 } }],
    ["an Erlang-1000 handle time of 5e-324 s", { handle: { dist: "erlang", meanSec: 5e-324, k: 1000 } }],
    ["a daily cv of 5e-324", { forecast: { dailyContacts: [500], intradayProfile: "flat", dailyCv: 5e-324 } }],
  ];
  it.each(edges)("runs %s with finite numbers", async (_, queue) => {
    const result = await run("simulate", file("edge.json", day({ contacts: 500, agents: 3, queue })), "--replications", "2", "--workers", "1", "--json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const kpis = Object.entries(JSON.parse(result.stdout).kpis as Record<string, { mean: number | null; ci95: number[] | null; p10: number | null; p90: number | null }>);
    // A KPI the scenario does not define (money without wages) is null throughout; every other is finite.
    for (const [name, kpi] of kpis) if (kpi.mean !== null) expect([kpi.mean, ...kpi.ci95!, kpi.p10, kpi.p90].every(Number.isFinite), name).toBe(true);
    expect(kpis.filter(([, kpi]) => kpi.mean !== null).map(([name]) => name)).toEqual(expect.arrayContaining(["serviceLevel", "asa", "aht", "abandonRate", "occupancy"]));
  });

  it("reads CSV counts in decimal only and names the line of an unterminated quote", async () => {
    const hex = await run("simulate", "--intervals", file("hex.csv", "start,contacts,agents\n08:00,0x10,4\n08:30,50,5\n"), "--aht", "180", "--workers", "1");
    expect(hex.code).toBe(2);
    expect(hex.stderr).toContain('line 2: contacts "0x10"; expected a number in decimal notation, ≥ 0 and ≤ 5,000,000');
    const quote = await run("simulate", "--intervals", file("quote.csv", 'start,contacts,agents\n08:00,40,4\n08:30,"50,5\n09:00,60,6\n'), "--aht", "180", "--workers", "1");
    expect(quote.code).toBe(2);
    expect(quote.stderr).toContain("line 3: a quoted field starts here and is never closed");
  });

  it("refuses a year before 1900 in an interval file and a scenario, naming the field, the value and what was expected", async () => {
    // JavaScript's Date.UTC reads years 0–99 as 1900–1999: year 0050 would have become 1950, with 1950's weekdays.
    const csv = await run("simulate", "--intervals", file("year50.csv", "start,contacts,agents\n0050-01-04T08:00,40,4\n0050-01-04T08:30,50,5\n"), "--aht", "180", "--workers", "1");
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('line 2: start "0050-01-04T08:00"; year 0050 is before 1900 (a year is written in full, like 2026); expected an ISO date-time like 2026-11-23T08:00');
    const scenario = JSON.parse(readFileSync(join(repoRoot, "scenarios", "year-plan.json"), "utf8"));
    scenario.capacity.start = "0027-01-04";
    const plan = await run("capacity", file("year27.json", JSON.stringify(scenario)), "--replications", "1", "--workers", "1");
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain('year 0027 is before 1900 (a year is written in full, like 2026); expected a date YYYY-MM-DD from 1900 on, received "0027-01-04"');
    expect(plan.stderr).toContain("capacity.start");
  });
});

describe("ccplan roster on odd but valid input: exit 0 with a named shortfall, or exit 2 naming the field, never 1", () => {
  const tiny = () => JSON.parse(readFileSync(join(repoRoot, "test", "fixtures", "roster-tiny.json"), "utf8"));
  type Tiny = ReturnType<typeof tiny>;
  const cases: [string, (s: Tiny) => void, number, RegExp][] = [
    ["nothing forecast", (s) => (s.queues[0].forecast.intervalContacts = new Array(24).fill(0)), 0, /no interval is open/],
    ["handle times tabulated as zeros", (s) => (s.queues[0].handle = { dist: "empirical", valuesSec: [0, 0] }), 0, /open intervals/],
    ["patience tabulated as zeros", (s) => (s.queues[0].patience = { dist: "empirical", valuesSec: [0] }), 0, /open intervals/],
    ["a target of 100%", (s) => (s.queues[0].targetServiceLevel = 1), 0, /open intervals/],
    ["templates with no agents allowed", (s) => s.groups[0].shiftTemplates.forEach((t: { maxAgents?: number }) => (t.maxAgents = 0)), 0, /cannot cover: 08:00 \(short by \d+\)/],
    ["templates on a day the scenario does not simulate", (s) => s.groups[0].shiftTemplates.forEach((t: { days: string[] }) => (t.days = ["sun"])), 0, /cannot cover/],
    ["a floor beyond what a group may hold", (s) => (s.groups[0].minAgentsOnFloor = 20_000), 0, /cannot cover: 08:00 \(short by 2223\)/],
    // Found by the fuzz (test/fuzz.test.ts): limits no roster can keep once failed the run (exit 1) naming no field.
    ["locked shifts above the weekly hours", (s) => Object.assign(s.groups[0], { maxWeeklyHours: 1, shifts: s.groups[0].shifts.map((shift: object) => ({ ...shift, locked: true })) }), 2, /the locked shifts alone use 66 h paid a week, above maxWeeklyHours 1 h; expected at least 66 h.*\n {2}→ at groups\[0\]\.maxWeeklyHours/],
    ["locked shifts above the seats", (s) => Object.assign(s.groups[0], { maxAgentsAtOnce: 10, shifts: s.groups[0].shifts.map((shift: object) => ({ ...shift, locked: true })) }), 2, /the locked shifts alone have 11 agents on shift at mon 10:00, above maxAgentsAtOnce 10.*\n {2}→ at groups\[0\]\.maxAgentsAtOnce/],
    ["minimums the seats cannot hold", (s) => Object.assign(s.groups[0], { maxAgentsAtOnce: 3 }).shiftTemplates[1].minAgents = 50, 2, /group "Team": the roster's limits cannot all hold .*\n {2}→ at groups\[0\]$/m],
    ["a latest start before the earliest", (s) => (s.groups[0].shiftTemplates[0].starts = { from: "12:00", to: "08:00", stepMinutes: 60 }), 2, /→ at groups\[0\]\.shiftTemplates\[0\]\.starts\.to/],
    ["a break window past the shift's end", (s) => (s.groups[0].shiftTemplates[0].breaks = [{ minutes: 30, earliestAfterHours: 7, latestAfterHours: 9 }]), 2, /→ at groups\[0\]\.shiftTemplates\[0\]\.breaks\[0\]\.latestAfterHours/],
  ];
  it.each(cases)("%s", async (_, change, code, message) => {
    const scenario = tiny();
    change(scenario);
    const result = await run("roster", file("roster-odd.json", scenario), "--replications", "4", "--iterations", "1", "--confidence-table", "none", "--workers", "1");
    expect(result.code, result.stderr).toBe(code);
    expect(code === 0 ? result.stdout : result.stderr).toMatch(message);
  });
});

describe("an option a command does not take, or a value a flag lacks, is refused in ccplan's words (exit 2)", () => {
  const cases: [string, string[], RegExp][] = [
    // Node's parser said "Unknown option '--workers'. To specify a positional argument starting with a '-', …".
    ["merge --workers 2", ["merge", "part1.json", "--workers", "2"], /^ccplan merge does not take --workers; expected one of its options: --json, --target-sl, --all-intervals, --csv \(ccplan help merge says what each does\)\n$/],
    ["a typo of a flag", ["simulate", "--rate", "60", "--aht", "180", "--agents", "3", "--replication", "3"], /^ccplan simulate does not take --replication \(did you mean --replications\?\); expected one of its options: --replications, .*--calibration \(ccplan help simulate says what each does\)\n$/],
    ["a short option", ["roster", "test/fixtures/roster-tiny.json", "-x"], /^ccplan roster does not take -x; expected one of its options: --group, --confidence, .*--confidence-table \(ccplan help roster says what each does\)\n$/],
    ["a flag without its value", ["compare", "scenarios/default.json", "--seed"], /^--seed needs a value; expected --seed VALUE \(ccplan help compare says what it takes\)\n$/],
    ["a switch given a value", ["erlang", "--model", "c", "--rate", "200", "--aht", "180", "--agents", "14", "--json=yes"], /^--json takes no value \(it is a switch\); expected --json alone \(ccplan help erlang\)\n$/],
  ];
  it.each(cases)("%s", async (_, argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/positional|Unknown option/);
  });
});

describe("an output file that cannot be written is refused with exit 2 naming it (roster and anchor: before they run)", () => {
  const missing = join(dir, "no-such-folder", "out.json");
  const cases: [string, string[], RegExp][] = [
    // Checked first: a scenario file that is not there is not even read.
    ["roster --out in a missing folder", ["roster", join(dir, "absent.json"), "--out", missing], /cannot write the roster scenario .*out\.json: no such folder/],
    ["roster --csv onto a folder", ["roster", join(repoRoot, "test", "fixtures", "roster-tiny.json"), "--csv", dir], /cannot write the roster CSV .*: it is a folder/],
    ["anchor --out in a missing folder", ["anchor", join(dir, "absent.json"), "--csat", "0.8", "--surveys", "400", "--out", missing], /cannot write the anchored scenario .*: no such folder/],
    ["capacity --out in a missing folder", ["capacity", scenarioPath("year-plan.json"), "--week", "2", "--replication", "1", "--out", missing], /cannot write the week's scenario .*: no such folder/],
  ];
  it.each(cases)("%s", async (_, argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe("merge names what differs and checks the values", () => {
  const shard = async (i: number, ...extra: string[]) => {
    const result = await run("simulate", scenarioPath("default.json"), "--replications", "4", "--workers", "1", "--shard", `${i}/2`, ...extra);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };

  it("names the seed, not the scenario, when the parts come from runs of two seeds", async () => {
    const part1 = file("part1.json", await shard(1));
    const part2 = file("part2.json", await shard(2, "--seed", "9"));
    const result = await run("merge", part1, part2);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`come from different runs: seed 9 in ${part2} versus 1 in ${part1}`);
  });

  it("names the variant when a part ran an intervention", async () => {
    const part1 = file("base1.json", await shard(1));
    const part2 = file("more2.json", await shard(2, "--variant", "+4 agents on Late"));
    const result = await run("merge", part1, part2);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`variant "+4 agents on Late" in ${part2} versus "the baseline" in ${part1}`);
  });

  it("reads every other file a user names with a byte-order mark as without: a shard, a call log, a calibration, an interval report", async () => {
    const parts = [await shard(1), await shard(2)];
    const plain = await run("merge", file("plain1.json", parts[0]), file("plain2.json", parts[1]));
    const bom = await run("merge", file("bom1.json", `\ufeff${JSON.stringify(parts[0])}`), file("bom2.json", `\ufeff${JSON.stringify(parts[1])}`));
    expect(bom.code).toBe(0);
    expect(bom.stdout).toBe(plain.stdout);
    const log = readFileSync(join(repoRoot, "examples", "call-log-sample.csv"), "utf8").split("\n").slice(0, 300).join("\n");
    const calibration = await run("calibrate", file("log.csv", `\ufeff${log}`), "--json");
    expect(calibration.code).toBe(0);
    expect(calibration.stdout).toBe((await run("calibrate", file("plain-log.csv", log), "--json")).stdout);
    const calibrated = await run("calibrate", "--calibration", file("calibration.json", `\ufeff${calibration.stdout}`), "--scenario", scenarioPath("default.json"), "--out", join(dir, "calibrated.json"));
    expect(calibrated.code, calibrated.stderr).toBe(0);
    const report = await run("calibrate", "--interval-report", file("report.csv", "\ufeffstart,offered,answered,abandoned,asa_seconds,abandon_wait_seconds\n08:00,100,90,10,30,40\n"));
    expect(report.stdout).toContain("Mean patience from the interval report: 310.0 s");
  });

  it("refuses a part whose values were edited to 1e308, by name", async () => {
    const part1 = await shard(1);
    const edited = await shard(2);
    edited.vectors[0][0] = 1e308;
    const paths = [file("ok1.json", part1), file("edited2.json", edited)];
    const result = await run("merge", ...paths);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${paths[1]} is refused: replication 2, the span, KPI serviceLevel is 1e+308; expected a fraction in [0, 1]`);
  });
});

// The CLI's commands, as it names them when asked for one it does not have.
let commandNames: string[] = [];
await run("no-such-command").then(({ stderr }) => (commandNames = /expected one of (.+)$/m.exec(stderr)![1]!.split(", ")));

describe("a closed pipe ends every command quietly (no stack trace) with the conventional status 141", () => {
  const bin = fileURLToPath(new URL("../packages/cli/dist/bin.js", import.meta.url));
  // The reader goes away before the output is written, as `| head -c 0` would: every write meets EPIPE.
  // The reader is gone before the command starts, every time: its standard output is a named pipe whose only reader
  // was closed (synchronously) before the spawn. Destroying the parent's end of an ordinary pipe after the spawn closes
  // it on a later turn of the event loop, and on a loaded machine a quick command (help) sometimes wrote first.
  let pipes = 0;
  const closedPipe = (args: string[]) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const fifo = join(dir, `closed-${pipes++}.fifo`);
      execFileSync("mkfifo", [fifo]);
      const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
      const writer = openSync(fifo, constants.O_WRONLY);
      closeSync(reader);
      const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, stdio: ["ignore", writer, "pipe"] });
      closeSync(writer);
      let stderr = "";
      child.stderr!.on("data", (chunk) => (stderr += chunk));
      child.on("close", (code) => resolve({ code, stderr }));
    });
  const commands: string[][] = [
    ["simulate", "--rate", "100", "--aht", "180", "--agents", "6", "--hours", "2", "--replications", "2", "--workers", "1", "--json"],
    // Two worker threads: they end with the process.
    ["compare", "scenarios/default.json", "--replications", "1", "--workers", "2", "--only", "+4 agents on Late"],
    ["erlang", "--model", "c", "--rate", "200", "--aht", "180", "--agents", "14", "--json"],
    ["sensitivity", "scenarios/default.json", "--replications", "1", "--range", "0.1", "--workers", "1", "--output", "serviceLevel"],
    ["help"],
    // Every command's help goes to standard output the same way: the list is the CLI's own, so a new command is covered.
    ...commandNames.map((command) => [command, "--help"]),
  ];
  it.each(commands)("%s %s", async (...args) => {
    const result = await closedPipe(args);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(141);
  });
});
