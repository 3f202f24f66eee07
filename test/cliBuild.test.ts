import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./cliRunner.js";

// A failed build must not leave a dist/ that runs: each package's own `build` script is run, as npm runs it, in a
// copy of the repository's layout (its scripts/, tsconfig.base.json and node_modules, the package's tsconfigs) whose
// sources are a few lines with a type error, over a dist/ left by an earlier build. tsc alone would write its
// JavaScript anyway and leave that dist/ runnable.

const fixtureRoot = mkdtempSync(join(tmpdir(), "ccplan-build-"));
mkdirSync(join(fixtureRoot, "scripts"));
copyFileSync(join(repoRoot, "scripts/buildDist.mjs"), join(fixtureRoot, "scripts/buildDist.mjs"));
copyFileSync(join(repoRoot, "tsconfig.base.json"), join(fixtureRoot, "tsconfig.base.json"));
symlinkSync(join(repoRoot, "node_modules"), join(fixtureRoot, "node_modules"), "dir");
afterAll(() => rmSync(fixtureRoot, { recursive: true, force: true }));

const sourceFiles = ["index.ts", "bin.ts", "worker.ts", "node.ts", "nodeWorker.ts", "prestart.ts"];

/** A copy of `packageDir`'s build set-up whose sources compile except `broken` (files under src/), with a stale dist/. */
function fixturePackage(packageDir: string, broken: readonly string[]): string {
  const dir = join(fixtureRoot, packageDir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "src"), { recursive: true });
  mkdirSync(join(dir, "dist"));
  for (const config of ["tsconfig.build.json", "tsconfig.node.json"]) {
    if (existsSync(join(repoRoot, packageDir, config))) copyFileSync(join(repoRoot, packageDir, config), join(dir, config));
  }
  for (const file of sourceFiles) {
    const text = broken.includes(file) ? `export const count: number = "not a number";\n` : `export const count: number = 1;\n`;
    writeFileSync(join(dir, "src", file), text);
  }
  writeFileSync(join(dir, "dist/bin.js"), `console.log("stale");\n`);
  writeFileSync(join(dir, "dist/index.js"), `export const stale = true;\n`);
  return dir;
}

/** Runs `packageDir`'s `build` script (from its package.json in the repository) in `dir`, as npm would. */
function runBuildScript(packageDir: string, dir: string) {
  const script = JSON.parse(readFileSync(join(repoRoot, packageDir, "package.json"), "utf8")).scripts.build as string;
  const path = [join(repoRoot, "node_modules/.bin"), process.env.PATH].join(delimiter);
  return spawnSync("sh", ["-c", script], { cwd: dir, encoding: "utf8", env: { ...process.env, PATH: path }, timeout: 60_000 });
}

describe("a package build with a type error exits non-zero and leaves no dist/", () => {
  for (const packageDir of ["packages/cli", "packages/core", "packages/worker"]) {
    it(`${packageDir}: a type error in the first compilation`, () => {
      const dir = fixturePackage(packageDir, sourceFiles);
      const build = runBuildScript(packageDir, dir);
      expect(build.status, build.stdout + build.stderr).not.toBe(0);
      expect(build.stdout + build.stderr).toContain("TS2322");
      expect(existsSync(join(dir, "dist"))).toBe(false);
    });
  }

  it("packages/worker: a type error in its second compilation, after the first wrote dist/", () => {
    const dir = fixturePackage("packages/worker", ["node.ts"]);
    const build = runBuildScript("packages/worker", dir);
    expect(build.status, build.stdout + build.stderr).not.toBe(0);
    expect(build.stdout + build.stderr).toContain("TS2322");
    expect(existsSync(join(dir, "dist"))).toBe(false);
  });

  it("packages/cli: a build that type-checks writes a runnable dist/bin.js in place of the stale one", () => {
    const dir = fixturePackage("packages/cli", []);
    const build = runBuildScript("packages/cli", dir);
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(readFileSync(join(dir, "dist/bin.js"), "utf8")).toContain("count = 1");
    expect(existsSync(join(dir, "dist/index.js"))).toBe(true);
  });
});
