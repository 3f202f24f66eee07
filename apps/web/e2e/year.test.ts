/// <reference types="node" />
// End to end: the Year view in Debian's chromium. It opens on a scenario without a capacity plan and offers the
// example; runs the year (every week simulated in the Web Workers, with progress); finds the hiring plan (HiGHS in
// the year worker) and puts it in the scenario; follows a training week by week; screenshots at 1280×800 and
// 390×844; nothing logs an error.
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts } from "./openPlanner.js";
import { webRoot } from "./server.js";
import { openYearView, yearViewShows, type OpenYearView } from "./yearView.js";

// Few futures: the test is about the page working end to end; the statistics are core's (tested there).
const FUTURES = "6";

describe("the Year view, in chromium", () => {
  let yearView: OpenYearView | undefined;
  let page: Page;
  const problems: string[] = [];

  const appears = (testid: string, timeout?: number) => yearViewShows(page, testid, timeout);

  beforeAll(async () => {
    yearView = await openYearView(problems);
    page = yearView.page;
  });

  afterAll(async () => {
    await yearView?.close();
  });

  it("runs the year, finds the hiring plan, uses it and follows a training", { timeout: 900_000 }, async () => {
    // The default scenario has no capacity plan: the view says so and offers the example.
    await page.getByTestId("no-capacity").waitFor();
    await page.getByRole("button", { name: /Open the example/ }).click();
    await page.locator("#year-replications").fill(FUTURES);
    // Monthly shrinkage is a share, typed in percent as every share of the editors; the seasonal index is an index,
    // typed as a factor on the forecast and labelled so. The file keeps fractions, as before.
    const shrinkage = page.locator('[data-path="capacity.shrinkageByMonth"]');
    const seasonal = page.locator('[data-path="capacity.volume.monthlyIndex"]');
    expect(await shrinkage.inputValue()).toBe("12, 12, 11, 12, 12, 14, 16, 16, 12, 11, 12, 15");
    expect(await page.locator('label[for="f-capacity-shrinkageByMonth"]').textContent()).toBe("Shrinkage by month (%)");
    expect(await page.locator("#f-capacity-shrinkageByMonth-help").textContent()).toMatch(/In percent here; the file keeps 8 % as 0\.08\.$/);
    expect(await seasonal.inputValue()).toBe("1.1, 1, 0.95, 0.9, 0.9, 0.95, 1, 1, 1.05, 1.05, 1.1, 1.2");
    expect(await page.locator('label[for="f-capacity-volume-monthlyIndex"]').textContent()).toBe("Seasonal index by month (× the forecast)");
    expect(await page.locator("#f-capacity-volume-monthlyIndex-help").textContent()).toMatch(/An index, not a share: 1\.1 is 10 % above the forecast/);
    const kept = async () => JSON.parse((await page.evaluate(() => localStorage.getItem("ccplan.scenario"))) ?? "{}").capacity?.shrinkageByMonth as number[] | undefined;
    await shrinkage.fill("13, 12, 11, 12, 12, 14, 16, 16, 12, 11, 12, 15");
    await expect.poll(async () => (await kept())?.[0]).toBe(0.13);
    // The file's fractions typed here read as 0.13 %: said, with what to type.
    await shrinkage.fill("0.13, 0.12");
    expect(await page.getByTestId("percent-hint").textContent()).toBe("Read as 0.13 %, …: shares are typed in percent here (13 for 13 %).");
    await shrinkage.fill("12, 12, 11, 12, 12, 14, 16, 16, 12, 11, 12, 15");
    await expect.poll(async () => (await kept())?.[0]).toBe(0.12);
    expect(await page.getByTestId("percent-hint").count()).toBe(0);
    // Every field of a group's plan has its help, the default's source named (they had none: the groups are keyed by name).
    expect(await page.getByText("Share of agents who leave in a month (0.03: 3%). Default 0 (assumption: enter your own).", { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByText(/Weeks from the start of recruiting to the start of the class\. Default 6 \(assumption\)/).count()).toBeGreaterThan(0);
    // A hiring class's weeks in class are named as such (they read "Class spread over", a training's label).
    expect(await page.locator('label[for="f-capacity-groups-Service-team-hiring-classWeeks"]').textContent()).toMatch(/^Weeks in class/);

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
    // The break-even is a plan week (numbered from the plan's first week), said apart from the money cards' count from
    // the option's start.
    const verdict = (await page.getByTestId("break-even").textContent())?.replace(/\s+/g, " ") ?? "";
    expect(verdict).toMatch(/breaks even in plan week \d+ \(the week of \d+ [A-Z][a-z]{2} \d{4}; median, P10 to P90: plan weeks \d+ to \d+\) in [\d.]+% of simulated futures within the planned weeks; it starts in plan week 5\.|does not break even/);
    if (verdict.includes("breaks even in")) expect(await page.getByTestId("plan-weeks-note").textContent()).toMatch(/^A plan week is a week of the capacity plan, numbered from the plan's first week/);
    await page.getByTestId("trajectory").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "year-trajectory-1280x800.png") });
    await page.getByTestId("break-even").screenshot({ path: join(artifacts, "year-break-even-1280.png") });

    // The phone layout: the year first, its settings after.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(artifacts, "year-390x844.png") });
    await page.getByTestId("hire-plan").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "year-plan-390x844.png") });
    await page.getByTestId("break-even").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "year-break-even-390x844.png") });

    expect(problems).toEqual([]);
  });

  it("opens a link shared before shares were typed in percent: the file's fractions show in percent, nothing lost", { timeout: 120_000 }, async () => {
    // A link as the page made it before (the scenario's JSON, deflated, base64url): the file format did not change.
    const text = readFileSync(join(webRoot, "..", "..", "scenarios", "year-plan.json"), "utf8");
    const raw = JSON.parse(text);
    raw.name = "Shared year";
    raw.capacity.shrinkageByMonth = [0.125, ...raw.capacity.shrinkageByMonth.slice(1)];
    const link = `${yearView!.url}#s=${deflateRawSync(Buffer.from(JSON.stringify(raw))).toString("base64url")}`;
    await page.goto(link);
    // The scenario on screen has unsaved changes (the plan used above): the page asks first.
    await page.getByRole("button", { name: "Open the shared link" }).click();
    await expect.poll(async () => (await page.getByTestId("scenario-name").textContent()) ?? "").toContain("Shared year");
    await page.goto(`${yearView!.url}#year`);
    const shrinkage = page.locator('[data-path="capacity.shrinkageByMonth"]');
    const shown = "12.5, 12, 11, 12, 12, 14, 16, 16, 12, 11, 12, 15";
    await expect.poll(() => shrinkage.inputValue()).toBe(shown);
    expect(await page.locator('[data-path="capacity.volume.monthlyIndex"]').inputValue()).toBe(raw.capacity.volume.monthlyIndex.join(", "));
    // Kept in the browser as the file has it, and shown the same after a reload.
    const kept = () => page.evaluate(() => JSON.parse(localStorage.getItem("ccplan.scenario") ?? "{}").capacity?.shrinkageByMonth);
    await expect.poll(kept).toEqual(raw.capacity.shrinkageByMonth);
    await page.reload();
    await expect.poll(() => page.locator('[data-path="capacity.shrinkageByMonth"]').inputValue()).toBe(shown);
    expect(problems).toEqual([]);
  });
});
