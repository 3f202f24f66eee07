import type { Experience } from "./experience.js";

/**
 * The experience model's defaults at their central values: what a plan without an experience model runs with. The
 * numbers are experienceSchema's defaults (schema/experience.ts, where each one's source is given), written out here
 * so that the engine loads without the schemas (zod builds them at load: ~25 ms of every worker thread's start).
 * experienceDefaults.test.ts fails when they and the schema's part ways.
 */
export const DEFAULT_EXPERIENCE: Experience = {
  referenceCsat: 0.75,
  surveyResponseRate: 0.15,
  abandoned: "dissatisfied",
  abandonedSatisfaction: { curve: "unresolved" },
  wait: { curve: "linear", changePerMinute: -0.05, floor: 0.2, midpointMinutes: 3 },
  resolutionTime: { changePerTenPercentCut: 0.08, referenceHours: 24 },
  repeats: { changePerFivePointsFewer: 0.06, referenceRepeatRate: 0.2, referenceDelayHours: 6 },
  effects: [],
  complaints: { dissatisfiedPropensity: 0.04, resolutionTimeElasticity: 0.1 },
  loyalty: {
    satisfied: { promoters: 0.55, detractors: 0.1, churn: 0.1 },
    dissatisfied: { promoters: 0.05, detractors: 0.7, churn: 0.3 },
  },
};
