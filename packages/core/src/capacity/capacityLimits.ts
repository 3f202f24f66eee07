import { checkVariantLimits } from "../schema/checkLimits.js";
import type { ScenarioIssue } from "../schema/scenarioIssue.js";
import { capacityCalendar } from "./capacityCalendar.js";
import { runClasses, type CapacityRun } from "./capacityReplication.js";
import { weekScenario } from "./weekScenario.js";

/**
 * The size limits (`checkVariantLimits`) of the largest week a capacity run can ask the engine for: the month with the
 * most demand, and every capacity group with all its people on the floor (its headcount, every class's trainees and
 * any probe's extra agents). Commands call it before any week is simulated and refuse the run with its issues.
 */
export function checkCapacityLimits(run: CapacityRun): ScenarioIssue[] {
  const capacity = run.scenario.capacity;
  if (!capacity) return [];
  const calendar = capacityCalendar(capacity);
  const busiest = calendar.reduce((top, week) => (week.demandFactor > top.demandFactor ? week : top), calendar[0]!);
  const classes = runClasses(run);
  const groups = Object.fromEntries(
    Object.entries(capacity.groups).map(([name, group]) => {
      const most = group.headcount + (classes[name] ?? []).reduce((sum, entry) => sum + entry.size, 0) + (run.extraAgents?.[name] ?? 0);
      return [name, { onFloor: most, ramping: 0, rampingProductivity: 1 }];
    }),
  );
  const week = weekScenario(run.scenario, { demandFactor: busiest.demandFactor, shrinkage: busiest.shrinkage, groups, seed: run.scenario.seed, intervention: null });
  return checkVariantLimits(week, `the capacity plan's busiest week (week ${busiest.week}, everyone on the floor)`);
}
