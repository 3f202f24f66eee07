/**
 * `digits` (the printed magnitude of `value`, without unit) with `value`'s sign: a true minus "−", a "+" on a
 * positive change when `plus`, and no sign at all where the printed digits are all zero. A sign on a printed zero
 * ("−0.00 pt", "+0.0 pt", "−0") claims a direction the digits do not show.
 */
export function signed(value: number, digits: string, { plus }: { plus: boolean }): string {
  if (!/[1-9]/.test(digits)) return digits;
  return `${value < 0 ? "−" : plus && value > 0 ? "+" : ""}${digits}`;
}
