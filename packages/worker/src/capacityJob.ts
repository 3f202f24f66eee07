import { formatScenarioIssues, parseScenario, simulateWeek, weekScenario, type Scenario, type ScenarioInput, type WeekInput } from "@ccplan/core";

/**
 * Planned weeks to simulate, as structured-clonable data: the scenario file's contents (with its `capacity` block),
 * optionally a seed that overrides its own, and the inputs of weeks `first`, `first + 1`, … (core's `WeekInput`s:
 * demand, roster, shrinkage, seed, intervention stage). Item i of a run is week input i; a chunk is sent with its
 * inputs only (the pool's `sourceFor`).
 */
export interface CapacityWeeksSource {
  kind: "capacityWeeks";
  scenario: ScenarioInput | unknown;
  seed?: number;
  /** Index of `inputs[0]` among the run's items. */
  first: number;
  inputs: WeekInput[];
}

/** One simulated week: its item index and its `WEEK_KPIS`. */
export interface CapacityWeekResult {
  replication: number;
  kpis: Float64Array;
}

const SCENARIO_CACHE_SIZE = 4;
const scenarios = new Map<string, Scenario>();

/** The parsed scenario of a source (cached by its contents and seed). Throws with every issue when it is invalid. */
function baseScenario(source: CapacityWeeksSource): Scenario {
  const key = JSON.stringify([source.scenario, source.seed ?? null]);
  const hit = scenarios.get(key);
  if (hit) return hit;
  const parsed = parseScenario(source.scenario);
  if (!parsed.ok) throw new Error(formatScenarioIssues(parsed.issues, "the input"));
  const scenario = source.seed === undefined ? parsed.scenario : { ...parsed.scenario, seed: source.seed };
  scenarios.set(key, scenario);
  if (scenarios.size > SCENARIO_CACHE_SIZE) scenarios.delete(scenarios.keys().next().value!);
  return scenario;
}

/**
 * Simulates items `from … to − 1` of a capacity run (each a planned week: core's `weekScenario` of the source's
 * scenario and the item's input, run by `simulateWeek`) and returns their KPIs in order. `progress` gets the items
 * done in this call.
 */
export function simulateCapacityWeeks(source: CapacityWeeksSource, from: number, to: number, progress?: (done: number) => void): CapacityWeekResult[] {
  const scenario = baseScenario(source);
  const results: CapacityWeekResult[] = [];
  for (let item = from; item < to; item++) {
    const input = source.inputs[item - source.first];
    if (!input) throw new Error(`no input for planned week item ${item}; the source holds items ${source.first}–${source.first + source.inputs.length - 1}`);
    results.push({ replication: item, kpis: simulateWeek(weekScenario(scenario, input)) });
    progress?.(item + 1 - from);
  }
  return results;
}
