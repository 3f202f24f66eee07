import { clockMinutes } from "../schema/clockTime.js";
import type { Shift } from "../schema/shift.js";
import { shiftWeekday, type Weekday } from "../schema/weekday.js";

/** Scheduled agents as a step function of time: from `timesSec[i]` on, `counts[i]` agents are scheduled. */
export interface StaffingTimeline {
  /** Change points, seconds from the start of the span, increasing; the first is 0. */
  timesSec: Float64Array;
  /** Agents on shift and not on a break from the matching time to the next one (before shrinkage). */
  counts: Int32Array;
}

// Times are rounded to the millisecond so that a break ending exactly where a shift ends (8.5 h, 510
// minutes) lands on the same instant despite floating-point sums.
const atMs = (seconds: number) => Math.round(seconds * 1000) / 1000;

/**
 * The staffing step function of one group over the span `days` (86,400 s per day). Each shift works on
 * each simulated day whose weekday it lists, from its start for its hours; one that crosses midnight
 * continues into the next simulated day (and the shift of the calendar day before the first simulated day
 * carries into it, as in a real week). All agents of a shift leave for each break at once. Only the
 * instants where the count changes are kept; a count at or beyond the end of the span is dropped.
 * Expects a valid schedule (breaks inside their shift), as `parseScenario` guarantees.
 */
export function staffingTimeline(options: { shifts: readonly Shift[]; days: readonly Weekday[] }): StaffingTimeline {
  const { shifts, days } = options;
  const spanSec = days.length * 86_400;
  const changes = new Map<number, number>();
  const add = (timeSec: number, delta: number) => {
    if (timeSec >= spanSec || delta === 0) return;
    const at = Math.max(0, atMs(timeSec));
    changes.set(at, (changes.get(at) ?? 0) + delta);
  };
  for (let day = -1; day < days.length; day++) {
    const weekday = day === -1 ? shiftWeekday(days[0]!, -1) : days[day]!;
    const dayStartSec = day * 86_400;
    for (const shift of shifts) {
      if (shift.agents === 0 || !shift.days.includes(weekday)) continue;
      const startMinutes = clockMinutes(shift.start);
      const startSec = dayStartSec + startMinutes * 60;
      add(startSec, shift.agents);
      add(startSec + shift.hours * 3600, -shift.agents);
      for (const pause of shift.breaks) {
        const offsetMinutes = (clockMinutes(pause.start) - startMinutes + 1440) % 1440;
        add(startSec + offsetMinutes * 60, -shift.agents);
        add(startSec + (offsetMinutes + pause.minutes) * 60, shift.agents);
      }
    }
  }
  const times = [...changes.keys()].sort((a, b) => a - b);
  const timesSec: number[] = [0];
  const counts: number[] = [0];
  let count = 0;
  for (const time of times) {
    count += changes.get(time)!;
    if (time === 0) counts[0] = count;
    else if (count !== counts[counts.length - 1]) {
      timesSec.push(time);
      counts.push(count);
    }
  }
  return { timesSec: Float64Array.from(timesSec), counts: Int32Array.from(counts) };
}

/** The most agents a timeline ever schedules at once. */
export function peakAgents(timeline: StaffingTimeline): number {
  let peak = 0;
  for (const count of timeline.counts) peak = Math.max(peak, count);
  return peak;
}
