import type { Intervention } from "../schema/intervention.js";
import { resolveCentral } from "../schema/uncertain.js";
import type { Scenario } from "../schema/scenario.js";
import type { CostLine } from "./costLine.js";
import { newAgentLines } from "./pricing.js";
import { findGroup, groupAgentHoursPerWeek, groupHeadcount } from "./scenarioEdits.js";

/**
 * A group's shifts replaced by a roster (`kind: "roster"`, what `ccplan roster` finds). Priced like the other staffing
 * kinds: the weekly wage difference (the roster's `costPerWeek` when the optimiser priced it, else its paid hours at
 * `money.wagePerHour`, against today's paid hours at that wage) with the management overhead that goes with wages,
 * and, when it needs more people, hiring and technology seats for the difference in headcount (each shift's agents
 * counted as different people, as for the other kinds: `groupHeadcount`).
 */
export function applyRoster(scenario: Scenario, intervention: Extract<Intervention, { kind: "roster" }>): { scenario: Scenario; costLines: CostLine[] } {
  const group = findGroup(scenario, intervention, intervention.group);
  const updated = { ...group, shifts: intervention.shifts };
  const groups = scenario.groups.map((old) => (old === group ? updated : old));
  // Priced at the money section's central values unless the scenario is resolved at a draw.
  const money = scenario.money && resolveCentral(scenario.money);
  const costLines: CostLine[] = [];
  if (money) {
    const label = `${intervention.name}: roster of ${group.name}`;
    const before = groupAgentHoursPerWeek(group) * money.wagePerHour;
    const after = intervention.costPerWeek ?? groupAgentHoursPerWeek(updated) * money.wagePerHour;
    const wages = after - before;
    if (wages !== 0) {
      costLines.push({ label: `${label}: wages`, kind: "perWeek", amount: wages, currency: money.currency });
      if (money.managementOverhead > 0) costLines.push({ label: `${label}: management overhead`, kind: "perWeek", amount: wages * money.managementOverhead, currency: money.currency });
    }
    costLines.push(...newAgentLines(scenario, label, groupHeadcount(updated) - groupHeadcount(group)));
  }
  return { scenario: { ...scenario, groups }, costLines };
}
