import { clockMinutes } from "../schema/clockTime.js";
import type { Shift } from "../schema/shift.js";
import type { ShiftTemplate } from "../schema/shiftTemplate.js";
import type { Weekday } from "../schema/weekday.js";

/** The times a template allows, in whole minutes: its starts (after midnight), its length, and for each break the
 * offsets from the shift's start at which it may begin. */
export interface TemplateTimes {
  template: ShiftTemplate;
  startsMinutes: number[];
  lengthMinutes: number;
  breaks: { minutes: number; offsetsMinutes: number[] }[];
  days: Weekday[];
}

// Hours in a file (8.5, 1.25) become whole minutes; a template or shift is never finer than a minute.
const minutesOf = (hours: number) => Math.round(hours * 60);

/** The starts, length and break offsets (in minutes) a template allows, in increasing order. */
export function templateTimes(template: ShiftTemplate): TemplateTimes {
  const from = clockMinutes(template.starts.from);
  const to = clockMinutes(template.starts.to);
  const startsMinutes: number[] = [];
  for (let start = from; start <= to; start += template.starts.stepMinutes) startsMinutes.push(start);
  const breaks = template.breaks.map((entry) => {
    const earliest = minutesOf(entry.earliestAfterHours);
    const latest = minutesOf(entry.latestAfterHours);
    const offsetsMinutes: number[] = [];
    for (let offset = earliest; offset <= latest; offset += template.breakStepMinutes) offsetsMinutes.push(offset);
    return { minutes: entry.minutes, offsetsMinutes };
  });
  return { template, startsMinutes, lengthMinutes: minutesOf(template.hours), breaks, days: [...new Set(template.days)] };
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

/**
 * The length of the time grid the optimiser covers, minutes: the largest step that divides a day, the reporting
 * interval and every start, length and break time of the templates and of the locked shifts, so that every choice
 * puts agents on or off the floor exactly at slot boundaries (typically 15 minutes; at least 1).
 */
export function slotMinutes(options: { intervalMinutes: number; templates: readonly TemplateTimes[]; locked: readonly Shift[] }): number {
  let step = gcd(1440, options.intervalMinutes);
  const take = (minutes: number) => (step = gcd(step, Math.round(minutes)));
  for (const times of options.templates) {
    times.startsMinutes.forEach(take);
    take(times.lengthMinutes);
    for (const entry of times.breaks) {
      take(entry.minutes);
      entry.offsetsMinutes.forEach(take);
    }
  }
  for (const shift of options.locked) {
    take(clockMinutes(shift.start));
    take(minutesOf(shift.hours));
    for (const pause of shift.breaks) {
      take(clockMinutes(pause.start));
      take(pause.minutes);
    }
  }
  return Math.max(1, step);
}
