/**
 * A limit as the CLI's messages write it: en-US thousands separators from 10,000 on ("100,000", "2,147,483,647"),
 * smaller numbers and fractions as they are ("5000", "0.95"). Without Intl: the schemas build their messages when core
 * loads, in every thread that loads it, and the first `toLocaleString` of a process initialises ICU's number
 * formatting (about 10 ms of every start-up), so grouping is done on the digits. Exponent forms (1e21 and beyond,
 * 1e-7 and below) stay as JavaScript writes them.
 */
export function groupedNumber(value: number): string {
  const text = String(value);
  if (!Number.isFinite(value) || Math.abs(value) < 10_000 || /e/i.test(text)) return text;
  const point = text.indexOf(".");
  const whole = point < 0 ? text : text.slice(0, point);
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (point < 0 ? "" : text.slice(point));
}
