import { createBrowserPool, type Pool } from "@ccplan/worker";

let shared: Pool | undefined;

/**
 * The page's one pool of Web Workers, created on first use and kept for later runs (workers stay warm). One worker
 * per core but one: the page's own thread and the comparison worker keep a core, so the page stays responsive
 * while a run uses the rest (with every core busy, the operating system starves the page's thread and a 5 ms
 * task takes a hundred: on two cores, two workers stretched the page's tasks past 50 ms, which the browser test
 * forbids). `?workers=N` in the page's address asks for N workers instead (the speed bench measures two on two cores).
 */
export function comparisonPool(): Pool {
  shared ??= createBrowserPool({ size: comparisonPoolSize(navigator.hardwareConcurrency || 2, new URLSearchParams(location.search).get("workers")) });
  return shared;
}

/** Workers for a machine of `cores` cores: all but one (at least one), or `requested` (from the address) when it is a
 * whole number from 1 to 64. */
export function comparisonPoolSize(cores: number, requested: string | null = null): number {
  const asked = requested === null ? NaN : Number(requested);
  if (Number.isInteger(asked) && asked >= 1 && asked <= 64) return asked;
  return Math.max(1, cores - 1);
}
