import type { KpiSummary } from "../stats/summary.js";
import type { HiringClass } from "../schema/capacity.js";
import type { CapacitySummary } from "./summarizeCapacity.js";

/** One planned week as `ccplan capacity --json` prints it; each simulated figure `{mean, ci95, p10, p50, p90, n}`. */
export interface CapacityReportWeek {
  week: number;
  start: string | null;
  /** Contacts offered in the week. */
  contacts: KpiSummary;
  /** Employed: agents on the floor plus trainees in class. */
  headcount: KpiSummary;
  /** On the floor in full-speed equivalents (ramping agents count by their productivity), before shrinkage. */
  availableAgents: KpiSummary;
  /** The hiring plan's requirement, in the same unit, corrected by simulation; null without a hiring plan. */
  requiredAgents: number | null;
  serviceLevel: KpiSummary;
  /** Share of replications whose week reached the target service level (ci95: Wilson). */
  probTargetMet: KpiSummary;
  /** Wages of everyone employed plus the cost per hire of the classes starting in the week. */
  cost: KpiSummary;
}

/** What `ccplan capacity --json` prints (the web's Year view reads the same): weeks, classes, totals. */
export interface CapacityReport {
  weeks: CapacityReportWeek[];
  hires: { group: string; week: number; size: number }[];
  totals: { hires: number; cost: KpiSummary; paidHours: KpiSummary };
}

/** The report of a summarised run: its weeks, the classes it ran (`classes` per group) and the totals. */
export function capacityReport(options: {
  summary: CapacitySummary;
  classes: Record<string, readonly HiringClass[]>;
  requiredAgents?: readonly (number | null)[] | null;
}): CapacityReport {
  const { summary, classes } = options;
  return {
    weeks: summary.weeks.map((week, w) => ({
      week: week.week,
      start: week.start,
      contacts: week.figures.offered,
      headcount: week.figures.employed,
      availableAgents: week.figures.effective,
      requiredAgents: options.requiredAgents?.[w] ?? null,
      serviceLevel: week.figures.serviceLevel,
      probTargetMet: week.probTargetMet,
      cost: week.figures.cost,
    })),
    hires: Object.entries(classes)
      .flatMap(([group, list]) => list.filter((entry) => entry.size > 0).map((entry) => ({ group, week: entry.week, size: entry.size })))
      .sort((a, b) => a.week - b.week || a.group.localeCompare(b.group)),
    totals: { hires: summary.totals.hires, cost: summary.totals.cost, paidHours: summary.totals.paidHours },
  };
}
