/// <reference types="node" />
// The browser tests' one set-up: openPlanner serves the app, opens chromium where it is asked, records the page's
// problems and stops both on close; no test file copies that set-up again.
import { readdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openPlanner } from "./openPlanner.js";

const e2e = dirname(fileURLToPath(import.meta.url));

describe("openPlanner", () => {
  it("opens the app at the address asked, in the window asked, records the page's errors, and close stops both", { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    const opened = await openPlanner({ hash: "#erlang", problems, viewport: { width: 390, height: 844 } });
    try {
      expect(opened.problems).toBe(problems);
      expect(opened.page.url()).toBe(`${opened.url}#erlang`);
      expect(opened.page.viewportSize()).toEqual({ width: 390, height: 844 });
      await opened.page.getByRole("heading", { name: /Erlang calculator/ }).waitFor();
      await opened.page.evaluate(() => setTimeout(() => {
        throw new Error("thrown by the test");
      }));
      await expect.poll(() => problems).toContain("page error: thrown by the test");
      // A second page of the same browser: its own size, the same storage, its problems in the same list.
      await opened.page.evaluate(() => localStorage.setItem("ccplan.e2e-probe", "shared"));
      const second = await opened.newPage({ width: 320, height: 640 });
      expect(second.viewportSize()).toEqual({ width: 320, height: 640 });
      await second.goto(`${opened.url}#erlang`);
      expect(await second.evaluate(() => localStorage.getItem("ccplan.e2e-probe"))).toBe("shared");
      await second.evaluate(() => setTimeout(() => {
        throw new Error("thrown in the second page");
      }));
      await expect.poll(() => problems).toContain("page error: thrown in the second page");
      await second.close();
    } finally {
      await opened.close();
    }
    await expect(fetch(opened.url)).rejects.toThrow();
  });

  it("opens nothing when asked for no address", { timeout: 120_000 }, async () => {
    const opened = await openPlanner({ hash: null });
    try {
      expect(opened.page.url()).toBe("about:blank");
      expect((await fetch(opened.url)).ok).toBe(true);
    } finally {
      await opened.close();
    }
  });

  it("is the one set-up of every browser test: none starts its own server or chromium", () => {
    const copied = readdirSync(e2e)
      .filter((file) => file.endsWith(".test.ts"))
      .filter((file) => /\b(startPreview|launchChromium|recordPageProblems)\(/.test(readFileSync(`${e2e}/${file}`, "utf8")));
    expect(copied).toEqual([]);
  });
});
