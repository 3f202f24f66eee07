export { kpiVector } from "./kpiVector.js";
export {
  DEFAULT_TARGET_SERVICE_LEVEL,
  kpiVectorIndex,
  kpiVectorLayout,
  type KpiVectorLayout,
  type KpiVectorSection,
} from "./kpiVectorLayout.js";
export { type KpiStatistics, type KpiStatisticsByKpi } from "./kpiStatistics.js";
export { targetMet, type TargetMet } from "./targetMet.js";
export { type IntervalQuantileBasis, type QuantileStoreOptions } from "./rowQuantileStore.js";
export {
  createRunAccumulator,
  type RunAccumulator,
  type RunAccumulatorOptions,
  type RunIdentity,
  type RunStatistics,
} from "./runAccumulator.js";
