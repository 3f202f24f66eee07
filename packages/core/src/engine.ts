// `@ccplan/core/engine`: the simulation engine and the KPI vectors of its replications, without the scenario schemas.
// A worker thread that is handed a plan to run needs no validation, and all of core costs ~60 ms to load in every
// fresh thread (zod builds its schemas at load) where this costs ~10 ms. Everything here is also exported by core's
// main entry, and in Node both entries share one copy of each module (dist/node's chunks).
export type { Plan, PlanQueue, DurationSampler } from "./des/plan.js";
export type { ReplicationResult } from "./des/result.js";
export { createSimulator, type SimulationOptions, type Simulator } from "./des/simulate.js";
export { stationaryPlan, type StationaryPlanOptions } from "./des/stationaryPlan.js";
export { kpiVector } from "./compare/kpiVector.js";
export { kpiVectorLayout, type KpiVectorLayout } from "./compare/kpiVectorLayout.js";
