// Preloaded into a benchmarked process (`node --import ./cpuReport.mjs …`): when it exits, writes the CPU time it
// used, every thread counted (process.cpuUsage is process-wide), and its peak memory to the file named by
// CCPLAN_BENCH_REPORT. On a shared machine the CPU time is the figure that does not grow with other processes' load.
import { writeFileSync } from "node:fs";

const file = process.env.CCPLAN_BENCH_REPORT;
if (file) {
  process.on("exit", () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (user + system) / 1000, userMs: user / 1000, maxRssKb: process.resourceUsage().maxRSS }));
  });
}
