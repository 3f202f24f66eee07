import { checkAgents, checkInputsObject, checkPatience, checkTarget, checkTraffic } from "./checkInputs.js";
import { erlangBWithLog } from "./erlangB.js";
import type { ErlangInputs, ErlangResult } from "./erlangResult.js";
import { logRisingRatio } from "./gammaRatios.js";
import { delayedStateSums } from "./impatientQueue.js";

const clamp01 = (p: number): number => Math.min(1, Math.max(0, p));

/** Erlang A: the M/M/n+M queue, i.e. Erlang C plus exponential patience with mean `patienceSec`, after which
 * a waiting caller hangs up. Always stable (`stable: true`), finite even at loads far above the agents.
 * Times in seconds, probabilities as fractions; V is the wait a caller with infinite patience would have,
 * τ the caller's patience, W = min(V, τ) the time actually spent in queue, t = targetAnswerSec (default 20).
 * - probWait = P(V > 0); probAbandon = P(τ < V);
 * - asa = E[W | answered]; meanWaitAll = E[W] = probAbandon × patienceSec;
 * - serviceLevel = P(answered and W ≤ t) over all offered (abandons never meet the target);
 *   serviceLevelWaitWithin = P(W ≤ t) (abandoning within t counts as met);
 *   serviceLevelOfAnswered = P(W ≤ t | answered);
 * - occupancy = A(1 − probAbandon)/n; meanQueueLength = λ × meanWaitAll (Little's law).
 *
 * With 0 agents every caller waits and abandons: probWait 1, probAbandon 1, meanWaitAll = patienceSec,
 * serviceLevel 0, serviceLevelWaitWithin = 1 − exp(−t/patience), and asa, serviceLevelOfAnswered and
 * occupancy are null (nothing is answered).
 *
 * Method: P(V > 0) = A·B / (1 + (A − 1)·B), with B Erlang B and A(x, y) = x·e^y·y^(−x)·γ(x, y) at
 * x = n·patience/aht, y = λ·patience (Garnett, Mandelbaum & Reiman 2002, "Designing a call center with
 * impatient customers", Manufacturing & Service Operations Management 4(3):208–227, appendix);
 * P(V > t | V > 0) = γ(x, y·e^(−t/patience)) / γ(x, y), from the virtual-wait density exp(λH(s) − nμs) of
 * Zeltyn & Mandelbaum (2005), "Call centers with impatient customers: many-server asymptotics of the
 * M/M/n+G queue", Queueing Systems 51:361–402. The incomplete gamma ratios are summed as positive series over
 * the callers ahead (see impatientQueue.ts) around their largest term in log scale, with no factorials or
 * powers, so they hold from 1 to 20,000 agents and at any load. Against 40-digit mpmath the relative error
 * is about 1e-13 or less from 1 to 20,000 agents; service levels far below 1e-12 are exact only in absolute
 * terms (they come from a difference of probabilities).
 * @throws Error on bad inputs (as erlangC), a missing or non-positive patienceSec, or a patience so long that
 * patience × max(arrivals per second, agents / aht) exceeds 1e8 (use Erlang C there). */
export function erlangA(inputs: ErlangInputs): ErlangResult {
  checkInputsObject(inputs);
  const { arrivalRatePerSec: lambda, ahtSec, offeredLoad: load } = checkTraffic(inputs);
  const n = checkAgents(inputs.agents);
  const t = checkTarget(inputs.targetAnswerSec);
  const patienceSec = checkPatience(inputs.patienceSec, lambda, ahtSec, n);
  const s = delayedQueue(lambda, ahtSec, n, patienceSec, t);

  const probAbandon = clamp01(s.probWait * s.abandonIfDelayed);
  const probAnswered = clamp01(s.probNoWait + s.probWait * s.servedIfDelayed);
  const serviceLevel = clamp01(s.probNoWait + s.probWait * Math.max(0, s.servedIfDelayed - s.servedLateIfDelayed));
  const meanWaitAll = probAbandon * patienceSec;
  return {
    model: "a", offeredLoad: load, agents: n, stable: true,
    probWait: s.probWait, probAbandon,
    asa: probAnswered > 0 ? (s.probWait * s.servedWaitIfDelayed * patienceSec) / probAnswered : null,
    meanWaitAll,
    serviceLevel,
    serviceLevelWaitWithin: clamp01(1 - s.probWait * s.offeredTailIfDelayed * Math.exp(-t / patienceSec)),
    serviceLevelOfAnswered: probAnswered > 0 ? clamp01(serviceLevel / probAnswered) : null,
    occupancy: n > 0 ? clamp01((load * probAnswered) / n) : null,
    meanQueueLength: lambda * meanWaitAll,
  };
}

/** P(V > t) for Erlang A: the probability that a caller with infinite patience would wait longer than
 * `targetAnswerSec` (default 20 s), i.e. the offered-wait tail (`prob_offered_wait_gt_t` of the reference
 * cases). Same inputs, checks and sources as {@link erlangA}; 1 with 0 agents. */
export function erlangAOfferedWaitTail(inputs: ErlangInputs): number {
  checkInputsObject(inputs);
  const { arrivalRatePerSec: lambda, ahtSec } = checkTraffic(inputs);
  const n = checkAgents(inputs.agents);
  const t = checkTarget(inputs.targetAnswerSec);
  const patienceSec = checkPatience(inputs.patienceSec, lambda, ahtSec, n);
  const s = delayedQueue(lambda, ahtSec, n, patienceSec, t);
  return clamp01(s.probWait * s.offeredTailIfDelayed);
}

/** The Erlang A building blocks, each a probability (or θ-scaled mean) for checked inputs. */
function delayedQueue(lambda: number, ahtSec: number, n: number, patienceSec: number, t: number) {
  const x = (n / ahtSec) * patienceSec;
  const y = lambda * patienceSec;
  const now = delayedStateSums(x, y);
  const logA = now.logScale + Math.log(now.total);
  const blocking = erlangBWithLog(n, lambda * ahtSec);
  // P(V > 0) = 1 / (1 + r) with r = (1 − B) / (A·B), taken through logs because A can exceed 1e308
  // under overload while B underflows with many idle agents.
  const r = Math.exp(Math.log1p(-blocking.value) - logA - blocking.log);
  const probWait = 1 / (1 + r);
  const probNoWait = 1 / (1 + 1 / r);

  // The callers ahead of someone who has waited t: y shrinks to y' = y·e^(−t/patience), and the wait density
  // contributes E(t) = exp(λH(t) − nμt) with H(t) = patience·(1 − e^(−t/patience)). The ratio of the two
  // largest terms is formed analytically, t_m'(y')/t_m(y) = e^(−m'θt) / Π_{i=m'+1..m} (y/(x+i)), so the
  // large logarithms of each cancel before rounding rather than after.
  const thetaT = t / patienceSec;
  const later = t === 0 ? now : delayedStateSums(x, y * Math.exp(-thetaT));
  const rateAtT = x + later.mode;
  const fromNow =
    -logRisingRatio(rateAtT, y, now.mode - later.mode) - (rateAtT === 0 ? 0 : rateAtT * thetaT) + // 0·∞ is 0 here
    y * -Math.expm1(-thetaT) - Math.log(now.total);
  return {
    probWait,
    probNoWait,
    abandonIfDelayed: now.abandon / now.total,
    servedIfDelayed: now.served / now.total,
    servedWaitIfDelayed: now.servedWait / now.total,
    // P(V > t | V > 0) = A(x, y')·E(t) / A(x, y).
    offeredTailIfDelayed: clamp01(Math.exp(fromNow) * later.total),
    // P(served and V > t | V > 0): the served share of the callers still waiting at t, whose own patience
    // survived t (the extra e^(−t/patience)).
    servedLateIfDelayed: clamp01(Math.exp(fromNow - thetaT) * later.served),
  };
}
