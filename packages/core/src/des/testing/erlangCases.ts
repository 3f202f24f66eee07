/**
 * Test support: the reference Erlang cases (test/fixtures/erlang-cases.json, read by the tests themselves)
 * turned into stationary plans, and replications of a plan reduced to one number each.
 */
import { createSimulator } from "../simulate.js";
import { sumCounters, type CounterTotals } from "../result.js";
import { stationaryPlan } from "../stationaryPlan.js";
import type { Plan } from "../plan.js";

export interface ErlangCase {
  id: string;
  model: string;
  inputs: {
    arrival_rate_per_hour?: number;
    calls_per_interval?: number;
    interval_seconds?: number;
    aht_seconds: number;
    agents?: number;
    patience_mean_seconds?: number;
    target_answer_time_seconds?: number;
  };
  expected: Record<string, number>;
}

export function arrivalsPerHour(inputs: ErlangCase["inputs"]): number {
  if (inputs.arrival_rate_per_hour !== undefined) return inputs.arrival_rate_per_hour;
  return (inputs.calls_per_interval! * 3600) / inputs.interval_seconds!;
}

/** The stationary plan of a case: `hours` simulated of which the first `warmupHours` are not counted. */
export function planForCase(erlangCase: ErlangCase, options: { hours: number; warmupHours: number }): Plan {
  const { inputs } = erlangCase;
  return stationaryPlan({
    arrivalsPerHour: arrivalsPerHour(inputs),
    ahtSec: inputs.aht_seconds,
    agents: inputs.agents!,
    ...(inputs.patience_mean_seconds !== undefined ? { patienceSec: inputs.patience_mean_seconds } : {}),
    targetAnswerSec: inputs.target_answer_time_seconds ?? 20,
    hours: options.hours,
    warmupHours: options.warmupHours,
    intervalMinutes: 60,
    seed: 20261123,
  });
}

/** Runs replications 0 … count − 1 and returns, for each, the totals over the counted span. */
export function replicationTotals(plan: Plan, count: number): CounterTotals[] {
  const simulator = createSimulator(plan);
  const firstCounted = Math.floor(plan.warmupSec / plan.intervalSec);
  const totals: CounterTotals[] = [];
  for (let k = 0; k < count; k++) {
    const result = simulator.run(k);
    const sums = sumCounters(result, { from: firstCounted, to: result.intervalCount });
    // Time averages divide by the counted time only (the warm-up may end inside an interval).
    sums.spanSec = result.intervalCount * result.intervalSec - plan.warmupSec;
    totals.push(sums);
  }
  return totals;
}
