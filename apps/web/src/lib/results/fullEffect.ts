import type { ComparisonView } from "../run/comparisonView";

/**
 * The week from which the intervention in column `scenarioIndex` is at full effect (its timeline's last phase, the
 * steady state), for interventions with a timeline (a training's class and learning curve, a ramp); null for the
 * baseline, an intervention in force from day one, or a column that is not an intervention (a kept run). The
 * comparison simulates each intervention in its steady state, so its KPIs are those from this week on: the page says
 * so, or a manager reads a training's gain as if it held from the first week, class included. A reading of core's
 * phases, nothing more.
 */
export function fullEffectWeek(view: ComparisonView, scenarioIndex: number): number | null {
  if (scenarioIndex < 1) return null;
  const name = view.scenarios[scenarioIndex]?.name;
  const phases = view.money.find((item) => item.name === name)?.phases ?? [];
  return phases.length > 1 ? phases[phases.length - 1]!.startWeek : null;
}

/** "5 weeks", "2.5 weeks", "1 week": a span of a timeline. A phase's `startWeek` is the weeks elapsed since the
 * option's start (0 for its first week), not a week number: written as a number, "week 7" would read as the money
 * card's week 7 (week 1 = its start), a week before full effect. */
export function weeksText(weeks: number): string {
  return `${weeks.toFixed(weeks % 1 ? 1 : 0)} week${weeks === 1 ? "" : "s"}`;
}

/** "its first 7 weeks", "its first week": the weeks from the option's start. */
export function firstWeeksText(weeks: number): string {
  return weeks === 1 ? "its first week" : `its first ${weeksText(weeks)}`;
}

/** "after 5 weeks": when a phase of a timeline begins, in weeks elapsed since the option's start. */
export function afterWeeksText(startWeek: number): string {
  return `after ${weeksText(startWeek)}`;
}
