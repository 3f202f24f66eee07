export { replicationKpis, firstCountedInterval, type ReplicationKpis, type KpiValues } from "./replicationKpis.js";
export { summarizeReplications, type RunSummary, type KpiSummaries } from "./summarizeRun.js";
