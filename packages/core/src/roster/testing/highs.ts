import loadHighs from "highs";
import type { HighsRuntime } from "../mipSolver.js";

/** The real HiGHS runtime for tests (Node finds the .wasm beside the package's loader). */
export async function loadTestHighs(): Promise<HighsRuntime> {
  const runtime: HighsRuntime = await loadHighs();
  return runtime;
}
