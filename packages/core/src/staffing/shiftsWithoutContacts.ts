import { applyIntervention } from "../interventions/applyIntervention.js";
import { arrivalRates } from "../plan/compile.js";
import { clockMinutes, formatClock } from "../schema/clockTime.js";
import type { Scenario } from "../schema/scenario.js";
import { formatPath } from "../schema/scenarioIssue.js";

/** A stretch of a shift's time with no contacts forecast for the queues its group serves. */
export interface IdleStretch {
  /** Clock times, `HH:MM` (`to` may be past midnight, written as the next day's clock). */
  from: string;
  to: string;
  /** Where it lies in the shift: before the first contacts, after the last, or between. */
  where: "before" | "after" | "between";
  /** The simulated days it happens on (the scenario's day labels, e.g. "mon"). */
  days: string[];
}

/** A shift that works while its group's queues have no contacts forecast: paid time that answers nobody. */
export interface ShiftWithoutContacts {
  group: string;
  shift: string;
  /** Index of the group and the shift in the scenario (for the field's path). */
  groupIndex: number;
  shiftIndex: number;
  stretches: IdleStretch[];
}

/** A warning the planner should see, though the scenario is valid: the path of the field and what to look at. */
export interface ScenarioWarning {
  path: string;
  message: string;
}

/**
 * The shifts of a scenario that are on (agents scheduled, breaks aside) while none of the queues their group
 * serves has any contacts forecast: a shift moved or lengthened past closing, or starting before opening. Judged
 * interval by interval on the forecast (an interval with no expected contacts is closed); the stretches of each
 * shift are listed once with the days they happen on. Retries and repeats held overnight arrive at opening, not
 * before it, so an interval with no forecast has nothing to answer.
 */
export function shiftsWithoutContacts(scenario: Scenario): ShiftWithoutContacts[] {
  const minutes = scenario.intervalMinutes;
  const perDay = 1440 / minutes;
  const span = scenario.days.length * perDay;
  const rates = scenario.queues.map((queue) => arrivalRates(queue, scenario));
  const found: ShiftWithoutContacts[] = [];
  scenario.groups.forEach((group, groupIndex) => {
    const served = scenario.queues.flatMap((queue, q) => (group.serves.includes(queue.name) ? [q] : []));
    const open = (interval: number) => served.some((q) => rates[q]![interval]! > 0);
    group.shifts.forEach((shift, shiftIndex) => {
      if (shift.agents === 0) return;
      const stretches = new Map<string, IdleStretch>();
      scenario.days.forEach((day, d) => {
        if (!shift.days.includes(day)) return;
        const startMinute = d * 1440 + clockMinutes(shift.start);
        const endMinute = startMinute + shift.hours * 60;
        const first = Math.floor(startMinute / minutes);
        const last = Math.min(span, Math.ceil(endMinute / minutes));
        // Runs of closed intervals within the shift, cut to the shift's own start and end.
        let runStart = -1;
        let seenOpen = false;
        const close = (until: number, after: boolean) => {
          const from = Math.max(startMinute, runStart * minutes);
          const to = Math.min(endMinute, until * minutes);
          if (to > from) {
            const where = !seenOpen ? "before" : after ? "after" : "between";
            const key = `${from - d * 1440}/${to - d * 1440}/${where}`;
            const stretch = stretches.get(key) ?? { from: formatClock(from), to: formatClock(to), where, days: [] };
            stretch.days.push(day);
            stretches.set(key, stretch);
          }
          runStart = -1;
        };
        for (let interval = first; interval < last; interval++) {
          if (open(interval)) {
            if (runStart >= 0) close(interval, false);
            seenOpen = true;
          } else if (runStart < 0) runStart = interval;
        }
        if (runStart >= 0) close(last, true);
      });
      if (stretches.size > 0) found.push({ group: group.name, shift: shift.name, groupIndex, shiftIndex, stretches: [...stretches.values()] });
    });
  });
  return found;
}

const WHERE: Record<IdleStretch["where"], string> = {
  before: "before the first contacts",
  after: "after the last contacts",
  between: "between contacts",
};

const describe = (item: ShiftWithoutContacts) =>
  item.stretches.map((stretch) => `${stretch.from}–${stretch.to} on ${stretch.days.join(", ")} (${WHERE[stretch.where]})`).join("; ");

/**
 * Warnings about shifts on while their queues have no contacts forecast (see `shiftsWithoutContacts`): for the
 * scenario's own shifts, at the shift; for what an intervention adds (a shift moved or lengthened past closing,
 * a new shift outside opening hours), at the intervention. Never throws: an intervention that cannot apply is
 * left to the scenario's issues.
 */
export function staffingWarnings(scenario: Scenario): ScenarioWarning[] {
  const baseline: Scenario = { ...scenario, interventions: [] };
  const own = shiftsWithoutContacts(baseline);
  const warnings: ScenarioWarning[] = own.map((item) => ({
    path: formatPath(["groups", item.groupIndex, "shifts", item.shiftIndex]),
    message: `shift “${item.shift}” has agents with no contacts forecast for its queues: ${describe(item)}`,
  }));
  const seen = new Set(own.flatMap((item) => item.stretches.map((stretch) => `${item.group}/${item.shift}/${stretch.from}/${stretch.to}`)));
  scenario.interventions.forEach((intervention, index) => {
    let applied: Scenario;
    try {
      applied = applyIntervention(baseline, intervention).scenario;
    } catch {
      return;
    }
    for (const item of shiftsWithoutContacts(applied)) {
      const stretches = item.stretches.filter((stretch) => !seen.has(`${item.group}/${item.shift}/${stretch.from}/${stretch.to}`));
      if (stretches.length === 0) continue;
      warnings.push({
        path: formatPath(["interventions", index]),
        message: `with this intervention, shift “${item.shift}” of “${item.group}” has agents with no contacts forecast: ${describe({ ...item, stretches })}`,
      });
    }
  });
  return warnings;
}
