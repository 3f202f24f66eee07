import type { DeltaStatistics, InterventionMoney } from "@ccplan/core";
import { weekText } from "./fullEffect";
import { formatDelta, formatKpi, formatRange } from "./kpiFormat";

/**
 * One option in one sentence a manager can defend, from core's figures: its service-level change with the 95% CI
 * (at full effect, from the week its timeline reaches it, for a training), then whether and when it pays back: in how
 * many of the simulated years within the horizon, the mean payback month with its 95% CI and the P10–P90 of those
 * years. "Training: service level +9.1 pt at full effect, from week 5 (95% CI +8.7 to +9.4 pt); pays back within the
 * 12-month horizon in 97.0% of 100 simulated years, in month 5.7 on average (95% CI 5.5 to 5.9; P10–P90 months 4.0
 * to 7.0)." Reading and wording only.
 */
export function optionSentence(options: {
  name: string;
  money: InterventionMoney;
  serviceLevel: DeltaStatistics | undefined;
  fullEffectWeek: number | null;
}): string {
  const { name, money: m, serviceLevel: sl, fullEffectWeek } = options;
  const month = (value: number | null | undefined) => (value === null || value === undefined || !Number.isFinite(value) ? "—" : value.toFixed(1));
  const parts: string[] = [];
  if (sl && sl.mean !== null) {
    const when = fullEffectWeek === null ? "" : ` at full effect, from ${weekText(fullEffectWeek)}`;
    const ci = sl.ci95 ? ` (95% CI ${formatRange(sl.ci95[0], sl.ci95[1], "fraction", { delta: true })})` : "";
    parts.push(`service level ${formatDelta(sl.mean, "fraction")}${when}${ci}${sl.significant ? "" : ", no clear change"}`);
  }
  const years = `${m.replications} simulated years`;
  const benefitPriced = m.benefitPriced ?? m.totalBenefit.mean !== 0;
  const share = m.probPaybackWithinHorizon.mean;
  if (!benefitPriced) parts.push("no benefit is priced, so no payback");
  else if (m.totalCost.mean !== null && m.totalCost.mean <= 0) parts.push("costs nothing extra");
  else if (share === null || share === 0) parts.push(`does not pay back within the ${m.horizonMonths}-month horizon in any of ${years}`);
  else {
    const p = m.paybackMonth;
    const ci = p.ci95 ? `95% CI ${month(p.ci95[0])} to ${month(p.ci95[1])}` : "";
    const spread = p.p10 !== null && p.p90 !== null ? `P10–P90 months ${month(p.p10)} to ${month(p.p90)}` : "";
    const detail = [ci, spread].filter(Boolean).join("; ");
    parts.push(`pays back within the ${m.horizonMonths}-month horizon in ${formatKpi(share, "fraction")} of ${years}, in month ${month(p.mean)} on average${detail ? ` (${detail})` : ""}`);
  }
  return `${name}: ${parts.join("; ")}.`;
}
