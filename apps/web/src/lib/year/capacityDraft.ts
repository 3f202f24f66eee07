// Edits of the draft's capacity block that the Year view offers beyond single fields: a new class, and a hiring plan's
// classes in place of the uncommitted ones (a block to start from is core's capacityFromScenario). The draft may hold anything the planner typed:
// every read checks its shape.
import { isObject, type Draft } from "../scenario/draft.js";

/** The draft's hiring object of a capacity group, made when missing. */
export function hiringOf(group: Draft): Draft {
  if (!isObject(group.hiring)) group.hiring = {};
  return group.hiring as Draft;
}

/** The classes list of a hiring object, made when missing. */
export function classesOf(hiring: Draft): Draft[] {
  if (!Array.isArray(hiring.classes)) hiring.classes = [];
  return hiring.classes as Draft[];
}

/** Replaces each group's uncommitted classes with the plan's (committed ones stay), sorted by week. */
export function usePlan(capacity: Draft, planned: readonly { group: string; week: number; size: number }[]): void {
  if (!isObject(capacity.groups)) return;
  for (const [name, group] of Object.entries(capacity.groups)) {
    if (!isObject(group)) continue;
    const hiring = hiringOf(group);
    const kept = classesOf(hiring).filter((entry) => isObject(entry) && entry.committed === true);
    const added = planned.filter((entry) => entry.group === name).map((entry) => ({ week: entry.week, size: entry.size, committed: false }));
    hiring.classes = [...kept, ...added].sort((a, b) => Number(a.week) - Number(b.week));
  }
}
