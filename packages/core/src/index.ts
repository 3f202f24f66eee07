export { stream, type Random, type StreamPurpose } from "./random/streams.js";
export { durationSchema, durationToSeconds, type DurationDistribution, type DurationUnit } from "./schema/distribution.js";
export type { Plan, PlanQueue, PlanGroup, DurationSampler } from "./des/plan.js";
export {
  QueueCounter,
  QUEUE_COUNTER_COUNT,
  GroupCounter,
  GROUP_COUNTER_COUNT,
  sumCounters,
  type ReplicationResult,
  type CounterTotals,
} from "./des/result.js";
export { WAIT_BIN_COUNT, waitBin, waitBinLowerSec, waitBinUpperSec, histogramQuantile } from "./des/waitHistogram.js";
export { KPI_REGISTRY, computeKpis, type KpiDefinition, type KpiId, type KpiUnit } from "./kpi/registry.js";
