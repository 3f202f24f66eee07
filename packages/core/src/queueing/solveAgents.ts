import {
  checkFraction, checkInputsObject, checkPatience, checkTarget, checkTraffic, show,
} from "./checkInputs.js";
import { erlangA } from "./erlangA.js";
import { erlangC } from "./erlangC.js";
import type { ErlangInputs, ErlangResult } from "./erlangResult.js";

/** The most agents {@link solveAgents} will staff (the scenario schema's limit too). */
export const MAX_SOLVED_AGENTS = 20_000;

/** What to staff for: the offered traffic, a service-level target and optional limits. Times in seconds. */
export interface SolveAgentsInputs extends Omit<ErlangInputs, "agents"> {
  model: "c" | "a";
  /** Required service level, a fraction in [0, 1], judged at `targetAnswerSec` (default 20 s). */
  targetServiceLevel: number;
  /** Optional occupancy cap, a fraction in (0, 1]: more agents until occupancy ≤ cap as well. */
  maxOccupancy?: number;
  /** Fraction of paid time lost to breaks, training, absence…, in [0, 1): only grosses up scheduledAgents. */
  shrinkage?: number;
  /** Erlang A only: which service level meets the target. "answeredWithin" (default) judges `serviceLevel`
   * (answered within t over all offered); "waitWithin" judges `serviceLevelWaitWithin`
   * (P(min(wait, patience) ≤ t)). Erlang C has one service level and ignores this. */
  convention?: "answeredWithin" | "waitWithin";
}

/** The fewest agents and their KPIs. `agents` is on the phones (before shrinkage). */
export interface SolveAgentsResult extends ErlangResult {
  /** ⌈agents / (1 − shrinkage)⌉: agents to schedule so that `agents` remain after shrinkage. */
  scheduledAgents: number;
  /** False when even MAX_SOLVED_AGENTS (20,000) agents miss the target; the result is then at 20,000. */
  targetMet: boolean;
}

/** ⌈agents / (1 − shrinkage)⌉, ignoring the last bits of rounding so 7 / 0.7 is 10, not 11. */
export function grossUp(agents: number, shrinkage: number): number {
  return Math.ceil((agents / (1 - shrinkage)) * (1 - 1e-12));
}

/** The fewest agents whose service level reaches `targetServiceLevel` (and whose occupancy is at most
 * `maxOccupancy` when given), with their KPIs and the shrinkage gross-up. Erlang C needs n > A (offered load)
 * for a finite wait; Erlang A judges the convention chosen (default: answered within t over all offered).
 *
 * Search: service level rises and occupancy falls with each added agent, so the predicate "meets the
 * targets" is monotone in n; starting at the square-root staffing estimate ⌈A + √A⌉ (Halfin & Whitt 1981,
 * "Heavy-traffic limits for queues with many exponential servers", Operations Research 29(3); Borst,
 * Mandelbaum & Reiman 2004), the search doubles its step until it brackets the answer, then bisects:
 * about 2·log2(distance) evaluations, a few milliseconds at 20,000 agents.
 *
 * Edge behaviour: with no arrivals the answer is 0 agents, scheduledAgents 0, targetMet true, stable true,
 * probWait and meanQueueLength 0 and the per-contact KPIs (waits, service levels, occupancy) null, since
 * there are no contacts to measure. Otherwise at least 1 agent. A target the model cannot reach (for
 * example 1.0 with Erlang A, or a load beyond 20,000 erlangs) returns the KPIs at 20,000 agents with
 * targetMet false. A target of exactly 1 is never met while contacts arrive (someone always has a positive
 * chance to wait), even though service levels round to 1 in double precision once P(wait) underflows.
 * @throws Error on inputs erlangC or erlangA would reject, a target or cap outside [0, 1], a shrinkage
 * outside [0, 1), or an unknown model or convention. */
export function solveAgents(inputs: SolveAgentsInputs): SolveAgentsResult {
  checkInputsObject(inputs);
  const { model } = inputs;
  if (model !== "c" && model !== "a") throw new Error(`invalid model: ${show(model)}; expected "c" or "a"`);
  const convention = inputs.convention ?? "answeredWithin";
  if (convention !== "answeredWithin" && convention !== "waitWithin") {
    throw new Error(`invalid convention: ${show(convention)}; expected "answeredWithin" or "waitWithin"`);
  }
  const { arrivalRatePerSec, ahtSec, offeredLoad } = checkTraffic(inputs);
  const targetAnswerSec = checkTarget(inputs.targetAnswerSec);
  const target = checkFraction("targetServiceLevel", inputs.targetServiceLevel);
  const cap = inputs.maxOccupancy === undefined ? undefined : checkFraction("maxOccupancy", inputs.maxOccupancy);
  if (cap === 0) throw new Error("invalid maxOccupancy: 0; expected a fraction above 0, at most 1");
  const shrinkage = inputs.shrinkage === undefined ? 0 : checkFraction("shrinkage", inputs.shrinkage, { includeOne: false });
  const patienceSec =
    model === "a" ? checkPatience(inputs.patienceSec, arrivalRatePerSec, ahtSec, MAX_SOLVED_AGENTS) : undefined;

  if (arrivalRatePerSec === 0) return noTraffic(model);

  const base = { arrivalRatePerSec, ahtSec, targetAnswerSec, ...(patienceSec === undefined ? {} : { patienceSec }) };
  const evaluate = (agents: number): ErlangResult =>
    model === "c" ? erlangC({ ...base, agents }) : erlangA({ ...base, agents });
  const meets = (r: ErlangResult): boolean => {
    const level = model === "a" && convention === "waitWithin" ? r.serviceLevelWaitWithin : r.serviceLevel;
    return level !== null && level >= target && (cap === undefined || (r.occupancy !== null && r.occupancy <= cap));
  };

  const done = (r: ErlangResult, targetMet: boolean): SolveAgentsResult => ({
    ...r, scheduledAgents: grossUp(r.agents, shrinkage), targetMet,
  });
  // With contacts arriving, some contact always has a positive chance to wait (and, in Erlang A, to hang
  // up), so a service level of exactly 1 is never reached, although in double precision it rounds to 1.
  if (target === 1) return done(evaluate(MAX_SOLVED_AGENTS), false);
  // Square-root staffing, raised to what the occupancy cap alone requires; it is only a starting point.
  const sqrtStaffing = Math.ceil(offeredLoad + Math.sqrt(offeredLoad));
  const guess = Math.min(MAX_SOLVED_AGENTS, Math.max(1, sqrtStaffing, cap === undefined ? 1 : Math.ceil(offeredLoad / cap)));
  // Invariant: `good` meets the targets and `bad` does not (0 stands for "no agents" and is never evaluated).
  let good = guess;
  let bad = 0;
  let goodResult = evaluate(guess);
  if (meets(goodResult)) {
    for (let step = 1; good - step >= 1; step *= 2) {
      const r = evaluate(good - step);
      if (!meets(r)) {
        bad = good - step;
        break;
      }
      good -= step;
      goodResult = r;
    }
  } else {
    if (guess === MAX_SOLVED_AGENTS) return done(goodResult, false);
    bad = guess;
    for (let step = 1; ; step *= 2) {
      const probe = Math.min(MAX_SOLVED_AGENTS, guess + step);
      const r = evaluate(probe);
      if (meets(r)) {
        good = probe;
        goodResult = r;
        break;
      }
      if (probe === MAX_SOLVED_AGENTS) return done(r, false);
      bad = probe;
    }
  }
  while (good - bad > 1) {
    const mid = bad + Math.floor((good - bad) / 2);
    const r = evaluate(mid);
    if (meets(r)) {
      good = mid;
      goodResult = r;
    } else bad = mid;
  }
  return done(goodResult, true);
}

function noTraffic(model: "c" | "a"): SolveAgentsResult {
  return {
    model, offeredLoad: 0, agents: 0, stable: true, probWait: 0, probAbandon: model === "a" ? 0 : null,
    asa: null, meanWaitAll: null, serviceLevel: null, serviceLevelWaitWithin: null, serviceLevelOfAnswered: null,
    occupancy: null, meanQueueLength: 0, scheduledAgents: 0, targetMet: true,
  };
}
