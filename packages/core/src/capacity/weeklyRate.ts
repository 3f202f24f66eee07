import { WEEKS_PER_MONTH } from "../economics/moneyReplications.js";

/** The weekly rate that compounds to a monthly one over 52/12 weeks: 1 − (1 − monthly)^(12/52). */
export function weeklyRate(perMonth: number): number {
  return 1 - (1 - perMonth) ** (1 / WEEKS_PER_MONTH);
}
