#!/usr/bin/env node
// The `ccplan` command. npm links a package's bin when it installs, which on a fresh clone (`npm ci`) is before
// anything is built: a bin pointing into dist/ would not exist then, and npm would skip linking it for good
// ("could not determine executable to run"). This committed file always exists; it runs the build's entry point.
try {
  // Worker threads the command line will use start loading now, beside this thread's loading of the CLI.
  (await import("../dist/run/prestart.js")).prestart(process.argv.slice(2));
} catch {
  // Only a head start: without it the pool starts its threads itself (and an unbuilt CLI is reported below).
}
let cli;
try {
  cli = await import("../dist/bin.js");
} catch (error) {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/bin.js")) {
    process.stderr.write("ccplan is not built (never yet, or its last build failed and removed dist/): run `npm run build` at the repository's root.\n");
    process.exit(1);
  }
  throw error;
}
process.exitCode = await cli.main(process.argv.slice(2));
