/// <reference types="node" />
// End to end: "Calibrate from a call log" in Debian's chromium. The bank's log (../shared/data beside the repository:
// the Technion SEE Lab's "Anonymous Bank" log) is read and fitted in the worker on 1–7 February, written into the
// scenario, and backtested on 8–14 February against what happened; the page cites the data's source wherever it shows
// results from it. A synthetic log with a bad row shows the row's line. Screenshots at 1280×800 and 390×844.
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts, openPlanner, type OpenPlanner } from "./openPlanner.js";
import { webRoot } from "./server.js";

const bankLog = join(webRoot, "..", "..", "..", "shared", "data", "anonymous-bank-1999-02-01-to-14.tsv");

describe("Calibrate from a call log, in chromium", () => {
  let planner: OpenPlanner | undefined;
  let page: Page;
  const problems: string[] = [];
  /** The 1280×800 view with `selector` at its top, for docs/screenshots/calibrate-*.png (`npm run screenshots` copies it there). */
  async function viewShot(name: string, selector: string): Promise<void> {
    await page.evaluate((css) => document.querySelector(css)?.scrollIntoView({ block: "start", behavior: "instant" }), selector);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(artifacts, `${name}.png`) });
  }

  beforeAll(async () => {
    planner = await openPlanner({ hash: "#calibrate", problems, watch: { httpErrors: true }, timeoutMs: 60_000 });
    page = planner.page;
    await page.getByRole("heading", { name: /Calibrate from a call log/ }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await planner?.close();
  });

  it("reads the bank's log in the worker, counts what is not an offered call apart and cites the source", async () => {
    await page.getByTestId("log-file").setInputFiles(bankLog);
    const summary = page.getByTestId("log-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toContain("16,015 offered calls on 14 days");
    expect(await summary.textContent()).toContain("143 PHANTOM records");
    expect(await page.getByTestId("data-source").textContent()).toContain("Technion Service Enterprise Engineering (SEE) Lab");
    expect(await page.getByTestId("fit-to").inputValue()).toBe("1999-02-07");
    expect(await page.getByTestId("backtest-from").count()).toBe(0);
  });

  it("fits 1–7 February: the handle-time fits, the Kaplan–Meier curve, and class 2's head start of about 90 s", async () => {
    await page.getByTestId("fit").click();
    const facts = page.getByTestId("fit-facts");
    await facts.waitFor();
    expect(await facts.textContent()).toMatch(/Priority class2\d+% of calls, head start (8[5-9]|9[0-5]) s/);
    await expect.poll(() => page.locator("figure[aria-label^='Talk time'] svg rect.bar").count()).toBeGreaterThan(10);
    expect(await page.locator("figure[aria-label^='Talk time'] path.fit.gamma").getAttribute("d")).toMatch(/^M/);
    expect(await page.locator("figure[aria-label^='Patience'] path.km").getAttribute("d")).toMatch(/^M/);
    expect(await page.locator("figure[aria-label^='Patience'] path.band").getAttribute("d")).toMatch(/^M/);
    expect(await page.locator("figure[aria-label^='Patience'] .chart-note").textContent()).toContain("Technion");
    expect(await page.getByTestId("classes").textContent()).toContain("2");
    console.log(`fit in the browser: ${await page.locator(".measured-note").textContent()}`);
    await viewShot("calibrate-fit", "#step-fit");
  });

  it("backtests 8–14 February against what happened, beside per-interval Erlang A, with the prediction's band", async () => {
    await page.locator("label", { hasText: "Replications per day" }).locator("input").fill("20");
    await page.getByTestId("backtest").click();
    const errors = page.getByTestId("backtest-errors");
    await errors.waitFor();
    expect(await page.getByTestId("backtest-days").locator("tbody tr").count()).toBe(7);
    expect(await page.getByTestId("overlap").count()).toBe(0);
    await expect.poll(() => page.locator("figure[aria-label^='Service level by interval'] path.band").count()).toBe(1);
    expect(await page.locator("figure[aria-label^='Service level by interval'] .chart-note").textContent()).toContain("Technion");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(artifacts, "calibrate-1280x800.png"), fullPage: true });
    await viewShot("calibrate-backtest", "#step-backtest");
  });

  it("writes the fit into the scenario's queue, undoably", async () => {
    await page.getByTestId("apply").click();
    await page.goto(page.url().replace(/#.*$/, "#planner"));
    const notice = page.locator(".notice, [role=status]").filter({ hasText: "Applied the calibration" });
    await notice.first().waitFor();
  });

  it("lays out on a phone (390×844) and shows a bad row's line", async () => {
    await page.goto(page.url().replace(/#.*$/, "#calibrate"));
    await page.setViewportSize({ width: 390, height: 844 });
    const sample = readFileSync(join(webRoot, "..", "..", "examples", "call-log-sample.csv"), "utf8").split("\n");
    sample[3] = "2026-03-02T08:11:11,tech,standard,soon,2026-03-02T08:12:36,answered,A2";
    const file = join(tmpdir(), "call-log-with-a-bad-row.csv");
    writeFileSync(file, sample.join("\n"));
    await page.getByTestId("log-file").setInputFiles(file);
    await page.getByTestId("bad-rows").waitFor();
    expect(await page.getByTestId("bad-rows").textContent()).toContain('line 4: answered "soon"; expected an ISO date-time');
    expect(await page.getByTestId("data-source").count()).toBe(0);
    await page.getByTestId("fit").click();
    await page.getByTestId("fit-facts").waitFor();
    await page.screenshot({ path: join(artifacts, "calibrate-390x844.png"), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("logged no console errors, page errors or failed requests", () => {
    expect(problems).toEqual([]);
  });
});
