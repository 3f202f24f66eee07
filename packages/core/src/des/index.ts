export type { Plan, PlanQueue, PlanGroup, PlanExperience, PlanChannel, PlanPriority, DurationSampler } from "./plan.js";
export {
  QueueCounter,
  QUEUE_COUNTER_COUNT,
  GroupCounter,
  GROUP_COUNTER_COUNT,
  sumCounters,
  replicationResultBytes,
  type ReplicationResult,
  type CounterTotals,
} from "./result.js";
export { WAIT_BIN_COUNT, waitBin, waitBinLowerSec, waitBinUpperSec, histogramQuantile } from "./waitHistogram.js";
export { simulateReplication, createSimulator, type SimulationOptions, type Simulator } from "./simulate.js";
export { stationaryPlan, type StationaryPlanOptions } from "./stationaryPlan.js";
export { RETURN_LANE_OFFSET } from "./attributeDraws.js";
export { validatePlan } from "./validatePlan.js";
export { closedSpans, heldReturnSec, HELD_RETURN_SPREAD_SEC, type ClosedSpans } from "./openHours.js";
