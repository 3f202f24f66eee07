export { normalQuantile } from "../random/normalQuantile.js";
export { logBeta, logRegularizedBeta } from "./regularizedBeta.js";
export {
  addMoment,
  addMomentAt,
  mergeMoments,
  mergeMomentsArrays,
  momentsVariance,
  runningMoments,
  runningMomentsArray,
  type RunningMoments,
  type RunningMomentsArray,
} from "./runningMoments.js";
export { studentTQuantile } from "./studentTQuantile.js";
export { summarize, type KpiSummary } from "./summary.js";
export { digamma, trigamma } from "./digamma.js";
export { normalCdf } from "./normalCdf.js";
