import { z } from "zod";
import { earlyYearIssueMessage, FIRST_CALENDAR_YEAR, isCalendarDate } from "./calendarDate.js";
import { crossCheckCapacity } from "./capacityCrossCheck.js";
import { CLOCK_TIME_PATTERN, clockMinutes, formatClock } from "./clockTime.js";
import { describeValue, formatPath, type ScenarioIssue } from "./scenarioIssue.js";
import { checkShiftTemplates } from "./templateChecks.js";
import { WEEKDAYS, type Weekday } from "./weekday.js";

// These checks read the raw file (after migrate, before zod) and skip whatever is malformed: zod reports
// that, and checking the rest anyway lists every problem in one pass. So nothing here trusts a type.
type Path = PropertyKey[];
type Entry = Record<string, unknown>;

const isEntry = (value: unknown): value is Entry => typeof value === "object" && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const textOf = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const isWeekday = (value: unknown): value is Weekday => typeof value === "string" && (WEEKDAYS as readonly string[]).includes(value);
const isClock = (value: unknown): value is string => typeof value === "string" && CLOCK_TIME_PATTERN.test(value);
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value);
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** The name of the baseline in comparisons; an intervention may not take it. */
export const BASELINE_NAME = "Baseline";

function issue(path: Path, message: string, found: unknown, expected: string): ScenarioIssue {
  return { path: formatPath(path), message, received: describeValue(found), expected };
}

// A list whose length is wrong is described by its length rather than by its start.
function lengthIssue(path: Path, message: string, list: unknown[], expected: string): ScenarioIssue {
  return { path: formatPath(path), message, received: `${list.length} entries`, expected };
}

const quoteList = (names: Iterable<string>) => {
  const all = [...names];
  return all.length === 0 ? "(none defined)" : all.map((name) => JSON.stringify(name)).join(", ");
};

/**
 * The checks that relate fields to each other: names are unique and known, list lengths match the days
 * and intervals, breaks fall inside their shifts, every queue is served, interventions leave valid
 * shifts. Reads the raw scenario (any JSON value) and never throws; parts with the wrong shape are
 * skipped (the schema reports them).
 */
export function crossCheckScenario(raw: unknown): ScenarioIssue[] {
  if (!isEntry(raw)) return [];
  const issues: ScenarioIssue[] = [];
  const days = Array.isArray(raw.days) ? raw.days : undefined;
  const intervalMinutes = raw.intervalMinutes;
  const intervalsPerDay = intervalMinutes === 15 || intervalMinutes === 30 || intervalMinutes === 60 ? 1440 / intervalMinutes : undefined;

  checkStartDate(raw.startDate, days, issues);

  const queueNames = uniqueNames(listOf(raw.queues), "queues", "queue", issues);
  listOf(raw.queues).forEach((queue, index) => {
    if (isEntry(queue) && isEntry(queue.forecast)) checkForecast(queue.forecast, ["queues", index, "forecast"], days, intervalsPerDay, issues);
  });

  const groups = listOf(raw.groups);
  uniqueNames(groups, "groups", "group", issues);
  const served = new Set<string>();
  groups.forEach((group, g) => {
    if (!isEntry(group)) return;
    const seen = new Set<string>();
    listOf(group.serves).forEach((name, s) => {
      if (typeof name !== "string") return;
      if (!queueNames.has(name)) {
        issues.push(issue(["groups", g, "serves", s], `unknown queue ${JSON.stringify(name)}; expected one of ${quoteList(queueNames.keys())}`, name, `one of ${quoteList(queueNames.keys())}`));
      } else if (seen.has(name)) {
        issues.push(issue(["groups", g, "serves", s], `queue ${JSON.stringify(name)} is listed twice; expected each queue once, in priority order`, name, "each queue once"));
      }
      seen.add(name);
      served.add(name);
    });
    uniqueNames(listOf(group.shifts), ["groups", g, "shifts"], "shift", issues, `in group ${JSON.stringify(textOf(group.name) ?? g)}`);
    listOf(group.shifts).forEach((shift, s) => {
      if (isEntry(shift)) checkShift(shift, ["groups", g, "shifts", s], issues);
    });
    checkShiftTemplates(group, ["groups", g], issues);
  });
  // Self-service contacts are served online without an agent, so such a queue needs no group.
  const selfService = new Set(
    listOf(raw.queues).flatMap((queue) => (isEntry(queue) && queue.channel === "selfService" && typeof queue.name === "string" ? [queue.name] : [])),
  );
  for (const [name, index] of queueNames) {
    if (!served.has(name) && !selfService.has(name)) {
      issues.push(issue(["queues", index, "name"], `queue ${JSON.stringify(name)} is not served by any group, so its contacts could never be answered; add it to a group's "serves"`, name, "a queue listed in some group's serves"));
    }
  }

  checkInterventions(listOf(raw.interventions), groups, queueNames, issues);
  issues.push(...crossCheckCapacity(raw));
  return issues;
}

// Names must be unique within their list; returns the first index of each name.
function uniqueNames(entries: unknown[], where: string | Path, noun: string, issues: ScenarioIssue[], scope = ""): Map<string, number> {
  const base = typeof where === "string" ? [where] : where;
  const names = new Map<string, number>();
  entries.forEach((entry, index) => {
    const name = isEntry(entry) ? textOf(entry.name) : undefined;
    if (name === undefined) return;
    const first = names.get(name);
    if (first !== undefined) {
      const message = `duplicate ${noun} name ${JSON.stringify(name)}${scope ? ` ${scope}` : ""} (also at ${formatPath([...base, first])}); expected unique names`;
      issues.push(issue([...base, index, "name"], message, name, `a ${noun} name not used before`));
    } else names.set(name, index);
  });
  return names;
}

function checkStartDate(startDate: unknown, days: unknown[] | undefined, issues: ScenarioIssue[]): void {
  // The schema's date format takes any four digits: a year before the first ccplan reads is said here.
  const early = earlyYearIssueMessage(startDate, (text) => z.iso.date().safeParse(text).success);
  if (early !== null) {
    issues.push(issue(["startDate"], early, startDate, `a date YYYY-MM-DD from ${FIRST_CALENDAR_YEAR} on`));
    return; // its weekdays are another century's question
  }
  // An impossible date is the schema's issue already; Date.parse would roll it over and blame the days for it.
  if (typeof startDate !== "string" || !isCalendarDate(startDate) || !days) return;
  const start = Date.parse(`${startDate}T00:00:00Z`);
  for (let index = 0; index < days.length; index++) {
    const day = days[index];
    if (!isWeekday(day)) continue;
    const date = new Date(start + index * 86_400_000);
    const actual = WEEKDAYS[(date.getUTCDay() + 6) % 7]!;
    if (day !== actual) {
      const iso = date.toISOString().slice(0, 10);
      issues.push(issue(["days", index], `day ${index + 1} is ${JSON.stringify(day)} but falls on ${iso}, a ${actual}; with a startDate the days must follow the calendar`, day, JSON.stringify(actual)));
      return; // one mismatch shifts all the others: say it once
    }
  }
}

function checkForecast(forecast: Entry, path: Path, days: unknown[] | undefined, intervalsPerDay: number | undefined, issues: ScenarioIssue[]): void {
  const daily = forecast.dailyContacts;
  if (Array.isArray(daily) && days && daily.length !== days.length) {
    issues.push(lengthIssue([...path, "dailyContacts"], `${daily.length} daily volumes for ${days.length} simulated days; expected one per day`, daily, `${days.length} entries`));
  }
  const profiles: [Path, unknown][] = [[[...path, "intradayProfile"], forecast.intradayProfile]];
  if (isEntry(forecast.intradayProfileByWeekday)) {
    for (const [day, profile] of Object.entries(forecast.intradayProfileByWeekday)) profiles.push([[...path, "intradayProfileByWeekday", day], profile]);
  }
  for (const [at, profile] of profiles) {
    if (!Array.isArray(profile) || intervalsPerDay === undefined) continue;
    if (profile.length !== intervalsPerDay) {
      issues.push(lengthIssue(at, `${profile.length} profile weights; expected one per interval of a day (${intervalsPerDay} at ${1440 / intervalsPerDay} minutes)`, profile, `${intervalsPerDay} entries`));
    } else if (profile.every(isNumber) && !(profile.reduce((sum: number, weight) => sum + (weight as number), 0) > 0)) {
      issues.push(issue(at, "the profile weights sum to 0; expected at least one positive weight", profile, "weights ≥ 0 with a positive sum"));
    }
  }
  const intervals = forecast.intervalContacts;
  if (Array.isArray(intervals) && days && intervalsPerDay !== undefined && intervals.length !== days.length * intervalsPerDay) {
    const needed = days.length * intervalsPerDay;
    issues.push(lengthIssue([...path, "intervalContacts"], `${intervals.length} interval volumes; expected one per interval of the span (${days.length} days × ${intervalsPerDay} = ${needed})`, intervals, `${needed} entries`));
  }
}

/** A shift's start in minutes, its length in hours and its breaks' offsets from its start, where readable. */
interface ShiftTimes {
  startMinutes: number;
  hours: number | undefined;
  breaks: { index: number; offsetMinutes: number; minutes: number; start: string }[];
}

function shiftTimes(shift: Entry): ShiftTimes | undefined {
  if (!isClock(shift.start)) return undefined;
  const startMinutes = clockMinutes(shift.start);
  const hours = isNumber(shift.hours) && shift.hours > 0 ? shift.hours : undefined;
  const breaks: ShiftTimes["breaks"] = [];
  listOf(shift.breaks).forEach((entry, index) => {
    if (!isEntry(entry) || !isClock(entry.start) || !isCount(entry.minutes) || entry.minutes <= 0) return;
    const offsetMinutes = (clockMinutes(entry.start) - startMinutes + 1440) % 1440;
    breaks.push({ index, offsetMinutes, minutes: entry.minutes, start: entry.start });
  });
  return { startMinutes, hours, breaks };
}

function checkShift(shift: Entry, path: Path, issues: ScenarioIssue[]): void {
  const seenDays = new Set<string>();
  listOf(shift.days).forEach((day, index) => {
    if (!isWeekday(day)) return;
    if (seenDays.has(day)) issues.push(issue([...path, "days", index], `day ${JSON.stringify(day)} is listed twice; expected each weekday once`, day, "each weekday once"));
    seenDays.add(day);
  });
  const ramping = listOf(shift.ramping).reduce((sum: number, entry) => sum + (isEntry(entry) && isCount(entry.agents) ? entry.agents : 0), 0);
  if (isCount(shift.agents) && ramping > shift.agents) {
    const message = `${ramping} ramping agents on a shift of ${shift.agents}; expected at most the shift's agents (ramping agents are some of them)`;
    issues.push(issue([...path, "ramping"], message, `${ramping} agents`, `at most ${shift.agents} agents`));
  }
  const times = shiftTimes(shift);
  if (!times || times.hours === undefined) return;
  checkBreaksFit(times, times.hours, path, issues, "");
}

// Breaks must end by the shift's end and must not overlap (an agent cannot take two breaks at once).
// `at` puts every issue on one field instead of the break (an intervention that shortens the shift).
function checkBreaksFit(times: ShiftTimes, hours: number, path: Path, issues: ScenarioIssue[], because: string, at?: { path: Path; found: unknown }): void {
  const endMinutes = hours * 60;
  const shiftText = `the shift runs ${formatClock(times.startMinutes)}–${formatClock(times.startMinutes + endMinutes)}`;
  for (const entry of times.breaks) {
    if (entry.offsetMinutes + entry.minutes > endMinutes) {
      const message = `break at ${entry.start} for ${entry.minutes} minutes does not fit in the shift${because} (${shiftText}); expected a break inside the shift`;
      const expected = `a break inside ${formatClock(times.startMinutes)}–${formatClock(times.startMinutes + endMinutes)}`;
      issues.push(at ? issue(at.path, message, at.found, "a length that keeps every break inside the shift") : issue([...path, "breaks", entry.index, "start"], message, entry.start, expected));
    }
  }
  const sorted = [...times.breaks].sort((a, b) => a.offsetMinutes - b.offsetMinutes);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (!at && current.offsetMinutes < previous.offsetMinutes + previous.minutes) {
      const message = `break at ${current.start} overlaps the break at ${previous.start} (${previous.minutes} minutes); expected breaks that do not overlap`;
      issues.push(issue([...path, "breaks", current.index, "start"], message, current.start, `a start at or after ${formatClock(clockMinutes(previous.start) + previous.minutes)}`));
    }
  }
}

function checkInterventions(interventions: unknown[], groups: unknown[], queueNames: Map<string, number>, issues: ScenarioIssue[]): void {
  uniqueNames(interventions, "interventions", "intervention", issues);
  const groupByName = new Map<string, Entry>();
  for (const group of groups) {
    const name = isEntry(group) ? textOf(group.name) : undefined;
    if (name !== undefined && !groupByName.has(name)) groupByName.set(name, group as Entry);
  }
  interventions.forEach((entry, index) => {
    if (!isEntry(entry)) return;
    const path: Path = ["interventions", index];
    const name = textOf(entry.name);
    if (name !== undefined && name.trim().toLowerCase() === BASELINE_NAME.toLowerCase()) {
      issues.push(issue([...path, "name"], `an intervention may not be called ${JSON.stringify(name)}: comparisons use that name for the scenario without interventions`, name, `a name other than "${BASELINE_NAME}"`));
    }
    const queue = entry.queue;
    if ((entry.kind === "scaleAht" || entry.kind === "scalePatience") && typeof queue === "string" && !queueNames.has(queue)) {
      issues.push(issue([...path, "queue"], `unknown queue ${JSON.stringify(queue)}; expected one of ${quoteList(queueNames.keys())}`, queue, `one of ${quoteList(queueNames.keys())}`));
    }
    if (entry.kind === "roster") {
      uniqueNames(listOf(entry.shifts), [...path, "shifts"], "shift", issues, "in the roster");
      listOf(entry.shifts).forEach((shift, s) => {
        if (isEntry(shift)) checkShift(shift, [...path, "shifts", s], issues);
      });
      return;
    }
    if (!["addAgents", "removeAgents", "moveShift", "lengthenShift", "addShift"].includes(String(entry.kind))) return;
    const groupName = entry.group;
    if (typeof groupName !== "string") return;
    const group = groupByName.get(groupName);
    if (!group) {
      issues.push(issue([...path, "group"], `unknown group ${JSON.stringify(groupName)}; expected one of ${quoteList(groupByName.keys())}`, groupName, `one of ${quoteList(groupByName.keys())}`));
      return;
    }
    const shifts = listOf(group.shifts).filter(isEntry);
    const shiftNames = shifts.map((shift) => textOf(shift.name)).filter((shiftName): shiftName is string => shiftName !== undefined);
    if (entry.kind === "addShift") {
      if (!isEntry(entry.shift)) return;
      const newName = textOf(entry.shift.name);
      if (newName !== undefined && shiftNames.includes(newName)) {
        issues.push(issue([...path, "shift", "name"], `group ${JSON.stringify(groupName)} already has a shift ${JSON.stringify(newName)}; expected a new name`, newName, "a shift name not used in the group"));
      }
      checkShift(entry.shift, [...path, "shift"], issues);
      return;
    }
    const shiftName = entry.shift;
    if (typeof shiftName !== "string") return;
    const shift = shifts.find((candidate) => candidate.name === shiftName);
    if (!shift) {
      issues.push(issue([...path, "shift"], `group ${JSON.stringify(groupName)} has no shift ${JSON.stringify(shiftName)}; expected one of ${quoteList(shiftNames)}`, shiftName, `one of ${quoteList(shiftNames)}`));
      return;
    }
    checkShiftChange(entry, shift, path, issues);
  });
}

// The changed shift must still be a valid shift: agents ≥ 0, a length in (0, 24] hours, breaks inside.
function checkShiftChange(entry: Entry, shift: Entry, path: Path, issues: ScenarioIssue[]): void {
  const agents = shift.agents;
  const change = entry.agents;
  if (isCount(agents) && isCount(change)) {
    const after = entry.kind === "removeAgents" ? agents - change : entry.kind === "addAgents" ? agents + change : agents;
    if (after < 0) {
      const message = `removing ${Math.abs(agents - after)} agents from shift ${JSON.stringify(shift.name)}, which has ${agents}, leaves ${after}; expected at most ${agents}`;
      issues.push(issue([...path, "agents"], message, change, entry.kind === "addAgents" ? `a number ≥ ${-agents}` : `a number ≤ ${agents}`));
    }
  }
  if (entry.kind === "lengthenShift" && isNumber(entry.hours) && isNumber(shift.hours)) {
    const after = shift.hours + entry.hours;
    if (!(after > 0 && after <= 24)) {
      const message = `shift ${JSON.stringify(shift.name)} of ${shift.hours} hours would last ${after} hours; expected a change that leaves between 0 (excluded) and 24 hours`;
      issues.push(issue([...path, "hours"], message, entry.hours, `a number > ${-shift.hours} and ≤ ${24 - shift.hours}`));
      return;
    }
    const times = shiftTimes(shift);
    if (times) checkBreaksFit(times, after, path, issues, ` once changed to ${after} hours`, { path: [...path, "hours"], found: entry.hours });
  }
}
