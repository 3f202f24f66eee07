// `npm run screenshots`: copies the browser test's screenshots that the README shows from apps/web/e2e-artifacts into
// docs/screenshots, under the names docs/screenshots/sources.json gives, so that the README shows the page as it is
// now. Run it after `npm test` (the browser test writes the artifacts) and look at every image before committing.
import { copyFileSync, existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const docs = join(repoRoot, "docs", "screenshots");
const artifacts = join(repoRoot, "apps", "web", "e2e-artifacts");
const { images } = JSON.parse(readFileSync(join(docs, "sources.json"), "utf8"));

const missing = Object.values(images).filter(({ artifact }) => !existsSync(join(artifacts, artifact)));
if (missing.length > 0) {
  process.stderr.write(
    `screenshots: ${missing.length} of the browser test's screenshots are missing from apps/web/e2e-artifacts (${missing.map((m) => m.artifact).join(", ")}); run \`npm test\` first. Nothing was copied.\n`,
  );
  process.exit(1);
}
for (const [image, { artifact, test }] of Object.entries(images)) {
  const from = join(artifacts, artifact);
  copyFileSync(from, join(docs, image));
  const taken = statSync(from).mtime.toISOString().slice(0, 16).replace("T", " ");
  process.stdout.write(`docs/screenshots/${image} ← ${artifact} (${test}, taken ${taken} UTC)\n`);
}
