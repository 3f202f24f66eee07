import { staffingTimeline } from "../plan/staffingTimeline.js";
import type { Shift } from "../schema/shift.js";
import { shiftWeekday, WEEKDAYS, type Weekday } from "../schema/weekday.js";
import { LpModel, type LpTerm } from "./lpModel.js";
import { slotMinutes, type TemplateTimes } from "./templateChoices.js";

/** What the integer program of one group's roster is built from. */
export interface RosterModelInputs {
  /** The simulated days, in order (a shift's weekday works on every one of them with that weekday). */
  days: readonly Weekday[];
  intervalMinutes: number;
  /** The group's templates, with their times. */
  templates: readonly TemplateTimes[];
  /** Cost of a paid hour on each template (same order). */
  costPerHour: readonly number[];
  /** Shifts kept as they are; they cover part of each requirement and count against the limits. */
  locked: readonly Shift[];
  /** Cost of a paid hour on a locked shift (for the reported cost; it is a constant of the program). */
  lockedCostPerHour: number;
  /** Scheduled agents needed on the floor (on shift, not on a break, before shrinkage) in each interval of the span. */
  requiredByInterval: ArrayLike<number>;
  maxAgentsAtOnce?: number | undefined;
  maxWeeklyHours?: number | undefined;
  /** Cost of each agent missing from the requirement in one slot of the grid. */
  shortfallPenaltyPerSlot: number;
}

/** One choice of the program: agents starting template `template` at `startMinutes` on `weekday`, every week. */
export interface RosterChoice {
  template: number;
  startMinutes: number;
  weekday: Weekday;
  /** Index of the variable counting them. */
  variable: number;
}

/**
 * Agents of template `template` on `weekday` taking break `breakIndex` at `timeMinutes` (after the midnight that
 * starts the weekday; past 1440 for a shift that crossed midnight). `choices` are the choices (indices into
 * `RosterModel.choices`) whose window holds this time.
 */
export interface RosterBreakTime {
  template: number;
  weekday: Weekday;
  breakIndex: number;
  timeMinutes: number;
  variable: number;
}

/** The program and where to read its answer. */
export interface RosterModel {
  model: LpModel;
  slotMinutes: number;
  slotsPerDay: number;
  choices: RosterChoice[];
  breakTimes: RosterBreakTime[];
  /** Shortfall variables: agents missing in `slot` (of the span), which lies in `interval`. */
  shortfalls: { slot: number; interval: number; variable: number }[];
  /** Locked agents on the floor in each slot of the span (a time average where a locked shift is off the grid). */
  lockedOnFloor: Float64Array;
  /** Paid hours and cost of the locked shifts per week. */
  lockedHoursPerWeek: number;
  lockedCostPerWeek: number;
}

/**
 * Builds the integer program of one group's roster: how many agents start each template at each allowed start on
 * each of its weekdays (`x`), and how many of them take each break at each allowed time (`y`, Σ over times = x for
 * every break: staggered breaks). On a time grid fine enough for every start, length and break (`slotMinutes`), it
 * asks for agents on the floor (on shift and not on a break, locked shifts included) ≥ the interval's requirement in
 * every slot, a shortfall variable making up any difference at `shortfallPenaltyPerSlot` per agent and slot, so an
 * impossible requirement is a named shortfall, not an infeasible program. Subject to: each template's `minAgents` /
 * `maxAgents` per day (all starts together), the group's `maxAgentsAtOnce` (agents on shift, breaks included, in every
 * slot) and `maxWeeklyHours` (paid hours of the week, locked shifts included). Minimises the weekly cost of the paid
 * hours plus the shortfall penalties. A shift on a weekday works on every simulated day with that weekday, and one
 * that crosses midnight continues into the next day (the last weekday's into the first day of the span, as a week
 * repeats).
 * @throws Error when the locked shifts alone break a limit, or the templates' `minAgents` together do.
 */
export function buildRosterModel(inputs: RosterModelInputs): RosterModel {
  const { days, intervalMinutes, templates } = inputs;
  const slot = slotMinutes({ intervalMinutes, templates, locked: inputs.locked });
  const slotsPerDay = 1440 / slot;
  const slotCount = days.length * slotsPerDay;
  const slotsPerInterval = intervalMinutes / slot;
  const model = new LpModel();

  const onFloorTerms: LpTerm[][] = Array.from({ length: slotCount }, () => []);
  const onShiftTerms: LpTerm[][] = Array.from({ length: slotCount }, () => []);
  // The simulated day indices on which a weekday's shift starts: each day with that weekday, and the day before the
  // span when that is the weekday (its shift runs into the first day).
  const startDays = new Map<Weekday, number[]>();
  for (const weekday of WEEKDAYS) {
    const list = days.flatMap((day, index) => (day === weekday ? [index] : []));
    if (days.length > 0 && shiftWeekday(days[0]!, -1) === weekday) list.unshift(-1);
    startDays.set(weekday, list);
  }
  const cover = (terms: LpTerm[][], startSlot: number, length: number, term: LpTerm) => {
    for (let j = Math.max(0, startSlot); j < Math.min(slotCount, startSlot + length); j++) terms[j]!.push(term);
  };

  const choices: RosterChoice[] = [];
  const breakTimes: RosterBreakTime[] = [];
  const perDay = new Map<string, number[]>(); // template × weekday → x variables
  const weeklyHoursTerms: LpTerm[] = [];
  const spans: { variable: number; firstSlots: number[]; lengthSlots: number }[] = [];
  const breakSources: { variable: number; choices: number[] }[] = [];
  const coverOnEveryDay = (weekday: Weekday, startMinutes: number, minutes: number, term: LpTerm, terms: LpTerm[][]) => {
    for (const day of startDays.get(weekday)!) cover(terms, day * slotsPerDay + startMinutes / slot, minutes / slot, term);
  };
  templates.forEach((times, t) => {
    const hours = times.lengthMinutes / 60;
    const cost = inputs.costPerHour[t]! * hours;
    for (const weekday of times.days) {
      const w = WEEKDAYS.indexOf(weekday);
      const dayChoices = times.startsMinutes.map((startMinutes, s) => {
        const variable = model.addVariable(`x_${t}_${s}_${w}`, { cost, integer: true });
        choices.push({ template: t, startMinutes, weekday, variable });
        spans.push({ variable, firstSlots: startDays.get(weekday)!.map((day) => day * slotsPerDay + startMinutes / slot), lengthSlots: times.lengthMinutes / slot });
        weeklyHoursTerms.push([variable, hours]);
        coverOnEveryDay(weekday, startMinutes, times.lengthMinutes, [variable, 1], onFloorTerms);
        coverOnEveryDay(weekday, startMinutes, times.lengthMinutes, [variable, 1], onShiftTerms);
        return { startMinutes, variable };
      });
      perDay.set(`${t}/${weekday}`, dayChoices.map((choice) => choice.variable));
      times.breaks.forEach((entry, b) => {
        for (const time of breakTimeModel({ model, name: `${t}_${w}_${b}`, choices: dayChoices, offsetsMinutes: entry.offsetsMinutes, stepMinutes: times.template.breakStepMinutes })) {
          breakTimes.push({ template: t, weekday, breakIndex: b, timeMinutes: time.timeMinutes, variable: time.variable });
          breakSources.push({ variable: time.variable, choices: time.choices });
          coverOnEveryDay(weekday, time.timeMinutes, entry.minutes, [time.variable, -1], onFloorTerms);
        }
      });
    }
  });

  const lockedOnFloor = slotAverages(staffingTimeline({ shifts: inputs.locked, days }), slot, slotCount);
  const lockedOnShift = slotAverages(staffingTimeline({ shifts: inputs.locked.map((shift) => ({ ...shift, breaks: [] })), days }), slot, slotCount);
  const lockedHoursPerWeek = inputs.locked.reduce((sum, shift) => sum + shift.hours * shift.agents * new Set(shift.days).size, 0);

  const shortfalls: RosterModel["shortfalls"] = [];
  const needs = new Float64Array(slotCount);
  for (let j = 0; j < slotCount; j++) {
    const interval = Math.floor(j / slotsPerInterval);
    const need = (inputs.requiredByInterval[interval] ?? 0) - lockedOnFloor[j]!;
    if (!(need > 1e-9)) continue;
    needs[j] = need;
    const variable = model.addVariable(`short_${j}`, { cost: inputs.shortfallPenaltyPerSlot, upper: need });
    shortfalls.push({ slot: j, interval, variable });
    model.addConstraint(`cover_${j}`, [...onFloorTerms[j]!, [variable, 1]], { lower: need });
  }

  boundChoices({ model, templates, choices, spans, breakSources, needs });

  templates.forEach((times, t) => {
    const { minAgents, maxAgents } = times.template;
    if (minAgents === 0 && maxAgents === undefined) return;
    for (const weekday of times.days) {
      const terms = perDay.get(`${t}/${weekday}`)!.map((variable) => [variable, 1] as const);
      model.addConstraint(`perday_${t}_${WEEKDAYS.indexOf(weekday)}`, terms, { lower: minAgents, ...(maxAgents !== undefined && { upper: maxAgents }) });
    }
  });

  if (inputs.maxAgentsAtOnce !== undefined) {
    for (let j = 0; j < slotCount; j++) {
      if (onShiftTerms[j]!.length === 0) continue;
      const room = inputs.maxAgentsAtOnce - lockedOnShift[j]!;
      if (room < -1e-9) throw new Error(`the locked shifts alone have ${lockedOnShift[j]} agents on shift at ${slotLabel(days, j, slot)}, above maxAgentsAtOnce ${inputs.maxAgentsAtOnce}`);
      model.addConstraint(`seats_${j}`, onShiftTerms[j]!, { upper: Math.max(0, room) });
    }
  }
  if (inputs.maxWeeklyHours !== undefined && weeklyHoursTerms.length > 0) {
    const room = inputs.maxWeeklyHours - lockedHoursPerWeek;
    if (room < -1e-9) throw new Error(`the locked shifts alone use ${lockedHoursPerWeek} paid hours a week, above maxWeeklyHours ${inputs.maxWeeklyHours}`);
    model.addConstraint("weekly_hours", weeklyHoursTerms, { upper: Math.max(0, room) });
  }
  checkMinimums(inputs, lockedHoursPerWeek);

  return {
    model,
    slotMinutes: slot,
    slotsPerDay,
    choices,
    breakTimes,
    shortfalls,
    lockedOnFloor,
    lockedHoursPerWeek,
    lockedCostPerWeek: lockedHoursPerWeek * inputs.lockedCostPerHour,
  };
}

/**
 * The breaks of one template's break on one weekday, modelled implicitly (Bechtold & Jacobs 1990, "Implicit modeling
 * of flexible break assignments in optimal shift scheduling", Management Science 36(11)): one variable per break time
 * counts the agents taking it, whichever shift they are on, instead of one per shift and time. Agents can be given
 * breaks inside their own windows exactly when (Hall's condition) every run of consecutive times holds at least as many
 * breaks as there are agents whose window lies inside it; the template's windows all have the same length and move
 * with the start, so no window strictly contains another and it is enough to ask, besides equal totals, that the
 * times up to each window's end hold at least the agents whose windows end by then (forward) and the times from each
 * window's start at least the agents whose windows start from then (backward). Far fewer variables and no symmetry
 * between shifts, which is what makes the week solvable in seconds. Starts that are not on the break grid of the
 * others (start step not a multiple of the break step) get their own times: one such family per residue.
 * Returns the time variables; the assignment of times to shifts is `assignBreaks`.
 */
function breakTimeModel(options: {
  model: LpModel;
  name: string;
  choices: readonly { startMinutes: number; variable: number }[];
  offsetsMinutes: readonly number[];
  stepMinutes: number;
}): { timeMinutes: number; variable: number; choices: number[] }[] {
  const { model, offsetsMinutes, stepMinutes } = options;
  const families = new Map<number, { startMinutes: number; variable: number }[]>();
  for (const choice of options.choices) {
    const residue = ((choice.startMinutes % stepMinutes) + stepMinutes) % stepMinutes;
    families.set(residue, [...(families.get(residue) ?? []), choice]);
  }
  const all: { timeMinutes: number; variable: number; choices: number[] }[] = [];
  let family = 0;
  for (const members of families.values()) {
    const first = offsetsMinutes[0]!;
    const last = offsetsMinutes[offsetsMinutes.length - 1]!;
    const times = [...new Set(members.flatMap((choice) => offsetsMinutes.map((offset) => choice.startMinutes + offset)))].sort((a, b) => a - b);
    const variables = times.map((timeMinutes, k) => model.addVariable(`z_${options.name}_${family}_${k}`, { integer: true }));
    const index = new Map(times.map((time, k) => [time, k]));
    const windows = members.map((choice) => ({ variable: choice.variable, from: index.get(choice.startMinutes + first)!, to: index.get(choice.startMinutes + last)! }));
    const prefix = (upTo: number) => variables.slice(0, upTo + 1).map((variable) => [variable, 1] as const);
    const suffix = (from: number) => variables.slice(from).map((variable) => [variable, 1] as const);
    model.addConstraint(`bt_${options.name}_${family}`, [...prefix(times.length - 1), ...members.map((choice) => [choice.variable, -1] as const)], { lower: 0, upper: 0 });
    for (const end of new Set(windows.map((window) => window.to))) {
      if (end === times.length - 1) continue;
      const ending = windows.filter((window) => window.to <= end).map((window) => [window.variable, -1] as const);
      model.addConstraint(`bf_${options.name}_${family}_${end}`, [...prefix(end), ...ending], { lower: 0 });
    }
    for (const start of new Set(windows.map((window) => window.from))) {
      if (start === 0) continue;
      const starting = windows.filter((window) => window.from >= start).map((window) => [window.variable, -1] as const);
      model.addConstraint(`bb_${options.name}_${family}_${start}`, [...suffix(start), ...starting], { lower: 0 });
    }
    times.forEach((timeMinutes, k) =>
      all.push({ timeMinutes, variable: variables[k]!, choices: windows.filter((window) => window.from <= k && k <= window.to).map((window) => window.variable) }),
    );
    family++;
  }
  return all;
}

/**
 * Upper bounds on the integer variables, which HiGHS needs to keep its probing and cuts cheap (unbounded general
 * integers cost it seconds, measured): agents starting a choice at most twice the largest requirement left in the slots
 * it covers, plus 2 (an assumption that leaves ample room: the agents of one start cover the same hours, and more than
 * twice what those hours need would only be wanted if most of them were on a break at once, which staggering avoids),
 * within the template's `maxAgents` and at least its `minAgents`; agents breaking at a time at most the bounds of the
 * shifts that may break then.
 */
function boundChoices(options: {
  model: LpModel;
  templates: readonly TemplateTimes[];
  choices: readonly RosterChoice[];
  spans: readonly { variable: number; firstSlots: number[]; lengthSlots: number }[];
  breakSources: readonly { variable: number; choices: number[] }[];
  needs: Float64Array;
}): void {
  const { model, needs } = options;
  const bound = new Map<number, number>();
  options.spans.forEach((span, index) => {
    let most = 0;
    for (const first of span.firstSlots) {
      for (let j = Math.max(0, first); j < Math.min(needs.length, first + span.lengthSlots); j++) most = Math.max(most, needs[j]!);
    }
    const template = options.templates[options.choices[index]!.template]!.template;
    const upper = Math.min(template.maxAgents ?? Infinity, Math.max(template.minAgents, 2 * Math.ceil(most) + 2));
    model.variables[span.variable]!.upper = upper;
    bound.set(span.variable, upper);
  });
  for (const source of options.breakSources) {
    model.variables[source.variable]!.upper = source.choices.reduce((sum, variable) => sum + (bound.get(variable) ?? 0), 0);
  }
}

// Minimums that contradict a limit make the program infeasible whatever the requirements: say which, up front.
function checkMinimums(inputs: RosterModelInputs, lockedHoursPerWeek: number): void {
  if (inputs.maxWeeklyHours === undefined) return;
  const minimumHours = inputs.templates.reduce((sum, times) => sum + times.template.minAgents * (times.lengthMinutes / 60) * times.days.length, 0);
  if (minimumHours + lockedHoursPerWeek > inputs.maxWeeklyHours + 1e-9) {
    throw new Error(
      `the templates' minAgents need ${minimumHours} paid hours a week${lockedHoursPerWeek > 0 ? ` and the locked shifts ${lockedHoursPerWeek}` : ""}, above maxWeeklyHours ${inputs.maxWeeklyHours}`,
    );
  }
}

function slotLabel(days: readonly Weekday[], slot: number, slotMinutesValue: number): string {
  const perDay = 1440 / slotMinutesValue;
  const minutes = (slot % perDay) * slotMinutesValue;
  return `${days[Math.floor(slot / perDay)]} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The time average of a staffing step function over each slot. */
function slotAverages(timeline: { timesSec: Float64Array; counts: Int32Array }, slot: number, slotCount: number): Float64Array {
  const averages = new Float64Array(slotCount);
  const slotSec = slot * 60;
  const { timesSec, counts } = timeline;
  for (let i = 0; i < timesSec.length; i++) {
    const from = timesSec[i]!;
    const to = i + 1 < timesSec.length ? timesSec[i + 1]! : slotCount * slotSec;
    const count = counts[i]!;
    if (count === 0) continue;
    for (let j = Math.floor(from / slotSec); j < slotCount && j * slotSec < to; j++) {
      const overlap = Math.min(to, (j + 1) * slotSec) - Math.max(from, j * slotSec);
      if (overlap > 0) averages[j]! += (count * overlap) / slotSec;
    }
  }
  return averages;
}
