import { applyIntervention } from "../interventions/applyIntervention.js";
import { expectedContacts } from "../plan/expectedContacts.js";
import { staffingTimeline } from "../plan/staffingTimeline.js";
import { formatClock } from "./clockTime.js";
import { SCENARIO_LIMITS } from "./limits.js";
import type { Scenario } from "./scenario.js";
import type { ScenarioIssue } from "./scenarioIssue.js";

const grouped = (value: number) => Math.round(value).toLocaleString("en-US");

/**
 * Refuses sizes beyond reason (see `SCENARIO_LIMITS`): more expected contacts in one replication than the
 * limit, or a group scheduling more agents at once than the limit, in the baseline or after any of its
 * interventions. (The span limit is part of the schema.) Expects an otherwise valid scenario.
 */
export function checkScenarioLimits(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const contacts = expectedContacts(scenario);
  const maxContacts = SCENARIO_LIMITS.maxContactsPerReplication;
  if (contacts > maxContacts) {
    issues.push({
      path: "queues",
      message:
        `about ${grouped(contacts)} contacts expected in one replication (the forecast with allowances for repeats at fcr ${scenario.resolution.fcr} and retries); ` +
        `expected at most ${grouped(maxContacts)}: shorten the span, split the scenario or check the volumes`,
      received: `${grouped(contacts)} contacts`,
      expected: `at most ${grouped(maxContacts)} contacts`,
    });
  }
  issues.push(...agentIssues(scenario, ""));
  scenario.interventions.forEach((intervention, index) => {
    // Interventions that cannot apply are reported by the cross-checks, which run before the limits.
    let applied: Scenario;
    try {
      applied = applyIntervention(scenario, intervention).scenario;
    } catch {
      return;
    }
    for (const found of agentIssues(applied, ` after intervention "${intervention.name}"`)) issues.push({ ...found, path: `interventions[${index}]` });
  });
  return issues;
}

function agentIssues(scenario: Scenario, context: string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const maxAgents = SCENARIO_LIMITS.maxAgentsPerGroup;
  scenario.groups.forEach((group, index) => {
    const timeline = staffingTimeline({ shifts: group.shifts, days: scenario.days });
    let peak = 0;
    let peakAt = 0;
    timeline.counts.forEach((count, i) => {
      if (count > peak) {
        peak = count;
        peakAt = timeline.timesSec[i]!;
      }
    });
    if (peak <= maxAgents) return;
    const day = Math.floor(peakAt / 86_400);
    const when = `${scenario.days[day] ?? ""} ${formatClock(Math.floor((peakAt % 86_400) / 60))}`.trim();
    issues.push({
      path: `groups[${index}].shifts`,
      message: `group "${group.name}" schedules ${grouped(peak)} agents at once (day ${day + 1}, ${when})${context}; expected at most ${grouped(maxAgents)} per group`,
      received: `${grouped(peak)} agents`,
      expected: `at most ${grouped(maxAgents)} agents at once`,
    });
  });
  return issues;
}
