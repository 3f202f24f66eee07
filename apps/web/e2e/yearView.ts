// What the Year view's browser tests share.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { openPlanner, type OpenPlanner } from "./openPlanner.js";

/** The Year view open in chromium: its page, the served app's address and how to stop both. */
export type OpenYearView = OpenPlanner;

/** Serves the built app and opens the Year view in chromium at 1280×800 (`openPlanner`), recording the page's errors
 * and failed responses in `problems`. */
export function openYearView(problems: string[]): Promise<OpenYearView> {
  return openPlanner({ hash: "#year", problems, watch: { httpErrors: true } });
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
