import type { InterventionMoney, KpiSummary } from "@ccplan/core";
import { sameInAll, sameInEveryReplication } from "./kpiFormat";

const defined = (value: number | null | undefined): value is number => value !== null && value !== undefined && Number.isFinite(value);

/** A period some year reached (a P10, a median: core's whole-period quantiles) as a whole number, "—" when undefined. */
export function periodText(value: number | null | undefined): string {
  return defined(value) ? String(Math.round(value)) : "—";
}

/** An average of whole periods, or an end of its CI, with one decimal even when whole ("6.0"): it is an average. */
export function averagePeriodText(value: number | null | undefined): string {
  return defined(value) ? value.toFixed(1) : "—";
}

/** "5 to 7" from a summary's P10 and P90 (whole periods), or null when either is missing. */
export function periodSpread(summary: KpiSummary): string | null {
  return defined(summary.p10) && defined(summary.p90) ? `${periodText(summary.p10)} to ${periodText(summary.p90)}` : null;
}

/** "5.4 to 6.0" from a summary's 95% CI of the mean, or null. */
export function periodCi(summary: KpiSummary): string | null {
  return summary.ci95 ? `${averagePeriodText(summary.ci95[0])} to ${averagePeriodText(summary.ci95[1])}` : null;
}

/** Whether every simulated year that reached a period (paid back, broke even) reached the same one: a 95% CI of zero
 * width, which reads as a certainty ("7.0 to 7.0") where it is only what these years did. */
export function samePeriodInEveryYear(summary: KpiSummary): boolean {
  return sameInEveryReplication(summary.ci95);
}

/** "the same in all 18 simulated years that pay back" (of `years` simulated): a period no year differs in, in words. */
export function samePeriodText(summary: KpiSummary, years: number, reached: string): string {
  return sameInAll(summary.n, summary.n < years ? `simulated years that ${reached}` : "simulated years");
}

/** A period as the card's main figure: the average with one decimal ("week 7.4"), or whole where every year that
 * reached it reached the same ("week 7"). */
export function periodMain(summary: KpiSummary, unit: "month" | "week"): string {
  if (!defined(summary.mean)) return "—";
  return `${unit} ${samePeriodInEveryYear(summary) ? periodText(summary.mean) : averagePeriodText(summary.mean)}`;
}

/**
 * How the payback month and the break-even week relate, in plain words, with the median year's pair from core: one
 * moment (the first from which the cumulative net stays ≥ 0 to the horizon's end) named by the week and by the month
 * that hold it. Both are whole periods, so the average month sits up to a month above the average week ÷ 52/12: said
 * here, or the two averages read as two answers to "when does it pay back". Both count from the option's start, on
 * the simulated weeks of its phases; the Year view's break-even plan week is another count (the capacity plan's weeks
 * from its first, projected with its hiring and leavers), and the help says so, or a manager reads week 23 here and
 * plan week 30 there as two answers. Null when the option never pays back.
 */
export function paybackHelp(money: Pick<InterventionMoney, "paybackMonth" | "breakEvenWeek">): string | null {
  const week = money.breakEvenWeek;
  const month = money.paybackMonth;
  if (!defined(week.mean) || !defined(month.mean)) return null;
  const median = defined(week.p50) && defined(month.p50) ? ` In the median year it breaks even in week ${periodText(week.p50)}, which falls in month ${periodText(month.p50)}.` : "";
  return (
    "One moment, counted two ways from the option's start (week 1 and month 1 are its first): the break-even week is the first week from which the cumulative net (benefit − cost) stays at or above zero to the horizon's end, " +
    `and the payback month is the month that week falls in (a month is 52/12 ≈ 4.33 weeks).${median} ` +
    "A whole month counts a payback anywhere in it, so the average month reads up to a month later than the average week ÷ 4.33. " +
    OPTION_WEEKS_NOTE
  );
}

/** What the money's weeks are, against the Year view's (whose own help says the same the other way round), so that a
 * manager never reads the two break-even weeks as one. */
export const OPTION_WEEKS_NOTE =
  "These weeks come from the simulated weeks of each phase of its timeline on the scenario as it is; the Year view's break-even plan week is another count: a week of the capacity plan, numbered from the plan's first week, projected with its hiring and leavers.";
