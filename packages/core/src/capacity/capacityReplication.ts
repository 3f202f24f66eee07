import { interventionStageAtWeek } from "../interventions/interventionTimeline.js";
import { resolveCentral } from "../schema/uncertain.js";
import { groupAgentHoursPerWeek, groupHeadcount } from "../interventions/scenarioEdits.js";
import { counterUniform } from "../random/counterUniform.js";
import type { HiringClass } from "../schema/capacity.js";
import type { Intervention } from "../schema/intervention.js";
import type { Scenario } from "../schema/scenario.js";
import { capacityCalendar } from "./capacityCalendar.js";
import { projectPeople, type PeopleWeek } from "./projectPeople.js";
import { simulateWeek, WEEK_KPIS } from "./simulateWeek.js";
import { weekScenario, type WeekInput } from "./weekScenario.js";

/** The fields of one planned week of one replication, in this order: people (summed over the plan's groups), money,
 * then the week's KPIs (`WEEK_KPIS`). A replication's row holds `weeks × CAPACITY_FIELDS.length` numbers. */
export const CAPACITY_FIELDS = [
  "employed",
  "trainees",
  "onFloor",
  "ramping",
  "effective",
  "hires",
  "graduates",
  "leavers",
  "cost",
  "paidHours",
  ...WEEK_KPIS,
] as const;
export type CapacityField = (typeof CAPACITY_FIELDS)[number];
/** Column of a field in a week's part of a replication row. */
export const CAPACITY_FIELD = Object.fromEntries(CAPACITY_FIELDS.map((field, i) => [field, i])) as Record<CapacityField, number>;

/** What a capacity run projects: the scenario (parsed, with its `capacity`), optionally other classes, and optionally
 * an intervention in force from a planned week on (the trainer's trajectory). */
export interface CapacityRun {
  scenario: Scenario;
  /** Classes per group, replacing the file's (a hiring plan); groups left out keep theirs. */
  classes?: Record<string, readonly HiringClass[]>;
  /** An intervention of the scenario (by name) and the planned week it starts (1-based), or omitted. */
  intervention?: { name: string; startWeek: number };
  /** Full-speed agents added on the floor of a group in every week (a probe: how the service level answers to more
   * agents), or omitted. */
  extraAgents?: Record<string, number>;
}

/** Runs one week: `key` identifies its inputs (same key, same scenario, for a cache of results) and `build` makes its
 * scenario (called only when the week must be simulated). Returns the week's `WEEK_KPIS`. */
export type WeekRunner = (key: string, build: () => Scenario) => Float64Array;

// The lane of `counterUniform` that gives each week of each replication its seed.
const WEEK_SEED_LANE = 7_340_040;

/** The seed of planned week `week` of replication `replication`: a pure function of the scenario's seed and both, so
 * two plans run the same customers in the same week (common random numbers). */
export function weekSeed(seed: number, replication: number, week: number): number {
  return Math.floor(counterUniform(seed, replication, WEEK_SEED_LANE, week, 0) * 2 ** 31);
}

/** The classes of each capacity group in a run. */
export function runClasses(run: CapacityRun): Record<string, readonly HiringClass[]> {
  const capacity = requireCapacity(run.scenario);
  return Object.fromEntries(Object.entries(capacity.groups).map(([name, group]) => [name, run.classes?.[name] ?? group.hiring.classes]));
}

/** Each capacity group's people, week by week, in replication `replication`. */
export function replicationPeople(run: CapacityRun, replication: number): Record<string, PeopleWeek[]> {
  const scenario = run.scenario;
  const capacity = requireCapacity(scenario);
  const classes = runClasses(run);
  return Object.fromEntries(
    Object.entries(capacity.groups).map(([name, group]) => [
      name,
      projectPeople({
        group,
        classes: classes[name]!,
        weeks: capacity.weeks,
        seed: scenario.seed,
        replication,
        groupIndex: scenario.groups.findIndex((candidate) => candidate.name === name),
      }),
    ]),
  );
}

/** The inputs of every planned week of replication `replication` (what `weekScenario` turns into a week's scenario). */
export function replicationWeekInputs(run: CapacityRun, replication: number, people = replicationPeople(run, replication)): WeekInput[] {
  const scenario = run.scenario;
  const intervention = run.intervention ? findIntervention(scenario, run.intervention.name) : null;
  return capacityCalendar(requireCapacity(scenario)).map((week, w) => {
    const groups: WeekInput["groups"] = {};
    for (const [name, weeks] of Object.entries(people)) {
      const { onFloor, ramping, rampingProductivity } = weeks[w]!;
      const extra = run.extraAgents?.[name] ?? 0;
      groups[name] = { onFloor: onFloor + extra, ramping, rampingProductivity: Math.round(rampingProductivity * 100) / 100 };
    }
    // Before its start an intervention changes nothing: those weeks are the baseline's (and share its runs).
    const offset = run.intervention ? week.week - run.intervention.startWeek : -1;
    const stage = intervention && offset >= 0 ? interventionStageAtWeek(intervention, offset, scenario) : null;
    return {
      demandFactor: week.demandFactor,
      shrinkage: week.shrinkage,
      groups,
      seed: weekSeed(scenario.seed, replication, week.week),
      intervention: intervention && stage ? { intervention, stage } : null,
    };
  });
}

/** A stable text of a week's inputs: equal texts, equal week scenarios (given the same `weekCacheKey`). */
export function weekInputKey(input: WeekInput): string {
  return JSON.stringify(input);
}

/**
 * What every week's scenario takes from the scenario besides its `WeekInput`: everything the engine reads (queues,
 * groups and shifts, resolution, experience, seed) and each capacity group's headcount (the roster's reference). Week
 * results cached under one key hold for any scenario with the same key, whatever its classes, attrition or ramp.
 */
export function weekCacheKey(scenario: Scenario): string {
  const headcounts = Object.fromEntries(Object.entries(scenario.capacity?.groups ?? {}).map(([name, group]) => [name, group.headcount]));
  const { name: _name, description: _description, money: _money, interventions: _interventions, capacity: _capacity, ...engine } = scenario;
  return JSON.stringify([engine, headcounts]);
}

/** Each capacity group's paid hours per person a week: its shifts' agent-hours over the people on them (40 when none). */
function hoursPerPerson(scenario: Scenario): Record<string, number> {
  return Object.fromEntries(
    scenario.groups.map((group) => {
      const people = groupHeadcount(group);
      return [group.name, people > 0 ? groupAgentHoursPerWeek(group) / people : 40];
    }),
  );
}

/**
 * Replication `replication` of a capacity run: its people week by week (`projectPeople`, per group), each week's
 * scenario (`weekScenario`) simulated by `runWeek` (by default at once; a worker passes one with a cache, since weeks
 * with the same inputs give the same results), and the money: wages of everyone employed (trainees from their class
 * start) at `money.wagePerHour` for the paid hours per person of the group's shifts, plus `costPerHire` (else
 * `money.hiringCostPerAgent`) for each trainee in the week the class starts. Returns the replication's row
 * (`CAPACITY_FIELDS` per week, weeks in order) and how many of its weeks `runWeek` was asked for.
 */
export function capacityReplication(
  run: CapacityRun,
  replication: number,
  options: { runWeek?: WeekRunner; onWeek?: (weeksDone: number) => void } = {},
): Float64Array {
  const scenario = run.scenario;
  const capacity = requireCapacity(scenario);
  const runWeek = options.runWeek ?? ((_key: string, build: () => Scenario) => simulateWeek(build()));
  const people = replicationPeople(run, replication);
  const inputs = replicationWeekInputs(run, replication, people);
  const hours = hoursPerPerson(scenario);
  // Amounts at their central values (a range in the money section is the comparison's business, not the plan's).
  const money = scenario.money && resolveCentral(scenario.money);
  const wage = money?.wagePerHour ?? 0;
  const width = CAPACITY_FIELDS.length;
  const row = new Float64Array(capacity.weeks * width);
  const kpiBase = CAPACITY_FIELD.serviceLevel;
  inputs.forEach((input, w) => {
    const base = w * width;
    for (const [name, weeks] of Object.entries(people)) {
      const week = weeks[w]!;
      const group = capacity.groups[name]!;
      const costPerHire = group.hiring.costPerHire ?? money?.hiringCostPerAgent ?? 0;
      const paidHours = week.employed * hours[name]!;
      row[base + CAPACITY_FIELD.employed]! += week.employed;
      row[base + CAPACITY_FIELD.trainees]! += week.trainees;
      row[base + CAPACITY_FIELD.onFloor]! += week.onFloor;
      row[base + CAPACITY_FIELD.ramping]! += week.ramping;
      row[base + CAPACITY_FIELD.effective]! += week.effective;
      row[base + CAPACITY_FIELD.hires]! += week.hires;
      row[base + CAPACITY_FIELD.graduates]! += week.graduates;
      row[base + CAPACITY_FIELD.leavers]! += week.leavers;
      row[base + CAPACITY_FIELD.paidHours]! += paidHours;
      row[base + CAPACITY_FIELD.cost]! += paidHours * wage + week.hires * costPerHire;
    }
    row.set(runWeek(weekInputKey(input), () => weekScenario(scenario, input)), base + kpiBase);
    options.onWeek?.(w + 1);
  });
  return row;
}

/** The scenario of planned week `week` (1-based) of replication `replication`: what `ccplan capacity --week --replication --out` writes. */
export function capacityWeekScenario(run: CapacityRun, replication: number, week: number): Scenario {
  const capacity = requireCapacity(run.scenario);
  if (!(Number.isInteger(week) && week >= 1 && week <= capacity.weeks)) throw new RangeError(`invalid week: ${week}; expected a week from 1 to ${capacity.weeks}`);
  return weekScenario(run.scenario, replicationWeekInputs(run, replication)[week - 1]!);
}

function requireCapacity(scenario: Scenario) {
  if (!scenario.capacity) throw new Error(`scenario "${scenario.name}" has no capacity plan; add a "capacity" block (weeks and each group's headcount)`);
  return scenario.capacity;
}

function findIntervention(scenario: Scenario, name: string): Intervention {
  const found = scenario.interventions.find((intervention) => intervention.name === name);
  if (!found) {
    const known = scenario.interventions.map((intervention) => JSON.stringify(intervention.name)).join(", ") || "(none defined)";
    throw new Error(`unknown intervention ${JSON.stringify(name)}; expected one of ${known}`);
  }
  return found;
}
