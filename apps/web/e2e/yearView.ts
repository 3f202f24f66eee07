// What the Year view's browser tests share.
import type { Page } from "playwright-core";
import { expect } from "vitest";

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
