import type { Scenario } from "../schema/scenario.js";

/** Length of the simulated span, seconds: one day (86,400 s) per entry of `days`. */
export function scenarioSpanSec(scenario: Pick<Scenario, "days">): number {
  return scenario.days.length * 86_400;
}
