import { createBrowserPool, type Pool } from "@ccplan/worker";

let shared: Pool | undefined;

/**
 * The page's one pool of Web Workers, created on first use and kept for later runs (workers stay warm). One worker
 * per core but one: the page's own thread and the comparison worker keep a core, so the page stays responsive
 * while a run uses the rest (with every core busy, the operating system starves the page's thread and a 5 ms
 * task takes a hundred). Yet at least two workers where there are two cores: on a two-core laptop one worker would
 * leave a whole core to a page that mostly waits, and the comparison would take twice as long.
 */
export function comparisonPool(): Pool {
  shared ??= createBrowserPool({ size: comparisonPoolSize(navigator.hardwareConcurrency || 2) });
  return shared;
}

/** Workers for a machine of `cores` cores: all but one, and two on two cores (one on one). */
export function comparisonPoolSize(cores: number): number {
  return Math.max(Math.min(2, cores), cores - 1);
}
