// Two kept runs side by side, in the shape the results are drawn from: one scenario of each (the baseline, or an
// intervention both ran), core's change from the first to the second, and the series by interval of both.
import { compareRuns, scenarioDiff, type ScenarioChange } from "@ccplan/core";
import type { ComparisonView, ScenarioView } from "../run/comparisonView";
import type { SavedRun } from "./savedRun";

export interface RunPair {
  view: ComparisonView;
  /** Core paired the runs (same seed and replications): the CIs of the changes are those of paired differences. */
  paired: boolean;
  /** Both runs have the same intervals (days and interval length), so their series can be drawn together. */
  sameIntervals: boolean;
  /** What differs between the two runs' inputs: the scenario files, then the run settings. */
  changes: ScenarioChange[];
}

/** The names of the scenarios both runs ran (the baseline first). */
export function commonScenarios(before: SavedRun, after: SavedRun): string[] {
  return before.names.filter((name) => after.names.includes(name));
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * `after` against `before` for the scenario `name` both ran: a two-column view (before, after) whose one delta is
 * core's `compareRuns`, and the inputs that changed between them (core's `scenarioDiff`, plus the run settings).
 * The columns are named by `labels` ("Run 1 · 14:02", …). Throws when either run lacks `name`.
 */
export function runPair(before: SavedRun, after: SavedRun, name: string, labels: [string, string]): RunPair {
  const a = before.view.scenarios.find((scenario) => scenario.name === name);
  const b = after.view.scenarios.find((scenario) => scenario.name === name);
  if (!a || !b) throw new Error(`both runs must have run “${name}”; they share ${commonScenarios(before, after).map((n) => `“${n}”`).join(", ") || "nothing"}`);
  const { paired, deltas } = compareRuns(
    { seed: before.view.seed, replications: before.view.replications, kpis: a.kpis, spanSamples: a.spanSamples.length > 0 ? a.spanSamples : null },
    { seed: after.view.seed, replications: after.view.replications, kpis: b.kpis, spanSamples: b.spanSamples.length > 0 ? b.spanSamples : null },
  );
  const sameIntervals = sameList(before.view.intervalStarts, after.view.intervalStarts) && sameList(before.view.intervalDays, after.view.intervalDays);
  const column = (scenario: ScenarioView, label: string): ScenarioView => ({ ...scenario, name: label });
  const marksOf = (run: SavedRun, scenario: ScenarioView, index: number) =>
    run.view.waitCurve.marks.filter((mark) => run.view.scenarios[mark.scenario] === scenario).map((mark) => ({ ...mark, scenario: index }));
  const view: ComparisonView = {
    ...after.view,
    replications: Math.min(before.view.replications, after.view.replications),
    scenarios: [column(a, labels[0]), column(b, labels[1])],
    deltas: [{ name: labels[1], deltas, days: [] }],
    waitCurve: { ...after.view.waitCurve, marks: [...marksOf(before, a, 0), ...marksOf(after, b, 1)] },
    money: [],
  };
  const changes = scenarioDiff(before.scenario, after.scenario);
  const setting = (where: string, x: unknown, y: unknown) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) changes.push({ kind: "changed", where, before: String(x), after: String(y) });
  };
  setting("run › replications", before.view.replications, after.view.replications);
  setting("run › seed", before.view.seed, after.view.seed);
  setting("run › interventions compared", before.settings.chosen.map((n) => `“${n}”`).join(", ") || "none", after.settings.chosen.map((n) => `“${n}”`).join(", ") || "none");
  return { view, paired, sameIntervals, changes };
}
