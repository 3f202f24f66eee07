export { durationSchema, durationToSeconds, type DurationDistribution, type DurationUnit } from "./distribution.js";
