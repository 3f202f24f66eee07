import { isCalendarDate } from "../schema/calendarDate.js";
import { formatClock } from "../schema/clockTime.js";
import type { Weekday } from "../schema/weekday.js";

/**
 * Labels of the simulated days: ISO dates from `startDate` when given; otherwise the weekday names, a
 * weekday that comes back getting its occurrence (`"mon"`, …, `"mon #2"`) so that every label is unique.
 */
export function dayLabels(options: { days: readonly Weekday[]; startDate?: string | undefined }): string[] {
  const { days, startDate } = options;
  if (startDate !== undefined) {
    const start = Date.parse(`${startDate}T00:00:00Z`);
    return days.map((_, index) => new Date(start + index * 86_400_000).toISOString().slice(0, 10));
  }
  const seen = new Map<Weekday, number>();
  return days.map((day) => {
    const occurrence = (seen.get(day) ?? 0) + 1;
    seen.set(day, occurrence);
    return occurrence === 1 ? day : `${day} #${occurrence}`;
  });
}

/**
 * Label of the start of each interval of the span: `"HH:MM"` for a single day without a date;
 * `"2026-11-23T07:30"` (local time, no zone) with a `startDate`; otherwise the day label and the time
 * (`"mon 07:30"`).
 */
export function intervalLabels(options: { dayLabels: readonly string[]; intervalMinutes: number; dated: boolean }): string[] {
  const { intervalMinutes, dated } = options;
  const perDay = 1440 / intervalMinutes;
  const single = options.dayLabels.length === 1 && !dated;
  return options.dayLabels.flatMap((day) =>
    Array.from({ length: perDay }, (_, i) => {
      const clock = formatClock(i * intervalMinutes);
      return single ? clock : dated ? `${day}T${clock}` : `${day} ${clock}`;
    }),
  );
}

const WEEKDAY_TITLES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTH_TITLES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/**
 * A day label (`dayLabels`) as a planner reads it: an ISO date `"2026-12-15"` → `"Tue 15 Dec"` (`"Tue 15"` with
 * `month: false`, for an axis), its weekday from the calendar, as the plan's days are; a weekday `"tue"` → `"Tue"`,
 * `"tue #2"` → `"Tue #2"`; anything else unchanged, an impossible date such as `"2026-02-30"` included (no "Mon 30
 * Feb": Date.UTC would roll it over to 2 March and lend it that day's weekday). A planner thinks "Tuesday 10:00", not
 * "2026-12-15 10:00".
 */
export function dayTitle(label: string, options: { month?: boolean } = {}): string {
  if (isCalendarDate(label)) {
    const [year, month, day] = label.split("-").map(Number) as [number, number, number];
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0–99 as 1900–1999
    const weekday = WEEKDAY_TITLES[date.getUTCDay()]!;
    return options.month === false ? `${weekday} ${day}` : `${weekday} ${day} ${MONTH_TITLES[month - 1]}`;
  }
  const weekday = /^(mon|tue|wed|thu|fri|sat|sun)\b(.*)$/.exec(label);
  return weekday ? `${weekday[1]!.charAt(0).toUpperCase()}${weekday[1]!.slice(1)}${weekday[2]}` : label;
}
