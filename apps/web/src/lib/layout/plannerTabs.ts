/** The planner's tabs: the scenario's editors, the results of the run on screen (over the page's width), and the
 * runs kept in this browser. Add a tab here and its panel in Planner.svelte. */
export const PLANNER_TABS = [
  { id: "scenario", label: "Plan" },
  { id: "results", label: "Results" },
  { id: "roster", label: "Cheapest roster" },
  { id: "runs", label: "Runs" },
] as const;

export type PlannerTab = (typeof PLANNER_TABS)[number]["id"];
