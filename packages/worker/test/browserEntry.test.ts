/// <reference types="node" />
// The browser entry and the Web Worker script must bundle for a page: their import graphs (the built files,
// as a bundler sees them) reach no node: module, only comlink and core. The pool itself runs in Chromium in
// the web app's end-to-end test.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dist = new URL("../dist/", import.meta.url);
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']/g;

/** Bare specifiers reachable from a built file, following its relative imports. */
function bareImports(entry: string): Set<string> {
  const bare = new Set<string>();
  const seen = new Set<string>();
  const visit = (url: URL) => {
    if (seen.has(url.href)) return;
    seen.add(url.href);
    for (const match of readFileSync(url, "utf8").matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      if (specifier.startsWith(".")) visit(new URL(specifier, url));
      else bare.add(specifier);
    }
  };
  visit(new URL(entry, dist));
  return bare;
}

describe("the browser build", () => {
  it("index.js (the pool) imports only comlink and core", () => {
    expect([...bareImports("index.js")].sort()).toEqual(["@ccplan/core", "comlink"]);
  });

  it("worker.js (the Web Worker) imports only comlink and core", () => {
    expect([...bareImports("worker.js")].sort()).toEqual(["@ccplan/core", "comlink"]);
  });

  it("creates its workers as module workers from worker.js beside it", () => {
    const source = readFileSync(new URL("browserPool.js", dist), "utf8");
    expect(source).toContain('new Worker(new URL("./worker.js", import.meta.url), { type: "module"');
  });

  it("node.js, by contrast, is where worker_threads come in", () => {
    expect(bareImports("node.js").has("node:worker_threads")).toBe(true);
  });
});
