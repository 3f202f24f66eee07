import type { Capacity } from "../schema/capacity.js";

/** One planned week on the calendar. */
export interface CapacityWeek {
  /** 1 for the first planned week. */
  week: number;
  /** Date of its first day (YYYY-MM-DD), or null when the plan has no `start`. */
  start: string | null;
  /** Whole months from the month of `start` to the month the week falls in (by its middle day): 0, 1, … */
  monthOffset: number;
  /** Factor on the scenario's forecast: (1 + growthPerYear)^(monthOffset / 12) × the month's index. */
  demandFactor: number;
  /** The month's shrinkage from `shrinkageByMonth`, or null (each group keeps its own). */
  shrinkage: number | null;
}

const DAY_MS = 86_400_000;

/**
 * The planned weeks: dates from `start` (week w starts 7(w − 1) days after it), the month each falls in (the month
 * of its fourth day, so a week straddling two months counts in the one holding most of its days; without `start`,
 * month m holds weeks (m·52/12, (m + 1)·52/12]), and the month's demand factor and shrinkage. Growth compounds month
 * by month, so the weeks of a month share their demand (and may share their runs).
 */
export function capacityCalendar(capacity: Capacity): CapacityWeek[] {
  const startMs = capacity.start ? Date.parse(`${capacity.start}T00:00:00Z`) : null;
  const startDate = startMs === null ? null : new Date(startMs);
  const { growthPerYear, monthlyIndex } = capacity.volume;
  return Array.from({ length: capacity.weeks }, (_, i) => {
    let monthOffset: number;
    let start: string | null = null;
    if (startDate !== null && startMs !== null) {
      start = new Date(startMs + 7 * i * DAY_MS).toISOString().slice(0, 10);
      const middle = new Date(startMs + (7 * i + 3) * DAY_MS);
      monthOffset = (middle.getUTCFullYear() - startDate.getUTCFullYear()) * 12 + middle.getUTCMonth() - startDate.getUTCMonth();
    } else {
      monthOffset = Math.floor(((i + 0.5) * 12) / 52);
    }
    const index = monthlyIndex.length === 12 ? monthlyIndex[monthOffset % 12]! : 1;
    const shrinkage = capacity.shrinkageByMonth.length === 12 ? capacity.shrinkageByMonth[monthOffset % 12]! : null;
    return { week: i + 1, start, monthOffset, demandFactor: (1 + growthPerYear) ** (monthOffset / 12) * index, shrinkage };
  });
}
