/// <reference types="node" />
// End to end: what `npm start` serves and what the page says when the browser will not keep its work. Every response
// carries the Content-Security-Policy (framing forbidden), nosniff and no-referrer; chromium refuses to frame the page;
// when storage refuses an edit, the status says so, until an edit is kept again, and offers the file download.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenarioText } from "@ccplan/core";
import { SECURITY_HEADERS } from "../securityHeaders.js";
import { artifacts, openPlanner, type OpenPlanner } from "./openPlanner.js";
import { webRoot } from "./server.js";

describe("the served page's headers and its storage status, in chromium", () => {
  let planner: OpenPlanner | undefined;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    planner = await openPlanner({ hash: null, problems, watch: { consoleErrors: false }, timeoutMs: 15_000 });
    page = planner.page;
  });

  afterAll(async () => {
    await planner?.close();
  });

  it("sends the security headers with the page and with its scripts", async () => {
    const html = await fetch(planner!.url);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await html.text())?.[1];
    expect(script).toBeDefined();
    for (const response of [html, await fetch(new URL(script!, planner!.url))]) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name), name).toBe(value);
    }
    const policy = html.headers.get("Content-Security-Policy")!;
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("worker-src 'self' blob:");
    expect(policy).not.toContain("'unsafe-inline'");
  });

  it("the README gives static hosts exactly the headers npm start sends", () => {
    const readme = readFileSync(join(webRoot, "..", "..", "README.md"), "utf8");
    const block = /## Serving the web page[\s\S]*?```\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(block).toBe(Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`).join("\n"));
  });

  it("cannot be framed by another page", async () => {
    // A page of another origin (about:blank) frames it: chromium must refuse to render it there.
    await page.setContent(`<iframe id="framed" src="${planner!.url}" width="800" height="600"></iframe>`);
    await page.waitForTimeout(1500);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    const title = framed ? await framed.locator("[data-testid=scenario-name]").count().catch(() => 0) : 0;
    expect(title).toBe(0);
  });

  it("says when the browser refuses to keep an edit, offers the file, and says so again once an edit is kept", async () => {
    // The browser's storage refuses every write while `refuseStorage` is set, as a full quota does.
    await page.addInitScript(() => {
      const flag = window as unknown as { refuseStorage: boolean };
      flag.refuseStorage = true;
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        if (flag.refuseStorage) throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, "QuotaExceededError");
        setItem.call(this, key, value);
      };
    });
    await page.goto(planner!.url);
    const status = page.getByTestId("storage-status");
    await expect.poll(() => status.textContent()).toBe("This browser did not let ccplan keep your last change (its storage for this site is full); save the scenario as a file to keep it.");
    await page.getByTestId("scenario-status").screenshot({ path: join(artifacts, "storage-refused.png") });

    // An edit that is refused too: the status stays.
    await page.getByRole("tab", { name: /^Shifts/ }).click();
    await page.locator('[data-path="groups[0].shifts[0].agents"]').first().fill("9");
    await expect.poll(() => status.textContent()).toContain("did not let ccplan keep your last change");

    // The way out: the file, with the edit in it.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("storage-save").click()]);
    const saved = parseScenarioText(readFileSync((await download.path())!, "utf8"));
    expect(saved.ok && saved.scenario.groups[0]!.shifts[0]!.agents).toBe(9);

    // Storage works again: the next edit is kept, and the status says so.
    await page.evaluate(() => ((window as unknown as { refuseStorage: boolean }).refuseStorage = false));
    await page.locator('[data-path="groups[0].shifts[0].agents"]').first().fill("8");
    await expect.poll(() => status.textContent()).toBe("Every change is kept in this browser.");
    expect(await page.getByTestId("storage-save").count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem("ccplan.scenario"))).toContain('"agents": 8');
  });

  it("threw no page errors", () => {
    expect(problems).toEqual([]);
  });
});
