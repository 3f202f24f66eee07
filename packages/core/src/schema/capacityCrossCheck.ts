import { z } from "zod";
import { earlyYearIssueMessage, FIRST_CALENDAR_YEAR } from "./calendarDate.js";
import { describeValue, formatPath, type ScenarioIssue } from "./scenarioIssue.js";

// Reads the raw file (after migrate, before zod) and skips whatever is malformed: the schema reports that.
type Path = PropertyKey[];
type Entry = Record<string, unknown>;

const isEntry = (value: unknown): value is Entry => typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value);

function issue(path: Path, message: string, found: unknown, expected: string): ScenarioIssue {
  return { path: formatPath(path), message, received: describeValue(found), expected };
}

/**
 * The checks of the `capacity` block that relate fields to each other and to the rest of the scenario: its groups
 * are the scenario's, monthly lists have 12 entries (or none), recent hires are some of the headcount, classes fall
 * within the planned weeks (one per week), class sizes are ordered, and the scenario's span is one week (the week
 * the plan repeats). Never throws; parts with the wrong shape are skipped.
 */
export function crossCheckCapacity(raw: Entry): ScenarioIssue[] {
  const capacity = raw.capacity;
  if (!isEntry(capacity)) return [];
  const issues: ScenarioIssue[] = [];
  const days = raw.days;
  if (Array.isArray(days) && days.length > 7) {
    issues.push(
      issue(["days"], `${days.length} simulated days; a scenario with a capacity plan simulates one week (at most 7 days), the week each planned week repeats`, `${days.length} days`, "at most 7 days"),
    );
  }
  // The schema's date format takes any four digits: a year before the first ccplan reads is said here.
  const early = earlyYearIssueMessage(capacity.start, (text) => z.iso.date().safeParse(text).success);
  if (early !== null) issues.push(issue(["capacity", "start"], early, capacity.start, `a date YYYY-MM-DD from ${FIRST_CALENDAR_YEAR} on`));
  const volume = capacity.volume;
  if (isEntry(volume)) checkMonthly(volume.monthlyIndex, ["capacity", "volume", "monthlyIndex"], issues);
  checkMonthly(capacity.shrinkageByMonth, ["capacity", "shrinkageByMonth"], issues);

  const weeks = isCount(capacity.weeks) ? capacity.weeks : undefined;
  const groupNames = new Set(
    (Array.isArray(raw.groups) ? raw.groups : []).flatMap((group) => (isEntry(group) && typeof group.name === "string" ? [group.name] : [])),
  );
  if (!isEntry(capacity.groups)) return issues;
  for (const [name, group] of Object.entries(capacity.groups)) {
    const path: Path = ["capacity", "groups", name];
    if (!groupNames.has(name)) {
      const known = [...groupNames].map((known) => JSON.stringify(known)).join(", ") || "(none defined)";
      issues.push(issue(path, `unknown group ${JSON.stringify(name)}; expected one of the scenario's groups: ${known}`, name, `one of ${known}`));
    }
    if (!isEntry(group)) continue;
    const recent = Array.isArray(group.recentHires) ? group.recentHires : [];
    const recentAgents = recent.reduce((sum: number, hire) => sum + (isEntry(hire) && isCount(hire.agents) ? hire.agents : 0), 0);
    if (isCount(group.headcount) && recentAgents > group.headcount) {
      issues.push(
        issue([...path, "recentHires"], `${recentAgents} recent hires in a headcount of ${group.headcount}; expected at most the headcount (recent hires are counted in it)`, `${recentAgents} agents`, `at most ${group.headcount} agents`),
      );
    }
    const hiring = group.hiring;
    if (!isEntry(hiring)) continue;
    const size = hiring.classSize;
    if (isEntry(size) && isCount(size.min) && isCount(size.max) && size.min > size.max) {
      issues.push(issue([...path, "hiring", "classSize", "min"], `smallest class ${size.min} is larger than the largest, ${size.max}; expected min ≤ max`, size.min, `at most ${size.max}`));
    }
    const seen = new Map<number, number>();
    (Array.isArray(hiring.classes) ? hiring.classes : []).forEach((entry, index) => {
      if (!isEntry(entry) || !isCount(entry.week)) return;
      const at: Path = [...path, "hiring", "classes", index, "week"];
      if (weeks !== undefined && entry.week > weeks) {
        issues.push(issue(at, `class in week ${entry.week}, after the ${weeks} planned weeks; expected a week from 1 to ${weeks}`, entry.week, `a week from 1 to ${weeks}`));
      }
      const first = seen.get(entry.week);
      if (first !== undefined) {
        issues.push(issue(at, `a second class in week ${entry.week} (also at classes[${first}]); expected one class per week: put them together`, entry.week, "a week with no other class"));
      } else seen.set(entry.week, index);
    });
  }
  return issues;
}

function checkMonthly(list: unknown, path: Path, issues: ScenarioIssue[]): void {
  if (!Array.isArray(list) || list.length === 0 || list.length === 12) return;
  issues.push({ path: formatPath(path), message: `${list.length} monthly values; expected 12, one per month from the month of capacity.start (or none)`, received: `${list.length} entries`, expected: "12 entries" });
}
