export { KPI_REGISTRY, computeKpis, type KpiDefinition, type KpiId, type KpiUnit } from "./registry.js";
