/// <reference types="node" />
// End to end: a new user's first hour in Debian's chromium. Two existing interventions combine into a third; a run
// and a second run after an edit are kept; after a reload both are listed and the later is set against the earlier
// (the edit named, the change marked where its CI excludes zero); the planner and the results fit 1280×800 and a
// 390×844 phone without scrolling sideways; the screenshots are saved for the docs.
//
// The phone is a second page of the same browser, opened at its size, never the planner's page resized: resizing a
// page holds its animation frames while the new size is drawn (a 2.5 s gap measured under two busy processes), and
// every click waits for two frames to see its target stand still, so the click after a resize to 1280 px and back
// once waited more than its 20 s under the full suite ("waiting for element to be visible, enabled and stable", with
// no retry logged: no frame came). A page that is never resized has no such wait.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenarioText } from "@ccplan/core";
import { chartMisfits } from "./chartFit.js";
import { artifacts, openPlanner, type OpenPlanner } from "./openPlanner.js";
import { webRoot } from "./server.js";

const parsed = parseScenarioText(readFileSync(join(webRoot, "..", "..", "scenarios", "default.json"), "utf8"));
if (!parsed.ok) throw new Error("scenarios/default.json must be valid");
const [first, second] = parsed.scenario.interventions.map((intervention) => intervention.name) as [string, string];

describe("a new user's first hour, in chromium", () => {
  let planner: OpenPlanner | undefined;
  let page: Page;
  const problems: string[] = [];
  const screenshot = (name: string, on: Page = page) => on.screenshot({ path: join(artifacts, `${name}.png`) });
  const plannerTab = (name: "Plan" | "Results" | "Runs", on: Page = page) => on.getByRole("tab", { name: new RegExp(`^${name}`) });
  const items = () => page.getByTestId("intervention");
  /** The page's width beyond the window, in pixels (0: nothing to scroll sideways). */
  const sideways = (on: Page = page) => on.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  /** The app on a 390×844 phone: a second page of the same browser (the scenario and the runs kept in it), opened at
   * that size and closed after `look` (see the file's head: the planner's own page is never resized). */
  async function onPhone(look: (phone: Page) => Promise<void>): Promise<void> {
    const phone = await planner!.newPage({ width: 390, height: 844 });
    try {
      await phone.goto(planner!.url);
      await phone.getByTestId("scenario-name").waitFor();
      await look(phone);
    } finally {
      await phone.close();
    }
  }
  /** Runs and waits for the results, then until the run is kept (the Runs tab counts `kept` runs). */
  async function runWith(replications: number, kept: number): Promise<void> {
    await page.locator("#run-replications").fill(String(replications));
    await page.getByRole("button", { name: /^Run (comparison|the baseline)/ }).click();
    await expect
      .poll(
        async () => {
          const error = await page.getByTestId("run-error").textContent().catch(() => null);
          if (error) throw new Error(error);
          return (await plannerTab("Results").getAttribute("aria-selected")) === "true" && (await page.locator(".results[aria-busy='false'] table.kpi-table").count()) > 0;
        },
        { timeout: 120_000 },
      )
      .toBe(true);
    await expect.poll(() => plannerTab("Runs").textContent()).toContain(String(kept));
  }

  beforeAll(async () => {
    planner = await openPlanner({ problems, watch: { failedRequests: "allButAborted" } });
    page = planner.page;
    await page.getByTestId("scenario-name").waitFor();
  });

  afterAll(async () => {
    await planner?.close();
  });

  it("combines two existing interventions into one, each part a copy of the one ticked", async () => {
    const count = await items().count();
    await page.getByLabel("New intervention").selectOption("combined");
    const picker = page.getByTestId("combine");
    await picker.getByRole("checkbox", { name: first }).check();
    expect(await page.getByRole("button", { name: "Add", exact: true }).isDisabled()).toBe(true);
    await picker.getByRole("checkbox", { name: second }).check();
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect.poll(() => items().count()).toBe(count + 1);
    expect((await items().nth(count).locator(".name").textContent())?.trim()).toBe(`${first} + ${second}`);
    // Its editor lists the two parts under their own names.
    await expect.poll(() => page.locator(`[data-path="interventions[${count}].interventions[0].name"]`).inputValue()).toBe(first);
    expect(await page.locator(`[data-path="interventions[${count}].interventions[1].name"]`).inputValue()).toBe(second);
    expect(await page.getByTestId("problems").count()).toBe(0);
    await items().nth(count).getByRole("button", { name: /^Close/ }).click();
  });

  it("warns when an intervention moves a shift past closing", async () => {
    const count = await items().count();
    await page.getByLabel("New intervention").selectOption("moveShift");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect.poll(() => items().count()).toBe(count + 1);
    // The template moves the group's last shift, which ends when the weekend line closes, 30 minutes later.
    const warning = items().nth(count).getByTestId("intervention-warning");
    await expect.poll(() => warning.textContent()).toMatch(/no contacts forecast: 20:00–20:30 on .*\(after the last contacts\)/);
    await items().nth(count).getByRole("button", { name: /^Remove/ }).click();
    await expect.poll(() => items().count()).toBe(count);
  });

  it("fits the planner in 1280×800 and on a 390×844 phone without scrolling sideways", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot("planner-1280x800");
    expect(await sideways()).toBe(0);
    await onPhone(async (phone) => {
      expect(await sideways(phone)).toBe(0);
      // Nothing is cut off at the edge either: every view's link in the header, every planner tab, in full view.
      const outside = await phone.evaluate(() =>
        [...document.querySelectorAll(".site-header nav a, .planner-tabs [role=tab]")]
          .filter((element) => {
            const box = element.getBoundingClientRect();
            return box.left < 0 || box.right > window.innerWidth || box.width === 0;
          })
          .map((element) => element.textContent),
      );
      expect(outside).toEqual([]);
      await screenshot("planner-390x844", phone);
      // Every editor fits: wide tables (the shift grid) scroll inside their own box.
      for (const name of ["Handling", "Shifts", "Money", "Model", "Scenario", "Forecast"]) {
        await phone.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
        await expect.poll(() => phone.getByRole("tab", { name: new RegExp(`^${name}`) }).getAttribute("aria-selected")).toBe("true");
        expect(await sideways(phone), name).toBe(0);
      }
      for (const name of ["Runs", "Results", "Plan"] as const) {
        await plannerTab(name, phone).click();
        expect(await sideways(phone), name).toBe(0);
      }
    });
  });

  it("runs, then runs again after an edit, each run kept; the results use the page's width", { timeout: 240_000 }, async () => {
    // The baseline against the combination alone: quick.
    const boxes = items().getByRole("checkbox", { name: /^Compare/ });
    for (let i = 0; i < (await boxes.count()) - 1; i++) await boxes.nth(i).uncheck();
    await runWith(10, 1);
    expect(await page.locator("table.kpi-table thead th").count()).toBe(3);
    await screenshot("results-1280x800");
    expect(await sideways()).toBe(0);
    // The same run on a phone: the newest kept run is on screen there too.
    await onPhone(async (phone) => {
      await plannerTab("Results", phone).click();
      await phone.locator(".results[aria-busy='false'] table.kpi-table").waitFor();
      await phone.locator(".chart-frame svg.chart-svg").first().waitFor();
      expect(await phone.getByTestId("run-facts").textContent()).toContain("kept in this browser");
      expect(await sideways(phone)).toBe(0);
      await screenshot("results-390x844", phone);
      await phone.locator(".chart-frame").first().scrollIntoViewIfNeeded();
      await screenshot("results-charts-390x844", phone);
      // The acceptability chart names both options in full on the phone ("+4 agents on Late + Evening part-timers"
      // on two lines, not cut to "…Evening pa"), inside the chart, with its money ticks apart.
      const acceptability = phone.locator(".chart-frame[aria-label^='Probability each option is best']");
      await acceptability.locator("svg.chart-svg path.curve").first().waitFor();
      await acceptability.scrollIntoViewIfNeeded();
      await phone.waitForTimeout(300);
      await screenshot("results-acceptability-390x844", phone);
      const names = await acceptability.locator(".legend text").evaluateAll((texts) => texts.map((text) => [...text.querySelectorAll("tspan")].map((span) => span.textContent).join(" ")));
      expect(names).toHaveLength(2);
      expect(names).toContain("baseline");
      const option = names.find((name) => name !== "baseline")!;
      expect([...parsed.scenario.interventions.map((intervention) => intervention.name), `${first} + ${second}`]).toContain(option);
      expect(await chartMisfits(acceptability, { wholeLegend: true })).toEqual([]);
      // Nor does any other chart of the results reach past its edge or run its tick labels together there.
      for (const frame of await phone.locator(".chart-frame").all()) expect(await chartMisfits(frame), (await frame.getAttribute("aria-label")) ?? "").toEqual([]);
    });

    // Two more agents on the late shift, and run again: the first results stay labelled until the second are in.
    await plannerTab("Plan").click();
    await page.getByRole("tab", { name: /^Shifts/ }).click();
    // The grid shows every shift's start whole ("07:30", not "07:3") at 1280 px.
    const cutStarts = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>("table.shifts td.start input")].filter((input) => input.scrollWidth > input.clientWidth).map((input) => input.value),
    );
    expect(cutStarts).toEqual([]);
    const late = parsed.scenario.groups[0]!.shifts.findIndex((shift) => shift.name === "Late");
    const agents = page.locator(`[data-path="groups[0].shifts[${late}].agents"]`).first();
    await agents.fill(String(parsed.scenario.groups[0]!.shifts[late]!.agents + 2));
    await expect.poll(() => page.getByTestId("latest-run").textContent()).toContain("before your changes");
    await plannerTab("Results").click();
    expect(await page.getByTestId("results-stale").textContent()).toContain("changed since this run");
    await runWith(10, 2);
    expect(await page.getByTestId("results-stale").count()).toBe(0);
  });

  it("after a reload, lists both runs and sets the later against the earlier: the edit named, changes marked where their CI excludes zero", { timeout: 120_000 }, async () => {
    await page.reload();
    await page.getByTestId("scenario-name").waitFor();
    // The newest run is on screen again.
    await plannerTab("Results").click();
    await expect.poll(() => page.getByTestId("run-facts").textContent()).toContain("kept in this browser");
    await plannerTab("Runs").click();
    const rows = page.getByTestId("runs-table").locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    await rows.nth(0).getByRole("checkbox").check();
    await rows.nth(1).getByRole("checkbox").check();
    await page.getByRole("button", { name: "Compare the two runs ticked" }).click();
    const comparison = page.getByTestId("run-comparison");
    await comparison.waitFor();
    const diff = (await comparison.getByTestId("run-diff").textContent()) ?? "";
    expect(diff).toContain("group “Service team” › shift “Late” › agents");
    const headers = await comparison.locator("table.kpi-table thead th").allTextContents();
    expect(headers.map((text) => text.trim())).toEqual(["KPI", expect.stringMatching(/^Run 1 · /), expect.stringMatching(/^Run 2 · .*and its change vs run 1$/)]);
    // Same seed and replications: paired. Two more agents answer more, sooner.
    expect(await comparison.locator(".legend-text").textContent()).toContain("measured pairwise");
    const scheduled = comparison.locator('tr[data-kpi="scheduledAgents"] [data-delta="1"]');
    expect(await scheduled.getAttribute("data-effect")).toBe("changed");
    expect(await comparison.locator('tr[data-kpi="serviceLevel"] [data-delta="1"]').getAttribute("data-effect")).toBe("better");
    await comparison.locator(".chart-frame svg.chart-svg").first().waitFor();
    await comparison.scrollIntoViewIfNeeded();
    await screenshot("runs-compare-1280x800");
    expect(await sideways()).toBe(0);
  });

  it("exports a run as a file and imports it back", async () => {
    const rows = page.getByTestId("runs-table").locator("tbody tr");
    const [file] = await Promise.all([page.waitForEvent("download"), rows.nth(0).getByRole("button", { name: "Export" }).click()]);
    const text = readFileSync(await file.path(), "utf8");
    expect(JSON.parse(text).format).toBe("ccplan-run");
    await page.getByLabel("Import a run file").setInputFiles({ name: "kept.ccplan-run.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.getByTestId("runs-message").textContent()).toContain("Imported");
    await page.getByLabel("Import a run file").setInputFiles({ name: "not-a-run.json", mimeType: "application/json", buffer: Buffer.from('{"version": 1}') });
    await expect.poll(() => page.getByTestId("runs-message").textContent()).toContain("not-a-run.json could not be imported");
    expect(await rows.count()).toBe(3);
  });

  it("logged no console errors, page errors or failed requests", () => {
    expect(problems).toEqual([]);
  });
});
