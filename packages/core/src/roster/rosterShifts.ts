import { formatClock } from "../schema/clockTime.js";
import type { Shift } from "../schema/shift.js";
import { WEEKDAYS, type Weekday } from "../schema/weekday.js";
import { assignBreaks } from "./assignBreaks.js";
import type { RosterModel } from "./rosterModel.js";
import type { TemplateTimes } from "./templateChoices.js";

/** Agents of one template, start and break pattern on each weekday. */
interface PatternCounts {
  template: number;
  startMinutes: number;
  /** Break offsets from the start, minutes, one per break of the template. */
  offsetsMinutes: number[];
  byWeekday: Map<Weekday, number>;
}

/**
 * The shifts an optimal program's values stand for, as ordinary scenario shifts: one per template, start, break
 * pattern and set of weekdays, so any tool that reads scenarios reads them. The agents of a choice get their break
 * times from `assignBreaks`, in order (the k-th earliest first break goes with the k-th earliest second break, and so
 * on), which the template's non-overlapping windows make valid; agents of the same pattern on several weekdays share one shift
 * for as many days as they can (a weekday with more agents gets a further shift for the difference).
 * Names: the template's name and start ("Full day 07:30"), then the break times when a start has several patterns,
 * then the days when a pattern needs several shifts; made unique against `takenNames` (the locked shifts).
 */
export function rosterShifts(options: {
  model: RosterModel;
  templates: readonly TemplateTimes[];
  values: ArrayLike<number>;
  takenNames?: readonly string[];
}): Shift[] {
  const { model, templates, values } = options;
  const patterns = new Map<string, PatternCounts>();
  const breaks = assignBreaks({ model, templates, values });
  model.choices.forEach((choice, index) => {
    const agents = Math.round(values[choice.variable]!);
    if (agents <= 0) return;
    const perBreak = breaks.get(index)!;
    for (let agent = 0; agent < agents; agent++) {
      const offsetsMinutes = perBreak.map((list) => list[agent]!);
      const key = `${choice.template}/${choice.startMinutes}/${offsetsMinutes.join(",")}`;
      let entry = patterns.get(key);
      if (!entry) {
        entry = { template: choice.template, startMinutes: choice.startMinutes, offsetsMinutes, byWeekday: new Map() };
        patterns.set(key, entry);
      }
      entry.byWeekday.set(choice.weekday, (entry.byWeekday.get(choice.weekday) ?? 0) + 1);
    }
  });

  const sorted = [...patterns.values()].sort(
    (a, b) => a.template - b.template || a.startMinutes - b.startMinutes || compareLists(a.offsetsMinutes, b.offsetsMinutes),
  );
  const patternsPerStart = new Map<string, number>();
  for (const entry of sorted) {
    const key = `${entry.template}/${entry.startMinutes}`;
    patternsPerStart.set(key, (patternsPerStart.get(key) ?? 0) + 1);
  }
  const used = new Set(options.takenNames ?? []);
  const unique = (name: string) => {
    let candidate = name.slice(0, 100);
    for (let n = 2; used.has(candidate); n++) candidate = `${name.slice(0, 94)} (${n})`;
    used.add(candidate);
    return candidate;
  };

  const shifts: Shift[] = [];
  for (const entry of sorted) {
    const times = templates[entry.template]!;
    const start = formatClock(entry.startMinutes);
    const breaks = entry.offsetsMinutes.map((offset, b) => ({ start: formatClock(entry.startMinutes + offset), minutes: times.breaks[b]!.minutes }));
    const several = patternsPerStart.get(`${entry.template}/${entry.startMinutes}`)! > 1;
    const base = `${times.template.name} ${start}${several && breaks.length > 0 ? ` (breaks ${breaks.map((pause) => pause.start).join(", ")})` : ""}`;
    const layers = dayLayers(entry.byWeekday);
    for (const layer of layers) {
      const name = unique(layers.length > 1 ? `${base} ${dayText(layer.days)}` : base);
      shifts.push({ name, start, hours: times.lengthMinutes / 60, days: layer.days, agents: layer.agents, breaks });
    }
  }
  return shifts;
}

/** Splits agents per weekday into shifts: the agents every day has, then the extra agents of the days with more, … */
export function dayLayers(byWeekday: ReadonlyMap<Weekday, number>): { days: Weekday[]; agents: number }[] {
  const remaining = new Map([...byWeekday].filter(([, agents]) => agents > 0));
  const layers: { days: Weekday[]; agents: number }[] = [];
  while (remaining.size > 0) {
    const agents = Math.min(...remaining.values());
    const days = WEEKDAYS.filter((day) => remaining.has(day));
    layers.push({ days, agents });
    for (const day of days) {
      const left = remaining.get(day)! - agents;
      if (left > 0) remaining.set(day, left);
      else remaining.delete(day);
    }
  }
  return layers;
}

function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

const DAY_NAMES: Record<Weekday, string> = { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" };

/** "Mon–Fri", "Sat, Sun", "Mon, Wed–Fri". */
function dayText(days: readonly Weekday[]): string {
  const indices = days.map((day) => WEEKDAYS.indexOf(day)).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < indices.length; ) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j]! + 1) j++;
    const first = DAY_NAMES[WEEKDAYS[indices[i]!]!];
    const last = DAY_NAMES[WEEKDAYS[indices[j]!]!];
    parts.push(j - i >= 2 ? `${first}–${last}` : j > i ? `${first}, ${last}` : first);
    i = j + 1;
  }
  return parts.join(", ");
}
