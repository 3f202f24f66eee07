import type { DeltaStatistics, InterventionMoney } from "@ccplan/core";
import { weekText } from "./fullEffect";
import { formatDelta, formatKpi, formatRange } from "./kpiFormat";
import { averagePeriodText, periodCi, periodSpread } from "./paybackText";

/**
 * One option in one sentence a manager can defend, from core's figures: its service-level change with the 95% CI
 * (for an option with a timeline, such as a training, over the horizon with every week counted, then at full effect
 * from the week its timeline reaches it), then whether and when it pays back: in how many of the simulated years
 * within the horizon, the mean payback month with its 95% CI and the P10–P90 of those years. "Training: service level
 * +8.2 pt over the 12 months, every week counted (95% CI +7.9 to +8.5 pt); +9.1 pt at full effect, from week 5 (95% CI
 * +8.7 to +9.4 pt); pays back within the 12-month horizon in 97.0% of 100 simulated years, in month 5.7 on average
 * (95% CI 5.5 to 5.9; P10–P90 months 4 to 7)." Reading and wording only.
 */
export function optionSentence(options: {
  name: string;
  money: InterventionMoney;
  serviceLevel: DeltaStatistics | undefined;
  fullEffectWeek: number | null;
}): string {
  const { name, money: m, serviceLevel: sl, fullEffectWeek } = options;
  const parts: string[] = [];
  // A change no replication moves (a training that changes satisfaction alone) says so, not "(95% CI 0.0 to 0.0 pt)".
  const ciOf = (ci95: readonly [number, number] | null) =>
    !ci95 ? "" : ci95[0] === ci95[1] ? ", the same in every replication" : ` (95% CI ${formatRange(ci95[0], ci95[1], "fraction", { delta: true })})`;
  // An option with a timeline (class weeks, a ramp) changes service differently over the horizon than once at full
  // effect: both, the horizon's first (core's serviceLevelChange, every week counted).
  const year = fullEffectWeek === null ? null : m.serviceLevelChange;
  if (year && year.mean !== null) parts.push(`service level ${formatDelta(year.mean, "fraction")} over the ${m.horizonMonths} months, every week counted${ciOf(year.ci95)}`);
  if (sl && sl.mean !== null) {
    const when = fullEffectWeek === null ? "" : ` at full effect, from ${weekText(fullEffectWeek)}`;
    const what = year && year.mean !== null ? "" : "service level ";
    const fixed = sl.ci95 !== null && sl.ci95[0] === sl.ci95[1];
    parts.push(`${what}${formatDelta(sl.mean, "fraction")}${when}${ciOf(sl.ci95)}${sl.significant || fixed ? "" : ", no clear change"}`);
  }
  const years = `${m.replications} simulated years`;
  const benefitPriced = m.benefitPriced ?? m.totalBenefit.mean !== 0;
  const share = m.probPaybackWithinHorizon.mean;
  if (!benefitPriced) parts.push("no benefit is priced, so no payback");
  else if (m.totalCost.mean !== null && m.totalCost.mean <= 0) parts.push("costs nothing extra");
  else if (share === null || share === 0) parts.push(`does not pay back within the ${m.horizonMonths}-month horizon in any of ${years}`);
  else {
    // Whole months some year reached for the P10–P90 (core's discrete quantiles), the average with a decimal.
    const p = m.paybackMonth;
    const ci = periodCi(p);
    const spread = periodSpread(p);
    const detail = [ci ? `95% CI ${ci}` : "", spread ? `P10–P90 months ${spread}` : ""].filter(Boolean).join("; ");
    parts.push(`pays back within the ${m.horizonMonths}-month horizon in ${formatKpi(share, "fraction")} of ${years}, in month ${averagePeriodText(p.mean)} on average${detail ? ` (${detail})` : ""}`);
  }
  return `${name}: ${parts.join("; ")}.`;
}
