import { staffingTimeline } from "../plan/staffingTimeline.js";
import { formatClock } from "../schema/clockTime.js";
import type { ScenarioGroup } from "../schema/scenario.js";
import type { ScenarioIssue } from "../schema/scenarioIssue.js";
import type { Weekday } from "../schema/weekday.js";

/**
 * A scenario the optimiser cannot roster as it stands: its limits contradict its locked shifts or each other. Carries
 * the issue (field, value, what was expected), so a caller reports it as invalid input, not as a failed run.
 */
export class RosterInputError extends Error {
  override readonly name = "RosterInputError";
  constructor(readonly issue: ScenarioIssue) {
    super(issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`);
  }
}

const hoursText = (hours: number) => `${hours > 0 && hours < 0.01 ? String(hours) : (Math.round(hours * 100) / 100).toLocaleString("en-US")} h`;
const agentsText = (count: number) => `${count.toLocaleString("en-US")} agent${count === 1 ? "" : "s"}`;

/**
 * The group's limits that no roster can keep, whatever the requirement (the program would have no solution): the locked
 * shifts alone with more agents on shift at some moment of the simulated days than `maxAgentsAtOnce` (breaks count as
 * on shift: seats), or more paid hours than `maxWeeklyHours`, or the locked hours and the templates' `minAgents`
 * together above `maxWeeklyHours`. Null when none. `path` is the group's, e.g. ["groups", 1].
 */
export function rosterLimitIssue(group: ScenarioGroup, path: string, days: readonly Weekday[]): ScenarioIssue | null {
  const locked = group.shifts.filter((shift) => shift.locked === true);
  if (group.maxAgentsAtOnce !== undefined && locked.length > 0) {
    const { timesSec, counts } = staffingTimeline({ shifts: locked.map((shift) => ({ ...shift, breaks: [] })), days });
    let peak = 0;
    let peakAt = 0;
    counts.forEach((count, i) => {
      if (count > peak) [peak, peakAt] = [count, timesSec[i]!];
    });
    if (peak > group.maxAgentsAtOnce) {
      const day = days[Math.floor(peakAt / 86_400)]!;
      return {
        path: `${path}.maxAgentsAtOnce`,
        message: `the locked shifts alone have ${agentsText(peak)} on shift at ${day} ${formatClock(Math.floor((peakAt % 86_400) / 60))}, above maxAgentsAtOnce ${group.maxAgentsAtOnce.toLocaleString("en-US")}; expected at least ${peak.toLocaleString("en-US")}, or fewer locked agents`,
        received: String(group.maxAgentsAtOnce),
        expected: `at least ${peak}`,
      };
    }
  }
  if (group.maxWeeklyHours !== undefined) {
    // As the program counts them: a shift's hours on each of its distinct weekdays; a template's length in whole minutes.
    const lockedHours = locked.reduce((sum, shift) => sum + shift.hours * shift.agents * new Set(shift.days).size, 0);
    const minimumHours = (group.shiftTemplates ?? []).reduce((sum, template) => sum + template.minAgents * (Math.round(template.hours * 60) / 60) * new Set(template.days).size, 0);
    if (lockedHours + minimumHours > group.maxWeeklyHours + 1e-9) {
      const what =
        minimumHours === 0
          ? `the locked shifts alone use ${hoursText(lockedHours)} paid a week`
          : `the templates' minAgents need ${hoursText(minimumHours)} paid a week${lockedHours > 0 ? ` and the locked shifts ${hoursText(lockedHours)}` : ""}`;
      return {
        path: `${path}.maxWeeklyHours`,
        message: `${what}, above maxWeeklyHours ${hoursText(group.maxWeeklyHours)}; expected at least ${hoursText(lockedHours + minimumHours)}, or fewer locked shifts or minAgents`,
        received: String(group.maxWeeklyHours),
        expected: `at least ${lockedHours + minimumHours}`,
      };
    }
  }
  return null;
}
