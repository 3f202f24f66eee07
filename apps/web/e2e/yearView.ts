// What the Year view's browser tests share.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { launchChromium, recordPageProblems, startPreview, webRoot } from "./server.js";

/** The Year view open in chromium: its page, the served app's address and how to stop both. */
export interface OpenYearView {
  page: Page;
  url: string;
  close(): Promise<void>;
}

/** Serves the built app, opens the Year view in chromium at 1280×800 (e2e-artifacts/ ready for screenshots) and
 * records the page's errors and failed responses in `problems`. */
export async function openYearView(problems: string[]): Promise<OpenYearView> {
  mkdirSync(join(webRoot, "e2e-artifacts"), { recursive: true });
  const server = await startPreview();
  try {
    const browser = await launchChromium({ width: 1280, height: 800 });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(20_000);
    recordPageProblems(page, problems, { httpErrors: true });
    await page.goto(`${server.url}#year`);
    return {
      page,
      url: server.url,
      close: async () => {
        await browser.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Waits until the Year view shows `testid`, failing at once with the view's message if a run fails (a long run's
 * failure would otherwise surface only as the wait's timeout). */
export async function yearViewShows(page: Page, testid: string, timeout = 300_000): Promise<void> {
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
