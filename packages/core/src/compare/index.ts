export { kpiVector } from "./kpiVector.js";
export {
  DEFAULT_TARGET_SERVICE_LEVEL,
  kpiVectorIndex,
  kpiVectorLayout,
  type KpiVectorLayout,
  type KpiVectorSection,
} from "./kpiVectorLayout.js";
export { type KpiStatistics, type KpiStatisticsByKpi } from "./kpiStatistics.js";
export { targetMet, targetMissed, type TargetMet } from "./targetMet.js";
export { cellBlockQuantiles, type CellQuantileBlock, type IntervalQuantileBasis, type QuantileStoreOptions } from "./rowQuantileStore.js";
export {
  createRunAccumulator,
  type RunAccumulator,
  type RunAccumulatorOptions,
  type RunIdentity,
  type RunStatistics,
  type SharedSummary,
} from "./runAccumulator.js";
export {
  comparePaired,
  createPairedAccumulator,
  type DeltaStatistics,
  type DeltaStatisticsByKpi,
  type PairedAccumulator,
  type PairedComparison,
  type VariantDeltas,
} from "./pairedAccumulator.js";
export { DEFAULT_MIN_REPLICATIONS, precisionPlan } from "./precisionPlan.js";
export { ci95HalfWidth, precisionReached, precisionStop } from "./precisionReached.js";
export { shardRange } from "./shardRange.js";
export { canonicalJson, scenarioFingerprint } from "./scenarioFingerprint.js";
export { SHARD_FORMAT, SHARD_VERSION, shardDocument, shardDocumentSchema, type ShardDocument } from "./shardDocument.js";
export { mergeShards, type MergedShards } from "./mergeShards.js";
