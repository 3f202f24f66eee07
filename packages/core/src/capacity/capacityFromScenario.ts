import { groupHeadcount } from "../interventions/scenarioEdits.js";
import type { z } from "zod";
import { capacitySchema } from "../schema/capacity.js";
import type { Scenario } from "../schema/scenario.js";

/** A capacity plan as a scenario file writes it (defaults left out). */
export type CapacityInput = z.input<typeof capacitySchema>;

/** Weeks a plan built from a scenario covers: a year, the horizon a budget and a training's payback are read over. */
export const STARTER_CAPACITY_WEEKS = 52;

/**
 * A capacity plan built from a scenario that has none, so that the year (and a trainer's trajectory) runs at once:
 * a year of weeks from the scenario's first day (when it is dated), and every agent group at the headcount its
 * shifts' agents stand for (`groupHeadcount`, the reference each week's roster is scaled from, so week 1 runs the
 * scenario's own roster). Everything else stays at the schema's defaults, each an assumption the planner is shown
 * with its source: no growth and no seasonal index, each group's own shrinkage, nobody leaving, no ramp-up, the
 * default hiring settings and no class planned. Each group gets its hiring block (empty: the defaults), so an
 * editor never has to add one while drawing.
 */
export function capacityFromScenario(scenario: Scenario): CapacityInput {
  return {
    ...(scenario.startDate ? { start: scenario.startDate } : {}),
    weeks: STARTER_CAPACITY_WEEKS,
    groups: Object.fromEntries(scenario.groups.map((group) => [group.name, { headcount: groupHeadcount(group), hiring: {} }])),
  };
}
