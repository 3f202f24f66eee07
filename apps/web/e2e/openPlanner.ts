// What every browser test starts with: the built app served, chromium open on it, the page's problems recorded.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { launchChromium, recordPageProblems, startPreview, webRoot, type ProblemWatch } from "./server.js";

/** Where the browser tests write their screenshots and exports (`npm run screenshots` copies the README's). */
export const artifacts = join(webRoot, "e2e-artifacts");

export interface OpenPlannerOptions {
  /** Where the page opens: "" the planner, "#erlang", "#year", …; null opens nothing (the test goes where it needs). */
  hash?: string | null;
  /** Which of the page's failures count as problems (`recordPageProblems`; an uncaught page error always does). */
  watch?: ProblemWatch;
  /** Where they are recorded, in words a failing assertion can show; tests assert it empty. Default: a new list. */
  problems?: string[];
  /** The page's default timeout for actions and waits, in milliseconds. Default 20 s. */
  timeoutMs?: number;
  /** The window's size. Default 1280×800. */
  viewport?: { width: number; height: number };
  /** Runs before the page is opened, for what must see its first byte (init scripts, worker listeners, dialogs). */
  beforeOpen?: (page: Page) => Promise<void> | void;
}

/** The app open in chromium: its page, the served app's address (ending in "/"), the problems recorded, and how to
 * stop both. */
export interface OpenPlanner {
  page: Page;
  context: BrowserContext;
  url: string;
  problems: string[];
  /** Another page of the same browser (so the same storage: the scenario and the runs kept), at `viewport` before it
   * draws anything, with the same timeout and its problems recorded in `problems` as the first page's; it opens
   * nothing (the caller goes where it needs) and closes with the browser, or sooner. */
  newPage(viewport: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Serves the built app (`vite preview`), opens it in chromium with a fresh profile (e2e-artifacts/ ready for
 * screenshots), records the page's problems and goes to `url + hash`. On a failure it stops what it started.
 */
export async function openPlanner(options: OpenPlannerOptions = {}): Promise<OpenPlanner> {
  const { hash = "", watch, problems = [], timeoutMs = 20_000, viewport = { width: 1280, height: 800 }, beforeOpen } = options;
  mkdirSync(artifacts, { recursive: true });
  const server = await startPreview();
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const close = async () => {
    await browser?.close();
    await server.stop();
  };
  try {
    browser = await launchChromium(viewport);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(timeoutMs);
    recordPageProblems(page, problems, watch);
    await beforeOpen?.(page);
    if (hash !== null) await page.goto(`${server.url}${hash}`);
    const context = browser.context;
    const newPage = async (size: { width: number; height: number }): Promise<Page> => {
      const another = await context.newPage();
      another.setDefaultTimeout(timeoutMs);
      recordPageProblems(another, problems, watch);
      await another.setViewportSize(size);
      return another;
    };
    return { page, context, url: server.url, problems, newPage, close };
  } catch (error) {
    await close();
    throw error;
  }
}
