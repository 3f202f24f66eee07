import type { InterventionLever, Lever } from "./interventionLevers.js";

/** What each lever is called in a sentence. */
export const LEVER_WORDS: Record<Lever, string> = {
  staffing: "agents on the floor",
  handleTime: "handle time",
  firstContactResolution: "first-contact resolution (with it, repeat contacts)",
  patience: "callers' patience",
  contactRouting: "which queue contacts go to",
  satisfaction: "satisfaction",
  resolutionTime: "the time to resolve a problem",
  surveyResponse: "how many customers answer the survey",
};

/** "a", "a or b", "a, b or c". */
function listed(items: readonly string[], last: "and" | "or"): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

/**
 * Why an option leaves the queue as it was (its service level, waits and abandonment the baseline's in every
 * replication), from what it moves as entered (`interventionLevers`): "as entered it changes satisfaction, which the
 * queue does not depend on, and not handle time or first-contact resolution (with it, repeat contacts)", or "as
 * entered it changes nothing, …". Null when it moves a lever the queue depends on: a queue figure it leaves unchanged
 * is then unchanged for another reason, which the levers cannot tell. Wording only, for the CLI and the page alike.
 */
export function unchangedReason(levers: readonly InterventionLever[]): string | null {
  if (levers.some((lever) => lever.moves && lever.reachesQueue)) return null;
  const moved = levers.filter((lever) => lever.moves).map((lever) => LEVER_WORDS[lever.lever]);
  const still = levers.filter((lever) => !lever.moves && (lever.reachesQueue || moved.length === 0)).map((lever) => LEVER_WORDS[lever.lever]);
  if (moved.length === 0) return `as entered it changes nothing${still.length > 0 ? `, not ${listed(still, "or")}` : ""}`;
  return `as entered it changes ${listed(moved, "and")}, which the queue does not depend on${still.length > 0 ? `, and not ${listed(still, "or")}` : ""}`;
}
