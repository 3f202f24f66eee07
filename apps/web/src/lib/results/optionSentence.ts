import type { DeltaStatistics, InterventionLever, InterventionMoney, Lever } from "@ccplan/core";
import { afterWeeksText, firstWeeksText } from "./fullEffect";
import { formatDelta, formatKpi, formatRange } from "./kpiFormat";
import { averagePeriodText, periodCi, periodSpread, periodText, samePeriodInEveryYear } from "./paybackText";

/**
 * One option in one sentence a manager can defend, from core's figures: its service-level change with the 95% CI
 * (for an option with a timeline, such as a training, over the horizon with every week counted, then at full effect
 * from the week its timeline reaches it), then whether and when it pays back: in how many of the simulated years
 * within the horizon, the mean payback month with its 95% CI and the P10–P90 of those years. "Training: service level
 * +8.2 pt over the 12 months, every week counted (95% CI +7.9 to +8.5 pt); +9.1 pt at full effect, reached after 5 weeks (95% CI
 * +8.7 to +9.4 pt); pays back within the 12-month horizon in 97.0% of 100 simulated years, in month 5.7 on average
 * (95% CI 5.5 to 5.9; P10–P90 months 4 to 7)." Reading and wording only.
 *
 * A service level the option leaves as it was in every replication is said to be unchanged, with why from core's
 * `interventionLevers` when they are given: "service level unchanged at full effect, reached after 7 weeks, in every
 * replication: as entered it changes satisfaction, which the queue does not depend on, and not handle time or
 * first-contact resolution (with it, repeat contacts)", not "0.0 pt (95% CI 0.0 to 0.0 pt)" as if a change had
 * been measured. Its change over the horizon then comes from the weeks before full effect alone, and says so.
 */
export function optionSentence(options: {
  name: string;
  money: InterventionMoney;
  serviceLevel: DeltaStatistics | undefined;
  fullEffectWeek: number | null;
  /** What the option moves at full effect (core's `interventionLevers`); omitted (a run kept before): not said. */
  levers?: readonly InterventionLever[] | undefined;
}): string {
  const { name, money: m, serviceLevel: sl, fullEffectWeek, levers } = options;
  const parts: string[] = [];
  // A change no replication moves (a training that changes satisfaction alone) says so, not "(95% CI 0.0 to 0.0 pt)".
  const ciOf = (ci95: readonly [number, number] | null) =>
    !ci95 ? "" : ci95[0] === ci95[1] ? ", the same in every replication" : ` (95% CI ${formatRange(ci95[0], ci95[1], "fraction", { delta: true })})`;
  // An option with a timeline (class weeks, a ramp) changes service differently over the horizon than once at full
  // effect: both, the horizon's first (core's serviceLevelChange, every week counted).
  const year = fullEffectWeek === null ? null : m.serviceLevelChange;
  // The same change in every replication (a CI of zero width); unchanged when that change is 0.
  const fixed = sl !== undefined && sl.ci95 !== null && sl.ci95[0] === sl.ci95[1];
  const unchanged = fixed && sl.mean === 0;
  if (year && year.mean !== null) {
    const before = unchanged && year.mean !== 0 ? `, all of it in ${firstWeeksText(fullEffectWeek!)}` : "";
    parts.push(`service level ${formatDelta(year.mean, "fraction")} over the ${m.horizonMonths} months, every week counted${ciOf(year.ci95)}${before}`);
  }
  if (sl && sl.mean !== null) {
    const when = fullEffectWeek === null ? "" : ` at full effect, reached ${afterWeeksText(fullEffectWeek)}`;
    const what = year && year.mean !== null ? "" : "service level ";
    if (unchanged) parts.push(`${what}unchanged${when}${when ? "," : ""} in every replication${levers ? unchangedWhy(levers) : ""}`);
    else parts.push(`${what}${formatDelta(sl.mean, "fraction")}${when}${ciOf(sl.ci95)}${sl.significant || fixed ? "" : ", no clear change"}`);
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
    const within = `pays back within the ${m.horizonMonths}-month horizon in ${formatKpi(share, "fraction")} of ${years}`;
    // Every year that pays back does so in the same month: that month, whole, not "(95% CI 2.0 to 2.0; P10–P90 months 2 to 2)".
    if (samePeriodInEveryYear(p)) {
      parts.push(`${within}, in month ${periodText(p.mean)} in ${p.n === m.replications ? "every one of them" : `each of those ${p.n}`}`);
      return `${name}: ${parts.join("; ")}.`;
    }
    const ci = periodCi(p);
    const spread = periodSpread(p);
    const detail = [ci ? `95% CI ${ci}` : "", spread ? `P10–P90 months ${spread}` : ""].filter(Boolean).join("; ");
    parts.push(`${within}, in month ${averagePeriodText(p.mean)} on average${detail ? ` (${detail})` : ""}`);
  }
  return `${name}: ${parts.join("; ")}.`;
}

/** What each lever is called in a sentence. */
const LEVER_WORDS: Record<Lever, string> = {
  staffing: "agents on the floor",
  handleTime: "handle time",
  firstContactResolution: "first-contact resolution (with it, repeat contacts)",
  patience: "callers' patience",
  contactRouting: "which queue contacts go to",
  satisfaction: "satisfaction",
  resolutionTime: "the time to resolve a problem",
  surveyResponse: "how many customers answer the survey",
};

/** "a", "a or b", "a, b or c". */
function listed(items: readonly string[], last: "and" | "or"): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

/** Why an option leaves the service level as it was, from what it moves as entered; "" when it moves something the
 * queue depends on (its service level is then unchanged for another reason, which the page cannot tell). */
function unchangedWhy(levers: readonly InterventionLever[]): string {
  if (levers.some((lever) => lever.moves && lever.reachesQueue)) return "";
  const moved = levers.filter((lever) => lever.moves).map((lever) => LEVER_WORDS[lever.lever]);
  const still = levers.filter((lever) => !lever.moves && (lever.reachesQueue || moved.length === 0)).map((lever) => LEVER_WORDS[lever.lever]);
  if (moved.length === 0) return `: as entered it changes nothing${still.length > 0 ? `, not ${listed(still, "or")}` : ""}`;
  const which = `${listed(moved, "and")}, which the queue does not depend on`;
  return `: as entered it changes ${which}${still.length > 0 ? `, and not ${listed(still, "or")}` : ""}`;
}
