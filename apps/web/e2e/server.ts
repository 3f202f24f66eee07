/// <reference types="node" />
// Test harness: serve the built app with `vite preview` on a free port, and launch Debian's chromium.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const webRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const CHROMIUM = "/usr/bin/chromium";

/** A TCP port that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PreviewServer {
  url: string;
  /** Everything the server printed, for the failure message. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Start `vite preview` on the built app in its own process group, and wait until it answers. */
export async function startPreview(timeoutMs = 30_000): Promise<PreviewServer> {
  if (!existsSync(join(webRoot, "dist", "index.html"))) {
    throw new Error("apps/web/dist/index.html is missing: build first (`npm test` at the root does, or `npm run build`)");
  }
  const port = await freePort();
  const viteBin = join(dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin", "vite.js");
  const child: ChildProcess = spawn(
    process.execPath,
    [viteBin, "preview", "--host", "127.0.0.1", "--port", String(port), "--strictPort"],
    { cwd: webRoot, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
  );
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  let exited: number | null | undefined;
  child.on("exit", (code) => (exited = code));

  const stop = async (): Promise<void> => {
    if (child.pid === undefined || exited !== undefined) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      process.kill(-child.pid, "SIGTERM"); // the whole group: vite and anything it started
    } catch {
      return; // already gone
    }
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (exited === undefined) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`vite preview exited with code ${exited}:\n${log}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { url, output: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`vite preview did not answer on ${url} within ${timeoutMs} ms:\n${log}`);
}

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Launch Debian's chromium headless with a fresh profile. Fails, with what to do, when it is not installed. */
export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the browser test needs Debian's chromium; run \`apt-get install -y chromium\` (CI's .ci/run does)`);
  }
  const profile = mkdtempSync(join(tmpdir(), "ccplan-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Which of a page's failures a test counts as problems (an uncaught page error always is). */
export interface ProblemWatch {
  /** console.error messages. */
  consoleErrors?: boolean;
  /** Failed requests: every one, every one but those the page aborted itself (a reload or a followed link aborts
   * what the page was still loading, such as the results' workers: not an error), or none. */
  failedRequests?: "all" | "allButAborted" | "none";
  /** Responses with an HTTP status of 400 or more. */
  httpErrors?: boolean;
}

/** Records what goes wrong on `page` in `problems`, in words a failing assertion can show; tests assert it empty. */
export function recordPageProblems(page: Page, problems: string[], watch: ProblemWatch = {}): void {
  const { consoleErrors = true, failedRequests = "none", httpErrors = false } = watch;
  if (consoleErrors) {
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
  }
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  if (failedRequests !== "none") {
    page.on("requestfailed", (request) => {
      const reason = request.failure()?.errorText;
      if (failedRequests === "all" || reason !== "net::ERR_ABORTED") problems.push(`request failed: ${request.url()} (${reason})`);
    });
  }
  if (httpErrors) {
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
  }
}
