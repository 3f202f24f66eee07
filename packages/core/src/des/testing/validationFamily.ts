/**
 * The statistical family of the engine's tests: every comparison of a simulated mean with a theoretical value
 * (or a one-sided check that a difference is positive) is one test at level `COMPARISON_ALPHA`, and
 * Bonferroni over all of them bounds the chance that a correct engine fails any of them by `FAMILY_ERROR`.
 * Update `COMPARISONS` when a comparison is added.
 */
import { bonferroniAlpha } from "./replicationStats.js";

export const FAMILY_ERROR = 0.01;
/** erlangC.test.ts: 4 cases × 4 KPIs; erlangA.test.ts: 4 cases × 5 KPIs; laws.test.ts: 3 (Little's law and
 * the abandonment identity on M/G/n+M, the identity on a profiled day); staffing.test.ts: 1 (shrinkage);
 * returns.test.ts: 3 (repeat rate, FCR, retry share); routing.test.ts: 1 (priority); arrivals.test.ts: 4;
 * experience.test.ts: 1 (survey CSAT against expected satisfaction); speeds.test.ts: 4 (half-speed agents against
 * Erlang C: P(wait), ASA, service level, AHT); priority.test.ts: 4 (the conservation law at two head starts, Cobham's
 * waits of both classes). */
export const COMPARISONS = 16 + 20 + 3 + 1 + 3 + 1 + 4 + 1 + 4 + 4;
export const COMPARISON_ALPHA = bonferroniAlpha(FAMILY_ERROR, COMPARISONS);
