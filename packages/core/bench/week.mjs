// The week of scenarios/default.json (what the browser's default comparison runs: the baseline and each intervention),
// per replication: CPU milliseconds of `createScenarioSimulator({ scenario, intervention }).run(k)` on the built
// dist, after a warm-up. With --before <a built checkout of ccplan>, that build's core runs the same replications in
// alternating rounds in the same process, so that both are measured at the same load, and the outputs are compared
// byte for byte (they should be identical unless a change says otherwise). Prints a table; writes nothing.
//
//   node packages/core/bench/week.mjs [--replications 20] [--rounds 3] [--before <checkout>]
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const replications = Number(option("--replications", 20));
const rounds = Number(option("--rounds", 3));
const beforeRoot = option("--before");
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const builds = [{ label: "this build", core: await import(pathToFileURL(resolve(repoRoot, "packages/core/dist/index.node.js")).href) }];
if (beforeRoot) builds.unshift({ label: "before", core: await import(pathToFileURL(resolve(beforeRoot, "packages/core/dist/index.node.js")).href) });

const raw = JSON.parse(readFileSync(resolve(repoRoot, "scenarios/default.json"), "utf8"));
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const variants = [undefined, ...raw.interventions.map((intervention) => intervention.name)];
const simulators = builds.map(({ core }) => {
  const parsed = core.parseScenario(raw);
  if (!parsed.ok) throw new Error("scenarios/default.json does not parse");
  return variants.map((intervention) => core.createScenarioSimulator({ scenario: parsed.scenario, intervention }));
});
const bytes = (result) =>
  Buffer.concat(["queueCounters", "groupCounters", "waitHistogram", "queueWaitHistogram"].map((key) => Buffer.from(result[key].buffer, result[key].byteOffset, result[key].byteLength)));

// Warm-up (JIT, and the experience memo every build keeps for the draws of these replications).
for (const perBuild of simulators) for (const simulator of perBuild) for (let k = 0; k < 3; k++) simulator.run(k);
const times = builds.map(() => variants.map(() => []));
let identical = true;
for (let round = 0; round < rounds; round++) {
  variants.forEach((_, v) => {
    const outputs = [];
    builds.forEach((_, b) => {
      const simulator = simulators[b][v];
      const start = cpuMs();
      const results = [];
      for (let k = 0; k < replications; k++) results.push(simulator.run(k));
      times[b][v].push((cpuMs() - start) / replications);
      outputs.push(results.map(bytes));
    });
    if (outputs.length === 2) identical &&= outputs[0].every((output, k) => output.equals(outputs[1][k]));
  });
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log(`scenarios/default.json, ${replications} replications × ${rounds} rounds; CPU ms per replication (median of rounds)`);
variants.forEach((name, v) => {
  const cells = builds.map((build, b) => `${build.label} ${median(times[b][v]).toFixed(2)}`);
  console.log(`  ${(name ?? "baseline").padEnd(28)} ${cells.join("  ")}`);
});
const mean = (b) => variants.reduce((sum, _, v) => sum + median(times[b][v]), 0) / variants.length;
console.log(`  ${"mean".padEnd(28)} ${builds.map((build, b) => `${build.label} ${mean(b).toFixed(2)}`).join("  ")}`);
if (builds.length === 2) console.log(`  outputs byte-identical: ${identical}; this build ÷ before ${(mean(1) / mean(0)).toFixed(3)}`);
console.log(`load ${loadavg().map((load) => load.toFixed(2)).join(" ")}`);
