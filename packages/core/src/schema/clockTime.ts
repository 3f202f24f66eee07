import { z } from "zod";

/** A time of day as `HH:MM` on a 24-hour clock, 00:00 to 23:59. */
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** zod schema of a time of day `HH:MM`. */
export const clockTimeSchema = z.string().regex(CLOCK_TIME_PATTERN);

/** Minutes after midnight of a `HH:MM` time of day (`"07:30"` → 450). Expects a valid time. */
export function clockMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** `HH:MM` of a number of minutes after midnight, wrapped into one day (`450` → `"07:30"`, `1500` → `"01:00"`). */
export function formatClock(minutes: number): string {
  const wrapped = ((Math.round(minutes) % 1440) + 1440) % 1440;
  const hours = Math.floor(wrapped / 60);
  return `${String(hours).padStart(2, "0")}:${String(wrapped % 60).padStart(2, "0")}`;
}
