import type { RosterModel } from "./rosterModel.js";
import type { TemplateTimes } from "./templateChoices.js";

/**
 * Gives every agent of a solved roster its break times: for each template, weekday and break, the agents taking the
 * break at each time (the program's break-time counts) are handed to the shifts in order of start, each agent the
 * earliest time still free inside their own window (earliest-deadline-first, which succeeds whenever the program's
 * forward and backward constraints hold). Returns, per choice (index into `model.choices`) and break, the offsets from
 * the shift's start taken by its agents, earliest first.
 * @throws Error if the counts admit no assignment (the program was not solved, or not to feasibility).
 */
export function assignBreaks(options: { model: RosterModel; templates: readonly TemplateTimes[]; values: ArrayLike<number> }): Map<number, number[][]> {
  const { model, templates, values } = options;
  const assigned = new Map<number, number[][]>();
  const count = (variable: number) => Math.max(0, Math.round(values[variable]!));
  model.choices.forEach((choice, index) => {
    if (count(choice.variable) > 0) assigned.set(index, templates[choice.template]!.breaks.map(() => []));
  });
  const groups = new Map<string, { timeMinutes: number; left: number }[]>();
  for (const time of model.breakTimes) {
    const key = `${time.template}/${time.weekday}/${time.breakIndex}`;
    const list = groups.get(key) ?? [];
    list.push({ timeMinutes: time.timeMinutes, left: count(time.variable) });
    groups.set(key, list);
  }
  for (const list of groups.values()) list.sort((a, b) => a.timeMinutes - b.timeMinutes);
  const order = [...assigned.keys()].sort((a, b) => model.choices[a]!.startMinutes - model.choices[b]!.startMinutes);
  for (const index of order) {
    const choice = model.choices[index]!;
    const times = templates[choice.template]!;
    times.breaks.forEach((entry, b) => {
      const list = groups.get(`${choice.template}/${choice.weekday}/${b}`) ?? [];
      const allowed = new Set(entry.offsetsMinutes.map((offset) => choice.startMinutes + offset));
      const offsets = assigned.get(index)![b]!;
      let agents = count(choice.variable);
      for (const slot of list) {
        if (agents === 0) break;
        if (slot.left === 0 || !allowed.has(slot.timeMinutes)) continue;
        const taken = Math.min(agents, slot.left);
        slot.left -= taken;
        agents -= taken;
        for (let i = 0; i < taken; i++) offsets.push(slot.timeMinutes - choice.startMinutes);
      }
      if (agents > 0) {
        throw new Error(`no break ${b + 1} left for ${agents} agents of ${times.template.name} starting at minute ${choice.startMinutes} on ${choice.weekday}`);
      }
    });
  }
  return assigned;
}
