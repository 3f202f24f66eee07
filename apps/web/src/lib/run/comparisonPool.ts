import { createBrowserPool, type Pool } from "@ccplan/worker";

let shared: Pool | undefined;

/**
 * The page's one pool of Web Workers, created on first use and kept for later runs (workers stay warm). One worker
 * per core but one: the page's own thread and the comparison worker keep a core, so the page stays responsive
 * while a run uses the rest (with every core busy, the operating system starves the page's thread and a 5 ms
 * task takes a hundred).
 */
export function comparisonPool(): Pool {
  shared ??= createBrowserPool({ size: Math.max(1, (navigator.hardwareConcurrency || 2) - 1) });
  return shared;
}
