import { applyIntervention } from "../interventions/applyIntervention.js";
import { expectedContactsByQueue } from "../plan/expectedContacts.js";
import { staffingTimeline } from "../plan/staffingTimeline.js";
import { formatClock } from "./clockTime.js";
import { SCENARIO_LIMITS } from "./limits.js";
import type { Scenario } from "./scenario.js";
import type { ScenarioIssue } from "./scenarioIssue.js";

const grouped = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "unboundedly many");

/**
 * Refuses sizes beyond reason (see `SCENARIO_LIMITS`) in a scenario file: the baseline and the scenario after each
 * of its interventions (`checkVariantLimits` for each; issues of an intervention have its path). The span limit is
 * part of the schema. Expects an otherwise valid scenario.
 */
export function checkScenarioLimits(scenario: Scenario): ScenarioIssue[] {
  const issues = checkVariantLimits(scenario);
  scenario.interventions.forEach((intervention, index) => {
    // Interventions that cannot apply are reported by the cross-checks, which run before the limits.
    let applied: Scenario;
    try {
      applied = applyIntervention(scenario, intervention).scenario;
    } catch {
      return;
    }
    for (const found of checkVariantLimits(applied, `intervention "${intervention.name}"`)) issues.push({ ...found, path: `interventions[${index}]` });
  });
  return issues;
}

/**
 * The size limits of one scenario a command is about to simulate: a *variant*, which is the baseline, the
 * scenario with an intervention applied, one phase of an intervention's timeline (in class, a step of the
 * learning curve, the steady state), a sensitivity point, or whatever else a command derives and hands to the
 * engine (a roster, a capacity week, a calibrated scenario). Two limits:
 * - the contacts one replication is expected to offer, first contacts plus every retry and repeat they can bring
 *   back (`expectedContacts`: a closed-form upper bound from the retry probability, patience, FCR and the delays),
 *   at most `SCENARIO_LIMITS.maxContactsPerReplication`;
 * - the agents a group schedules at once, at most `SCENARIO_LIMITS.maxAgentsPerGroup`.
 *
 * Every command calls it for every variant it will run, before any worker starts, and refuses the run (exit 2)
 * with the issues, which name the variant (`label`, e.g. `intervention "More agents"`, `sensitivity point
 * "Arrival volume" high`), the figure and the limit. Parsing a file checks its baseline and interventions with it;
 * variants made later (phases, sensitivity points, new commands' scenarios) must be checked by their command:
 * the engine's own cap on arrivals (`SimulationOptions.maxArrivals`) is only the last guard, after time is spent.
 * Fast enough to call for hundreds of variants (the return-loop bounds are memoised). Expects a valid scenario.
 * `label` omitted: the scenario itself (messages say nothing more).
 */
export function checkVariantLimits(scenario: Scenario, label?: string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const context = label === undefined ? "" : ` of ${label}`;
  const byQueue = expectedContactsByQueue(scenario);
  const contacts = byQueue.reduce((sum, queue) => sum + queue.offered, 0);
  const firstContacts = byQueue.reduce((sum, queue) => sum + queue.firstContacts, 0);
  const maxContacts = SCENARIO_LIMITS.maxContactsPerReplication;
  if (!(contacts <= maxContacts)) {
    const returns = contacts - firstContacts;
    const retries = Math.max(0, ...scenario.queues.map((queue) => (queue.patience && queue.channel !== "selfService" ? (queue.retry?.probability ?? 0) : 0)));
    const why =
      returns > 0
        ? `${grouped(firstContacts)} first contacts and up to ${grouped(returns)} retries and repeats they can bring back (FCR ${scenario.resolution.fcr}${retries > 0 ? `, retry probability up to ${retries}` : ""})`
        : `${grouped(firstContacts)} first contacts, nothing comes back`;
    issues.push({
      path: "queues",
      message:
        `about ${grouped(contacts)} contacts expected in one replication${context}: ${why}; ` +
        `expected at most ${grouped(maxContacts)}: shorten the span, split the scenario or check the volumes${returns > 0 ? ", FCR and retries" : ""}`,
      received: `${grouped(contacts)} contacts`,
      expected: `at most ${grouped(maxContacts)} contacts`,
    });
  }
  issues.push(...agentIssues(scenario, label === undefined ? "" : ` in ${label}`));
  return issues;
}

/**
 * `checkVariantLimits` for every run a command or page is about to start (a job's `plannedRuns`, the variants of a
 * comparison, …), each issue naming its run: the one call to make before any worker starts.
 */
export function checkRunLimits(runs: readonly { scenario: Scenario; label?: string }[]): ScenarioIssue[] {
  return runs.flatMap((run) => checkVariantLimits(run.scenario, run.label ?? "a run"));
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
