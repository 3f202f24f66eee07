import { distributionMean, durationToSeconds, requiredAgentsByInterval, type Plan, type Scenario } from "@ccplan/core";
import type { RequiredAgents } from "./comparisonView";

/**
 * For each queue of a scenario, the agents core's Erlang A needs per counted interval (Erlang C when callers never
 * hang up) on the plan's per-interval arrival rates and the queue's mean handle time and patience, to meet the
 * queue's target; grossed up for shrinkage when every group serving the queue has the same. Intervals from
 * `first` on (the counted ones), as the run's interval rows.
 */
export function requiredAgents(scenario: Scenario, plan: Plan, first: number): RequiredAgents[] {
  return scenario.queues.map((queue, q) => {
    const planQueue = plan.queues[q]!;
    const shrinkages = [...new Set(scenario.groups.filter((group) => group.serves.includes(queue.name)).map((group) => group.shrinkage))];
    const shrinkage = shrinkages.length === 1 ? shrinkages[0]! : null;
    const patienceSec = queue.patience ? distributionMean(durationToSeconds(queue.patience)) : undefined;
    const model = patienceSec === undefined ? "c" : "a";
    const targetServiceLevel = queue.targetServiceLevel;
    const solved = requiredAgentsByInterval({
      arrivalRatePerSec: planQueue.arrivalRatePerSec.subarray(first),
      ahtSec: planQueue.handleMeanSec,
      ...(patienceSec !== undefined && { patienceSec }),
      model,
      targetAnswerSec: queue.targetAnswerSec,
      targetServiceLevel,
      ...(shrinkage !== null && { shrinkage }),
    });
    return { queue: queue.name, model, ...solved, shrinkage, targetAnswerSec: queue.targetAnswerSec, targetServiceLevel };
  });
}
