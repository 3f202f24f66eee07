import { applyIntervention } from "../interventions/applyIntervention.js";
import type { InterventionStage } from "../interventions/interventionTimeline.js";
import { groupHeadcount } from "../interventions/scenarioEdits.js";
import type { Intervention } from "../schema/intervention.js";
import type { Scenario, ScenarioGroup } from "../schema/scenario.js";
import type { Shift } from "../schema/shift.js";

/** What changes from the scenario in one planned week of one replication. */
export interface WeekInput {
  /** Factor on every queue's forecast (growth and the month's index). */
  demandFactor: number;
  /** Shrinkage of every group this month, or null: each keeps its own. */
  shrinkage: number | null;
  /** Per group of the capacity plan: agents on the floor (before shrinkage) and how many of them ramp, at what mean
   * productivity (rounded to a hundredth). Groups left out keep their roster. */
  groups: Record<string, { onFloor: number; ramping: number; rampingProductivity: number }>;
  /** The week's seed: replication 0 of the week's scenario on this seed is the week. */
  seed: number;
  /** An intervention in force this week, at its stage (the trainer's trajectory), or null. */
  intervention: { intervention: Intervention; stage: InterventionStage } | null;
}

/**
 * The scenario one planned week runs: the scenario (its one simulated week) with every forecast × `demandFactor`,
 * the month's shrinkage, each capacity group's shifts scaled to its agents on the floor and the ramping ones among
 * them (`ramping` on each shift, at their mean productivity), the week's seed, no interventions (or the one in force,
 * at its stage), and no capacity block. A group's shifts are the roster of its `headcount` (the capacity plan's; else
 * the shifts' own agents): each shift gets its share of round(Σ shift agents × onFloor / headcount) agents, by
 * largest remainder so that the total holds, and the ramping ones are spread over the shifts the same way.
 */
export function weekScenario(scenario: Scenario, input: WeekInput): Scenario {
  const capacity = scenario.capacity;
  const queues = scenario.queues.map((queue) => {
    const forecast = queue.forecast;
    const scaled =
      "dailyContacts" in forecast
        ? { ...forecast, dailyContacts: forecast.dailyContacts.map((contacts) => contacts * input.demandFactor) }
        : { ...forecast, intervalContacts: forecast.intervalContacts.map((contacts) => contacts * input.demandFactor) };
    return { ...queue, forecast: scaled };
  });
  const groups = scenario.groups.map((group): ScenarioGroup => {
    const people = input.groups[group.name];
    const shrinkage = input.shrinkage ?? group.shrinkage;
    if (!people) return { ...group, shrinkage };
    const reference = capacity?.groups[group.name]?.headcount || groupHeadcount(group);
    return { ...group, shrinkage, shifts: scaledShifts(group.shifts, reference, people) };
  });
  const { capacity: _capacity, startDate: _startDate, ...rest } = scenario;
  const week: Scenario = { ...rest, seed: input.seed, queues, groups, interventions: [] };
  return input.intervention ? applyIntervention(week, input.intervention.intervention, input.intervention.stage).scenario : week;
}

/** The shifts scaled to `onFloor` agents of a roster made for `reference`, with the ramping agents spread over them. */
function scaledShifts(shifts: readonly Shift[], reference: number, people: WeekInput["groups"][string]): Shift[] {
  const rostered = shifts.reduce((sum, shift) => sum + shift.agents, 0);
  if (rostered === 0 || reference === 0) return shifts.map((shift) => ({ ...shift, agents: 0 }));
  const total = Math.round((rostered * people.onFloor) / reference);
  const agents = apportion(shifts.map((shift) => shift.agents), total);
  const rampingTotal = people.onFloor > 0 ? Math.min(total, Math.round((total * people.ramping) / people.onFloor)) : 0;
  const ramping = apportion(agents, rampingTotal);
  return shifts.map((shift, i) => {
    const { ramping: _old, ...plain } = shift;
    return ramping[i]! > 0
      ? { ...plain, agents: agents[i]!, ramping: [{ agents: ramping[i]!, productivity: people.rampingProductivity }] }
      : { ...plain, agents: agents[i]! };
  });
}

/**
 * `total` whole units shared in proportion to `weights` by the largest-remainder method (Hamilton): each gets the
 * floor of its quota, the units left go to the largest remainders (ties to the first listed), so the parts add up
 * to `total` and none exceeds its weight when `total` ≤ Σ weights.
 */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const quotas = weights.map((weight) => (weight * total) / sum);
  const parts = quotas.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = quotas.map((quota, i) => [quota - Math.floor(quota), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]!++;
    left--;
  }
  return parts;
}
