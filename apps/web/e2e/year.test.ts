/// <reference types="node" />
// End to end: the Year view in Debian's chromium. It opens on a scenario without a capacity plan and offers the
// example; runs the year (every week simulated in the Web Workers, with progress); finds the hiring plan (HiGHS in
// the year worker) and puts it in the scenario; follows a training week by week; screenshots at 1280×800 and
// 390×844; nothing logs an error.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, recordPageProblems, startPreview, webRoot, type Browser, type PreviewServer } from "./server.js";

const artifacts = join(webRoot, "e2e-artifacts");
// Few futures: the test is about the page working end to end; the statistics are core's (tested there).
const FUTURES = "6";

describe("the Year view, in chromium", () => {
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const problems: string[] = [];

  /** Waits until `testid` is on the page, failing at once with the page's message if a run fails. */
  async function appears(testid: string, timeout = 300_000): Promise<void> {
    await expect
      .poll(
        async () => {
          const error = await page.evaluate(() => document.querySelector("[data-testid=year-error]")?.textContent ?? null);
          if (error) throw new Error(error);
          return page.evaluate((id) => document.querySelector(`[data-testid=${id}]`) !== null, testid);
        },
        { timeout, interval: 250 },
      )
      .toBe(true);
  }

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startPreview();
    browser = await launchChromium({ width: 1280, height: 800 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(20_000);
    recordPageProblems(page, problems, { httpErrors: true });
    await page.goto(`${server.url}#year`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("runs the year, finds the hiring plan, uses it and follows a training", { timeout: 900_000 }, async () => {
    // The default scenario has no capacity plan: the view says so and offers the example.
    await page.getByTestId("no-capacity").waitFor();
    await page.getByRole("button", { name: /Open the example/ }).click();
    await page.locator("#year-replications").fill(FUTURES);
    // Every field of a group's plan has its help, the default's source named (they had none: the groups are keyed by name).
    expect(await page.getByText("Share of agents who leave in a month (0.03: 3%). Default 0 (assumption: enter your own).", { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByText(/Weeks from the start of recruiting to the start of the class\. Default 6 \(assumption\)/).count()).toBeGreaterThan(0);

    // Cancel stops a run at once (the pool's and the year worker's threads are terminated); a new run then works.
    await page.locator("#year-replications").fill("60");
    await page.getByTestId("run-year").click();
    await appears("year-progress", 60_000);
    await page.getByTestId("cancel-year").click();
    await expect.poll(() => page.locator(".year .status").textContent()).toContain("Run cancelled.");
    await page.locator("#year-replications").fill(FUTURES);

    await page.getByTestId("run-year").click();
    await appears("year-facts");
    expect(await page.getByTestId("year-facts").textContent()).toMatch(/6 simulated futures · [\d,]+ distinct weeks simulated/);
    await expect.poll(() => page.locator("figure[aria-label='Headcount, available and required agents by week'] path.line").count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(artifacts, "year-1280x800.png") });

    await page.getByTestId("find-plan").click();
    await appears("hire-plan");
    const planned = await page.getByTestId("planned-class").count();
    expect(planned).toBeGreaterThan(0);
    const card = (await page.getByTestId("hire-plan").textContent()) ?? "";
    expect(card).toContain("in every week from week 10");
    // The weeks at risk before week 10 say why: recruiting and class take 9 weeks.
    const risks = await page.getByTestId("week-at-risk").allTextContents();
    expect(risks.some((text) => text.includes("inside the lead time"))).toBe(true);
    // The requirement line appears with the plan.
    await expect.poll(() => page.locator("figure[aria-label='Headcount, available and required agents by week'] path.line.dashed").count()).toBe(1);
    await page.screenshot({ path: join(artifacts, "year-plan-1280x800.png") });
    await page.screenshot({ path: join(artifacts, "year-plan-full.png"), fullPage: true });

    // "Use this plan" puts its classes in the scenario's table, next to the committed one.
    const before = await page.getByTestId("class-row").count();
    await page.getByRole("button", { name: "Use this plan" }).click();
    await expect.poll(() => page.getByTestId("class-row").count()).toBe(before + planned);

    // A trainer's trajectory of the coaching, from week 5.
    await page.locator("#trajectory-start").fill("5");
    await page.getByTestId("run-trajectory").click();
    await appears("trajectory");
    expect(await page.getByTestId("break-even").textContent()).toMatch(/breaks even in|does not break even/);
    await page.getByTestId("trajectory").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "year-trajectory-1280x800.png") });

    // The phone layout: the year first, its settings after.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(artifacts, "year-390x844.png") });
    await page.getByTestId("hire-plan").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "year-plan-390x844.png") });

    expect(problems).toEqual([]);
  });
});
