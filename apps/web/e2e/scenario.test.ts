/// <reference types="node" />
// End to end: the planner's scenario management in Debian's chromium. It opens on scenarios/default.json; a bad file
// is refused with its problems listed and the scenario kept; edits are checked by core beside their field and never
// lost; every change is autosaved and restored on reload; user text is shown as text; a shared link round-trips (and
// asks before replacing unsaved work); a forecast CSV imports; interventions are added, renamed, duplicated, removed;
// a shift moves with the keyboard; the Erlang calculator stays one click away; nothing logs an error.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenarioText } from "@ccplan/core";
import { artifacts, openPlanner, type OpenPlanner } from "./openPlanner.js";
import { webRoot } from "./server.js";

const defaultText = readFileSync(join(webRoot, "..", "..", "scenarios", "default.json"), "utf8");
const defaultParsed = parseScenarioText(defaultText);
if (!defaultParsed.ok) throw new Error("scenarios/default.json must be valid");
const defaultName = defaultParsed.scenario.name;
const XSS = "<img src=x onerror=alert(1)>";

/** The default scenario with some fields changed, as file text. */
function variant(change: (raw: Record<string, any>) => void): string {
  const raw = JSON.parse(defaultText) as Record<string, any>;
  change(raw);
  return JSON.stringify(raw, null, 2);
}

describe("the planner's scenarios, in chromium", () => {
  let planner: OpenPlanner | undefined;
  let page: Page;
  const problems: string[] = [];
  const dialogs: string[] = [];

  const screenshot = (name: string, fullPage = false) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage });
  const scenarioName = async () => ((await page.getByTestId("scenario-name").textContent()) ?? "").trim();
  const tab = (name: string) => page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
  const byPath = (path: string) => page.locator(`[data-path="${path}"]`).first();
  const openFile = (name: string, text: string) =>
    page.getByTestId("open-file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  const imgCount = () => page.evaluate(() => document.querySelectorAll("img").length);

  beforeAll(async () => {
    planner = await openPlanner({
      problems,
      watch: { failedRequests: "allButAborted", httpErrors: true },
      timeoutMs: 15_000,
      beforeOpen: async (page) => {
        page.on("dialog", (dialog) => {
          dialogs.push(`${dialog.type()}: ${dialog.message()}`);
          void dialog.dismiss();
        });
      },
    });
    page = planner.page;
    await page.getByTestId("scenario-name").waitFor();
  });

  afterAll(async () => {
    await planner?.close();
  });

  it("opens on scenarios/default.json, every intervention ticked and a comparison one click away", async () => {
    expect(await scenarioName()).toBe(defaultName);
    const boxes = page.getByTestId("intervention").getByRole("checkbox", { name: /^Compare/ });
    expect(await boxes.count()).toBe(defaultParsed.scenario.interventions.length);
    for (let i = 0; i < (await boxes.count()); i++) expect(await boxes.nth(i).isChecked()).toBe(true);
    expect(await page.getByRole("button", { name: /^Run comparison/ }).isEnabled()).toBe(true);
    expect(await page.getByTestId("problems").count()).toBe(0);
    await screenshot("planner-overview");
  });

  it("refuses a file with problems, lists each with its field, and keeps the scenario on screen", async () => {
    await openFile(
      "broken.json",
      variant((raw) => {
        raw.name = "Broken";
        raw.groups[0].shifts[0].agents = -3;
        raw.queues[0].handle.meanSec = "long";
      }),
    );
    const panel = page.getByTestId("import-problem");
    await panel.waitFor();
    const text = (await panel.textContent()) ?? "";
    expect(text).toContain("broken.json was not opened");
    expect(text).toContain("groups[0].shifts[0].agents");
    expect(text).toContain("queues[0].handle.meanSec");
    expect(await scenarioName()).toBe(defaultName);
    await screenshot("planner-bad-file");

    // Opened anyway (on request), each problem shows beside its field.
    await panel.getByRole("button", { name: "Open it anyway, to fix it here" }).click();
    await expect.poll(scenarioName).toBe("Broken");
    await tab("Shifts");
    await expect.poll(() => byPath("groups[0].shifts[0].agents").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByText("Agents: too small; expected a number ≥ 0, received -3", { exact: true }).count()).toBe(1);
    await page.getByRole("button", { name: "Example scenarios" }).click();
    await page.getByRole("button", { name: new RegExp(`^${defaultName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) }).click();
    // Nothing was changed since broken.json opened, so nothing is asked.
    await expect.poll(scenarioName).toBe(defaultName);

    await openFile("garbage.json", '{"version": 1, "name": ');
    await expect.poll(async () => (await panel.textContent()) ?? "").toMatch(/garbage\.json was not opened.*invalid JSON at line 1, column 24/s);
    expect(await scenarioName()).toBe(defaultName);
    await panel.getByRole("button", { name: "Dismiss" }).click();
    expect(await panel.count()).toBe(0);
  });

  it("shows core's message beside a field typed wrong, keeps what was typed, and recovers", async () => {
    await tab("Shifts");
    const agents = byPath("groups[0].shifts[0].agents");
    await agents.fill("abc");
    await expect.poll(() => agents.getAttribute("aria-invalid")).toBe("true");
    const errorId = ((await agents.getAttribute("aria-describedby")) ?? "").split(" ").find((id) => id.endsWith("-error"));
    expect(errorId).toBeDefined();
    expect(await page.locator(`#${errorId}`).textContent()).toContain('received "abc"');
    expect(await agents.inputValue()).toBe("abc");
    expect(((await page.getByTestId("problems").textContent()) ?? "").trim()).toMatch(/^1 problem to fix/);
    expect(await page.getByRole("tab", { name: /^Shifts/ }).textContent()).toContain("1");
    await screenshot("planner-field-error");
    await agents.fill("6");
    await expect.poll(() => page.getByTestId("problems").count()).toBe(0);
  });

  it("moves a shift with the keyboard on the Gantt, through core (breaks move with it)", async () => {
    const bar = page.getByRole("slider", { name: /^Early, 6 agents/ });
    await bar.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => byPath("groups[0].shifts[0].start").inputValue()).toBe("07:30");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => byPath("groups[0].shifts[0].start").inputValue()).toBe("07:00");
    await screenshot("planner-shifts", true);
  });

  it("opens the bundled scenarios from a menu, with the keyboard", async () => {
    const menuButton = page.getByRole("button", { name: "Example scenarios" });
    await menuButton.focus();
    await page.keyboard.press("Enter");
    const items = page.locator("#examples-list").getByRole("button");
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    await page.keyboard.press("Escape");
    expect(await page.locator("#examples-list").isHidden()).toBe(true);
    await menuButton.click();
    const second = items.nth(1);
    const title = ((await second.locator(".item-title").textContent()) ?? "").trim();
    await second.click();
    // Nothing was changed since default.json opened: no question asked.
    await expect.poll(scenarioName).toBe(title);
    await menuButton.click();
    await items.first().click();
    await expect.poll(scenarioName).toBe(defaultName);
  });

  it("saves the scenario as a file core reads back", async () => {
    await tab("Shifts");
    await byPath("groups[0].shifts[0].agents").fill("7");
    expect(await page.getByTestId("scenario-status").textContent()).toContain("Changes not saved to a file");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save", exact: true }).click()]);
    expect(download.suggestedFilename()).toBe("mid-size-retail-service-line-one-week.json");
    const path = await download.path();
    const saved = parseScenarioText(readFileSync(path!, "utf8"));
    expect(saved.ok).toBe(true);
    if (saved.ok) expect(saved.scenario.groups[0]!.shifts[0]!.agents).toBe(7);
    await expect.poll(() => page.getByTestId("scenario-status").textContent()).not.toContain("Changes not saved to a file");
    await byPath("groups[0].shifts[0].agents").fill("6");
  });

  it("autosaves every change and restores it on reload", async () => {
    await tab("Scenario");
    await byPath("name").fill("Week 48 roster");
    await tab("Shifts");
    await byPath("groups[0].shifts[8].agents").fill("11");
    await expect.poll(scenarioName).toBe("Week 48 roster");
    await page.reload();
    await page.getByTestId("scenario-name").waitFor();
    expect(await scenarioName()).toBe("Week 48 roster");
    expect(await page.getByTestId("scenario-status").textContent()).toContain("Changes not saved to a file");
    await tab("Shifts");
    expect(await byPath("groups[0].shifts[8].agents").inputValue()).toBe("11");
  });

  it("restores work that has problems as it was typed", async () => {
    await byPath("groups[0].shifts[8].agents").fill("eleven");
    await page.reload();
    await tab("Shifts");
    expect(await byPath("groups[0].shifts[8].agents").inputValue()).toBe("eleven");
    expect(await byPath("groups[0].shifts[8].agents").getAttribute("aria-invalid")).toBe("true");
    await byPath("groups[0].shifts[8].agents").fill("11");
    await expect.poll(() => page.getByTestId("problems").count()).toBe(0);
  });

  it("shows a scenario named like HTML as text, in the title, the editor and an intervention, and after a reload", async () => {
    await tab("Scenario");
    await byPath("name").fill(XSS);
    await expect.poll(scenarioName).toBe(XSS);
    const first = page.getByTestId("intervention").first();
    await first.getByRole("button", { name: /^Edit/ }).click();
    await byPath("interventions[0].name").fill(XSS);
    await expect.poll(async () => (await first.locator(".name").textContent())?.trim()).toBe(XSS);
    await page.reload();
    await page.getByTestId("scenario-name").waitFor();
    expect(await scenarioName()).toBe(XSS);
    expect(await imgCount()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await page.title()).toBe(`${XSS} · ccplan`);
  });

  it("opens a file named like HTML as text", async () => {
    await openFile("xss.json", variant((raw) => (raw.name = XSS)));
    // The scenario on screen has unsaved changes: the page asks first.
    await page.getByRole("dialog", { name: "Replace the scenario on screen?" }).waitFor();
    await page.getByRole("button", { name: "Open xss.json" }).click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain(`Opened “${XSS}” from xss.json.`);
    expect(await scenarioName()).toBe(XSS);
    expect(await imgCount()).toBe(0);
  });

  it("shares the scenario as a link that opens it elsewhere, asking before it replaces unsaved work", async () => {
    await openFile("shared.json", variant((raw) => (raw.name = "Shared plan")));
    await expect.poll(scenarioName).toBe("Shared plan");
    await tab("Shifts");
    await byPath("groups[0].shifts[0].agents").fill("9");
    await page.getByRole("button", { name: "Share link" }).click();
    const linkField = page.getByTestId("share-link");
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(/#s=[A-Za-z0-9_-]+$/);
    await screenshot("planner-share");
    await page.getByRole("button", { name: "Close" }).click();

    // Change the scenario here, then follow the link: it asks; "Keep mine" keeps it.
    await byPath("groups[0].shifts[0].agents").fill("4");
    await page.goto(link);
    await page.getByRole("dialog", { name: "Replace the scenario on screen?" }).waitFor();
    await page.getByRole("button", { name: "Keep mine" }).click();
    await tab("Shifts");
    expect(await byPath("groups[0].shifts[0].agents").inputValue()).toBe("4");
    expect(page.url()).not.toContain("#s=");

    await page.goto(link);
    await page.getByRole("button", { name: "Open the shared link" }).click();
    await expect.poll(scenarioName).toBe("Shared plan");
    await tab("Shifts");
    expect(await byPath("groups[0].shifts[0].agents").inputValue()).toBe("9");

    // A damaged link is refused and the scenario stays.
    await page.goto(link.slice(0, link.length - 40));
    await expect.poll(async () => (await page.getByTestId("import-problem").textContent()) ?? "").toContain("The shared link was not opened");
    expect(await scenarioName()).toBe("Shared plan");
    await page.getByTestId("import-problem").getByRole("button", { name: "Dismiss" }).click();
  });

  it("imports an interval forecast from CSV, and names the lines of a bad one", async () => {
    const rows = ["start,contacts"];
    for (let day = 0; day < 7; day++) for (let hour = 8; hour < 20; hour++) rows.push(`${String(hour).padStart(2, "0")}:00,${60 + day}`, `${String(hour).padStart(2, "0")}:30,${50 + day}`);
    const csv = (text: string) => page.getByTestId("import-csv").setInputFiles({ name: "forecast.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
    await csv("start,contacts\n08:00,10\n08:30,x\n9:15,3\n");
    const panel = page.getByTestId("import-problem");
    await expect.poll(async () => (await panel.textContent()) ?? "").toContain('line 3: contacts "x"; expected a number ≥ 0');
    expect(await scenarioName()).toBe("Shared plan");
    await panel.getByRole("button", { name: "Dismiss" }).click();

    await csv(rows.join("\n"));
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain("Imported 168 intervals of 30 minutes from forecast.csv into queue “phone”");
    await tab("Forecast");
    expect(await page.getByRole("radio", { name: "Contacts per interval" }).isChecked()).toBe(true);
    expect(await byPath("queues[0].forecast.intervalContacts[16]").inputValue()).toBe("60");
    expect(await byPath("queues[0].forecast.intervalContacts[65]").inputValue()).toBe("51");
    // Hours without contacts are hidden until asked for; the file's closed hours are 0.
    expect(await byPath("queues[0].forecast.intervalContacts[40]").count()).toBe(0);
    await page.getByRole("checkbox", { name: /Show all 48 intervals/ }).check();
    expect(await byPath("queues[0].forecast.intervalContacts[40]").inputValue()).toBe("0");
    await page.getByRole("checkbox", { name: /Show all 48 intervals/ }).uncheck();
    await screenshot("planner-forecast-intervals", true);
  });

  it("adds a training intervention, renames, duplicates and removes interventions, and ticks which to compare", async () => {
    await page.getByLabel("New intervention").selectOption({ label: "Training programme" });
    await page.getByRole("button", { name: "Add", exact: true }).click();
    const items = page.getByTestId("intervention");
    const count = await items.count();
    const added = items.nth(count - 1);
    expect(await added.getByRole("checkbox", { name: /^Compare/ }).isChecked()).toBe(true);
    const name = byPath(`interventions[${count - 1}].name`);
    await expect.poll(() => name.inputValue()).toBe("Training programme");
    // Help texts name the articles by their titles, not their file ids.
    expect(await page.getByText(/the article “The customer-service KPI dimensions 90% of companies overlook.*manufacturer case/).count()).toBeGreaterThan(0);
    expect(await page.getByText(/000_84b7cbeb28961648/).count()).toBe(0);
    await screenshot("planner-training", true);

    // A duplicate name is refused beside the name.
    const other = (await items.nth(0).locator(".name").textContent())?.trim() ?? "";
    await name.fill(other);
    await expect.poll(() => name.getAttribute("aria-invalid")).toBe("true");
    await name.fill("Product training");
    await expect.poll(() => name.getAttribute("aria-invalid")).toBe("false");

    await added.getByRole("button", { name: /^Duplicate/ }).click();
    await expect.poll(() => items.count()).toBe(count + 1);
    expect(await byPath(`interventions[${count}].name`).inputValue()).toBe("Product training (copy)");
    // The intervention's own Remove (a training's editor also has "Remove cohorts").
    await items.nth(count).getByRole("button", { name: "Remove Product training (copy)", exact: true }).click();
    await expect.poll(() => items.count()).toBe(count);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => items.count()).toBe(count + 1);
    // The intervention's own Remove (a training's editor also has "Remove cohorts").
    await items.nth(count).getByRole("button", { name: "Remove Product training (copy)", exact: true }).click();

    await items.nth(0).getByRole("checkbox", { name: /^Compare/ }).uncheck();
    await expect.poll(() => page.getByRole("button", { name: /^Run comparison/ }).textContent()).toContain(`(${count} scenarios)`);
  });

  it("keeps autosaved text it cannot read, shows it whole, and opens the default beside it", async () => {
    await page.evaluate(() => {
      localStorage.setItem("ccplan.scenario", '{"version": 1, "name": "half a fi');
      localStorage.removeItem("ccplan.draft");
    });
    await page.reload();
    const kept = page.getByTestId("unreadable");
    await kept.waitFor();
    expect(await kept.locator("textarea").inputValue()).toBe('{"version": 1, "name": "half a fi');
    expect(await scenarioName()).toBe(defaultName);
    await page.reload();
    await kept.waitFor();
    await kept.getByRole("button", { name: "Discard" }).click();
    expect(await kept.count()).toBe(0);
    await page.reload();
    await page.getByTestId("scenario-name").waitFor();
    expect(await kept.count()).toBe(0);
  });

  it("takes the screenshots for the docs (1280×800)", async () => {
    const dismiss = page.getByTestId("notice").getByRole("button", { name: /Dismiss/ });
    if ((await dismiss.count()) > 0) await dismiss.click();
    await tab("Shifts");
    await page.getByText("Shifts through the day").scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 250));
    await screenshot("planner-shifts-gantt");
    await page.evaluate(() => window.scrollTo(0, 0));
    await tab("Forecast");
    const items = page.getByTestId("intervention");
    await page.getByLabel("New intervention").selectOption({ label: "Training programme" });
    await page.getByRole("button", { name: "Add", exact: true }).click();
    // Percentages and points are typed as such, with or without their unit; the file keeps fractions.
    const last = (await items.count()) - 1;
    await byPath(`interventions[${last}].ahtChange`).fill("-8%");
    await byPath(`interventions[${last}].fcrChange`).fill("+5 points");
    await expect.poll(() => byPath(`interventions[${last}].ahtChange`).getAttribute("aria-invalid")).toBe("false");
    expect(await byPath(`interventions[${last}].fcrChange`).getAttribute("aria-invalid")).toBe("false");
    await byPath(`interventions[${(await items.count()) - 1}].costPerTrainee`).fill("900");
    await items.last().evaluate((element) => element.scrollIntoView({ block: "start" }));
    await page.evaluate(() => window.scrollBy(0, -12));
    await screenshot("planner-intervention-edit");
    await items.last().getByRole("button", { name: "Remove Training programme", exact: true }).click();
  });

  it("keeps the Erlang calculator one click away", async () => {
    await page.getByRole("link", { name: "Erlang calculator" }).click();
    await page.getByRole("heading", { name: /Erlang calculator/ }).waitFor();
    await expect.poll(async () => (await page.locator('[data-kpi="serviceLevel"] .value').textContent())?.trim()).toBe("88.8%");
    await page.getByRole("link", { name: "Planner" }).click();
    await expect.poll(scenarioName).toBe(defaultName);
  });

  it("stays readable at 1920×1080", async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await tab("Shifts");
    await screenshot("planner-1920x1080");
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("logged no console errors, page errors, dialogs or failed requests (the CSP blocked nothing)", () => {
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
