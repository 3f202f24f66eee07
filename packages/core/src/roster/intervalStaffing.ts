import { staffingTimeline } from "../plan/staffingTimeline.js";
import type { Shift } from "../schema/shift.js";
import type { Weekday } from "../schema/weekday.js";

/** Scheduled agents (on shift, not on a break, before shrinkage) per interval of the span: the time average and the
 * fewest at any moment. */
export interface IntervalStaffing {
  mean: Float64Array;
  min: Int32Array;
}

/** {@link IntervalStaffing} of a set of shifts over the span `days` (see `staffingTimeline`). */
export function intervalStaffing(options: { shifts: readonly Shift[]; days: readonly Weekday[]; intervalMinutes: number }): IntervalStaffing {
  const { timesSec, counts } = staffingTimeline({ shifts: options.shifts, days: options.days });
  const intervalSec = options.intervalMinutes * 60;
  const count = (options.days.length * 1440) / options.intervalMinutes;
  const mean = new Float64Array(count);
  const min = new Int32Array(count).fill(0x7fffffff);
  for (let k = 0; k < timesSec.length; k++) {
    const from = timesSec[k]!;
    const to = k + 1 < timesSec.length ? timesSec[k + 1]! : count * intervalSec;
    for (let i = Math.floor(from / intervalSec); i < count && i * intervalSec < to; i++) {
      const overlap = Math.min(to, (i + 1) * intervalSec) - Math.max(from, i * intervalSec);
      if (overlap <= 0) continue;
      mean[i]! += (counts[k]! * overlap) / intervalSec;
      min[i] = Math.min(min[i]!, counts[k]!);
    }
  }
  for (let i = 0; i < count; i++) if (min[i] === 0x7fffffff) min[i] = 0;
  return { mean, min };
}
