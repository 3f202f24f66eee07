import type { Plan } from "../des/plan.js";
import { requiredAgentsByInterval } from "../queueing/requiredAgentsByInterval.js";
import { grossUp } from "../queueing/solveAgents.js";
import { distributionMean } from "../random/distributions.js";
import { durationToSeconds } from "../schema/distribution.js";
import type { Scenario } from "../schema/scenario.js";
import { MIN_ERLANG_HANDLE_SEC, MIN_ERLANG_PATIENCE_SEC, requiredAgents } from "../staffing/requiredAgents.js";

/** Highest service-level target given to Erlang for the starting requirement (a target of 1 is out of its reach). */
const MAX_ERLANG_SERVICE_LEVEL = 0.9999;

/** What {@link erlangRequirements} needs. */
export interface ErlangRequirementsOptions {
  scenario: Scenario;
  plan: Plan;
  /** The groups to staff, by name. */
  groups: readonly string[];
  /** Mean contacts offered in each interval of the span over every queue, as a run of the simulation reports them
   * (first contacts, retries and repeats). */
  offeredPerInterval: ArrayLike<number>;
  /** Optional occupancy cap, a fraction in (0, 1]. */
  maxOccupancy?: number | undefined;
}

/**
 * Scheduled agents each group needs in each interval of the span (on shift and not on a break, before shrinkage):
 * Erlang A (Erlang C for queues whose callers never hang up) on the load the simulation offered, each interval taken
 * as a stationary queue (the planning approximation), for the queue's answer-time and service-level target and an
 * optional occupancy cap, grossed up for the group's shrinkage. A group serving several queues is staffed for the sum
 * of their workloads (one pooled queue: the arrival rates add up, the handle time and patience are the
 * arrival-weighted means, the strictest target applies). The offered contacts of an interval are split among the
 * queues as the staffing chart's required line splits them (`requiredAgents` of staffing/: by their shares of that
 * interval's forecast), and a queue served by several groups gives each an equal share. Self-service queues need no agent and email queues are a backlog with a
 * target in hours: both are left out. A chat queue counts one session per agent (an upper bound).
 */
export function erlangRequirements(options: ErlangRequirementsOptions): Map<string, Int32Array> {
  return new Map([...groupQueues(options)].map(([name, pooled]) => [name, pooled.scheduledAgents]));
}

/** The pooled queue a group is staffed for, per interval of the span. */
export interface PooledQueue {
  arrivalRatePerSec: Float64Array;
  ahtSec: Float64Array;
  /** Arrival-weighted mean patience; undefined when no queue's callers hang up (Erlang C). */
  patienceSec: number | undefined;
  targetAnswerSec: number;
  targetServiceLevel: number;
  shrinkage: number;
  /** The Erlang requirement, scheduled agents (before shrinkage). */
  scheduledAgents: Int32Array;
}

/** What {@link erlangRequirements} computes, with the pooled queue of each group (to price one more agent). */
export function groupQueues(options: ErlangRequirementsOptions): Map<string, PooledQueue> {
  const { scenario, plan, offeredPerInterval } = options;
  const count = plan.intervalCount;
  const intervalSec = plan.intervalSec;
  // Each queue's share of the simulated offered contacts, as the staffing chart's required line splits them.
  const lines = requiredAgents({ scenario, plan, first: 0, offeredPerInterval: Float64Array.from({ length: count }, (_, i) => offeredPerInterval[i] ?? 0) });
  const offeredByQueue = plan.queues.map((queue) => lines.find((line) => line.queue === queue.name)?.offered?.contacts ?? new Float64Array(count));
  const servingGroups = scenario.queues.map((queue) => scenario.groups.filter((group) => group.serves.includes(queue.name)).length);

  const requirements = new Map<string, PooledQueue>();
  for (const name of options.groups) {
    const group = scenario.groups.find((candidate) => candidate.name === name);
    if (!group) throw new Error(`unknown group ${JSON.stringify(name)}`);
    const queues = scenario.queues
      .map((queue, q) => ({ queue, q }))
      .filter(({ queue }) => group.serves.includes(queue.name) && queue.channel !== "selfService" && queue.channel !== "email");
    const rate = new Float64Array(count);
    const aht = new Float64Array(count);
    let patienceWeighted = 0;
    let patienceWeight = 0;
    // The plain mean of the queues' patience, for a span where nothing is offered (no weights to take).
    let patienceSum = 0;
    let patienceQueues = 0;
    let targetAnswerSec = Infinity;
    let targetServiceLevel = 0;
    for (const { queue, q } of queues) {
      const planQueue = plan.queues[q]!;
      const share = 1 / Math.max(1, servingGroups[q]!);
      const patienceSec = queue.patience ? distributionMean(durationToSeconds(queue.patience)) : undefined;
      targetAnswerSec = Math.min(targetAnswerSec, queue.targetAnswerSec);
      targetServiceLevel = Math.max(targetServiceLevel, queue.targetServiceLevel);
      if (patienceSec !== undefined) {
        patienceSum += patienceSec;
        patienceQueues++;
      }
      for (let i = 0; i < count; i++) {
        const lambda = (offeredByQueue[q]![i]! * share) / intervalSec;
        const handle = planQueue.handleMeanSec * (planQueue.handleScaleByInterval?.[i] ?? 1);
        rate[i]! += lambda;
        aht[i]! += lambda * handle;
        if (patienceSec !== undefined) {
          patienceWeighted += lambda * patienceSec;
          patienceWeight += lambda;
        }
      }
    }
    const fallbackAht = queues.length > 0 ? plan.queues[queues[0]!.q]!.handleMeanSec : 1;
    // The formulas need positive durations: a mean of (nearly) 0 s staffs as the shortest they are given (staffing/).
    for (let i = 0; i < count; i++) aht[i] = Math.max(MIN_ERLANG_HANDLE_SEC, rate[i]! > 0 ? aht[i]! / rate[i]! : fallbackAht);
    const anyPatience = patienceQueues > 0;
    const pooledPatienceSec = anyPatience
      ? Math.max(MIN_ERLANG_PATIENCE_SEC, patienceWeight > 0 ? patienceWeighted / patienceWeight : patienceSum / patienceQueues)
      : undefined;
    const agents =
      queues.length === 0
        ? new Int32Array(count)
        : requiredAgentsByInterval({
            arrivalRatePerSec: rate,
            ahtSec: aht,
            model: anyPatience ? "a" : "c",
            ...(anyPatience && { patienceSec: pooledPatienceSec }),
            targetAnswerSec,
            // Erlang never reaches 100% (some caller always may wait), but a simulated interval does when nobody waits
            // past the target: start from 99.99% and let the simulation correct it.
            targetServiceLevel: Math.min(targetServiceLevel, MAX_ERLANG_SERVICE_LEVEL),
            ...(options.maxOccupancy !== undefined && { maxOccupancy: options.maxOccupancy }),
          }).agents;
    requirements.set(name, {
      arrivalRatePerSec: rate,
      ahtSec: aht,
      patienceSec: pooledPatienceSec,
      targetAnswerSec: Number.isFinite(targetAnswerSec) ? targetAnswerSec : 20,
      targetServiceLevel,
      shrinkage: group.shrinkage,
      scheduledAgents: Int32Array.from(agents, (value) => grossUp(value, group.shrinkage)),
    });
  }
  return requirements;
}
