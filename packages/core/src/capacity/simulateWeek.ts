import { kpiVectorLayout } from "../compare/kpiVectorLayout.js";
import { sumCounters } from "../des/result.js";
import { simulateReplication } from "../des/simulate.js";
import { computeKpis, type KpiId } from "../kpi/registry.js";
import { compileScenario } from "../plan/compile.js";
import type { Scenario } from "../schema/scenario.js";

/** The KPIs the capacity plan keeps of each simulated week, in this order (registry ids). */
export const WEEK_KPIS = [
  "serviceLevel",
  "asa",
  "abandonRate",
  "occupancy",
  "aht",
  "fcr",
  "csat",
  "offered",
  "answered",
  "customersLost",
  "complaints",
  "onlineShare",
] as const satisfies readonly KpiId[];

/**
 * A planned week's KPIs: replication 0 of the week's scenario (its seed is the week's), over the whole simulated
 * span, exactly as `ccplan simulate week.json --replications 1` reports them; NaN where a KPI is undefined.
 */
export function simulateWeek(scenario: Scenario): Float64Array {
  const plan = compileScenario(scenario);
  const kpis = computeKpis(sumCounters(simulateReplication(plan, 0), { from: 0, to: plan.intervalCount }));
  return Float64Array.from(WEEK_KPIS, (id) => kpis[id] ?? NaN);
}

/** The service level a week must reach: the strictest of its queues' `targetServiceLevel` (as `simulate` judges). */
export function weekTargetServiceLevel(scenario: Scenario): number {
  return kpiVectorLayout(compileScenario(scenario)).targetServiceLevel;
}
