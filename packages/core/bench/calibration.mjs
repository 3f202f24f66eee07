// How long reading and fitting a call log of about 100,000 rows takes: the synthetic log of
// scripts/sample-call-log.mjs, stretched over enough days, read (csv) and calibrated single-threaded, as the page's
// calibration worker does it. Writes bench/calibration-results.json at the repository root. See bench/README.md.
import { writeFileSync } from "node:fs";
import os from "node:os";
import { calibrate, readCallLog } from "../dist/index.js";
import { sampleCallLog } from "../scripts/sample-call-log.mjs";

const resultsPath = new URL("../../../bench/calibration-results.json", import.meta.url);
const days = Array.from({ length: 195 }, (_, d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
const text = sampleCallLog(days);
const rows = text.split("\n").length - 2;

// A warm-up on a short log (JIT), then three timed runs; the median is reported.
calibrate(readCallLog(sampleCallLog()).log);
const runs = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const read = readCallLog(text);
  if (!read.ok) throw new Error(read.error);
  const readMs = performance.now() - started;
  const calibration = calibrate(read.log);
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  runs.push({ readMs, fitMs: totalMs - readMs, totalMs, cpuMs: (cpu.user + cpu.system) / 1000, offered: calibration.source.offered, allowanceEvaluations: calibration.afterCallWork.fitted.evaluations });
}
runs.sort((a, b) => a.totalMs - b.totalMs);
const median = runs[1];
const round = (value) => Math.round(value);
const results = {
  benchmark: `read and calibrate a synthetic csv call log of ${rows.toLocaleString("en-US")} rows (${days.length} days), single-threaded; median of 3 runs after a warm-up`,
  rows,
  offered: median.offered,
  readMs: round(median.readMs),
  fitMs: round(median.fitMs),
  totalMs: round(median.totalMs),
  cpuMs: round(median.cpuMs),
  allowanceEvaluations: median.allowanceEvaluations,
  runsTotalMs: runs.map((run) => round(run.totalMs)),
  cpu: os.cpus()[0]?.model ?? "unknown",
  cpuCount: os.cpus().length,
  node: process.version,
  date: new Date().toISOString(),
  loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
};
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
console.log(`calibration: ${rows} rows read in ${results.readMs} ms and fitted in ${results.fitMs} ms (${results.totalMs} ms in all, ${results.cpuMs} ms of CPU); load ${results.loadAverage.join(" ")}; wrote bench/calibration-results.json`);
