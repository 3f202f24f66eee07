export { KPI_REGISTRY, computeKpis, type KpiDefinition, type KpiId, type KpiUnit } from "./registry.js";
export { withinKpiRange } from "./kpiRange.js";
