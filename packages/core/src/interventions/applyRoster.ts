import type { Intervention } from "../schema/intervention.js";
import { resolveCentral } from "../schema/uncertain.js";
import type { Scenario } from "../schema/scenario.js";
import type { CostLine } from "./costLine.js";
import { newAgentLines } from "./pricing.js";
import type { Shift } from "../schema/shift.js";
import { findGroup, groupAgentHoursPerWeek, groupHeadcount, weeklyDays } from "./scenarioEdits.js";

/**
 * A group's shifts replaced by a roster (`kind: "roster"`, what `ccplan roster` finds). Priced like the other staffing
 * kinds: the weekly wage difference (the roster's `costPerWeek` when the optimiser priced it, else its paid hours at
 * `money.wagePerHour`, against today's paid hours at that wage) with the management overhead that goes with wages,
 * and, when it needs more people, hiring and technology seats for the difference in headcount. Today's headcount is
 * counted as for the other kinds (`groupHeadcount`: each shift's agents are different people); the roster's is
 * `rosterPeople`, since an optimised roster lists each weekday's shifts apart (one agent on "Full time 07:00, thu" is
 * one day of someone's week, not one more person).
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
    const today = groupHeadcount(group);
    const hoursPerPerson = today > 0 ? groupAgentHoursPerWeek(group) / today : FULL_TIME_HOURS_PER_WEEK;
    costLines.push(...newAgentLines(scenario, label, rosterPeople(updated.shifts, hoursPerPerson) - today));
  }
  return { scenario: { ...scenario, groups }, costLines };
}

/** Paid hours a week of one person when the group has nobody today to take the figure from (assumption: full time). */
const FULL_TIME_HOURS_PER_WEEK = 40;

/**
 * People a roster needs: enough to work its paid hours at `hoursPerPerson` each a week (today's paid hours per person
 * of the group: the roster keeps today's mix of contracts), and never fewer than the agents it has on shift on its
 * busiest weekday (nobody works two shifts in a day). Counting shifts' agents instead would make a roster split by
 * weekday (as the optimiser writes it) need one person per shift-day: hundreds of hires for the same hours.
 */
export function rosterPeople(shifts: readonly Shift[], hoursPerPerson: number): number {
  const hours = shifts.reduce((sum, shift) => sum + shift.agents * shift.hours * weeklyDays(shift), 0);
  const byDay = new Map<string, number>();
  for (const shift of shifts) for (const day of new Set(shift.days)) byDay.set(day, (byDay.get(day) ?? 0) + shift.agents);
  const busiestDay = Math.max(0, ...byDay.values());
  // A hair below a whole number is that number (hours add up in binary fractions).
  return Math.max(busiestDay, hours > 0 ? Math.ceil(hours / hoursPerPerson - 1e-9) : 0);
}
