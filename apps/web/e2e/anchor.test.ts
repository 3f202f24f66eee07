/// <reference types="node" />
// End to end: the experience editor's "Anchor to my center" on the default scenario in Debian's chromium. Today's CSAT
// and its survey count go in; the trial simulations run in the workers; the fit shows the figure reproduced within
// its survey range; "Apply" writes the anchored reference CSAT into the scenario; nothing logs an error. Screenshots
// at 1280×800 and 390×844.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts, openPlanner, type OpenPlanner } from "./openPlanner.js";

describe("anchor to my center, in chromium", () => {
  let planner: OpenPlanner | undefined;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    planner = await openPlanner({ problems });
    page = planner.page;
  });

  afterAll(async () => {
    await planner?.close();
  });

  it("anchors the default scenario to a CSAT of 78% from 400 answers, shows the fit and applies it", { timeout: 180_000 }, async () => {
    await page.getByRole("tab", { name: /^Model/ }).click();
    const panel = page.getByTestId("anchor-panel");
    await panel.scrollIntoViewIfNeeded();
    await panel.getByLabel("CSAT today (%)").fill("78");
    await panel.getByLabel("from survey answers").fill("400");
    await panel.getByLabel("Replications per trial simulation").fill("2");
    await panel.getByRole("button", { name: "Anchor", exact: true }).click();
    await expect
      .poll(
        async () => {
          const error = await page.getByTestId("anchor-error").textContent().catch(() => null);
          if (error) throw new Error(error);
          return page.getByTestId("anchor-fit").isVisible();
        },
        { timeout: 150_000, interval: 500 },
      )
      .toBe(true);
    const row = await page.getByTestId("anchor-fit").locator("tbody tr").first().textContent();
    // Yours 78.0% (73.9% to 82.1%); the model after: 78.0% with its CI.
    expect(row).toMatch(/CSAT\s*78\.0% \(73\.9% to 82\.1%\)\s*7\d\.\d%\s*78\.0%/);
    const parameters = await page.getByTestId("anchor-parameters").textContent();
    expect(parameters).toContain("CSAT of the reference center");
    await page.evaluate(() => document.querySelector("[data-testid=anchor-fit]")?.scrollIntoView({ block: "center", behavior: "instant" }));
    await page.screenshot({ path: join(artifacts, "anchor-1280.png") });
    await page.getByRole("button", { name: "Apply to the scenario" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Applied to the scenario" }).isVisible()).toBe(true);
    // The experience section is now edited: its reference CSAT is graded measured, a range around the anchored value
    // (its most likely value in percent, above the default 75%).
    const field = page.locator('[data-uncertain="experience.referenceCsat"]');
    await expect.poll(() => field.getAttribute("data-form")).toBe("triangular");
    const mode = page.locator('input[data-path="experience.referenceCsat.mode"]');
    await expect.poll(async () => Number((await mode.inputValue()).replace(",", "."))).toBeGreaterThan(75);
    expect(await field.getByLabel("Grade").evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? "")).toMatch(/^measured/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("anchor-fit").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "anchor-390.png") });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
});
