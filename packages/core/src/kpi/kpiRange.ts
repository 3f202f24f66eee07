import type { KpiSummary } from "../stats/summary.js";
import { KPI_REGISTRY, type KpiId, type KpiUnit } from "./registry.js";

/** The values a KPI of each unit can take. Money alone may be negative without bound. */
const RANGE_BY_UNIT: Record<KpiUnit, readonly [number, number]> = {
  fraction: [0, 1],
  seconds: [0, Infinity],
  contacts: [0, Infinity],
  agents: [0, Infinity],
  customers: [0, Infinity],
  score: [-100, 100],
  money: [-Infinity, Infinity],
};

const RANGE_BY_KPI = new Map<string, readonly [number, number]>(KPI_REGISTRY.map((kpi) => [kpi.id, RANGE_BY_UNIT[kpi.unit]]));

/**
 * A level's statistics with its 95% interval cut to the values the KPI can take. The mean of values in [0, 1] lies
 * in [0, 1], but the symmetric t interval on a few replications can read "92.7% to 102.4%" or a wait of −6 min;
 * cutting it at the bound keeps its coverage and never shows an impossible figure. For levels only: a change
 * (difference) has its own range.
 */
export function withinKpiRange<Statistics extends KpiSummary>(id: KpiId, statistics: Statistics): Statistics {
  const range = RANGE_BY_KPI.get(id);
  const ci95 = statistics.ci95;
  if (!range || !ci95 || (ci95[0] >= range[0] && ci95[1] <= range[1])) return statistics;
  return { ...statistics, ci95: [Math.max(range[0], ci95[0]), Math.min(range[1], ci95[1])] };
}
