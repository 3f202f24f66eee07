// The browser's figures of issue #15 (see bench/README.md): in Debian's chromium, on the built page (vite preview),
// the default comparison — scenarios/default.json, the baseline and its 3 interventions, 100 paired replications of
// the week — from the click on "Run comparison" to the results table, and the sensitivity analysis of the baseline
// (20 replications per point) from its click to its tornado. Each round opens the page afresh (as a planner does), so
// worker start-up is included. Also the cancel latency: from the click on Cancel to the busy workers terminated.
// Writes bench/browser-results.json at the repository root.
//
//   node apps/web/bench/comparison.mjs [--rounds 3] [--skip-sensitivity] [--before <another built checkout>] [--settle 3000]
//
// --settle: milliseconds between the Run button showing and the click (default 3000): the page at rest, its workers
// started and its idle warm-up done (runComparison.ts: about 1–1.5 s after the button shows on an idle machine; a run
// clicked earlier stops it, and waits for it at most a few replications).
//
// Needs a build (`npm run build`) and /usr/bin/chromium.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { servePreview } from "./preview.mjs";

const webRoot = fileURLToPath(new URL("../", import.meta.url));
const repoRoot = join(webRoot, "..", "..");
const output = join(repoRoot, "bench", "browser-results.json");
const CHROMIUM = "/usr/bin/chromium";
const args = process.argv.slice(2);
const rounds = Number(args.includes("--rounds") ? args[args.indexOf("--rounds") + 1] : (process.env.BENCH_ROUNDS ?? 3));
const skipSensitivity = args.includes("--skip-sensitivity");
const settleMs = Number(args.includes("--settle") ? args[args.indexOf("--settle") + 1] : 3000);
// Another built checkout (e.g. main as it was), measured in the same rounds, alternately: its figures go in `before`.
const beforeDir = args.includes("--before") ? resolve(args[args.indexOf("--before") + 1]) : undefined;
const round = (value, digits = 3) => Number(value.toPrecision(digits));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

if (!existsSync(join(webRoot, "dist", "index.html"))) throw new Error("apps/web/dist is missing: run `npm run build` at the repository root first");
if (beforeDir && !existsSync(join(beforeDir, "apps", "web", "dist", "index.html"))) throw new Error(`${beforeDir}/apps/web/dist is missing: build that checkout first`);
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: the browser bench needs Debian's chromium (apt-get install -y chromium)`);

const servers = [];
/** A served build's address (this checkout's, or `outDir`); stopped at the end. */
async function serve(outDir) {
  const served = await servePreview(outDir);
  servers.push(served);
  return served.url;
}
const url = await serve();
const beforeUrl = beforeDir ? await serve(join(beforeDir, "apps", "web", "dist")) : undefined;

const profile = mkdtempSync(join(tmpdir(), "ccplan-bench-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

/**
 * CPU milliseconds so far of this bench's chromium (every process started with its profile folder), by thread name:
 * `DedicatedWorker` (the pool's, comparison and money workers), `ThreadPoolForeg` (V8's background compilation and
 * garbage collection among others), `chromium` (each process's main thread: the page's among them) and the rest. From
 * /proc, so what other processes take from the cores does not count (Linux only; empty elsewhere).
 */
function browserCpuMs() {
  const byName = {};
  let pids = [];
  try {
    pids = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return byName;
  }
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(profile)) continue;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const key = ["DedicatedWorker", "ThreadPoolForeg", "chromium"].includes(name) ? name : "other";
        byName[key] = (byName[key] ?? 0) + ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
      }
    } catch {
      // A process or thread that ended meanwhile.
    }
  }
  return byName;
}
/** /proc's clock ticks a second (USER_HZ; 100 on Linux). */
const CLOCK_TICKS = 100;
/** What a run took of the CPU: the difference of two `browserCpuMs`. */
function cpuUsed(before, after) {
  const used = {};
  for (const key of Object.keys(after)) used[key] = Math.round(after[key] - (before[key] ?? 0));
  return { totalMs: Object.values(used).reduce((sum, ms) => sum + ms, 0), ...used };
}

/** Polls `test` in the page every 50 ms (a plain querySelector: cheap for the page) until it holds; throws on the page's run error. */
async function until(page, test, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await page.evaluate(test);
    if (state === true) return;
    if (typeof state === "string") throw new Error(state);
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One fresh page: the time from the click on Run to the results table, and the workers it started. */
async function comparisonRound(query = "", base = url) {
  const page = await context.newPage();
  // The page's responsiveness while the run goes: every main-thread task over 50 ms (PerformanceObserver "longtask").
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
    }).observe({ type: "longtask", buffered: true });
    // And how late a 50 ms timer fires: what a click or a key would wait for.
    window.__lag = [];
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      window.__lag.push([now, now - last - 50]);
      last = now;
    }, 50);
  });
  const workers = new Set();
  page.on("worker", (worker) => workers.add(worker.url()));
  await page.goto(base + query);
  const run = page.getByRole("button", { name: /^Run comparison/ });
  await run.waitFor({ timeout: 60_000 });
  const label = (await run.textContent()) ?? "";
  const replications = await page.locator("#run-replications").inputValue();
  await page.waitForTimeout(settleMs);
  const load1 = loadavg()[0];
  const cpuBefore = browserCpuMs();
  const startMs = await page.evaluate(() => performance.now());
  await run.click();
  await until(page, () => {
    const error = document.querySelector("[data-testid=run-error]")?.textContent;
    if (error) return error;
    return document.querySelector(".results[aria-busy='false'] table.kpi-table") !== null;
  });
  const endMs = await page.evaluate(() => performance.now());
  const cpuMs = cpuUsed(cpuBefore, browserCpuMs());
  const longTasks = await page.evaluate(
    ({ from, to }) => window.__longTasks.filter((task) => task.startMs >= from && task.startMs <= to).map((task) => Math.round(task.durationMs)),
    { from: startMs, to: endMs },
  );
  const facts = (await page.getByTestId("run-facts").textContent()) ?? "";
  const hardwareConcurrency = await page.evaluate(() => navigator.hardwareConcurrency);
  const lags = await page.evaluate(({ from, to }) => window.__lag.filter(([at]) => at >= from && at <= to).map(([, lag]) => lag), { from: startMs, to: endMs });
  await page.close();
  const seconds = (endMs - startMs) / 1000;
  const sortedLags = [...lags].sort((a, b) => a - b);
  const timerLagMs = { p95: Math.round(sortedLags[Math.floor(0.95 * (sortedLags.length - 1))] ?? 0), max: Math.round(sortedLags.at(-1) ?? 0) };
  const longestTaskMs = longTasks.length > 0 ? Math.max(...longTasks) : 0;
  console.log(`  ${base === url ? "" : "before: "}comparison${query} (${label.trim()}, ${replications} replications): ${seconds.toFixed(2)} s, main-thread tasks over 50 ms: ${longTasks.length} (longest ${longestTaskMs} ms), a 50 ms timer late by ${timerLagMs.p95} ms (p95, max ${timerLagMs.max}), CPU ${(cpuMs.totalMs / 1000).toFixed(2)} s, load ${load1.toFixed(2)}`);
  return { seconds: round(seconds, 4), cpuMs, load1: round(load1), replications: Number(replications), longTasksOver50Ms: longTasks.length, longestTaskMs, timerLagMs, facts: facts.trim(), workerScripts: workers.size, hardwareConcurrency, query };
}

/** One fresh page: a comparison first (the page offers sensitivity on its results), then the baseline's sensitivity. */
async function sensitivityRound(query = "", base = url) {
  const page = await context.newPage();
  // The page keeps the last sensitivity analysis across reloads (sensitivityKeep.ts) and shows it at once: without this,
  // every round after the first timed the kept result's drawing (0.06 s), not an analysis.
  await page.addInitScript((key) => localStorage.removeItem(key), "ccplan.sensitivity");
  await page.goto(base + query);
  const run = page.getByRole("button", { name: /^Run comparison/ });
  await run.waitFor({ timeout: 60_000 });
  await page.locator("#run-replications").fill("20");
  await run.click();
  await until(page, () => document.querySelector(".results[aria-busy='false'] table.kpi-table") !== null);
  const form = page.getByRole("form", { name: "Run the sensitivity analysis" });
  await form.getByLabel("Analyse").selectOption({ label: "the baseline (its KPIs)" });
  const perPoint = await form.getByLabel("Replications per point").inputValue();
  await page.waitForTimeout(500);
  const load1 = loadavg()[0];
  const startMs = await page.evaluate(() => performance.now());
  await form.getByRole("button", { name: "Run sensitivity" }).click();
  await until(page, () => document.querySelector("[data-testid=sensitivity-facts]") !== null);
  const endMs = await page.evaluate(() => performance.now());
  const facts = (await page.getByTestId("sensitivity-facts").textContent()) ?? "";
  await page.close();
  const seconds = (endMs - startMs) / 1000;
  console.log(`  ${base === url ? "" : "before: "}sensitivity${query} of the baseline (${perPoint} per point): ${seconds.toFixed(2)} s, load ${load1.toFixed(2)}`);
  return { seconds: round(seconds, 4), load1: round(load1), replicationsPerPoint: Number(perPoint), facts: facts.trim(), query };
}

/** One fresh page: a long comparison (5,000 replications) cancelled once it runs; how long from the click on Cancel
 * (as the page sees it) until the pool has terminated its busy workers, and until the page says the run is cancelled. */
async function cancelRound(query = "", base = url) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__terminatedAt = [];
    const terminate = Worker.prototype.terminate;
    Worker.prototype.terminate = function () {
      window.__terminatedAt.push(performance.now());
      terminate.call(this);
    };
  });
  await page.goto(base + query);
  const run = page.getByRole("button", { name: /^Run comparison/ });
  await run.waitFor({ timeout: 60_000 });
  await page.locator("#run-replications").fill("5000");
  await run.click();
  await until(page, () => Number((document.querySelector("[data-testid=run-progress]")?.textContent ?? "0").split(" ")[0].replace(/,/g, "")) > 0);
  await page.waitForTimeout(500);
  const load1 = loadavg()[0];
  await page.evaluate(() => {
    window.__terminatedBefore = window.__terminatedAt.length;
    document.addEventListener("click", () => (window.__clickedMs = performance.now()), { capture: true, once: true });
  });
  await page.getByRole("button", { name: "Cancel" }).click();
  await until(page, () => {
    if (document.querySelector("[data-testid=run-cancelled]") === null) return false;
    window.__cancelledShownMs ??= performance.now();
    return true;
  });
  const { terminatedMs, shownMs, terminatedWorkers } = await page.evaluate(() => {
    const terminated = window.__terminatedAt.slice(window.__terminatedBefore);
    return { terminatedMs: Math.max(...terminated) - window.__clickedMs, shownMs: window.__cancelledShownMs - window.__clickedMs, terminatedWorkers: terminated.length };
  });
  await page.close();
  console.log(`  ${base === url ? "" : "before: "}cancel${query}: busy workers terminated ${terminatedMs.toFixed(0)} ms after the click (${terminatedWorkers}), the page said so within ${shownMs.toFixed(0)} ms (polled every 50 ms), load ${load1.toFixed(2)}`);
  return { terminatedMs: round(terminatedMs, 3), cancelledShownWithinMs: round(shownMs, 3), terminatedWorkers, load1: round(load1), query };
}

const loadStart = loadavg().map((v) => round(v));
console.log(`browser: the default comparison, ${rounds} rounds on fresh pages (load ${loadStart.join(" ")})`);
// The page's own pool (a worker per core on two cores), two workers asked for in the address (`?workers=2`, issue #15's
// figure) and one (`?workers=1`, the page's pool before it took both cores), alternately; with --before, the other
// build's page right after each.
const TWO = "?workers=2";
const ONE = "?workers=1";
const after = { comparisons: [], comparisonsTwo: [], comparisonsOne: [], sensitivities: [], sensitivitiesTwo: [], cancels: [] };
const before = { comparisons: [], comparisonsTwo: [], comparisonsOne: [], sensitivities: [], sensitivitiesTwo: [], cancels: [] };
const builds = beforeUrl ? [[after, url], [before, beforeUrl]] : [[after, url]];
try {
  for (let r = 0; r < rounds; r++) {
    for (const [into, base] of builds) into.comparisons.push(await comparisonRound("", base));
    for (const [into, base] of builds) into.comparisonsTwo.push(await comparisonRound(TWO, base));
    for (const [into, base] of builds) into.comparisonsOne.push(await comparisonRound(ONE, base));
  }
  for (let r = 0; r < Math.max(1, Math.min(rounds, 2)); r++) {
    for (const [into, base] of builds) into.cancels.push(await cancelRound("", base));
    for (const [into, base] of builds) into.cancels.push(await cancelRound(TWO, base));
  }
  if (!skipSensitivity) {
    for (let r = 0; r < Math.max(1, Math.min(rounds, 2)); r++) {
      for (const [into, base] of builds) into.sensitivities.push(await sensitivityRound("", base));
      for (const [into, base] of builds) into.sensitivitiesTwo.push(await sensitivityRound(TWO, base));
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  for (const served of servers) served.stop();
}

/** The commit of a checkout (and whether its tracked files differ from it). */
function commitOf(dir) {
  try {
    return {
      sha: execFileSync("git", ["-C", dir, "rev-parse", "HEAD"], { encoding: "utf8" }).trim(),
      dirty: execFileSync("git", ["-C", dir, "status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim() !== "",
    };
  } catch {
    return { sha: "unknown", dirty: null }; // not a git checkout
  }
}

/** One build's figures: medians over its rounds. */
function figures(of) {
  const seconds = (runs) => round(median(runs.map((run) => run.seconds)), 4);
  const cpuSeconds = (runs) => round(median(runs.map((run) => run.cpuMs.totalMs / 1000)), 3);
  return {
    comparison: { workers: "the page's default (a worker per core on two cores; all but one on more)", seconds: seconds(of.comparisons), cpuSeconds: cpuSeconds(of.comparisons), rounds: of.comparisons },
    comparisonTwoWorkers: { workers: 2, seconds: seconds(of.comparisonsTwo), cpuSeconds: cpuSeconds(of.comparisonsTwo), target: 4, rounds: of.comparisonsTwo },
    comparisonOneWorker: { workers: 1, seconds: seconds(of.comparisonsOne), cpuSeconds: cpuSeconds(of.comparisonsOne), rounds: of.comparisonsOne },
    sensitivity: of.sensitivities.length > 0 ? { seconds: seconds(of.sensitivities), rounds: of.sensitivities } : null,
    sensitivityTwoWorkers: of.sensitivitiesTwo.length > 0 ? { workers: 2, seconds: seconds(of.sensitivitiesTwo), rounds: of.sensitivitiesTwo } : null,
    cancel: {
      what: "a comparison of 5,000 replications cancelled while it runs: milliseconds from the click on Cancel (as the page sees it) until the pool has terminated its busy workers (Worker.terminate), and until the page says the run is cancelled (polled every 50 ms); the e2e test checks the behaviour, not the time",
      terminatedMs: round(median(of.cancels.map((c) => c.terminatedMs)), 3),
      rounds: of.cancels,
    },
  };
}

const results = {
  benchmark:
    "the default comparison in chromium: scenarios/default.json, baseline + 3 interventions × 100 paired replications of the week, from Run to the results table; the baseline's sensitivity analysis (20 replications per point) from Run to its tornado; each round's main-thread tasks over 50 ms and how late a 50 ms timer fired (the page's responsiveness while it runs)",
  date: new Date().toISOString(),
  commit: commitOf(repoRoot),
  machine: { cpu: cpus()[0]?.model ?? "unknown", cores: availableParallelism(), memoryGiB: round(totalmem() / 2 ** 30), os: `${process.platform} ${release()}`, node: process.version, chromium: context.browser()?.version() ?? execFileSync(CHROMIUM, ["--version"], { encoding: "utf8" }).trim() },
  loadAverage: { start: loadStart, end: loadavg().map((v) => round(v)) },
  settleMs,
  ...figures(after),
  notes:
    "cpuSeconds: the median CPU time of chromium's processes (every thread, from /proc) from the click to the table, which other processes on the machine do not add to; each round's cpuMs splits it by thread name (DedicatedWorker: the workers; ThreadPoolForeg: V8's background compilation and garbage collection among others; chromium: the processes' main threads). " +
    `Wall-clock seconds, medians over fresh pages (worker start-up included), each comparison clicked ${settleMs} ms after the Run button showed. On a shared machine (load1 above the cores) ` +
    "they are long by the share of the CPU other processes took.",
  ...(beforeDir && { before: { checkout: "another build measured in the same rounds, alternately (--before)", commit: commitOf(beforeDir), ...figures(before) } }),
};
if (beforeDir) {
  // What load distorts least: each round's time over the other build's right after it (same load), the median of those.
  const paired = (a, b) => round(median(a.map((run, i) => run.seconds / b[i].seconds)), 3);
  results.afterOverBefore = {
    what: "median over rounds of this build's time ÷ the --before build's time measured right after it (the same load); *Cpu: the same of the CPU time",
    comparison: paired(after.comparisons, before.comparisons),
    comparisonTwoWorkers: paired(after.comparisonsTwo, before.comparisonsTwo),
    comparisonOneWorker: paired(after.comparisonsOne, before.comparisonsOne),
    comparisonCpu: round(median(after.comparisons.map((run, i) => run.cpuMs.totalMs / before.comparisons[i].cpuMs.totalMs)), 3),
    comparisonTwoWorkersCpu: round(median(after.comparisonsTwo.map((run, i) => run.cpuMs.totalMs / before.comparisonsTwo[i].cpuMs.totalMs)), 3),
    ...(after.sensitivities.length > 0 && { sensitivity: paired(after.sensitivities, before.sensitivities), sensitivityTwoWorkers: paired(after.sensitivitiesTwo, before.sensitivitiesTwo) }),
  };
}
writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `browser: default comparison ${results.comparison.seconds} s, with 2 workers ${results.comparisonTwoWorkers.seconds} s (target < 4 s), with 1 ${results.comparisonOneWorker.seconds} s` +
    (results.sensitivity ? ` · sensitivity ${results.sensitivity.seconds} s, with 2 workers ${results.sensitivityTwoWorkers.seconds} s` : "") +
    (results.before ? ` · before (${results.before.commit.sha.slice(0, 7)}): ${results.before.comparison.seconds} s, with 2 workers ${results.before.comparisonTwoWorkers.seconds} s` : "") +
    ` · load ${loadStart.join(" ")}; wrote bench/browser-results.json`,
);
