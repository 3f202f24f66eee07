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
 * Why `YYYY-MM-DD` text names no day of the calendar — `"no such day: February 2026 has 28 days"`, `"no such month:
 * 13"` — or null when it does. Text of another shape is not this function's concern (null). `Date.parse` is no check:
 * it rolls "2026-02-30" over to 2 March.
 */
export function impossibleDateReason(text: string): string | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `no such month: ${match[2]}`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `no such day: ${MONTH_NAMES[month - 1]} ${match[1]} has ${last} days`;
  return null;
}

/** True for `YYYY-MM-DD` text naming a day of the calendar ("2028-02-29"; not "2026-02-30", "2026-13-01"). */
export function isCalendarDate(text: string): boolean {
  return DATE_PATTERN.test(text) && impossibleDateReason(text) === null;
}
