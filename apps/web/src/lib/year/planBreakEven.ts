import { formatKpi } from "../results/kpiFormat";
import { periodText } from "../results/paybackText";
import type { TrajectoryView } from "./yearView";

/**
 * What the Year view's break-even counts, against the money cards' (whose help says the same the other way round): a
 * manager who reads "week 23" on a money card and "week 30" here must see two counts, not two answers.
 */
export const PLAN_WEEKS_NOTE =
  "A plan week is a week of the capacity plan, numbered from the plan's first week (plan week 1), each projected with that week's headcount, hiring, leavers and season. " +
  "The break-even week on the Results tab's money cards is another count: the option's own weeks from its start (week 1 = its first week), on the simulated weeks of its phases without the plan.";

/** The break-even of a trajectory in words, the plan week apart so the page can stress it. */
export interface PlanBreakEvenText {
  before: string;
  /** "plan week 23" */
  week: string;
  after: string;
}

/**
 * The trajectory's break-even as a plan week (core's `breakEvenWeek`: whole planned weeks, 1-based from the plan's
 * first), with its date when the plan has one, its P10–P90 and how often it is reached, and the plan week the
 * intervention starts in: "“Coaching” breaks even in plan week 23 (the week of 7 Jun 2027; median, P10 to P90: plan
 * weeks 20 to 27) in 85.0% of simulated futures within the planned weeks; it starts in plan week 5." Null when no
 * future breaks even. Reading and wording only.
 */
export function planBreakEven(view: Pick<TrajectoryView, "intervention" | "startWeek" | "breakEvenWeek" | "breakEvenShare" | "weekDates">): PlanBreakEvenText | null {
  const even = view.breakEvenWeek;
  if (even.n === 0 || even.p50 === null) return null;
  const date = view.weekDates[Math.round(even.p50) - 1] ?? null;
  return {
    before: `“${view.intervention}” breaks even in `,
    week: `plan week ${periodText(even.p50)}`,
    after:
      ` (${date ? `the week of ${date}; ` : ""}median, P10 to P90: plan weeks ${periodText(even.p10)} to ${periodText(even.p90)})` +
      ` in ${formatKpi(view.breakEvenShare, "fraction")} of simulated futures within the planned weeks; it starts in plan week ${view.startWeek}.`,
  };
}
