// Where the default comparison's time goes in chromium: one run traced (Chrome's trace, every thread: the page, the
// comparison worker, the pool's workers), summarised per thread as busy time and per 250 ms of the run, with the
// longest tasks. A companion to comparison.mjs (which times whole runs); prints only.
//
//   node apps/web/bench/profile.mjs [--workers 2] [--replications 100] [--trace out.json] [--dist <a dist folder>]
//
// --dist serves another build of the page (e.g. `vite build --minify false --outDir …`, for readable function names in
// the trace's CPU profile); PROFILE_COMPILE=1 adds V8's compile events (which isolate optimises what, when).
//
// Needs a build (`npm run build`) and /usr/bin/chromium.
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { chromium } from "playwright-core";
import { servePreview } from "./preview.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const workers = option("--workers", "2");
const replications = option("--replications", "100");
const traceFile = option("--trace", undefined);

const preview = await servePreview(option("--dist", undefined));
const url = preview.url;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${url}?workers=${workers}`);
  const run = page.getByRole("button", { name: /^Run comparison/ });
  await run.waitFor({ timeout: 60_000 });
  await page.locator("#run-replications").fill(replications);
  await page.waitForTimeout(1_500);
  await browser.startTracing(page, {
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing", "toplevel", "v8", "disabled-by-default-v8.cpu_profiler", ...(process.env.PROFILE_COMPILE ? ["disabled-by-default-v8.compile", "v8.compile"] : [])],
  });
  const load1 = loadavg()[0];
  const startMs = await page.evaluate(() => {
    performance.mark("bench:click");
    return performance.now();
  });
  await run.click();
  for (;;) {
    const done = await page.evaluate(() => document.querySelector(".results[aria-busy='false'] table.kpi-table") !== null);
    if (done) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const endMs = await page.evaluate(() => performance.now());
  await page.waitForTimeout(300);
  const buffer = await browser.stopTracing();
  if (traceFile) writeFileSync(traceFile, buffer);
  console.log(`run: ${((endMs - startMs) / 1000).toFixed(2)} s with ?workers=${workers}, ${replications} replications, load ${load1.toFixed(2)}`);
  summarise(JSON.parse(buffer.toString("utf8")));
} finally {
  await browser.close();
  preview.stop();
}

/** Busy time per thread (top-level tasks), a timeline of 250 ms slots, and the longest tasks. */
function summarise(trace) {
  const events = trace.traceEvents ?? trace;
  const names = new Map();
  for (const event of events) if (event.ph === "M" && event.name === "thread_name") names.set(`${event.pid}:${event.tid}`, event.args.name);
  const click = events.find((event) => event.name === "bench:click");
  const t0 = click ? click.ts : Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const tasks = events.filter((event) => event.ph === "X" && (event.name === "RunTask" || event.name === "ThreadControllerImpl::RunTask") && event.dur > 0);
  const byThread = new Map();
  for (const task of tasks) {
    const key = `${task.pid}:${task.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(task);
  }
  const end = Math.max(...tasks.map((task) => task.ts + task.dur));
  const slots = Math.ceil((end - t0) / 250_000);
  for (const [key, list] of byThread) {
    const name = names.get(key) ?? key;
    if (!/Main|Worker|worker|ccplan/i.test(name)) continue;
    const inRun = list.filter((task) => task.ts + task.dur > t0);
    const busy = inRun.reduce((sum, task) => sum + task.dur, 0) / 1000;
    if (busy < 20) continue;
    const line = new Array(slots).fill(0);
    for (const task of inRun) {
      for (let s = Math.max(0, Math.floor((task.ts - t0) / 250_000)); s < slots; s++) {
        const from = Math.max(task.ts, t0 + s * 250_000);
        const to = Math.min(task.ts + task.dur, t0 + (s + 1) * 250_000);
        if (to <= from) break;
        line[s] += (to - from) / 250_000;
      }
    }
    const longest = [...inRun].sort((a, b) => b.dur - a.dur).slice(0, 6).map((task) => `${Math.round((task.ts - t0) / 1000)}+${Math.round(task.dur / 1000)}`);
    const first = Math.min(...inRun.map((task) => task.ts)) - t0;
    const last = Math.max(...inRun.map((task) => task.ts + task.dur)) - t0;
    console.log(`${name.padEnd(28)} busy ${busy.toFixed(0).padStart(5)} ms (${(first / 1000).toFixed(0)}…${(last / 1000).toFixed(0)} ms) longest [${longest.join(" ")}]`);
    console.log(`   ${line.map((share) => " ▁▂▃▄▅▆▇█"[Math.min(8, Math.round(share * 8))]).join("")}`);
  }
}
