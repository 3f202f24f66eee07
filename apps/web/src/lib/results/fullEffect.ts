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

/** "week 5", "week 2.5": a week of a timeline as the phase table writes it. */
export function weekText(week: number): string {
  return `week ${week.toFixed(week % 1 ? 1 : 0)}`;
}
