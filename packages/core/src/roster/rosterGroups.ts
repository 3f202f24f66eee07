import type { Scenario, ScenarioGroup } from "../schema/scenario.js";
import { centralValue } from "../schema/uncertain.js";
import type { Shift } from "../schema/shift.js";
import type { ScenarioIssue } from "../schema/scenarioIssue.js";
import { rosterLimitIssue } from "./rosterLimits.js";
import { templateTimes, type TemplateTimes } from "./templateChoices.js";

/** A group the optimiser rosters, with what its program is built from. */
export interface RosterGroup {
  /** Index of the group in the scenario. */
  index: number;
  name: string;
  group: ScenarioGroup;
  templates: TemplateTimes[];
  /** Cost of a paid hour on each template: its `costPerHour`, else `money.wagePerHour`, else 1 (paid hours). */
  costPerHour: number[];
  /** Shifts kept as they are (`locked: true`). */
  locked: Shift[];
  /** Cost of a paid hour on a locked shift (and on today's shifts): `money.wagePerHour`, else 1. */
  wagePerHour: number;
}

/** Why a scenario cannot be rostered: a message naming the field, the value and what was expected. */
export type RosterGroupsProblem = ScenarioIssue;

/**
 * The groups to roster: those named (every group with shift templates when none is named). A named group that is
 * unknown or has no templates, a scenario with no templates at all, or a group whose limits no roster can keep
 * (`rosterLimitIssue`) is a problem naming the field.
 */
export function rosterGroups(scenario: Scenario, names?: readonly string[]): { ok: true; groups: RosterGroup[] } | { ok: false; problem: RosterGroupsProblem } {
  const withTemplates = scenario.groups.flatMap((group, index) => ((group.shiftTemplates?.length ?? 0) > 0 ? [index] : []));
  let chosen: number[];
  if (names && names.length > 0) {
    chosen = [];
    for (const name of names) {
      const index = scenario.groups.findIndex((group) => group.name === name);
      if (index < 0) {
        const known = scenario.groups.map((group) => JSON.stringify(group.name)).join(", ");
        return { ok: false, problem: { path: "groups", message: `no group named ${JSON.stringify(name)}; expected one of ${known}`, received: JSON.stringify(name), expected: `one of ${known}` } };
      }
      if (!withTemplates.includes(index)) {
        return {
          ok: false,
          problem: {
            path: `groups[${index}].shiftTemplates`,
            message: `group ${JSON.stringify(name)} has no shift templates (groups[${index}].shiftTemplates is empty or missing); expected at least one template to build its roster from`,
            received: "no templates",
            expected: "at least one shift template",
          },
        };
      }
      if (!chosen.includes(index)) chosen.push(index);
    }
  } else chosen = withTemplates;
  if (chosen.length === 0) {
    return {
      ok: false,
      problem: {
        path: "groups[0].shiftTemplates",
        message: "no group has shift templates (groups[].shiftTemplates); expected at least one template to build a roster from, e.g. { \"name\": \"Full day\", \"starts\": { \"from\": \"07:00\", \"to\": \"12:00\" }, \"hours\": 8.5, \"days\": [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"] }",
        received: "no templates",
        expected: "at least one shift template",
      },
    };
  }
  for (const index of chosen) {
    const problem = rosterLimitIssue(scenario.groups[index]!, `groups[${index}]`, scenario.days);
    if (problem) return { ok: false, problem };
  }
  const wagePerHour = scenario.money ? centralValue(scenario.money.wagePerHour) : 1;
  return {
    ok: true,
    groups: chosen.map((index) => {
      const group = scenario.groups[index]!;
      const templates = group.shiftTemplates!.map(templateTimes);
      return {
        index,
        name: group.name,
        group,
        templates,
        costPerHour: templates.map((times) => times.template.costPerHour ?? wagePerHour),
        locked: group.shifts.filter((shift) => shift.locked === true),
        wagePerHour,
      };
    }),
  };
}

/** The scenario with each rostered group's shifts replaced by its locked shifts and `shifts[name]`, and no interventions
 * (they may name shifts that are gone): what the optimiser simulates. */
export function withRoster(scenario: Scenario, rosters: ReadonlyMap<string, readonly Shift[]>): Scenario {
  return {
    ...scenario,
    interventions: [],
    groups: scenario.groups.map((group) => {
      const shifts = rosters.get(group.name);
      return shifts ? { ...group, shifts: [...group.shifts.filter((shift) => shift.locked === true), ...shifts] } : group;
    }),
  };
}

/** Paid hours a week of a list of shifts (Σ hours × agents × weekdays). */
export function paidHoursPerWeek(shifts: readonly Shift[]): number {
  return shifts.reduce((sum, shift) => sum + shift.hours * shift.agents * new Set(shift.days).size, 0);
}
