import { CLOCK_TIME_PATTERN, clockMinutes } from "./clockTime.js";
import { SCENARIO_LIMITS } from "./limits.js";
import { groupedNumber } from "./numberText.js";
import { describeValue, formatPath, type ScenarioIssue } from "./scenarioIssue.js";

// Like crossCheck.ts, these checks read the raw file and skip whatever is malformed (the schema reports that).
type Path = PropertyKey[];
type Entry = Record<string, unknown>;
const isEntry = (value: unknown): value is Entry => typeof value === "object" && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isClock = (value: unknown): value is string => typeof value === "string" && CLOCK_TIME_PATTERN.test(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function issue(path: Path, message: string, found: unknown, expected: string): ScenarioIssue {
  return { path: formatPath(path), message, received: describeValue(found), expected };
}

const hoursText = (hours: number) => `${Math.round(hours * 1000) / 1000} h`;

/**
 * Checks a group's shift templates against each other and themselves: unique names, each weekday once, `starts.to`
 * not before `starts.from`, each break's window inside the shift (earliest ≤ latest, the break ends by the shift's
 * end), windows in order without overlapping (so any choice of break times is a valid shift), `minAgents` ≤
 * `maxAgents`, and the number of choices the optimiser would weigh within `SCENARIO_LIMITS.maxRosterChoices`.
 * Reads the raw group (any JSON value) and never throws.
 */
export function checkShiftTemplates(group: Entry, groupPath: Path, issues: ScenarioIssue[]): void {
  const templates = listOf(group.shiftTemplates);
  const seen = new Map<string, number>();
  let choices = 0;
  templates.forEach((template, t) => {
    if (!isEntry(template)) return;
    const path: Path = [...groupPath, "shiftTemplates", t];
    if (typeof template.name === "string") {
      const first = seen.get(template.name);
      if (first !== undefined) {
        issues.push(issue([...path, "name"], `duplicate template name ${JSON.stringify(template.name)} (also at ${formatPath([...groupPath, "shiftTemplates", first])}); expected unique names`, template.name, "a template name not used before in the group"));
      } else seen.set(template.name, t);
    }
    const days = new Set<string>();
    listOf(template.days).forEach((day, d) => {
      if (typeof day !== "string") return;
      if (days.has(day)) issues.push(issue([...path, "days", d], `day ${JSON.stringify(day)} is listed twice; expected each weekday once`, day, "each weekday once"));
      days.add(day);
    });
    const starts = isEntry(template.starts) ? template.starts : undefined;
    let startCount: number | undefined;
    if (starts && isClock(starts.from) && isClock(starts.to)) {
      const from = clockMinutes(starts.from);
      const to = clockMinutes(starts.to);
      if (to < from) {
        issues.push(issue([...path, "starts", "to"], `latest start ${starts.to} is before the earliest, ${starts.from}; expected a time at or after ${starts.from} on the same day`, starts.to, `a time at or after ${starts.from}`));
      } else {
        const step = isNumber(starts.stepMinutes) && starts.stepMinutes >= 1 ? starts.stepMinutes : 30;
        startCount = Math.floor((to - from) / step) + 1;
      }
    }
    const hours = isNumber(template.hours) && template.hours > 0 ? template.hours : undefined;
    const breakStep = isNumber(template.breakStepMinutes) && template.breakStepMinutes >= 1 ? template.breakStepMinutes : 15;
    let breakOptions = 0;
    let previous: { index: number; endHours: number } | undefined;
    listOf(template.breaks).forEach((entry, b) => {
      if (!isEntry(entry) || !isNumber(entry.earliestAfterHours) || !isNumber(entry.latestAfterHours) || !isNumber(entry.minutes)) return;
      const breakPath: Path = [...path, "breaks", b];
      const { earliestAfterHours: earliest, latestAfterHours: latest, minutes } = entry;
      if (latest < earliest) {
        issues.push(issue([...breakPath, "latestAfterHours"], `break ${b + 1} may start at the latest ${hoursText(latest)} into the shift, before its earliest start (${hoursText(earliest)}); expected latestAfterHours ≥ earliestAfterHours`, latest, `a number ≥ ${earliest}`));
        return;
      }
      if (hours !== undefined && latest + minutes / 60 > hours + 1e-9) {
        issues.push(issue([...breakPath, "latestAfterHours"], `break ${b + 1} (${minutes} minutes) starting ${hoursText(latest)} into the shift would end after the shift's ${hoursText(hours)}; expected a latest start of at most ${hoursText(hours - minutes / 60)}`, latest, `a number ≤ ${Math.round((hours - minutes / 60) * 1000) / 1000}`));
      }
      if (previous && earliest < previous.endHours - 1e-9) {
        issues.push(issue([...breakPath, "earliestAfterHours"], `break ${b + 1}'s window starts ${hoursText(earliest)} into the shift, before break ${previous.index + 1} can have ended (${hoursText(previous.endHours)} at the latest); expected windows in order that do not overlap, so any choice of times is a valid shift`, earliest, `a number ≥ ${Math.round(previous.endHours * 1000) / 1000}`));
      }
      previous = { index: b, endHours: latest + minutes / 60 };
      breakOptions += Math.floor(((latest - earliest) * 60) / breakStep + 1e-9) + 1;
    });
    if (isNumber(template.minAgents) && isNumber(template.maxAgents) && template.minAgents > template.maxAgents) {
      issues.push(issue([...path, "minAgents"], `minAgents ${template.minAgents} is above maxAgents ${template.maxAgents}; expected at most ${template.maxAgents}`, template.minAgents, `a number ≤ ${template.maxAgents}`));
    }
    if (startCount !== undefined) choices += startCount * Math.max(1, days.size) * (1 + breakOptions);
  });
  if (choices > SCENARIO_LIMITS.maxRosterChoices) {
    issues.push(issue([...groupPath, "shiftTemplates"], `the templates give the roster optimiser ${groupedNumber(choices)} choices (start × day × break time); expected at most ${groupedNumber(SCENARIO_LIMITS.maxRosterChoices)}: use fewer starts (a larger stepMinutes), narrower break windows or a larger breakStepMinutes`, `${groupedNumber(choices)} choices`, `at most ${groupedNumber(SCENARIO_LIMITS.maxRosterChoices)} choices`));
  }
}
