// Builds a package's dist/ from the steps given as arguments (each a shell command run in the package's directory, in
// order), so that dist/ is either the whole output of a build whose every step succeeded or absent.
// Why: `tsc` writes its JavaScript even when the types do not check, and a step that fails after another has written
// leaves the rest as it was, so a failed build could leave a stale or half-written dist/ that still runs (the CLI's
// bin loads dist/ without asking how it was built). So dist/ is removed first, each step must exit 0, and on the
// first that does not, dist/ is removed again and the build exits with that step's code.
// Usage (from a package's directory): node ../../scripts/buildDist.mjs "tsc -p tsconfig.build.json" "node more.mjs"
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

const steps = process.argv.slice(2);
if (steps.length === 0) {
  process.stderr.write("buildDist: no build steps given; expected one or more shell commands, e.g. \"tsc -p tsconfig.build.json\"\n");
  process.exit(2);
}
const removeDist = () => rmSync("dist", { recursive: true, force: true });
removeDist();
for (const step of steps) {
  const result = spawnSync(step, { shell: true, stdio: "inherit" });
  if (result.status !== 0) {
    removeDist();
    const how = result.status === null ? `signal ${result.signal ?? "unknown"}` : `exit ${result.status}`;
    process.stderr.write(`build failed at \`${step}\` (${how}): dist/ removed, so that nothing runs a stale or half-built package.\n`);
    process.exit(result.status || 1);
  }
}
