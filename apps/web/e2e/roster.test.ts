/// <reference types="node" />
// End to end: "Find the cheapest roster" on the default scenario in Debian's chromium. HiGHS (WebAssembly, bundled by
// Vite, allowed by the page's CSP) solves in the roster worker, the simulations run in the pool; progress shows, a run
// can be cancelled, today's and the optimised roster appear as Gantts one above the other with the cost difference,
// and the roster is added as an intervention the scenario accepts. Screenshots at 1280×800 and 390×844; nothing logs
// an error and no request fails.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts, openPlanner, type OpenPlanner } from "./openPlanner.js";

describe("find the cheapest roster, in chromium", () => {
  let planner: OpenPlanner | undefined;
  let page: Page;
  const problems: string[] = [];
  const screenshot = (name: string, fullPage = false) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage });
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  beforeAll(async () => {
    planner = await openPlanner({ problems, watch: { failedRequests: "all", httpErrors: true } });
    page = planner.page;
    await page.getByRole("tab", { name: /^Cheapest roster/ }).click();
    await page.getByTestId("roster-run").waitFor();
  });

  afterAll(async () => {
    await planner?.close();
  });

  it("cancels a run at once", { timeout: 60_000 }, async () => {
    await page.getByTestId("roster-replications").selectOption("20");
    await page.getByTestId("roster-run").click();
    await page.getByTestId("roster-status").waitFor();
    await page.waitForTimeout(1500);
    await page.getByTestId("roster-cancel").click();
    await expect.poll(() => page.getByText("Cancelled.").count(), { timeout: 5_000 }).toBe(1);
    expect(await page.getByTestId("roster-run").isEnabled()).toBe(true);
  });

  it("finds a roster on the default scenario, shows both rosters and the cost difference, and adds it as an intervention", { timeout: 360_000 }, async () => {
    await page.getByTestId("roster-replications").selectOption("20");
    await page.getByLabel("Rounds at most").selectOption("2");
    await page.getByLabel(/Cost of confidence/).uncheck();
    await page.getByTestId("roster-run").click();
    await expect
      .poll(
        async () => {
          const failed = await page.locator(".roster .status.error").textContent().catch(() => null);
          if (failed) throw new Error(failed);
          return page.getByTestId("roster-result").count();
        },
        { timeout: 300_000, interval: 500 },
      )
      .toBe(1);
    expect(await page.getByTestId("roster-cost").textContent()).toMatch(/^[\d,]+ USD$/);
    expect(await page.getByTestId("roster-difference").textContent()).toMatch(/^[+−]?[\d,]+ USD$/);
    // The bar, on the default scenario: every open interval meets the confidence on fresh simulated weeks.
    expect(await page.getByTestId("roster-verdict").textContent()).toMatch(/Every one of the 198 open intervals meets its target in at least 80% of 20 fresh\s+simulated weeks/);
    // Today's roster above the optimised one, each with its shifts of the day drawn.
    const today = page.getByTestId("roster-gantt-today");
    const optimised = page.getByTestId("roster-gantt-optimised");
    expect(await today.locator("rect.shift").count()).toBeGreaterThan(3);
    expect(await optimised.locator("rect.shift").count()).toBeGreaterThan(3);
    const [top, below] = [await today.boundingBox(), await optimised.boundingBox()];
    expect(top!.y + top!.height).toBeLessThanOrEqual(below!.y + 1);
    await page.getByTestId("roster-result").scrollIntoViewIfNeeded();
    await screenshot("roster-1280", true);
    expect(await sideways()).toBeLessThanOrEqual(0);

    await page.getByTestId("roster-add").click();
    expect(await page.getByTestId("roster-added").textContent()).toMatch(/Added “Cheapest roster \(80%\)”/);
    await page.getByRole("tab", { name: /^Plan/ }).click();
    await expect.poll(() => page.getByTestId("intervention").filter({ hasText: "Cheapest roster (80%)" }).count()).toBe(1);
    expect(await page.getByTestId("problems").count()).toBe(0);
    // It joins the comparison: ticked, and the run button counts it.
    expect(await page.getByRole("button", { name: /^Run comparison/ }).textContent()).toMatch(/5 scenarios/);

    await page.getByRole("tab", { name: /^Cheapest roster/ }).click();
    expect(await page.getByTestId("roster-result").count()).toBe(1); // kept while the tab was away
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await screenshot("roster-390", true);
    expect(await sideways()).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
});
