import {
  capacityReplication,
  formatScenarioIssues,
  parseScenario,
  simulateWeek,
  type CapacityRun,
  type HiringClass,
  type Scenario,
  type ScenarioInput,
} from "@ccplan/core";

/**
 * A capacity run as structured-clonable data: the scenario file's contents (with its `capacity` block), optionally
 * a seed that overrides its own, classes that replace the file's (a hiring plan), and an intervention of the file in
 * force from a planned week (the trainer's trajectory).
 */
export interface CapacitySource {
  kind: "capacity";
  scenario: ScenarioInput | unknown;
  seed?: number;
  classes?: Record<string, HiringClass[]>;
  intervention?: { name: string; startWeek: number };
}

/** One replication of a capacity run: its row of `CAPACITY_FIELDS` per week (core's `capacityReplication`). */
export interface CapacityReplicationRow {
  replication: number;
  row: Float64Array;
}

/** Parsed scenarios a worker keeps, and week results per scenario. */
const SCENARIO_CACHE_SIZE = 4;
const WEEK_CACHE_SIZE = 20_000;
const scenarios = new Map<string, { scenario: Scenario; weeks: Map<string, Float64Array> }>();

/** The parsed scenario of a source (cached), with the source's seed, and its cache of week results. */
export function capacityScenario(source: CapacitySource): { scenario: Scenario; weeks: Map<string, Float64Array> } {
  const key = JSON.stringify([source.scenario, source.seed ?? null]);
  const hit = scenarios.get(key);
  if (hit) {
    scenarios.delete(key);
    scenarios.set(key, hit);
    return hit;
  }
  const parsed = parseScenario(source.scenario);
  if (!parsed.ok) throw new Error(formatScenarioIssues(parsed.issues, "the input"));
  const scenario = source.seed === undefined ? parsed.scenario : { ...parsed.scenario, seed: source.seed };
  const entry = { scenario, weeks: new Map<string, Float64Array>() };
  scenarios.set(key, entry);
  if (scenarios.size > SCENARIO_CACHE_SIZE) scenarios.delete(scenarios.keys().next().value!);
  return entry;
}

/** The core run a source describes. */
export function capacityRun(source: CapacitySource, scenario: Scenario): CapacityRun {
  return { scenario, ...(source.classes && { classes: source.classes }), ...(source.intervention && { intervention: source.intervention }) };
}

/**
 * Replications `from … to − 1` of a capacity run, in order, each the row core's `capacityReplication` gives. Weeks
 * whose inputs this worker has simulated before (an earlier replication of another plan, the baseline of a trainer's
 * trajectory before its start) are taken from its cache: the same inputs give the same numbers, so the rows do not
 * depend on which worker ran what. `progress` gets replications done, counting weeks as fractions.
 */
export function runCapacityRows(source: CapacitySource, from: number, to: number, progress?: (done: number) => void): CapacityReplicationRow[] {
  const { scenario, weeks } = capacityScenario(source);
  const run = capacityRun(source, scenario);
  const weekCount = scenario.capacity?.weeks ?? 1;
  const runWeek = (key: string, build: () => Scenario) => {
    const hit = weeks.get(key);
    if (hit) return hit;
    const result = simulateWeek(build());
    weeks.set(key, result);
    if (weeks.size > WEEK_CACHE_SIZE) weeks.delete(weeks.keys().next().value!);
    return result;
  };
  const rows: CapacityReplicationRow[] = [];
  for (let replication = from; replication < to; replication++) {
    const done = replication - from;
    const row = capacityReplication(run, replication, { runWeek, onWeek: (week) => progress?.(done + week / weekCount) });
    rows.push({ replication, row });
  }
  return rows;
}
