/**
 * Times in a call log are wall-clock times as the ACD wrote them. They are kept as "wall seconds": days since
 * 1970-01-01 × 86,400 plus the seconds of the day, with no time zone and no daylight-saving shift, so that a day
 * is always 86,400 s and a call's date and clock time read back exactly as written.
 */

export const DAY_SEC = 86_400;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const CLOCK = /^(\d{1,2}):(\d{2}):(\d{2})$/;

/** Wall seconds of a date (midnight), or NaN for an impossible date. */
export function dateWallSec(year: number, month: number, day: number): number {
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return Number.NaN;
  return ms / 1000;
}

/** An ISO date or date-time as written ("2026-11-23T08:00:15", "2026-11-23 08:00", "2026-11-23"), in wall
 * seconds; a zone suffix is ignored (the log's own clock is kept). NaN when it is not one. */
export function parseWallDateTime(text: string): number {
  const match = ISO.exec(text.trim());
  if (!match) return Number.NaN;
  const midnight = dateWallSec(Number(match[1]), Number(match[2]), Number(match[3]));
  const hours = match[4] === undefined ? 0 : Number(match[4]);
  const minutes = match[5] === undefined ? 0 : Number(match[5]);
  const seconds = match[6] === undefined ? 0 : Number(match[6]) + (match[7] ? Number(match[7]) : 0);
  if (hours > 23 || minutes > 59 || seconds >= 60) return Number.NaN;
  return midnight + hours * 3600 + minutes * 60 + seconds;
}

/** "H:MM:SS" as seconds of the day; NaN when it is not one. */
export function parseClock(text: string): number {
  const match = CLOCK.exec(text.trim());
  if (!match) return Number.NaN;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = Number(match[3]);
  if (hours > 23 || minutes > 59 || seconds > 59) return Number.NaN;
  return hours * 3600 + minutes * 60 + seconds;
}

const dateOfDay = new Map<number, string>();

/** The date of a wall time, "YYYY-MM-DD" (memoised by day: a log has many calls a day). */
export function wallDate(wallSec: number): string {
  const day = Math.floor(wallSec / DAY_SEC);
  let date = dateOfDay.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_SEC * 1000).toISOString().slice(0, 10);
    if (dateOfDay.size > 100_000) dateOfDay.clear();
    dateOfDay.set(day, date);
  }
  return date;
}

/** Wall seconds of midnight of a "YYYY-MM-DD" date (NaN when it is not one). */
export function dateStartSec(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? dateWallSec(Number(match[1]), Number(match[2]), Number(match[3])) : Number.NaN;
}

/** A wall time as "YYYY-MM-DDTHH:MM" (seconds dropped), as interval files write their starts. */
export function wallDateTimeLabel(wallSec: number): string {
  return new Date(Math.floor(wallSec) * 1000).toISOString().slice(0, 16);
}

/** The day of the week of a "YYYY-MM-DD" date: "sun" … "sat". */
export function weekdayOf(date: string): "sun" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat" {
  const names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
  return names[new Date(dateStartSec(date) * 1000).getUTCDay()]!;
}
