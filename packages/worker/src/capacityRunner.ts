import type { WeekInput, WeekSimulator } from "@ccplan/core";
import { simulateCapacityWeeks, type CapacityWeeksSource } from "./capacityJob.js";
import type { Pool } from "./pool.js";

/** The scenario planned weeks are simulated from: the file's contents and an optional seed override. */
export interface CapacityScenarioSource {
  scenario: unknown;
  seed?: number;
}

function weeksSource(base: CapacityScenarioSource, inputs: WeekInput[], first: number): CapacityWeeksSource {
  return { kind: "capacityWeeks", scenario: base.scenario, ...(base.seed !== undefined && { seed: base.seed }), first, inputs };
}

/** Simulates planned weeks in a pool of workers (threads in Node, Web Workers in a browser): each chunk is sent with
 * its own inputs. Cancelled by `signal` (it then rejects with an AbortError). */
export function poolWeekSimulator(pool: Pool, base: CapacityScenarioSource, signal?: AbortSignal): WeekSimulator {
  return async (inputs, onProgress) => {
    if (inputs.length === 0) return [];
    const { results, partial } = await pool.run({
      source: weeksSource(base, [], 0),
      sourceFor: (from, to) => weeksSource(base, inputs.slice(from, to), from),
      output: "capacityWeeks",
      replications: inputs.length,
      ...(signal && { signal }),
      onProgress: ({ done }) => onProgress?.(done),
    });
    if (partial) throw new DOMException("the run was cancelled", "AbortError");
    return results.map((item) => item.kpis);
  };
}

/** Simulates planned weeks in the calling thread (tests, one worker). */
export function inProcessWeekSimulator(base: CapacityScenarioSource): WeekSimulator {
  return async (inputs, onProgress) => simulateCapacityWeeks(weeksSource(base, inputs, 0), 0, inputs.length, onProgress).map((item) => item.kpis);
}
