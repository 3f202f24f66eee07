import { checkInputsObject, show } from "./checkInputs.js";
import { solveAgents, type SolveAgentsInputs } from "./solveAgents.js";

/** A forecast to staff: one arrival rate per interval and the staffing rule shared by all intervals. */
export interface RequiredAgentsByIntervalInputs {
  /** Contacts per second in each interval, each ≥ 0. */
  arrivalRatePerSec: ArrayLike<number>;
  /** Mean handle seconds: one value for all intervals, or one per interval (same length as the rates). */
  ahtSec: number | ArrayLike<number>;
  /** Mean patience in seconds, Erlang A only. */
  patienceSec?: number;
  model: "c" | "a";
  targetAnswerSec: number;
  targetServiceLevel: number;
  maxOccupancy?: number;
  shrinkage?: number;
  convention?: "answeredWithin" | "waitWithin";
}

/** The fewest agents per interval of a forecast, each interval treated as a stationary Erlang C or A queue
 * (the usual planning approximation: no carry-over between intervals), by {@link solveAgents} with the same
 * options. `agents` are on the phones, `scheduledAgents` grossed up for shrinkage; both are 0 where the
 * rate is 0. An interval whose target is out of reach gets 20,000 agents (see solveAgents). Intervals with
 * the same rate and handle time are solved once.
 * @throws Error naming the interval, e.g. `interval 3: invalid arrivalRatePerSec: -1; …`, on any input
 * solveAgents rejects, when ahtSec is an array of another length, or when a scheduled count would not fit
 * an Int32Array. */
export function requiredAgentsByInterval(inputs: RequiredAgentsByIntervalInputs): {
  agents: Int32Array;
  scheduledAgents: Int32Array;
} {
  checkInputsObject(inputs);
  const { arrivalRatePerSec: rates, ahtSec, ...rule } = inputs;
  if (typeof rates !== "object" || rates === null || typeof rates.length !== "number") {
    throw new Error(`invalid arrivalRatePerSec: ${show(rates)}; expected an array of contacts per second`);
  }
  const count = rates.length;
  const ahtIsArray = typeof ahtSec === "object" && ahtSec !== null;
  if (ahtIsArray && ahtSec.length !== count) {
    throw new Error(`invalid ahtSec: ${ahtSec.length} values; expected one per interval (${count}) or a single number`);
  }
  const agents = new Int32Array(count);
  const scheduledAgents = new Int32Array(count);
  const solved = new Map<string, [number, number]>();
  for (let i = 0; i < count; i++) {
    const arrivalRatePerSec = rates[i]!;
    const aht = ahtIsArray ? (ahtSec as ArrayLike<number>)[i]! : (ahtSec as number);
    const key = `${arrivalRatePerSec}/${aht}`;
    let answer = solved.get(key);
    if (answer === undefined) {
      try {
        const r = solveAgents({ ...rule, arrivalRatePerSec, ahtSec: aht } as SolveAgentsInputs);
        if (r.scheduledAgents > 0x7fffffff) {
          throw new Error(`invalid shrinkage: ${show(rule.shrinkage)}; ${r.scheduledAgents} scheduled agents do not fit`);
        }
        answer = [r.agents, r.scheduledAgents];
      } catch (error) {
        throw new Error(`interval ${i}: ${(error as Error).message}`);
      }
      solved.set(key, answer);
    }
    agents[i] = answer[0];
    scheduledAgents[i] = answer[1];
  }
  return { agents, scheduledAgents };
}
