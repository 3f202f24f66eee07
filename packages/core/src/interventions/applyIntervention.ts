import { clockMinutes, formatClock } from "../schema/clockTime.js";
import type { Intervention, InterventionKind } from "../schema/intervention.js";
import type { Scenario } from "../schema/scenario.js";
import type { Shift } from "../schema/shift.js";
import { shiftWeekday } from "../schema/weekday.js";
import type { CostLine } from "./costLine.js";

/** A scenario after one intervention, with what the intervention costs. */
export interface AppliedIntervention {
  scenario: Scenario;
  costLines: CostLine[];
}

type Of<K extends InterventionKind> = Extract<Intervention, { kind: K }>;
type Transform<K extends InterventionKind> = (scenario: Scenario, intervention: Of<K>) => AppliedIntervention;

/**
 * Applies one intervention to a scenario: a pure transform that returns a new scenario (sharing the parts
 * it does not change with its input, which it never mutates; treat both as immutable) and the
 * intervention's cost lines. Everything else, the seed included, is kept, so the two run on common
 * random numbers. Wages are priced per week at `money.wagePerHour` for the paid shift hours (breaks
 * included) times the shift's days per week; hiring at `money.hiringCostPerAgent`, one-off, for agents
 * added. Without `money` there are no cost lines. Throws when the intervention names a group, shift or
 * queue the scenario lacks or would leave an invalid shift; `parseScenario` rejects such files first.
 */
export function applyIntervention(scenario: Scenario, intervention: Intervention): AppliedIntervention {
  const transform = TRANSFORMS[intervention.kind] as Transform<InterventionKind>;
  return transform(scenario, intervention);
}

// One transform per kind; the mapped type makes a new kind in the schema a compile error until it has one.
const TRANSFORMS: { [K in InterventionKind]: Transform<K> } = {
  addAgents: (scenario, intervention) => changeAgents(scenario, intervention, intervention.agents),
  removeAgents: (scenario, intervention) => changeAgents(scenario, intervention, -intervention.agents),
  moveShift: (scenario, intervention) => ({
    scenario: updateShift(scenario, intervention, (shift) => moveShift(shift, intervention.minutes)),
    costLines: [],
  }),
  lengthenShift: (scenario, intervention) => {
    const shift = findShift(scenario, intervention);
    const hours = shift.hours + intervention.hours;
    if (!(hours > 0 && hours <= 24)) fail(intervention, `shift "${shift.name}" would last ${hours} hours; expected more than 0 and at most 24`);
    const updated = updateShift(scenario, intervention, (old) => ({ ...old, hours }));
    const label = `${intervention.name}: ${signed(intervention.hours)} h for ${shift.agents} agents on ${shift.name}`;
    return { scenario: updated, costLines: wageLines(scenario, label, shift.agents * intervention.hours * weeklyDays(shift)) };
  },
  addShift: (scenario, intervention) => {
    const group = findGroup(scenario, intervention);
    if (group.shifts.some((shift) => shift.name === intervention.shift.name)) {
      fail(intervention, `group "${group.name}" already has a shift "${intervention.shift.name}"`);
    }
    const groups = scenario.groups.map((old) => (old === group ? { ...old, shifts: [...old.shifts, intervention.shift] } : old));
    const shift = intervention.shift;
    const label = `${intervention.name}: ${shift.agents} agents on new shift ${shift.name}`;
    return {
      scenario: { ...scenario, groups },
      costLines: [...wageLines(scenario, label, shift.agents * shift.hours * weeklyDays(shift)), ...hiringLines(scenario, label, shift.agents)],
    };
  },
  scaleAht: (scenario, intervention) => ({
    scenario: {
      ...scenario,
      queues: scenario.queues.map((queue) => (matchesQueue(scenario, intervention, queue.name) ? { ...queue, handle: scaleDuration(queue.handle, intervention.factor) } : queue)),
    },
    costLines: [],
  }),
  scalePatience: (scenario, intervention) => ({
    scenario: {
      ...scenario,
      queues: scenario.queues.map((queue) =>
        queue.patience && matchesQueue(scenario, intervention, queue.name) ? { ...queue, patience: scaleDuration(queue.patience, intervention.factor) } : queue,
      ),
    },
    costLines: [],
  }),
};

type ShiftTarget = { name: string; group: string; shift: string };
type Group = Scenario["groups"][number];

function fail(intervention: { name: string }, problem: string): never {
  throw new Error(`invalid intervention "${intervention.name}": ${problem}`);
}

function findGroup(scenario: Scenario, target: { name: string; group: string }): Group {
  const group = scenario.groups.find((candidate) => candidate.name === target.group);
  if (!group) fail(target, `unknown group "${target.group}"; expected one of ${scenario.groups.map((g) => `"${g.name}"`).join(", ")}`);
  return group;
}

function findShift(scenario: Scenario, target: ShiftTarget): Shift {
  const group = findGroup(scenario, target);
  const shift = group.shifts.find((candidate) => candidate.name === target.shift);
  if (!shift) fail(target, `group "${group.name}" has no shift "${target.shift}"`);
  return shift;
}

function updateShift(scenario: Scenario, target: ShiftTarget, change: (shift: Shift) => Shift): Scenario {
  const group = findGroup(scenario, target);
  const shift = findShift(scenario, target);
  const shifts = group.shifts.map((old) => (old === shift ? change(old) : old));
  return { ...scenario, groups: scenario.groups.map((old) => (old === group ? { ...old, shifts } : old)) };
}

function changeAgents(scenario: Scenario, intervention: Of<"addAgents"> | Of<"removeAgents">, delta: number): AppliedIntervention {
  const shift = findShift(scenario, intervention);
  const agents = shift.agents + delta;
  if (agents < 0) fail(intervention, `shift "${shift.name}" has ${shift.agents} agents; removing ${-delta} would leave ${agents}`);
  const updated = updateShift(scenario, intervention, (old) => ({ ...old, agents }));
  const label = `${intervention.name}: ${signed(delta)} agents on ${shift.name} (${shift.hours} h × ${weeklyDays(shift)} days)`;
  return { scenario: updated, costLines: [...wageLines(scenario, label, delta * shift.hours * weeklyDays(shift)), ...hiringLines(scenario, label, delta)] };
}

/** The shift moved by `minutes`; breaks move with it, and a start pushed across midnight moves its days. */
function moveShift(shift: Shift, minutes: number): Shift {
  const start = clockMinutes(shift.start) + minutes;
  const dayOffset = Math.floor(start / 1440);
  return {
    ...shift,
    start: formatClock(start),
    days: dayOffset === 0 ? shift.days : shift.days.map((day) => shiftWeekday(day, dayOffset)),
    breaks: shift.breaks.map((pause) => ({ ...pause, start: formatClock(clockMinutes(pause.start) + minutes) })),
  };
}

const weeklyDays = (shift: Shift) => new Set(shift.days).size;
const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

function wageLines(scenario: Scenario, label: string, agentHoursPerWeek: number): CostLine[] {
  const money = scenario.money;
  if (!money || agentHoursPerWeek === 0) return [];
  return [{ label: `${label}: wages`, kind: "perWeek", amount: agentHoursPerWeek * money.wagePerHour, currency: money.currency }];
}

function hiringLines(scenario: Scenario, label: string, agentsAdded: number): CostLine[] {
  const money = scenario.money;
  if (!money?.hiringCostPerAgent || agentsAdded <= 0) return [];
  return [{ label: `${label}: hiring`, kind: "oneOff", amount: agentsAdded * money.hiringCostPerAgent, currency: money.currency }];
}

function matchesQueue(scenario: Scenario, intervention: { name: string; queue?: string | undefined }, queueName: string): boolean {
  if (intervention.queue === undefined) return true;
  if (!scenario.queues.some((queue) => queue.name === intervention.queue)) fail(intervention, `unknown queue "${intervention.queue}"`);
  return queueName === intervention.queue;
}

/** A duration distribution with its time scaled by `factor`: means and observed values multiply, shape
 * parameters (cv, k) stay, so the same uniform gives a duration `factor` times as long. */
export function scaleDuration<T extends { dist: string }>(spec: T, factor: number): T {
  const scaled: Record<string, unknown> = { ...spec };
  for (const [key, value] of Object.entries(spec)) {
    if (key.startsWith("mean") && typeof value === "number") scaled[key] = value * factor;
    else if (key.startsWith("values") && Array.isArray(value)) scaled[key] = value.map((entry: number) => entry * factor);
  }
  return scaled as T;
}
