import { createBrowserPool, type Pool } from "@ccplan/worker";

let shared: Pool | undefined;

/** The page's one pool of Web Workers, created on first use and kept for later runs (workers stay warm). */
export function comparisonPool(): Pool {
  shared ??= createBrowserPool();
  return shared;
}
