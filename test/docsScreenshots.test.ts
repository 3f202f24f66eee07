import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The README's pictures are the browser test's screenshots, copied by `npm run screenshots` under the names
// docs/screenshots/sources.json gives. These checks keep that list whole, so that no picture is left behind, showing
// a page that has since changed, without a test that can take it again.
const root = new URL("../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

interface Source {
  artifact: string;
  test: string;
  /** The string the test passes when it takes the screenshot. */
  name: string;
}
const { images } = JSON.parse(read("docs/screenshots/sources.json")) as { images: Record<string, Source> };

/** Every docs/screenshots image a markdown file of the repository shows. */
function imagesShownIn(path: string): string[] {
  return [...read(path).matchAll(/\(docs\/screenshots\/([\w.-]+\.png)\)/g)].map((match) => match[1]!);
}

describe("docs/screenshots", () => {
  const shown = [...new Set(imagesShownIn("README.md"))];

  it("lists where every image the README shows comes from", () => {
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.filter((image) => !Object.hasOwn(images, image))).toEqual([]);
  });

  it("holds every listed image, and no image that nothing shows or takes", () => {
    const files = readdirSync(new URL("docs/screenshots/", root)).filter((file) => file.endsWith(".png"));
    expect(Object.keys(images).filter((image) => !files.includes(image))).toEqual([]);
    expect(files.filter((file) => !Object.hasOwn(images, file))).toEqual([]);
  });

  it("names for each image a browser test that still takes it", () => {
    const stale = Object.entries(images).filter(([, { test, name }]) => {
      if (!existsSync(new URL(test, root))) return true;
      return !read(test).includes(`"${name}"`);
    });
    expect(stale.map(([image]) => image)).toEqual([]);
  });
});
