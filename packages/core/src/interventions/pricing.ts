import type { Scenario } from "../schema/scenario.js";
import { resolveCentral } from "../schema/uncertain.js";
import type { CostLine } from "./costLine.js";

// Cost lines in the scenario's currency. Without `money` a scenario has no prices, so no cost lines at all.

/**
 * Wages for `agentHoursPerWeek` paid hours a week at `money.wagePerHour` (negative hours: a saving), and the
 * management overhead that goes with them (`money.managementOverhead` × wages) when it is set.
 */
export function wageLines(scenario: Scenario, label: string, agentHoursPerWeek: number): CostLine[] {
  // A scenario resolved at a draw has plain numbers here; one that is not yet is priced at its central values.
  const money = scenario.money && resolveCentral(scenario.money);
  if (!money || agentHoursPerWeek === 0) return [];
  const wages = agentHoursPerWeek * money.wagePerHour;
  const lines: CostLine[] = [{ label: `${label}: wages`, kind: "perWeek", amount: wages, currency: money.currency }];
  if (money.managementOverhead > 0) {
    lines.push({ label: `${label}: management overhead`, kind: "perWeek", amount: wages * money.managementOverhead, currency: money.currency });
  }
  return lines;
}

/**
 * Hiring (`money.hiringCostPerAgent`, one-off) and technology seats (`money.technologyPerSeatPerMonth`, per
 * month) for agents added; removing agents saves neither (hiring is spent, seats stay: an assumption).
 */
export function newAgentLines(scenario: Scenario, label: string, agentsAdded: number): CostLine[] {
  const money = scenario.money && resolveCentral(scenario.money);
  if (!money || agentsAdded <= 0) return [];
  const lines: CostLine[] = [];
  if (money.hiringCostPerAgent) {
    lines.push({ label: `${label}: hiring`, kind: "oneOff", amount: agentsAdded * money.hiringCostPerAgent, currency: money.currency });
  }
  if (money.technologyPerSeatPerMonth > 0) {
    lines.push({ label: `${label}: technology`, kind: "perMonth", amount: agentsAdded * money.technologyPerSeatPerMonth, currency: money.currency });
  }
  return lines;
}

/** A one-off and a monthly amount an intervention states itself; zero amounts give no line. */
export function statedCostLines(scenario: Scenario, label: string, costs: { oneOffCost?: number; perMonthCost?: number }): CostLine[] {
  const money = scenario.money && resolveCentral(scenario.money);
  if (!money) return [];
  const lines: CostLine[] = [];
  if (costs.oneOffCost) lines.push({ label: `${label}: one-off cost`, kind: "oneOff", amount: costs.oneOffCost, currency: money.currency });
  if (costs.perMonthCost) lines.push({ label: `${label}: cost per month`, kind: "perMonth", amount: costs.perMonthCost, currency: money.currency });
  return lines;
}
