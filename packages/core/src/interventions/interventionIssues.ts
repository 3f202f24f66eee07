import type { Intervention, SingleIntervention } from "../schema/intervention.js";
import type { Scenario } from "../schema/scenario.js";
import { describeValue, formatPath, type ScenarioIssue } from "../schema/scenarioIssue.js";
import { applyIntervention } from "./applyIntervention.js";
import { interventionTimeline } from "./interventionTimeline.js";

type Path = (string | number)[];

const quoteList = (names: string[]) => (names.length === 0 ? "(none defined)" : names.map((name) => JSON.stringify(name)).join(", "));

/**
 * The problems of a parsed scenario's interventions that the schema cannot see: names of groups and queues the
 * scenario lacks (training's `groups`, a channel shift's `from` and `to`), a process change that shortens a
 * resolution time the scenario does not have, and, inside `combined`, any part that cannot apply to what the
 * parts before it left (an unknown shift, too many agents removed). Each issue has the path of the field, as
 * `parseScenario`'s do. Finally every intervention is applied at every stage of its timeline; an error there
 * not caught above is reported on the intervention. Never throws.
 */
export function interventionIssues(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const baseline: Scenario = { ...scenario, interventions: [] };
  scenario.interventions.forEach((intervention, index) => {
    const path: Path = ["interventions", index];
    const before = issues.length;
    if (intervention.kind === "combined") {
      let current = baseline;
      intervention.interventions.forEach((part, p) => {
        const partPath = [...path, "interventions", p];
        const found = referenceIssues(current, part, partPath);
        issues.push(...found);
        if (found.length > 0) return;
        try {
          current = applyIntervention(current, part).scenario;
        } catch (error) {
          issues.push(applyIssue(partPath, part, error));
        }
      });
    } else {
      issues.push(...referenceIssues(baseline, intervention, path));
    }
    if (issues.length > before) return;
    for (const phase of interventionTimeline(intervention, baseline)) {
      try {
        applyIntervention(baseline, intervention, phase.stage);
      } catch (error) {
        issues.push(applyIssue(path, intervention, error));
        return;
      }
    }
  });
  return issues;
}

function referenceIssues(scenario: Scenario, intervention: SingleIntervention, path: Path): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const groups = scenario.groups.map((group) => group.name);
  const queues = scenario.queues.map((queue) => queue.name);
  const unknown = (at: Path, noun: string, name: string, known: string[]) =>
    issues.push({
      path: formatPath(at),
      message: `unknown ${noun} ${JSON.stringify(name)}; expected one of ${quoteList(known)}`,
      received: describeValue(name),
      expected: `one of ${quoteList(known)}`,
    });
  switch (intervention.kind) {
    case "training":
      intervention.groups?.forEach((name, g) => {
        if (!groups.includes(name)) unknown([...path, "groups", g], "group", name, groups);
      });
      if (intervention.cohorts && (intervention.cohorts.agents === undefined) === (intervention.cohorts.share === undefined)) {
        issues.push({
          path: formatPath([...path, "cohorts"]),
          message: "cohorts need one of agents (trainees a week) and share (of the trainees a week); expected exactly one",
          received: describeValue(intervention.cohorts),
          expected: 'one of {"agents": n} and {"share": s}',
        });
      }
      break;
    case "channelShift":
      if (!queues.includes(intervention.from)) unknown([...path, "from"], "queue", intervention.from, queues);
      if (!queues.includes(intervention.to)) unknown([...path, "to"], "queue", intervention.to, queues);
      if (intervention.from === intervention.to) {
        issues.push({
          path: formatPath([...path, "to"]),
          message: `contacts would move from queue ${JSON.stringify(intervention.from)} to itself; expected another queue`,
          received: describeValue(intervention.to),
          expected: `a queue other than ${JSON.stringify(intervention.from)}`,
        });
      }
      break;
    case "processChange":
      if (intervention.resolutionTimeChange !== 0 && !scenario.resolution.resolutionTime) {
        issues.push({
          path: formatPath([...path, "resolutionTimeChange"]),
          message: "the scenario has no resolution.resolutionTime for this change to shorten; add one (hours) or set resolutionTimeChange to 0",
          received: describeValue(intervention.resolutionTimeChange),
          expected: "0, or a resolution.resolutionTime in the scenario",
        });
      }
      break;
    case "roster":
      if (!groups.includes(intervention.group)) unknown([...path, "group"], "group", intervention.group, groups);
      break;
    default:
      break;
  }
  return issues;
}

function applyIssue(path: Path, intervention: Intervention, error: unknown): ScenarioIssue {
  const message = error instanceof Error ? error.message : String(error);
  return {
    path: formatPath(path),
    message: message.replace(/^invalid intervention "[^"]*": /, ""),
    received: describeValue(intervention.name),
    expected: "an intervention the scenario can take",
  };
}
