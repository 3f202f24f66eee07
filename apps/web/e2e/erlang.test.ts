/// <reference types="node" />
// End to end: the built page in Debian's chromium shows core's Erlang numbers as the inputs change, reports bad
// input beside the field without crashing, and runs under its Content-Security-Policy without a single error.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { erlang, solveAgents, type ErlangInputs, type ErlangModel } from "@ccplan/core";
import { formatPercent, formatQuantity, formatSeconds } from "../src/lib/format.js";
import { artifacts, openPlanner, type OpenPlanner } from "./openPlanner.js";

/** What core says for the page's inputs (contacts per hour, seconds). */
function coreResult(model: ErlangModel, input: { perHour: number; ahtSec: number; agents: number; patienceSec?: number; targetSec?: number }) {
  const queue: ErlangInputs = { arrivalRatePerSec: input.perHour / 3600, ahtSec: input.ahtSec, agents: input.agents };
  if (input.patienceSec !== undefined) queue.patienceSec = input.patienceSec;
  if (input.targetSec !== undefined) queue.targetAnswerSec = input.targetSec;
  return erlang(model, queue);
}

describe("the Erlang calculator page, in chromium", () => {
  let planner: OpenPlanner | undefined;
  let page: Page;
  const problems: string[] = [];

  const field = (label: string) => page.getByLabel(label, { exact: true });
  const kpi = (id: string) => page.locator(`[data-kpi="${id}"] .value`);
  const shown = async (id: string) => ((await kpi(id).textContent()) ?? "").trim();
  const fill = async (values: Record<string, string>) => {
    for (const [label, value] of Object.entries(values)) await field(label).fill(value);
  };
  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`) });

  beforeAll(async () => {
    // The planner opens first; the calculator is its second view, with its own address. Fail fast: every update is
    // synchronous after an input event.
    planner = await openPlanner({ hash: "#erlang", problems, watch: { failedRequests: "all", httpErrors: true }, timeoutMs: 10_000 });
    page = planner.page;
    await page.getByRole("heading", { name: /Erlang calculator/ }).waitFor();
  });

  afterAll(async () => {
    await planner?.close();
  });

  it("opens on 200 contacts/h, 180 s, 14 agents, 20 s, Erlang C and shows core's service level and P(wait)", async () => {
    await expect.poll(() => shown("serviceLevel")).toBe("88.8%");
    expect(await shown("probWait")).toBe("17.4%");
    const expected = coreResult("c", { perHour: 200, ahtSec: 180, agents: 14, targetSec: 20 });
    expect(await shown("offeredLoad")).toBe(formatQuantity(expected.offeredLoad, "erlangs"));
    expect(await shown("asa")).toBe(formatSeconds(expected.asa));
    expect(await shown("meanWaitAll")).toBe(formatSeconds(expected.meanWaitAll));
    expect(await shown("occupancy")).toBe(formatPercent(expected.occupancy));
    expect(await shown("meanQueueLength")).toBe(formatQuantity(expected.meanQueueLength, "contacts"));
    await screenshot("erlang-1280x800");
  });

  it("updates every number as the inputs change, matching core", async () => {
    await fill({ "Contacts per hour": "350", "Average handle time": "240", Agents: "27", "Target answer time": "30" });
    const expected = coreResult("c", { perHour: 350, ahtSec: 240, agents: 27, targetSec: 30 });
    await expect.poll(() => shown("serviceLevel")).toBe(formatPercent(expected.serviceLevel));
    expect(await shown("probWait")).toBe(formatPercent(expected.probWait));
    expect(await shown("asa")).toBe(formatSeconds(expected.asa));
    expect(await shown("occupancy")).toBe(formatPercent(expected.occupancy));
    await fill({ "Contacts per hour": "200", "Average handle time": "180", Agents: "14", "Target answer time": "20" });
    await expect.poll(() => shown("serviceLevel")).toBe("88.8%");
    expect(await shown("probWait")).toBe("17.4%");
  });

  it("gives 14 as the fewest agents for 80% within 20 s, and grosses them up for shrinkage", async () => {
    await fill({ "Target service level": "80", "Shrinkage": "" });
    await expect.poll(async () => (await page.getByTestId("fewest-agents").textContent())?.trim()).toBe("14");
    const withShrinkage = solveAgents({
      model: "c",
      arrivalRatePerSec: 200 / 3600,
      ahtSec: 180,
      targetAnswerSec: 20,
      targetServiceLevel: 0.8,
      shrinkage: 0.3,
    });
    await fill({ Shrinkage: "30" });
    await expect.poll(async () => (await page.getByTestId("scheduled-agents").textContent())?.trim()).toBe(`${withShrinkage.scheduledAgents} agents`);
    await fill({ Shrinkage: "" });
  });

  it("shows a message beside the agents field for −3 agents and for an empty field, and recovers", async () => {
    let coreMessage = "";
    try {
      coreResult("c", { perHour: 200, ahtSec: 180, agents: -3, targetSec: 20 });
    } catch (error) {
      coreMessage = (error as Error).message;
    }
    expect(coreMessage).not.toBe("");
    await fill({ Agents: "-3" });
    await expect.poll(async () => (await page.locator("#erlang-agents-error").textContent())?.trim()).toBe(coreMessage);
    expect(await field("Agents").getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.getByTestId("no-result").isVisible()).toBe(true);
    // The fewest agents does not depend on the agents entered, so it stays.
    expect((await page.getByTestId("fewest-agents").textContent())?.trim()).toBe("14");
    await screenshot("erlang-invalid-agents");

    await fill({ Agents: "" });
    await expect.poll(async () => (await page.locator("#erlang-agents-error").textContent())?.trim()).toBe("Agents is empty; enter a number");
    await fill({ Agents: "abc" });
    await expect.poll(async () => (await page.locator("#erlang-agents-error").textContent())?.trim()).toBe("Agents: “abc” is not a number");

    await page.getByRole("button", { name: "Use 14 agents" }).click();
    expect(await field("Agents").inputValue()).toBe("14");
    await expect.poll(() => shown("serviceLevel")).toBe("88.8%");
    expect(await page.locator("#erlang-agents-error").count()).toBe(0);
  });

  it("says plainly that the queue grows without bound when the agents cannot keep up", async () => {
    await fill({ Agents: "9" });
    await expect.poll(async () => (await page.getByTestId("unstable").textContent()) ?? "").toContain("The queue grows without bound: add agents");
    expect(await shown("asa")).toBe("—");
    await screenshot("erlang-unstable");
    await fill({ Agents: "14" });
    await expect.poll(() => page.getByTestId("unstable").count()).toBe(0);
  });

  it("switches to Erlang A with the keyboard and shows core's abandonment", async () => {
    await page.getByRole("radio", { name: /Erlang C/ }).focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.getByRole("radio", { name: /Erlang A/ }).isChecked()).toBe(true);
    await fill({ "Mean patience": "300", Agents: "12" });
    const expected = coreResult("a", { perHour: 200, ahtSec: 180, agents: 12, patienceSec: 300, targetSec: 20 });
    await expect.poll(() => shown("probAbandon")).toBe(formatPercent(expected.probAbandon));
    expect(await shown("serviceLevel")).toBe(formatPercent(expected.serviceLevel));
    expect(await shown("serviceLevelWaitWithin")).toBe(formatPercent(expected.serviceLevelWaitWithin));
    expect(await shown("asa")).toBe(formatSeconds(expected.asa));
    expect(await shown("meanWaitAll")).toBe(formatSeconds(expected.meanWaitAll));
    await screenshot("erlang-a");
  });

  it("moves through the fields with Tab in reading order", async () => {
    await field("Contacts per hour").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("erlang-ahtSec");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("erlang-agents");
  });

  it("shows Erlang B's blocking probability and leaves its undefined fields blank", async () => {
    await page.getByRole("radio", { name: /Erlang B/ }).check();
    await fill({ Agents: "14" });
    const expected = coreResult("b", { perHour: 200, ahtSec: 180, agents: 14 });
    await expect.poll(() => shown("probWait")).toBe(formatPercent(expected.probWait));
    expect(await field("Mean patience").isDisabled()).toBe(true);
    await page.getByRole("radio", { name: /Erlang C/ }).check();
    await expect.poll(() => shown("serviceLevel")).toBe("88.8%");
  });

  it("draws the service-level curve with labelled axes", async () => {
    expect(await page.locator("svg path.curve").getAttribute("d")).toMatch(/^M/);
    expect(await page.locator("svg .axis.x .tick").count()).toBeGreaterThan(2);
    expect(await page.locator("svg text.axis-label").allTextContents()).toEqual(["agents", "answered within 20 s (%)"]);
  });

  it("stays readable at 1920×1080", async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => shown("serviceLevel")).toBe("88.8%");
    await screenshot("erlang-1920x1080");
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("logged no console errors, page errors or failed requests (the CSP blocked nothing)", () => {
    expect(problems).toEqual([]);
  });
});
