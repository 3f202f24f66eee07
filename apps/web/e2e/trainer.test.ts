/// <reference types="node" />
// End to end: a trainer who opens the Year view first, on the default scenario (which has no capacity plan), in
// Debian's chromium. One click builds a capacity plan from the scenario (core's capacityFromScenario; the button used
// to throw while drawing its editor); one more adds a training, staggered in weekly cohorts by core so its class weeks
// dip rather than collapse (the editor gives the figure and the fix), and it is followed week by week. Screenshots at
// 1280×800 and 390×844; nothing logs an error.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts } from "./openPlanner.js";
import { webRoot } from "./server.js";
import { openYearView, yearViewShows, type OpenYearView } from "./yearView.js";

const defaultScenario = JSON.parse(readFileSync(join(webRoot, "..", "..", "scenarios", "default.json"), "utf8"));
const group = defaultScenario.groups[0];
const headcount = group.shifts.reduce((sum: number, shift: { agents: number }) => sum + shift.agents, 0);

describe("a trainer's first visit to the Year view, in chromium", () => {
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

  it("builds a capacity plan from the scenario, adds a staggered training and follows it week by week", { timeout: 600_000 }, async () => {
    await page.getByTestId("no-capacity").waitFor();
    await page.getByTestId("build-capacity").click();
    // The plan's editor, each group at the headcount its shifts stand for; drawing it no longer fails.
    const headcountField = page.locator(`[data-path='capacity.groups["${group.name}"].headcount']`);
    await headcountField.waitFor();
    expect(await headcountField.inputValue()).toBe(String(headcount));
    expect(await page.getByTestId("notice").textContent()).toMatch(/A capacity plan built from this scenario: 52 weeks, headcount from its shifts/);
    expect(problems).toEqual([]);
    // A shorter plan and few futures: the test is about the page; the statistics are core's.
    await page.locator("[data-path='capacity.weeks']").fill("20");
    await page.locator("#year-replications").fill("3");

    // No training yet: one click adds the planner's template, in weekly cohorts, and chooses it.
    await page.getByTestId("add-training").click();
    await expect.poll(() => page.locator("#trajectory-intervention").inputValue()).toBe("Training programme");
    await page.getByTestId("run-trajectory").click();
    await appears("trajectory");
    // The default scenario prices no benefit: no break-even week is looked for, and the page says why (it found
    // "week 1", a net of nothing, and drew two marks there).
    expect((await page.getByTestId("break-even").textContent())?.replace(/\s+/g, " ")).toMatch(/^ ?No break-even week for “Training programme”: no benefit is priced \(enter what a kept customer/);
    await page.getByTestId("trajectory").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "trainer-trajectory-1280x800.png") });

    // In the planner, the training's editor says what its class takes off the floor in its busiest week: within the
    // 5% its cohorts were sized to, over several weekly cohorts.
    await page.getByRole("link", { name: "Planner" }).click();
    await page.getByRole("button", { name: "Edit Training programme", exact: true }).click();
    const editor = page.getByTestId("class-load");
    await editor.waitFor();
    expect((await editor.textContent())?.replace(/\s+/g, " ")).toMatch(
      new RegExp(`^ ?In its busiest class week, [0-4]\\.\\d% of ${group.name}'s paid hours are in class \\(its shrinkage \\d+\\.\\d% → \\d+\\.\\d%\\), over \\d+ class weeks in \\d+ weekly cohorts\\. Service level dips in those weeks`),
    );
    expect(await editor.getAttribute("class")).not.toContain("heavy");
    // Everyone in one class week, as the schema's defaults alone had it: the figure and the fix.
    const cohorts = page.locator("[data-path$='cohorts.agents']").first();
    await cohorts.scrollIntoViewIfNeeded();
    const byAgents = await cohorts.inputValue();
    await page.getByRole("button", { name: /Back to the defaults for cohorts|Remove cohorts/ }).first().click();
    await expect.poll(async () => (await editor.textContent())?.replace(/\s+/g, " ") ?? "").toMatch(
      new RegExp(`In its busiest class week, \\d\\d\\.\\d% of ${group.name}'s paid hours are in class .*, everyone at once\\. Service level will fall steeply in that week\\. Train in weekly cohorts \\(Cohorts › agents: ${byAgents} a week keeps each week within 5\\.0%\\)`),
    );
    await editor.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "trainer-class-load-1280x800.png") });
    await page.setViewportSize({ width: 390, height: 844 });
    await editor.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "trainer-class-load-390x844.png") });
    await page.goto(`${yearView!.url}#year`);
    await page.getByTestId("run-trajectory").waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(artifacts, "trainer-year-390x844.png") });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(problems).toEqual([]);
  });
});
