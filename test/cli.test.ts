import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ccplan, repoRoot, roundNumbers } from "./cliRunner.js";

const updateGolden = process.env.UPDATE_GOLDEN === "1";

/** Compares JSON output with test/golden/<name>.json after rounding to 10 significant digits.
 * The golden files change only when UPDATE_GOLDEN=1 is set. */
function expectGolden(name: string, output: unknown) {
  const file = new URL(`./golden/${name}.json`, import.meta.url);
  const actual = roundNumbers(output);
  if (updateGolden || !existsSync(file)) {
    if (!updateGolden) throw new Error(`missing golden file test/golden/${name}.json; run with UPDATE_GOLDEN=1 to create it`);
    writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  }
  expect(actual).toEqual(JSON.parse(readFileSync(file, "utf8")));
}

describe("ccplan erlang", () => {
  it("gives the reference Erlang C case S-EC-01 as JSON with every field", () => {
    const run = ccplan("erlang", "--model", "c", "--rate", "200", "--aht", "180", "--agents", "14", "--target", "20", "--json");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual([
      "model", "offeredLoad", "agents", "stable", "probWait", "probAbandon", "asa", "meanWaitAll",
      "serviceLevel", "serviceLevelWaitWithin", "occupancy", "meanQueueLength",
    ]);
    expect(result.model).toBe("c");
    expect(result.probAbandon).toBeNull();
    expect(result.probWait).toBeCloseTo(0.1741319336, 9);
    expect(result.asa).toBeCloseTo(7.835937012, 8);
    expect(result.serviceLevel).toBeCloseTo(0.8883500192, 9);
    expect(result.occupancy).toBeCloseTo(0.7142857143, 9);
  });

  it("gives the reference Erlang A case S-EA-01 with both service-level conventions", () => {
    const run = ccplan("erlang", "--model", "a", "--rate", "200", "--aht", "180", "--agents", "14", "--patience", "300", "--json");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.probAbandon).toBeCloseTo(0.01398374412, 10);
    expect(result.meanWaitAll).toBeCloseTo(4.195123237, 8);
    expect(result.asa).toBeCloseTo(3.878480045, 8);
    expect(result.serviceLevel).toBeCloseTo(0.9167920919, 9);
    expect(result.serviceLevelWaitWithin).toBeCloseTo(0.9239560273, 9);
  });

  it("solves for the fewest agents and grosses up for shrinkage", () => {
    const run = ccplan("erlang", "--model", "c", "--rate", "200", "--aht", "180", "--solve-agents", "--target-sl", "0.8", "--target", "20", "--shrinkage", "0.3", "--json");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.agents).toBe(14);
    expect(result.scheduledAgents).toBe(20);
  });

  it("says an overloaded Erlang C queue is unstable instead of giving a negative wait", () => {
    const run = ccplan("erlang", "--model", "c", "--rate", "400", "--aht", "180", "--agents", "14", "--json");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.stable).toBe(false);
    expect(result.asa).toBeNull();
    const table = ccplan("erlang", "--model", "c", "--rate", "400", "--aht", "180", "--agents", "14").stdout;
    expect(table).toMatch(/The queue is unstable/);
    expect(table).toMatch(/Mean queue length +–\n/); // a dash, not "– contacts"
  });

  it("prints a readable table by default", () => {
    const run = ccplan("erlang", "--model", "c", "--rate", "200", "--aht", "180", "--agents", "14");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Service level (answered ≤ 20 s)");
    expect(run.stdout).toContain("88.8%");
  });
});

describe("ccplan simulate", () => {
  it("simulates a stationary center reproducibly (golden JSON, same bytes twice)", () => {
    const args = ["simulate", "--rate", "200", "--aht", "180", "--agents", "12", "--patience", "300", "--hours", "4", "--replications", "20", "--seed", "7", "--json"];
    const first = ccplan(...args);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(ccplan(...args).stdout).toBe(first.stdout);
    const summary = JSON.parse(first.stdout);
    for (const kpi of ["serviceLevel", "asa", "meanWaitAll", "abandonRate", "occupancy", "aht", "offered", "answered", "abandoned", "waitP50", "waitP90", "fcr", "repeatRate"]) {
      expect(Object.keys(summary.kpis[kpi]).slice(0, 6)).toEqual(["mean", "ci95", "p10", "p50", "p90", "n"]);
    }
    expect(summary.intervals).toHaveLength(8);
    expect(summary.intervals[0].start).toBe("00:00");
    expectGolden("simulate-stationary", summary);
  });

  it("simulates the default scenario (golden JSON)", () => {
    const run = ccplan("simulate", "scenarios/default.json", "--replications", "4", "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.days).toHaveLength(7);
    expect(summary.intervals).toHaveLength(7 * 48);
    // The week's 336 intervals make a large file; the golden copy keeps the span, the days and one day's intervals.
    expectGolden("simulate-default", { ...summary, intervals: summary.intervals.slice(0, 48) });
  });

  it("prints each day's service level and each day's and interval's share of replications meeting the target with their 95% CIs, as the JSON has them", () => {
    const args = ["simulate", "scenarios/default.json", "--replications", "6", "--workers", "1"];
    const text = ccplan(...args).stdout;
    const summary = JSON.parse(ccplan(...args, "--json").stdout);
    const percent = (value: number) => `${(Math.abs(value) < 1e-12 ? 0 : value * 100).toFixed(1)}%`;
    const withCi = (value: number, ci: [number, number]) => `${percent(value)} [${percent(ci[0])}, ${percent(ci[1])}]`;
    const wed = summary.days.find((day: { day: string }) => day.day === "wed");
    const row = text.split("\n").find((line) => line.startsWith("wed "))!;
    expect(row).toContain(withCi(wed.kpis.serviceLevel.mean, wed.kpis.serviceLevel.ci95));
    expect(row).toContain(withCi(wed.targetMet.probability, wed.targetMet.ci95));
    expect(wed.targetMet.ci95[1] - wed.targetMet.ci95[0]).toBeGreaterThan(0.2); // 6 replications say little
    const worst = text.slice(text.indexOf("Intervals that miss")).split("\n")[3]!;
    const interval = summary.intervals.find((entry: { start: string }) => worst.startsWith(`${entry.start} `));
    expect(worst).toContain(withCi(interval.targetMet.probability, interval.targetMet.ci95));
    expect(text).not.toContain("0.000%");
  });

  it("runs an intervention of the scenario as a variant, on the same seed", () => {
    const baseline = JSON.parse(ccplan("simulate", "scenarios/default.json", "--replications", "3", "--json").stdout);
    const names = JSON.parse(readFileSync(new URL("../scenarios/default.json", import.meta.url), "utf8")).interventions.map(
      (intervention: { name: string }) => intervention.name,
    );
    const variant = ccplan("simulate", "scenarios/default.json", "--variant", names[0], "--replications", "3", "--json");
    expect(variant.code).toBe(0);
    const summary = JSON.parse(variant.stdout);
    expect(summary.kpis.offered.mean).toBeGreaterThan(0);
    expect(summary.kpis.serviceLevel.mean).not.toBe(baseline.kpis.serviceLevel.mean);
  });

  it("reads an interval file, with one interval per row (golden JSON)", () => {
    const run = ccplan("simulate", "--intervals", "test/fixtures/intervals.csv", "--aht", "180", "--handle-dist", "lognormal", "--handle-cv", "0.8", "--patience", "240", "--replications", "10", "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.intervals.map((interval: { start: string }) => interval.start)).toEqual(["08:00", "08:30", "09:00", "09:30", "10:00", "10:30"]);
    expectGolden("simulate-intervals", summary);
  });
});

describe("ccplan simulate on workers, with precision, in shards; ccplan compare", () => {
  const stationary = ["simulate", "--rate", "200", "--aht", "180", "--agents", "12", "--patience", "300", "--hours", "4", "--seed", "3"];

  it("prints the same bytes with 1 and 2 workers", () => {
    const one = ccplan(...stationary, "--replications", "30", "--workers", "1", "--json");
    const two = ccplan(...stationary, "--replications", "30", "--workers", "2", "--json");
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it("prints the same bytes with 1 and 2 workers past the quantile store's exact phase, the whole run one stream", () => {
    // A day of 48 intervals × 29 KPIs over 160 replications: the interval quantiles from Float32 values (radix selection).
    const day = ["simulate", "--rate", "200", "--aht", "180", "--agents", "12", "--patience", "300", "--hours", "24", "--seed", "3", "--replications", "160", "--json"];
    const one = ccplan(...day, "--workers", "1");
    const two = ccplan(...day, "--workers", "2");
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).intervalQuantiles).toEqual({ replications: 160, precision: "float32" });
    expect(two.stdout).toBe(one.stdout);
  });

  it("merges shards into exactly the output of one run, whatever the order of the parts", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccplan-shards-"));
    try {
      const parts = [1, 2, 3].map((index) => {
        const run = ccplan(...stationary, "--replications", "25", "--shard", `${index}/3`, "--workers", "1");
        expect(run.code).toBe(0);
        const file = join(dir, `part${index}.json`);
        writeFileSync(file, run.stdout);
        return file;
      });
      const merged = ccplan("merge", parts[2]!, parts[0]!, parts[1]!, "--json");
      expect(merged.stderr).toBe("");
      const whole = ccplan(...stationary, "--replications", "25", "--json");
      expect(merged.stdout).toBe(whole.stdout);
      const gap = ccplan("merge", parts[0]!, parts[2]!);
      expect(gap.code).toBe(2);
      expect(gap.stderr).toMatch(/missing|gap/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops a precision-driven run at a fixed check point once the CI is narrow enough", () => {
    const run = ccplan(...stationary, "--precision", "0.02", "--replications", "400", "--json");
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.precision).toMatchObject({ kpi: "serviceLevel", halfWidth: 0.02, reached: true });
    expect([20, 40, 80, 160, 320, 400]).toContain(summary.replications);
    const [lo, hi] = summary.kpis.serviceLevel.ci95;
    expect((hi - lo) / 2).toBeLessThanOrEqual(0.02);
    expect(ccplan(...stationary, "--precision", "0.02", "--replications", "400", "--workers", "1", "--json").stdout).toBe(run.stdout);
  });

  it("compares the default scenario's interventions with paired deltas (JSON shape)", () => {
    const run = ccplan("compare", "scenarios/default.json", "--replications", "6", "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const comparison = JSON.parse(run.stdout);
    expect(Object.keys(comparison.baseline.kpis.serviceLevel)).toEqual(expect.arrayContaining(["mean", "ci95", "p10", "p50", "p90", "n"]));
    expect(comparison.interventions.length).toBeGreaterThanOrEqual(2);
    const added = comparison.interventions[0];
    expect(added.deltas.serviceLevel).toMatchObject({ n: 6, significant: true, effect: "better" });
    expect(added.deltas.serviceLevel.mean).toBeCloseTo(added.kpis.serviceLevel.mean - comparison.baseline.kpis.serviceLevel.mean, 12);
    expect(added.costLines.length).toBeGreaterThan(0);
    const table = ccplan("compare", "scenarios/default.json", "--replications", "6");
    expect(table.stdout).toContain("Change against the baseline [95% CI]");
    // Money KPIs print bare amounts: their row names the scenario's currency (default.json's money is in USD).
    expect(table.stdout).toMatch(/^Agent cost per contact \(USD\) +\d/m);
    expect(ccplan("simulate", "scenarios/default.json", "--replications", "2").stdout).toMatch(/^Agent cost per contact \(USD\) +\d/m);
  });
});

describe("ccplan compare with money, and ccplan sensitivity", () => {
  it("gives the same bytes with one worker as with two, whose pool runs the money stage's runs behind the comparison's last batch", () => {
    const args = ["compare", "scenarios/product-training.json", "--replications", "6", "--json"];
    const one = ccplan(...args, "--workers", "1");
    const two = ccplan(...args, "--workers", "2");
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).interventions[0].money.totalCost.n).toBe(6);
    expect(two.stdout).toBe(one.stdout);
  });

  it("gives the same bytes with one worker as with two without money too, the pool closed once the replications are back", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccplan-compare-"));
    try {
      const scenario = JSON.parse(readFileSync(join(repoRoot, "scenarios/default.json"), "utf8"));
      delete scenario.money;
      const file = join(dir, "no-money.json");
      writeFileSync(file, JSON.stringify(scenario));
      const args = ["compare", file, "--replications", "6", "--json"];
      const one = ccplan(...args, "--workers", "1");
      const two = ccplan(...args, "--workers", "2");
      expect(one.code).toBe(0);
      expect(JSON.parse(one.stdout).interventions).toHaveLength(3);
      expect(two.stderr).toBe("");
      expect(two.stdout).toBe(one.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prices each intervention against the baseline over the horizon, with CIs", () => {
    const run = ccplan("compare", "scenarios/product-training.json", "--replications", "4", "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const { interventions } = JSON.parse(run.stdout);
    const money = interventions[0].money;
    for (const field of ["totalCost", "totalBenefit", "roi", "benefitCostRatio", "paybackMonth", "npv", "probPaybackWithinHorizon"]) {
      expect(Object.keys(money[field]).slice(0, 6)).toEqual(["mean", "ci95", "p10", "p50", "p90", "n"]);
    }
    expect(money.totalCost.mean).toBeGreaterThan(0);
    expect(money.roi.mean).toBeCloseTo((money.totalBenefit.mean - money.totalCost.mean) / money.totalCost.mean, 1);
    for (const kpi of ["csat", "nps", "complaintRate", "repeatRate", "fcr", "resolutionTime", "onlineShare", "costPerContact"]) {
      expect(interventions[0].deltas[kpi]).toHaveProperty("mean");
    }
    const text = ccplan("compare", "scenarios/product-training.json", "--replications", "4").stdout;
    expect(text).toContain("Money over 12 months against the baseline");
    // The training's cost moves with no draw: said in words, not as a zero-width interval; its benefit has one.
    expect(text).toMatch(/Incremental cost \(CNY\) +128,000 \(the same in all 4 replications\)/);
    // At full effect the training moves satisfaction alone, which the queue does not depend on: its service level is
    // the baseline's in every replication, said as "unchanged" with why (core's interventionLevers), never as a change
    // of "0.0 pt [0.0 pt, 0.0 pt]" or "+0.0 pt"; what it does move keeps its interval and mark.
    expect(text).toMatch(/^Service level +unchanged$/m);
    expect(text).toMatch(/^Customer satisfaction \(CSAT\) +\+\d+\.\d pt \[\+\d+\.\d pt, \+\d+\.\d pt\] ✓$/m);
    expect(text).toMatch(
      /^"Product-knowledge training" leaves \d+ of \d+ KPIs unchanged \(service level among them\) because it does not act on them: as entered it changes satisfaction, which the queue does not depend on, and not handle time or first-contact resolution \(with it, repeat contacts\)\.$/m,
    );
    expect(text).not.toMatch(/\[0\.0+ pt, 0\.0+ pt\]|[+−]0\.0+ pt\b/);
    expect(text).toMatch(/Benefit \(CNY\) +[\d,]+ \[[\d,]+, [\d,]+\]/);
    // The year's service level, class weeks included: the training's trainees are away in class, so it falls.
    expect(text).toMatch(/Service level over the 12 months +−\d+\.\d\d pt \[−\d+\.\d\d pt, −\d+\.\d\d pt\]/);
    expect(money.serviceLevelChange.mean).toBeLessThan(0);
    expect(text).not.toMatch(/\[([\d,]+), \1\]/);
    expect(text).toMatch(/ROI = \(benefit − cost\) \/ cost +\d+% \[−\d+%, \d+%\]/); // 4 replications: a CI reaching below 0
    // The payback month's mean is an average (a decimal); its P10–P90 are months some simulated year reached, whole.
    expect(text).toMatch(/Payback month \(in years it pays back\) +\d+\.\d \(P10–P90 \d+ to \d+\)/);
    expect(text).not.toMatch(/(^|[\s[(])-\d/m); // negative figures with a true minus, as in every other table
    // 4 replications value no input: said in words, never as "0 to 0", and how many the method needs said once.
    expect(text).not.toMatch(/\b0 to 0\b/);
    expect(text).toMatch(/^ {2}"Product-knowledge training" is the best buy in \d+% of futures; with 4 replications no input's value can be told apart from 0 \(the value of information needs about 500\)\.$/m);
    expect(text).toMatch(/^the loyalty shares together \(churn and NPS classes\) +0 +not told apart from 0 by 4 replications$/m);
    // The decision block: which option is best, what knowing each input is worth, the acceptability curve and its
    // break-evens, in the scenario's currency; a warning that 4 replications overstate the value of information.
    const { decision } = JSON.parse(run.stdout);
    expect(Object.keys(decision.probBest)).toEqual(["baseline", interventions[0].name]);
    expect(decision.evpi).toBeGreaterThanOrEqual(0);
    expect(decision.evppi.length).toBeGreaterThan(0);
    for (const entry of decision.evppi) {
      expect(entry).toMatchObject({ input: expect.any(String), value: expect.any(Number) });
      expect(decision.evpi).toBeGreaterThanOrEqual(entry.value);
    }
    expect(decision.acceptability.length).toBeGreaterThan(10);
    expect(decision.acceptability[0].customerValue).toBe(0);
    for (const point of decision.acceptability) expect(Object.values(point.probBest as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(Array.isArray(decision.breakEven)).toBe(true);
    expect(decision.valueOfInformation.warning).toMatch(/4 replications/);
  });

  it("prints each swing of a share in percentage points, with its 95% CI", () => {
    const text = ccplan("sensitivity", "scenarios/default.json", "--replications", "2", "--output", "serviceLevel").stdout;
    const rows = text.split("\n").filter((line) => line.includes(" → ") && !line.startsWith("Input"));
    expect(rows.length).toBeGreaterThan(3);
    // A swing is a difference of two service levels: "+29.2 pt [+26.1 pt, +32.3 pt]", never "+29.2%".
    // A swing that prints as zero carries no sign ("0.0 pt", never "±0.0 pt" or "+0.0 pt"); any other is signed.
    const swing = String.raw`(?:[+−](?=[\d.]*[1-9])|(?=[\d.]+ pt)(?![\d.]*[1-9]))[\d.]+ pt`;
    // A swing every replication agrees on is said in words, never as a zero-width interval.
    for (const row of rows) expect(row).toMatch(new RegExp(` ${swing} (\\[${swing}, ${swing}\\]|\\(the same in all 2 replications\\))$`));
  });

  it("draws a tornado of the training's break-even week, in weeks, each swing with its 95% CI", () => {
    const run = ccplan("sensitivity", "scenarios/product-training.json", "--intervention", "Product-knowledge training", "--output", "breakEvenWeek", "--replications", "2");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Break-even week \(from the option's start\): \d+(\.\d+)? wk with every input at its value$/m);
    const rows = run.stdout.split("\n").filter((line) => line.includes(" → ") && !line.startsWith("Input"));
    expect(rows.length).toBeGreaterThan(10);
    const swing = String.raw`(?:[+−](?=[\d.]*[1-9])|(?![\d.]*[1-9]))[\d.]+ wk`;
    for (const row of rows) expect(row).toMatch(new RegExp(`→ [\\d.]+ wk .*→ [\\d.]+ wk +${swing} (\\[${swing}, ${swing}\\]|\\(the same in all 2 replications\\))$`));
    // Whole weeks: two replications often agree exactly, which reads "(the same in all 2 replications)", never "[+7.0 wk, +7.0 wk]".
    expect(run.stdout).not.toMatch(/\[([+−]?[\d.]+ wk), \1\]/);
    // The training's own cost delays its break-even.
    const cost = rows.find((row) => row.startsWith("Training: cost per trainee"))!;
    expect(cost).toMatch(/ \+[\d.]+ wk (\[|\(the same in all 2 replications\))/);
  });

  it("draws a tornado of the baseline's service level as JSON, bars longest first", () => {
    const run = ccplan("sensitivity", "scenarios/default.json", "--replications", "2", "--output", "serviceLevel", "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    const bars = result.tornados[0].bars;
    expect(bars.length).toBeGreaterThan(3);
    const swings = bars.map((bar: { swing: number | null }) => Math.abs(bar.swing ?? 0));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });
});

describe("ccplan's own help", () => {
  it("lists every command in one aligned column, and every exit code", () => {
    const run = ccplan("--help");
    const listed = run.stdout.slice(run.stdout.indexOf("Commands:")).split("\n").slice(1).filter((line) => /^  [a-z]/.test(line));
    const refusal = ccplan("no-such-command").stderr;
    expect(listed.map((line) => line.trim().split(" ")[0])).toEqual(/expected one of (.*)$/m.exec(refusal)![1]!.split(", "));
    const descriptionColumn = new Set(listed.map((line) => /^  [a-z]+ +/.exec(line)![0].length));
    expect([...descriptionColumn]).toHaveLength(1);
    for (const code of ["0 success", "1 the run failed", "2 bad arguments", "141"]) expect(run.stdout).toContain(code);
  });
});

describe("ccplan's uncertainty in words", () => {
  it("simulate --precision says the half-width asked for in the KPI's unit", () => {
    const run = ccplan("simulate", "--rate", "200", "--aht", "180", "--agents", "12", "--patience", "300", "--hours", "2", "--precision", "0.05", "--replications", "40", "--workers", "1");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(/ · precision (NOT )?reached \(95% CI half-width of serviceLevel at most 5 pt\)$/);
  });

  it("calibrate names each standard error as one, in seconds, never as a bare ±", () => {
    const run = ccplan("calibrate", "examples/call-log-sample.csv");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/After-call work measured: [\d.]+ s \(standard error [\d.]+ s;/);
    expect(run.stdout).toMatch(/exponential fit beside it: mean [\d.]+ s \(standard error [\d.]+ s;/);
    expect(run.stdout).not.toContain("±");
  });
});

describe("ccplan help <command>", () => {
  const commands = /expected one of (.*)$/m.exec(ccplan("no-such-command").stderr)![1]!.split(", ");
  it.each(commands)("ccplan help %s names every flag the command takes", (command) => {
    const taken = /expected one of its options: (.*?) \(ccplan help/.exec(ccplan(command, "--no-such-flag").stderr)![1]!.split(", ");
    const help = ccplan("help", command).stdout;
    expect(taken.filter((flag) => flag !== "--debug" && !new RegExp(`${flag}(?![a-z-])`).test(help))).toEqual([]);
  });
});

describe("ccplan rejects bad input with exit code 2 and a message that says what, where and what was expected", () => {
  const cases: [string, string[], RegExp][] = [
    ["an unknown command", ["frobnicate"], /unknown command "frobnicate"; expected one of erlang, simulate, compare, merge, sensitivity/],
    ["a command named like an object's own method", ["toString"], /unknown command "toString"; expected one of erlang, simulate/],
    ["help on a command named like an object's own method", ["help", "constructor"], /unknown command "constructor"; expected one of erlang, simulate/],
    ["an unknown flag", ["erlang", "--model", "c", "--rate", "200", "--aht", "180", "--agents", "14", "--agent", "3"], /ccplan erlang does not take --agent \(did you mean --agents\?\); expected one of its options: --model, .*--agents.* \(ccplan help erlang says what each does\)/],
    ["a non-number", ["erlang", "--model", "c", "--rate", "lots", "--aht", "180", "--agents", "14"], /invalid --rate: "lots"; expected a number ≥ 0/],
    ["a fractional agent count", ["erlang", "--model", "c", "--rate", "200", "--aht", "180", "--agents", "2.5"], /invalid --agents: "2.5"; expected a positive integer \(1 to 20,000\)/],
    ["a missing required flag", ["erlang", "--model", "c", "--rate", "200", "--agents", "14"], /missing --aht/],
    ["an unknown model", ["erlang", "--model", "x", "--rate", "200", "--aht", "180", "--agents", "14"], /invalid --model: "x"; expected one of b, c, a/],
    ["Erlang A without patience", ["erlang", "--model", "a", "--rate", "200", "--aht", "180", "--agents", "14"], /missing --patience/],
    ["a missing scenario file", ["simulate", "scenarios/nope.json"], /cannot read scenario file scenarios\/nope.json: no such file/],
    ["an invalid scenario", ["simulate", "test/fixtures/invalid-scenario.json"], /test\/fixtures\/invalid-scenario.json is not a valid scenario[\s\S]*shifts\[0\]/],
    ["a bad interval file", ["simulate", "--intervals", "test/fixtures/intervals-bad.csv", "--aht", "180"], /line 3: contacts "-5"[\s\S]*line 4: start "9am"[\s\S]*line 5: agents "many"/],
    ["an unknown variant", ["simulate", "scenarios/default.json", "--variant", "Nope"], /invalid --variant: "Nope"; expected one of "Baseline"/],
    ["two sources", ["simulate", "scenarios/default.json", "--rate", "100"], /exactly one source/],
    ["a shard with precision", ["simulate", "scenarios/default.json", "--shard", "1/2", "--precision", "0.01"], /--shard cannot be combined with --precision/],
    ["a bad shard", ["simulate", "scenarios/default.json", "--shard", "3/2"], /invalid --shard: "3\/2"; expected I\/N/],
    ["an unknown precision KPI", ["simulate", "scenarios/default.json", "--precision", "0.01", "--precision-kpi", "happiness"], /invalid --precision-kpi: "happiness"/],
    ["an unknown sensitivity output", ["sensitivity", "scenarios/default.json", "--output", "happiness"], /invalid --output: "happiness"; expected roi, npv, breakEvenWeek or a KPI id: serviceLevel, .*csat/],
    ["a break-even week without an intervention", ["sensitivity", "scenarios/product-training.json", "--output", "breakEvenWeek"], /--output roi, npv and breakEvenWeek need --intervention and a scenario with a money section/],
    ["a share typed in percent", ["simulate", "scenarios/default.json", "--target-sl", "80"], /^invalid --target-sl: "80"; expected a number ≥ 0 and ≤ 1 \(a share, as a fraction: 0\.8 for 80%\)\n$/],
    ["an unknown group to roster", ["roster", "scenarios/default.json", "--group", "Night team"], /^invalid --group: no group named "Night team"; expected one of "Service team"\n$/],
    ["an unknown intervention to compare", ["compare", "scenarios/default.json", "--only", "Nope"], /invalid --only: "Nope"/],
    ["a file that is not a shard", ["merge", "scenarios/default.json"], /shard/],
    ["a span beyond reason", ["simulate", "--rate", "100000", "--aht", "180", "--agents", "10", "--hours", "2000"], /expected at most 5,000,000/],
  ];
  it.each(cases)("%s", (_, args, message) => {
    const run = ccplan(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
    expect(run.stdout).toBe("");
  });
});

describe("the `ccplan` command as npm links it", () => {
  it("links a committed bin file, not one in dist/, which npm ci would not find before the build", () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, "packages/cli/package.json"), "utf8")) as { bin: Record<string, string> };
    const target = manifest.bin.ccplan!;
    expect(target).not.toMatch(/(^|\/)dist\//);
    expect(existsSync(join(repoRoot, "packages/cli", target))).toBe(true);
  });

  it("runs from node_modules/.bin, as `npx ccplan` does, and prints its version", () => {
    const run = spawnSync(join(repoRoot, "node_modules/.bin/ccplan"), ["--version"], { cwd: repoRoot, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(repoRoot, "packages/cli/package.json"), "utf8")) as { version: string };
    expect(run.stdout).toMatch(new RegExp(`^ccplan ${manifest.version.replaceAll(".", "\\.")} \\(Node \\d+\\.`));
  });
});

describe("ccplan simulate's report options: --target-sl, --all-intervals, --csv", () => {
  const intervals = ["simulate", "--intervals", "test/fixtures/intervals.csv", "--aht", "180", "--patience", "240", "--replications", "10", "--workers", "1"];

  it("--target-sl sets the bar for 'target met': 0 is met wherever contacts came, the default 0.8 is not everywhere", () => {
    const lenient = JSON.parse(ccplan(...intervals, "--target-sl", "0", "--json").stdout);
    const usual = JSON.parse(ccplan(...intervals, "--json").stdout);
    expect(lenient.targetServiceLevel).toBe(0);
    expect(usual.targetServiceLevel).toBe(0.8);
    for (const interval of lenient.intervals) expect(interval.targetMet.probability).toBe(1);
    expect(usual.intervals.some((interval: { targetMet: { probability: number } }) => interval.targetMet.probability < 1)).toBe(true);
    // Only the verdict changes: the simulated service levels are the same numbers.
    expect(lenient.kpis.serviceLevel).toEqual(usual.kpis.serviceLevel);
    const rejected = ccplan(...intervals, "--target-sl", "80");
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toContain('invalid --target-sl: "80"');
  });

  it("lists the worst 8 of the intervals that miss by default and every interval with --all-intervals", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccplan-intervals-"));
    try {
      const file = join(dir, "short-staffed.csv");
      const rows = Array.from({ length: 12 }, (_, i) => `${String(8 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 === 0 ? "00" : "30"},100,${i === 11 ? 30 : 5}`);
      writeFileSync(file, `start,contacts,agents\n${rows.join("\n")}\n`);
      const args = ["simulate", "--intervals", file, "--aht", "180", "--patience", "120", "--replications", "10", "--workers", "1"];
      const worst = ccplan(...args);
      expect(worst.code).toBe(0);
      expect(worst.stdout).toContain("in most replications: 11, the worst 8 shown (--all-intervals lists every interval");
      const listed = (text: string) => text.split("\n").filter((line) => /^\d\d:\d\d /.test(line)).map((line) => line.slice(0, 5));
      expect(listed(worst.stdout)).toHaveLength(8);
      expect(listed(worst.stdout)).not.toContain("13:30");
      const all = ccplan(...args, "--all-intervals");
      expect(all.stdout).toContain("Every interval (means over replications");
      expect(listed(all.stdout)).toEqual(rows.map((row) => row.slice(0, 5)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--csv prints every interval with every KPI's statistics, the same numbers as --json", () => {
    const json = JSON.parse(ccplan(...intervals, "--json").stdout);
    const csv = ccplan(...intervals, "--csv");
    expect(csv.code).toBe(0);
    const [header, ...lines] = csv.stdout.trimEnd().split("\n");
    const columns = header!.split(",");
    expect(columns[0]).toBe("interval");
    expect(columns).toContain("serviceLevel_ci95_high");
    expect(columns).toContain("target_met_probability");
    expect(lines).toHaveLength(json.intervals.length);
    lines.forEach((line, i) => {
      const cells = line.split(",");
      expect(cells[0]).toBe(json.intervals[i].start);
      expect(Number(cells[columns.indexOf("serviceLevel_mean")])).toBe(json.intervals[i].kpis.serviceLevel.mean);
      expect(Number(cells[columns.indexOf("target_met_probability")])).toBe(json.intervals[i].targetMet.probability);
    });
    expect(ccplan(...intervals, "--csv", "--json").code).toBe(2);
    const shard = ccplan(...intervals, "--shard", "1/2", "--target-sl", "0.9");
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain("pass --target-sl, --all-intervals or --csv to 'ccplan merge'");
  });
});

describe("ccplan capacity", () => {
  it("prints the weeks, the classes and the totals as JSON, each simulated figure with its statistics", () => {
    const run = ccplan("capacity", "test/fixtures/capacity-small.json", "--replications", "4", "--workers", "1", "--json");
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result).slice(0, 3)).toEqual(["weeks", "hires", "totals"]);
    expect(result.weeks).toHaveLength(6);
    const week = result.weeks[3];
    expect(Object.keys(week)).toEqual(["week", "start", "contacts", "headcount", "availableAgents", "requiredAgents", "serviceLevel", "probTargetMet", "cost"]);
    expect(week).toMatchObject({ week: 4, start: "2027-01-25", requiredAgents: null });
    for (const key of ["contacts", "headcount", "availableAgents", "serviceLevel", "probTargetMet", "cost"]) {
      expect(Object.keys(week[key])).toEqual(["mean", "ci95", "p10", "p50", "p90", "n"]);
      expect(week[key].n).toBe(4);
    }
    // The class of 4 is paid from week 2 (in class for 2 weeks) and graduates in week 4.
    expect(result.weeks[1].headcount.mean).toBeGreaterThan(result.weeks[0].headcount.mean + 3);
    expect(result.weeks[3].availableAgents.mean).toBeGreaterThan(result.weeks[2].availableAgents.mean);
    expect(result.hires).toEqual([{ group: "Service team", week: 2, size: 4 }]);
    expect(result.totals.hires).toBe(4);
    expect(Object.keys(result.totals.cost)).toEqual(["mean", "ci95", "p10", "p50", "p90", "n"]);
    expect(result.weeksSimulated).toEqual({ distinct: 24, total: 24 });
  });

  it("prints each week's service level and probability of meeting the target with their 95% CIs, as the JSON has them", () => {
    const text = ccplan("capacity", "test/fixtures/capacity-small.json", "--replications", "4", "--workers", "1");
    expect(text.code, text.stderr).toBe(0);
    const week4 = JSON.parse(ccplan("capacity", "test/fixtures/capacity-small.json", "--replications", "4", "--workers", "1", "--json").stdout).weeks[3];
    const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
    const cell = (summary: { mean: number; ci95: [number, number] }) => `${percent(summary.mean)} [${percent(summary.ci95[0])}, ${percent(summary.ci95[1])}]`;
    const row = text.stdout.split("\n").find((line) => line.startsWith("4 "));
    expect(row).toContain(cell(week4.serviceLevel));
    expect(row).toContain(cell(week4.probTargetMet));
    expect(week4.probTargetMet.ci95[1] - week4.probTargetMet.ci95[0]).toBeGreaterThan(0.3); // 4 replications say little
  });

  it("prints a trainer's trajectory with each paired change in points or seconds, its 95% CI and its mark", () => {
    const args = ["capacity", "scenarios/year-plan.json", "--intervention", "Coaching in cohorts", "--replications", "3", "--workers", "1"];
    const text = ccplan(...args);
    expect(text.code, text.stderr).toBe(0);
    const week1 = JSON.parse(ccplan(...args, "--json").stdout).trajectory.weeks.find((week: { stage: unknown }) => week.stage !== null);
    const points = (value: number) => `${value < 0 ? "−" : "+"}${Math.abs(value * 100).toFixed(1)} pt`;
    const delta = week1.kpis.serviceLevel.delta;
    expect(delta.ci95[1]).toBeLessThan(0); // agents in class: fewer on the floor, a lower service level
    const row = text.stdout.slice(text.stdout.indexOf("Trajectory of")).split("\n").find((line) => line.startsWith(`${week1.week} `));
    expect(row).toContain(`${points(delta.mean)} [${points(delta.ci95[0])}, ${points(delta.ci95[1])}] ✗`);
    expect(row).not.toMatch(/(^|\s)-\d/); // a true minus, as in every other table
    expect(text.stdout).toContain("pt = percentage points");
    // The break-even is a plan week, named as the Year view names it, and told apart from compare's count.
    const json = JSON.parse(ccplan(...args, "--json").stdout).trajectory;
    expect(text.stdout).toMatch(/^Trajectory of "Coaching in cohorts" from plan week 1 \(/m);
    expect(text.stdout).toMatch(/^Plan week +Stage /m);
    const even = json.breakEvenWeek;
    if (even.n > 0) {
      const date = json.weeks.find((week: { week: number }) => week.week === Math.round(even.p50)).start;
      expect(text.stdout).toContain(`"Coaching in cohorts" breaks even in plan week ${even.p50} (the week of ${date}; median, P10 to P90: plan weeks ${even.p10} to ${even.p90}) in `);
    } else expect(text.stdout).toContain('"Coaching in cohorts" does not break even within the planned weeks in any replication; it starts in plan week 1.');
    expect(text.stdout).toContain("A plan week is a week of the capacity plan, numbered from the plan's first week (plan week 1)");
    expect(text.stdout).toContain("is another count: the option's own weeks from its start (week 1 = its first week)");
    expect(text.stdout).not.toMatch(/Break-even week \d/);
  });

  it("says why a trajectory has no break-even week when no benefit is priced, rather than that no replication broke even", () => {
    const scenario = JSON.parse(readFileSync(join(repoRoot, "scenarios/year-plan.json"), "utf8"));
    delete scenario.money.customerLifetimeValue;
    delete scenario.money.costPerComplaint;
    const dir = mkdtempSync(join(tmpdir(), "ccplan-no-benefit-"));
    try {
      const file = join(dir, "no-benefit.json");
      writeFileSync(file, JSON.stringify(scenario));
      const run = ccplan("capacity", file, "--intervention", "Coaching in cohorts", "--replications", "2", "--workers", "1");
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("No break-even plan week: no benefit is priced.");
      expect(run.stdout).not.toContain("does not break even");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names each week the hiring plan leaves at risk with its probability's 95% CI and the reason", () => {
    const run = ccplan("capacity", "scenarios/year-plan.json", "--hire-plan", "--replications", "4", "--workers", "1");
    expect(run.code, run.stderr).toBe(0);
    const atRisk = run.stdout.split("\n").filter((line) => /^  week \d+: P /.test(line));
    expect(atRisk.length).toBeGreaterThan(0); // inside the lead time, some week misses at 4 replications
    for (const line of atRisk) expect(line).toMatch(/^  week \d+: P [\d.]+% \[95% CI [\d.]+%, [\d.]+%\]: \S/);
  });

  it("gives the same figures with two workers as with one", () => {
    const one = ccplan("capacity", "test/fixtures/capacity-small.json", "--replications", "3", "--workers", "1", "--json");
    const two = ccplan("capacity", "test/fixtures/capacity-small.json", "--replications", "3", "--workers", "2", "--json");
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it("writes the scenario week W of replication K ran, and ccplan simulate of it gives that week's figures", () => {
    const dir = mkdtempSync(join(tmpdir(), "ccplan-capacity-"));
    try {
      const out = join(dir, "week.json");
      const week = ccplan("capacity", "scenarios/year-plan.json", "--week", "14", "--replication", "7", "--out", out, "--json");
      expect(week.code, week.stderr).toBe(0);
      const { kpis } = JSON.parse(week.stdout);
      const simulated = ccplan("simulate", out, "--replications", "1", "--workers", "1", "--fixed-assumptions", "--json");
      expect(simulated.code, simulated.stderr).toBe(0);
      const summary = JSON.parse(simulated.stdout).kpis;
      for (const id of ["serviceLevel", "offered", "answered", "asa", "aht", "csat", "occupancy"]) expect(summary[id].mean, id).toBe(kpis[id]);
      // The week's roster: the committed class of week 10 has graduated (week 13) and ramps in week 14.
      const scenario = JSON.parse(readFileSync(out, "utf8"));
      expect(scenario.capacity).toBeUndefined();
      expect(scenario.groups[0].shifts.some((shift: { ramping?: unknown[] }) => (shift.ramping?.length ?? 0) > 0)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a plan whose busiest week is beyond the engine's limits, before simulating anything", () => {
    const scenario = JSON.parse(readFileSync(join(repoRoot, "scenarios/year-plan.json"), "utf8"));
    scenario.$schema = undefined;
    Object.assign(scenario.capacity, { weeks: 156, volume: { growthPerYear: 10 } });
    const dir = mkdtempSync(join(tmpdir(), "ccplan-capacity-limits-"));
    try {
      const file = join(dir, "boom.json");
      writeFileSync(file, JSON.stringify(scenario));
      const run = ccplan("capacity", file, "--replications", "2", "--workers", "1");
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("contacts expected in one replication of the capacity plan's busiest week (week 153");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a scenario without a capacity block, and --week without --replication", () => {
    const none = ccplan("capacity", "scenarios/default.json");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('has no capacity plan; add a "capacity" block');
    const half = ccplan("capacity", "scenarios/year-plan.json", "--week", "3");
    expect(half.code).toBe(2);
    expect(half.stderr).toContain("--week, --replication and --out go together");
  });
});

describe("ccplan capacity --hire-plan on scenarios/year-plan.json", () => {
  const REPLICATIONS = "20";
  let run: ReturnType<typeof ccplan>;
  let result: any;
  beforeAll(() => {
    run = ccplan("capacity", "scenarios/year-plan.json", "--hire-plan", "--confidence", "0.9", "--replications", REPLICATIONS, "--workers", "2", "--json");
    result = run.code === 0 ? JSON.parse(run.stdout) : null;
  }, 300_000);

  it("meets its confidence in every week from the first possible graduation, within the class sizes and the budget", () => {
    expect(run.code, run.stderr).toBe(0);
    const plan = result.hirePlan;
    // Recruiting 6 weeks and class 3: a class recruited in week 1 joins the floor in week 10.
    expect(plan.firstGraduationWeek).toBe(10);
    for (const week of result.weeks) {
      if (week.week >= plan.firstGraduationWeek) expect(week.probTargetMet.mean, `week ${week.week}`).toBeGreaterThanOrEqual(0.9);
      expect(week.requiredAgents).toBeGreaterThan(0);
    }
    // Only weeks inside the lead time may stay at risk, and they say so.
    for (const week of plan.atRisk) {
      expect(week.week).toBeLessThan(plan.firstGraduationWeek);
      expect(week.reason).toContain("inside the lead time");
    }
    const planned = result.hires.filter((entry: { week: number }) => entry.week !== 10);
    expect(planned.length).toBeGreaterThan(0);
    for (const entry of planned) {
      expect(entry.size).toBeGreaterThanOrEqual(4);
      expect(entry.size).toBeLessThanOrEqual(12);
      expect(entry.week).toBeGreaterThanOrEqual(7);
    }
    expect(result.hires).toContainEqual({ group: "Service team", week: 10, size: 6 });
    expect(plan.cost.budgetUsed).toBeLessThanOrEqual(150_000);
    expect(result.weeksSimulated.distinct).toBeLessThan(result.weeksSimulated.total);
  });

  it("hiring 20% fewer in its classes would not meet it", () => {
    expect(run.code, run.stderr).toBe(0);
    const scenario = JSON.parse(readFileSync(join(repoRoot, "scenarios/year-plan.json"), "utf8"));
    const classes = result.hires.map((entry: { week: number; size: number }) =>
      entry.week === 10 ? { week: 10, size: 6, committed: true } : { week: entry.week, size: Math.round(entry.size * 0.8), committed: true },
    );
    scenario.capacity.groups["Service team"].hiring.classes = classes;
    scenario.$schema = undefined;
    const dir = mkdtempSync(join(tmpdir(), "ccplan-hire-plan-"));
    try {
      const file = join(dir, "fewer.json");
      writeFileSync(file, JSON.stringify(scenario));
      const fewer = ccplan("capacity", file, "--replications", REPLICATIONS, "--workers", "2", "--json");
      expect(fewer.code, fewer.stderr).toBe(0);
      const weeks = JSON.parse(fewer.stdout).weeks as { week: number; probTargetMet: { mean: number } }[];
      const short = weeks.filter((week) => week.week >= result.hirePlan.firstGraduationWeek && week.probTargetMet.mean < 0.9);
      expect(short.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("ccplan roster's report", () => {
  it("prints the cost of confidence without an empty, unheaded column, naming the intervals short when a level falls short", () => {
    const run = ccplan("roster", "test/fixtures/roster-tiny.json", "--replications", "10", "--iterations", "1", "--confidence-table", "0.6,0.95", "--workers", "1");
    expect(run.code).toBe(0);
    const table = run.stdout.slice(run.stdout.indexOf("The cost of confidence"));
    const [, header, , ...rows] = table.split("\n");
    expect(header).toMatch(/^confidence +paid hours +cost per week( +intervals short)?$/);
    if (header!.endsWith("intervals short")) expect(rows.slice(0, 2).every((row) => /(none|\d+ after the rounds allowed)$/.test(row))).toBe(true);
    expect(run.stdout).not.toMatch(/ +$/m);
  });
});
