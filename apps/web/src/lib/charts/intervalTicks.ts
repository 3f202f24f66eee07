// Where the interval axis puts its ticks: at each day's start over several days, every few hours within one.
import { dayTitle } from "@ccplan/core";

export interface IntervalTick {
  /** Interval index (the tick sits at the interval's start). */
  index: number;
  label: string;
}

/** A day label as people write it: "mon" → "Mon", "2026-12-15" → "Tue 15 Dec" (core's `dayTitle`). */
export function dayName(label: string): string {
  return dayTitle(label);
}

/**
 * Ticks for intervals `from … to − 1`: one per day start when they span more than a day, else one every
 * `everyHours` hours (at interval starts whose time is a whole multiple of it).
 */
export function intervalTicks(options: {
  days: readonly string[];
  starts: readonly string[];
  from: number;
  to: number;
  everyHours?: number;
}): IntervalTick[] {
  const { days, starts, from, to } = options;
  const ticks: IntervalTick[] = [];
  const multiDay = days[from] !== days[Math.max(from, to - 1)];
  for (let i = from; i < to; i++) {
    if (multiDay) {
      if (i === from || days[i] !== days[i - 1]) ticks.push({ index: i, label: dayTitle(days[i] ?? "", { month: false }) });
      continue;
    }
    const match = /^(?:.*T)?(\d{2}):(\d{2})/.exec(starts[i] ?? "");
    if (!match) continue;
    const hour = Number(match[1]);
    if (match[2] === "00" && hour % (options.everyHours ?? 2) === 0) ticks.push({ index: i, label: `${match[1]}:00` });
  }
  return ticks;
}

/** "Tue 10:00" for interval i. */
export function intervalName(days: readonly string[], starts: readonly string[], i: number): string {
  const start = starts[i] ?? "";
  const time = /(\d{2}:\d{2})/.exec(start)?.[1] ?? start;
  return `${dayName(days[i] ?? "")} ${time}`.trim();
}
