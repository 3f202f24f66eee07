/// <reference types="node" />
import { join } from "node:path";
import { it } from "vitest";
import { launchChromium, startPreview, webRoot } from "./server.js";
it("shot", { timeout: 120_000 }, async () => {
  const server = await startPreview();
  const browser = await launchChromium({ width: 1280, height: 800 });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(server.url);
  await page.getByRole("tab", { name: "Shifts" }).click();
  await page.getByTestId("shift-templates").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(webRoot, "e2e-artifacts", "_templates.png"), fullPage: true });
  await browser.close();
  await server.stop();
});
