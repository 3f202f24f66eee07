import { clockMinutes, formatClock } from "../schema/clockTime.js";
import type { Intervention, InterventionKind, ResolvedIntervention } from "../schema/intervention.js";
import { resolveCentral } from "../schema/uncertain.js";
import type { Scenario } from "../schema/scenario.js";
import type { Shift } from "../schema/shift.js";
import { shiftWeekday } from "../schema/weekday.js";
import { applyChannelShift } from "./applyChannelShift.js";
import { applyFeedbackChannels } from "./applyFeedbackChannels.js";
import { applyProcessChange } from "./applyProcessChange.js";
import { applyRoster } from "./applyRoster.js";
import { applyTraining } from "./applyTraining.js";
import type { CostLine } from "./costLine.js";
import { STEADY_STATE, type InterventionStage } from "./interventionTimeline.js";
import { newAgentLines, wageLines } from "./pricing.js";
import { fail, findGroup as findGroupByName, scaleDuration, weeklyDays } from "./scenarioEdits.js";

/** A scenario after one intervention, with what the intervention costs. */
export interface AppliedIntervention {
  scenario: Scenario;
  costLines: CostLine[];
}

type Of<K extends InterventionKind> = Extract<ResolvedIntervention, { kind: K }>;
type Transform<K extends InterventionKind> = (scenario: Scenario, intervention: Of<K>, stage: InterventionStage) => AppliedIntervention;

/**
 * Applies one intervention to a scenario: a pure transform that returns a new scenario (sharing the parts
 * it does not change with its input, which it never mutates; treat both as immutable) and the
 * intervention's cost lines. Everything else, the seed included, is kept, so the two run on common
 * random numbers.
 *
 * Its effect sizes and costs are numbers: an intervention whose are uncertain is applied at their central values
 * (resolve it at a draw first, as core's uncertainty/ does per replication, to apply it at others).
 *
 * `stage` says how far along the intervention is (see `interventionTimeline`): by default the steady state,
 * every effect in force. Cost lines are those of the whole intervention whatever the stage.
 *
 * Pricing (only with `money`; without it there are no cost lines): wages per week at `money.wagePerHour` for
 * the paid shift hours (breaks included) times the shift's days per week, plus `managementOverhead` × wages;
 * for agents added, hiring at `money.hiringCostPerAgent`, one-off, and `technologyPerSeatPerMonth` per seat,
 * per month; the other kinds state their own costs (see their transforms). `combined` applies its list in
 * order, each to the result of the previous, and adds up their cost lines.
 * Throws when the intervention names a group, shift or queue the scenario lacks or would leave an invalid
 * shift; `parseScenario` rejects such files first for the staffing kinds.
 */
export function applyIntervention(scenario: Scenario, intervention: Intervention, stage: InterventionStage = STEADY_STATE): AppliedIntervention {
  const transform = TRANSFORMS[intervention.kind] as Transform<InterventionKind>;
  return transform(scenario, resolveCentral(intervention), stage);
}

// One transform per kind; the mapped type makes a new kind in the schema a compile error until it has one.
const TRANSFORMS: { [K in InterventionKind]: Transform<K> } = {
  addAgents: (scenario, intervention, stage) => addAgents(scenario, intervention, stage),
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
      costLines: [...wageLines(scenario, label, shift.agents * shift.hours * weeklyDays(shift)), ...newAgentLines(scenario, label, shift.agents)],
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
  roster: applyRoster,
  training: applyTraining,
  processChange: applyProcessChange,
  channelShift: applyChannelShift,
  feedbackChannels: applyFeedbackChannels,
  combined: (scenario, intervention, stage) => {
    let result = scenario;
    const costLines: CostLine[] = [];
    intervention.interventions.forEach((part, index) => {
      const applied = applyIntervention(result, part as Intervention, stage.parts?.[index] ?? stage);
      result = applied.scenario;
      costLines.push(...applied.costLines.map((line) => ({ ...line, label: `${intervention.name}: ${line.label}` })));
    });
    return { scenario: result, costLines };
  },
};

type ShiftTarget = { name: string; group: string; shift: string };
type Group = Scenario["groups"][number];

function findGroup(scenario: Scenario, target: { name: string; group: string }): Group {
  return findGroupByName(scenario, target, target.group);
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

function changeAgents(scenario: Scenario, intervention: Of<"addAgents"> | Of<"removeAgents">, delta: number, fromWeek = 0): AppliedIntervention {
  const shift = findShift(scenario, intervention);
  const agents = shift.agents + delta;
  if (agents < 0) fail(intervention, `shift "${shift.name}" has ${shift.agents} agents; removing ${-delta} would leave ${agents}`);
  const updated = updateShift(scenario, intervention, (old) => withAgents(old, agents));
  const label = `${intervention.name}: ${signed(delta)} agents on ${shift.name} (${shift.hours} h × ${weeklyDays(shift)} days)`;
  const wages = wageLines(scenario, label, delta * shift.hours * weeklyDays(shift)).map((line) => (fromWeek > 0 ? { ...line, fromWeek } : line));
  return { scenario: updated, costLines: [...wages, ...newAgentLines(scenario, label, delta)] };
}

/** Default productivity of added agents when they arrive (assumption, as `capacity`'s ramp). */
export const DEFAULT_RAMP_START_PRODUCTIVITY = 0.5;

/**
 * Agents added at one stage: absent while recruited (`stage.present` false; the scenario is unchanged), then on the
 * shift, ramping up (`shifts[].ramping` at productivity p₀ + (1 − p₀) × stage.effect) until fully productive. Wages
 * start when they arrive (`leadWeeks`), hiring is paid at the start; the cost lines are the whole intervention's.
 */
function addAgents(scenario: Scenario, intervention: Of<"addAgents">, stage: InterventionStage): AppliedIntervention {
  const hiring = intervention.agents > 0;
  const applied = changeAgents(scenario, intervention, intervention.agents, hiring ? Math.ceil((intervention.leadWeeks ?? 0) - 1e-9) : 0);
  if (!hiring) return applied;
  if (stage.present === false) return { scenario, costLines: applied.costLines };
  if (!((intervention.rampWeeks ?? 0) > 0) || stage.effect >= 1) return applied;
  const start = intervention.rampStartProductivity ?? DEFAULT_RAMP_START_PRODUCTIVITY;
  const productivity = start + (1 - start) * Math.max(0, stage.effect);
  if (productivity >= 1) return applied;
  const ramping = (shift: Shift): Shift => ({ ...shift, ramping: [...(shift.ramping ?? []), { agents: intervention.agents, productivity }] });
  return { scenario: updateShift(applied.scenario, intervention, ramping), costLines: applied.costLines };
}

/** The shift with `agents` agents: those removed are full-speed ones while there are any, then the last listed
 * ramping ones, so that the ramping agents never outnumber the shift's. */
function withAgents(shift: Shift, agents: number): Shift {
  if (!shift.ramping) return { ...shift, agents };
  let excess = shift.ramping.reduce((sum, part) => sum + part.agents, 0) - agents;
  if (excess <= 0) return { ...shift, agents };
  const ramping = [...shift.ramping];
  for (let i = ramping.length - 1; i >= 0 && excess > 0; i--) {
    const cut = Math.min(excess, ramping[i]!.agents);
    excess -= cut;
    ramping[i] = { ...ramping[i]!, agents: ramping[i]!.agents - cut };
  }
  const kept = ramping.filter((part) => part.agents > 0);
  const { ramping: _dropped, ...rest } = shift;
  return kept.length > 0 ? { ...rest, agents, ramping: kept } : { ...rest, agents };
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

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

function matchesQueue(scenario: Scenario, intervention: { name: string; queue?: string | undefined }, queueName: string): boolean {
  if (intervention.queue === undefined) return true;
  if (!scenario.queues.some((queue) => queue.name === intervention.queue)) fail(intervention, `unknown queue "${intervention.queue}"`);
  return queueName === intervention.queue;
}

export { scaleDuration };
