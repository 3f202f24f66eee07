export { parseIntervalTable, type IntervalRow, type IntervalTable, type IntervalTableResult } from "./intervalTable.js";
export { planFromIntervals, staffingSteps, type IntervalPlanOptions } from "./fromIntervals.js";
