import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** Whether zod was loaded (it keeps its global config on globalThis) after importing a built entry in a fresh process. */
function loadsZod(entry: string): boolean {
  const file = fileURLToPath(new URL(`../dist/node/${entry}`, import.meta.url));
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(file)}); process.stdout.write(String("__zod_globalConfig" in globalThis));`], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  return run.stdout === "true";
}

describe("@ccplan/core/engine (the built Node entry)", () => {
  it("loads the engine without the schemas (no zod), where all of core loads them", () => {
    expect(loadsZod("engine.js")).toBe(false);
    expect(loadsZod("index.js")).toBe(true);
  });

  it("shares its modules with all of core: one class of simulator, one default experience", async () => {
    const engine = await import("@ccplan/core/engine");
    const core = await import("@ccplan/core");
    expect(engine.createSimulator).toBe(core.createSimulator);
    expect(engine.kpiVectorLayout).toBe(core.kpiVectorLayout);
  });
});
