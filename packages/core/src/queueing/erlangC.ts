import { checkAgents, checkInputsObject, checkTarget, checkTraffic } from "./checkInputs.js";
import { erlangBWithLog } from "./erlangB.js";
import type { ErlangInputs, ErlangResult } from "./erlangResult.js";

/** Erlang C (M/M/n): Poisson arrivals, exponential handle times with mean `ahtSec`, `agents` servers, FCFS,
 * infinite patience. `patienceSec` is ignored. With A = arrivalRatePerSec × ahtSec < n:
 * - probWait C = n·B / (n − A(1 − B)), with B the Erlang B blocking probability (no factorials);
 * - asa = meanWaitAll = C·ahtSec / (n − A); serviceLevel = P(W ≤ t) = 1 − C·exp(−(n − A)·t / ahtSec);
 * - occupancy = A / n; meanQueueLength = C·A / (n − A).
 * serviceLevelWaitWithin and serviceLevelOfAnswered equal serviceLevel (nobody abandons); probAbandon is null.
 *
 * Overload (A ≥ n, including 0 agents): `stable: false`, probWait 1, occupancy 1 (null with 0 agents),
 * and the waits, service levels and queue length are null: the queue grows without bound.
 * Source: Gross, Shortle, Thompson & Harris, Fundamentals of Queueing Theory (4th ed.), section 2.3 (M/M/c);
 * the form through Erlang B is from Cooper, Introduction to Queueing Theory (2nd ed.), section 3.4.
 * @throws Error on a negative or non-finite rate, a non-positive handle time, agents not a whole number in
 * [0, 1e6], or a negative target. */
export function erlangC(inputs: ErlangInputs): ErlangResult {
  checkInputsObject(inputs);
  const { ahtSec, offeredLoad: load } = checkTraffic(inputs);
  const n = checkAgents(inputs.agents);
  const t = checkTarget(inputs.targetAnswerSec);
  const base = { model: "c" as const, offeredLoad: load, agents: n, probAbandon: null };
  if (load >= n) {
    return {
      ...base, stable: false, probWait: 1, asa: null, meanWaitAll: null, serviceLevel: null,
      serviceLevelWaitWithin: null, serviceLevelOfAnswered: null, occupancy: n === 0 ? null : 1, meanQueueLength: null,
    };
  }
  const b = erlangBWithLog(n, load).value;
  const spare = n - load; // > 0; kept as one subtraction so occupancy near 1 loses no more than it must
  const denominator = spare + load * b;
  const probWait = Math.min(1, (n * b) / denominator);
  // 1 − C written as a product of positive terms, so a service level near 1 keeps its digits.
  const probNoWait = (spare * (1 - b)) / denominator;
  const served = -Math.expm1((-spare * t) / ahtSec); // P(W ≤ t | W > 0), exact for small t
  const serviceLevel = Math.min(1, probNoWait + probWait * served);
  const asa = (probWait * ahtSec) / spare;
  return {
    ...base, stable: true, probWait, asa, meanWaitAll: asa, serviceLevel,
    serviceLevelWaitWithin: serviceLevel, serviceLevelOfAnswered: serviceLevel,
    occupancy: load / n, meanQueueLength: (probWait * load) / spare,
  };
}
