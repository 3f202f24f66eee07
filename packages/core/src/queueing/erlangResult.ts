/** Which Erlang model: `"b"` blocked contacts are lost (M/M/n/n), `"c"` contacts wait forever (M/M/n),
 * `"a"` contacts wait and hang up after an exponential patience (M/M/n+M). */
export type ErlangModel = "b" | "c" | "a";

/** Inputs of the Erlang formulas. All times are in seconds, rates per second. */
export interface ErlangInputs {
  /** Poisson arrival rate, contacts per second, ≥ 0. */
  arrivalRatePerSec: number;
  /** Mean handle time in seconds (exponential), > 0. */
  ahtSec: number;
  /** Number of agents, a whole number ≥ 0 (0 is allowed and documented per model). */
  agents: number;
  /** Mean patience in seconds (exponential), > 0. Erlang A only; ignored by B and C. */
  patienceSec?: number;
  /** Service-level threshold t in seconds, ≥ 0. Default 20. */
  targetAnswerSec?: number;
}

/** One Erlang evaluation. Times in seconds, probabilities as fractions in [0, 1]. A field the model does not
 * define is `null`, never NaN. Definitions follow the project's reference cases (test/fixtures/erlang-cases.json,
 * `field_notes`), so formula and simulation compare field by field. */
export interface ErlangResult {
  model: ErlangModel;
  /** Offered load in erlangs: arrivalRatePerSec × ahtSec. */
  offeredLoad: number;
  agents: number;
  /** False only for Erlang C with offered load ≥ agents: the queue never drains. */
  stable: boolean;
  /** b: blocking probability; c, a: P(W > 0), the fraction of arrivals that find every agent busy. */
  probWait: number | null;
  /** a: P(a caller abandons). b, c: null. */
  probAbandon: number | null;
  /** Mean wait of answered contacts (c: E[W]; a: E[W | answered]). b: null. */
  asa: number | null;
  /** Mean time in queue over all arrivals, abandoners counted until they hang up (c: equals asa). b: null. */
  meanWaitAll: number | null;
  /** c: P(W ≤ t); a: P(answered and wait ≤ t) over all offered. b: null. */
  serviceLevel: number | null;
  /** a: P(min(wait, patience) ≤ t), abandoning within t counts as met; c: same as serviceLevel. b: null. */
  serviceLevelWaitWithin: number | null;
  /** a: P(W ≤ t | answered); c: same as serviceLevel. b: null. */
  serviceLevelOfAnswered: number | null;
  /** Fraction of agent time busy: c: A/n (1 when unstable); a: A(1 − P(abandon))/n; b: A(1 − B)/n.
   * null with 0 agents. */
  occupancy: number | null;
  /** E[number waiting]. b: null (nobody waits). */
  meanQueueLength: number | null;
}
