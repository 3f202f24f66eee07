import { createSolverSession, type HighsRuntime, type SolverSession } from "@ccplan/core";

/**
 * Loads HiGHS (the `highs` package: the solver compiled to WebAssembly). In Node the loader reads `highs.wasm` from
 * beside itself; in a browser, a bundler that understands `new URL("highs.wasm", import.meta.url)` (Vite does)
 * emits the .wasm as an asset and the loader fetches it, so the page's Content-Security-Policy must allow
 * WebAssembly (`script-src 'wasm-unsafe-eval'`). Imported on demand: pages and commands that never optimise
 * never load the 3.5 MB binary.
 */
export async function loadHighs(): Promise<HighsRuntime> {
  const { default: load } = await import("highs");
  const runtime: HighsRuntime = await load();
  return runtime;
}

/** This worker's (or process's) one HiGHS runtime: loaded at the first solve, re-created after any error. */
export const solverSession: SolverSession = createSolverSession(loadHighs);
