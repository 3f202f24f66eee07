/** An ISO calendar date as written, `YYYY-MM-DD`, whether or not that day exists. */
export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

/** Days in a month of the proleptic Gregorian calendar (`month` 1–12): February has 29 in a leap year. */
export function daysInMonth(year: number, month: number): number {
  // By the rule itself: Date.UTC reads years 0–99 as 1900–1999.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The first year a date in a scenario, a forecast or an interval report may name. Earlier years are typing errors
 * ("0026" for 2026), not a contact center's calendar, and JavaScript's `Date.UTC` would read years 0–99 as 1900–1999
 * (year 0050 → 1950), lending a forecast another year's weekdays without a word.
 */
export const FIRST_CALENDAR_YEAR = 1900;

/** Why the year of `YYYY-MM-DD…` text is out of range (`"year 0050 is before 1900 (a year is written in full, like
 * 2026)"`), or null. */
export function yearOutOfRangeReason(text: string): string | null {
  const year = /^(\d{4})-/.exec(text)?.[1];
  return year !== undefined && Number(year) < FIRST_CALENDAR_YEAR ? `year ${year} is before ${FIRST_CALENDAR_YEAR} (a year is written in full, like 2026)` : null;
}

/**
 * The issue a scenario's date field gets for a year before `FIRST_CALENDAR_YEAR` that the schema's date format let
 * through (`z.iso.date()` takes any four digits), as a message that names the value and what was expected; null
 * when there is none, or when the format already fails (the schema reports that one, in the same words).
 */
export function earlyYearIssueMessage(value: unknown, formatAccepted: (text: string) => boolean): string | null {
  if (typeof value !== "string") return null;
  const reason = yearOutOfRangeReason(value);
  return reason === null || !formatAccepted(value) ? null : `${reason}; expected a date YYYY-MM-DD from ${FIRST_CALENDAR_YEAR} on, received ${JSON.stringify(value)}`;
}

/**
 * Why `YYYY-MM-DD` text names no day of the calendar — `"no such day: February 2026 has 28 days"`, `"no such month:
 * 13"` — or no day ccplan reads (`"year 0050 is before 1900"`, see `FIRST_CALENDAR_YEAR`), or null when it does. Text
 * of another shape is not this function's concern (null). `Date.parse` is no check: it rolls "2026-02-30" over to
 * 2 March.
 */
export function impossibleDateReason(text: string): string | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  return yearOutOfRangeReason(text) ?? calendarReason(text);
}

/** Why `YYYY-MM-DD` text names no day of the proleptic Gregorian calendar, whatever its year, or null. */
function calendarReason(text: string): string | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `no such month: ${match[2]}`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `no such day: ${MONTH_NAMES[month - 1]} ${match[1]} has ${last} days`;
  return null;
}

/** True for `YYYY-MM-DD` text naming a day of the proleptic Gregorian calendar ("2028-02-29", "0004-02-29"; not
 * "2026-02-30", "2026-13-01"): whether the day exists, whatever its year (`impossibleDateReason` also refuses years
 * before `FIRST_CALENDAR_YEAR`, which no input of ccplan may name). */
export function isCalendarDate(text: string): boolean {
  return DATE_PATTERN.test(text) && calendarReason(text) === null;
}
