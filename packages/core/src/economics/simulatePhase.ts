import { createScenarioSimulator } from "../uncertainty/scenarioSimulator.js";
import { sumCounters, type ReplicationResult } from "../des/result.js";
import type { Plan } from "../des/plan.js";
import { computeKpis } from "../kpi/registry.js";
import { compileScenario } from "../plan/compile.js";
import { firstCountedInterval } from "../report/replicationKpis.js";
import type { Scenario } from "../schema/scenario.js";
import type { KpiSample } from "./kpiSample.js";
import type { PhaseRunRequest, RunPhase } from "./phases.js";

/**
 * Gives every queue of `plan` the largest candidate rate that queue (same name) has in any of `paired`, so that
 * scenarios compared on one seed thin the same candidate arrivals: with less volume a scenario keeps a subset of
 * the same customers instead of meeting different ones (design.md, common random numbers). Returns a new plan.
 */
export function alignCandidateRates(plan: Plan, paired: readonly Plan[]): Plan {
  const queues = plan.queues.map((queue) => {
    let rate = queue.candidateRatePerSec;
    for (const other of paired) {
      const match = other.queues.find((candidate) => candidate.name === queue.name);
      if (match) rate = Math.max(rate, match.candidateRatePerSec);
    }
    return rate === queue.candidateRatePerSec ? queue : { ...queue, candidateRatePerSec: rate };
  });
  return { ...plan, queues };
}

/**
 * A phase runner on core's simulator, in this thread: builds the request's recipe (`createScenarioSimulator`: each
 * replication at its own draw of the uncertain inputs), aligns its candidate rates with the scenarios it is paired
 * with (`alignCandidateRates`), runs replications 0 … n − 1 and returns each one's KPIs over the counted span.
 * Compiled plans of the paired scenarios are cached per scenario object. For tests, sensitivity runs in one process
 * and the CLI without workers.
 */
export function createPhaseRunner(): RunPhase {
  const plans = new WeakMap<Scenario, Plan>();
  const compiled = (scenario: Scenario) => {
    let plan = plans.get(scenario);
    if (!plan) {
      plan = compileScenario(scenario);
      plans.set(scenario, plan);
    }
    return plan;
  };
  return (request: PhaseRunRequest) => {
    const paired = request.pairedWith.map(compiled);
    const simulator = createScenarioSimulator(request.recipe, { align: (plan) => alignCandidateRates(plan, paired) });
    const first = firstCountedInterval(simulator.plan);
    const samples: KpiSample[] = [];
    // Each result is reduced at once: the next run refills its arrays.
    let previous: ReplicationResult | undefined;
    for (let k = 0; k < request.replications; k++) {
      previous = simulator.run(k, { recycle: previous });
      samples.push(computeKpis(sumCounters(previous, { from: first, to: simulator.plan.intervalCount })));
    }
    return samples;
  };
}

/** `createPhaseRunner()` for a single request. */
export function simulatePhase(request: PhaseRunRequest): readonly KpiSample[] {
  return createPhaseRunner()(request);
}
