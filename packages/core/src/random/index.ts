export { stream, type Random, type StreamPurpose } from "./streams.js";
export { distributionMean, distributionVariance, inverseCdf } from "./distributions.js";
export { normalQuantile } from "./normalQuantile.js";
export { counterUniform } from "./counterUniform.js";
