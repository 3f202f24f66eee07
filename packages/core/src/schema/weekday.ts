import { z } from "zod";

/** Weekday names as scenario files write them, Monday first (ISO 8601 order). */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** A weekday name: `"mon"` … `"sun"`. */
export type Weekday = (typeof WEEKDAYS)[number];

/** zod schema of a weekday name. */
export const weekdaySchema = z.enum(WEEKDAYS);

/** 0 for `"mon"` … 6 for `"sun"`. */
export function weekdayIndex(day: Weekday): number {
  return WEEKDAYS.indexOf(day);
}

/** The weekday `offset` days after `day` (negative goes back), wrapping around the week. */
export function shiftWeekday(day: Weekday, offset: number): Weekday {
  return WEEKDAYS[(((weekdayIndex(day) + offset) % 7) + 7) % 7]!;
}
