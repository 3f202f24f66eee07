/**
 * The statistical family of the engine's validation against queueing theory (erlangC.test.ts,
 * erlangA.test.ts, laws.test.ts): every comparison of a simulated mean with a theoretical value is one test
 * at level `COMPARISON_ALPHA`, and Bonferroni over all of them bounds the chance that a correct engine fails
 * any of them by `FAMILY_ERROR`. Update `COMPARISONS` when a comparison is added.
 */
import { bonferroniAlpha } from "./replicationStats.js";

export const FAMILY_ERROR = 0.01;
/** Erlang C: 4 cases × 4 KPIs; Erlang A: 4 cases × 5 KPIs; laws: Little and abandonment on M/G/n+M, abandonment on a profiled day. */
export const COMPARISONS = 16 + 20 + 3;
export const COMPARISON_ALPHA = bonferroniAlpha(FAMILY_ERROR, COMPARISONS);
