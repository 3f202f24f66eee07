import type { Plan } from "./plan.js";

/**
 * When a queue is closed: the spans of time in which no agent group serving it has anyone scheduled (shift and
 * break timelines, before shrinkage), sorted and disjoint. `openSec[i]` is when closed span i ends (Infinity
 * when it lasts to the end of the simulated span and beyond); `spreadSec[i]` how long the returns held in it
 * take to come back after the opening (see `heldReturnSec`; 0 for a span that never ends).
 */
export interface ClosedSpans {
  count: number;
  closedSec: Float64Array;
  openSec: Float64Array;
  spreadSec: Float64Array;
}

/**
 * Held returns come back over the first two hours after the line opens (or over the open span, when it is
 * shorter), not all in its first second. An assumption: a night's callers call back in the morning, spread
 * over its first hours, rather than 200 of them dialling at 07:00:00.
 */
export const HELD_RETURN_SPREAD_SEC = 2 * 3600;

/**
 * The closed spans of queue `q` over the plan's span [0, intervalCount × intervalSec): the step functions of
 * every group serving q, added up, are zero there. A queue no group serves is closed throughout. Built once per
 * engine; `heldReturnSec` then answers in a binary search.
 */
export function closedSpans(plan: Plan, q: number): ClosedSpans {
  const endSec = plan.intervalCount * plan.intervalSec;
  const serving = plan.groups.filter((group) => Array.prototype.includes.call(group.serves, q));
  // Every change point of any serving group; the total scheduled count is constant between two of them.
  const times = [...new Set(serving.flatMap((group) => Array.from(group.staffingTimesSec)).concat(0))]
    .filter((time) => time < endSec)
    .sort((a, b) => a - b);
  const scheduledAt = (time: number) =>
    serving.reduce((total, group) => {
      let count = 0;
      for (let i = 0; i < group.staffingTimesSec.length && group.staffingTimesSec[i]! <= time; i++) count = group.staffingCounts[i]!;
      return total + count;
    }, 0);
  const closed: number[] = [];
  const open: number[] = [];
  let closedSince = -1;
  for (const time of times) {
    const isClosed = scheduledAt(time) === 0;
    if (isClosed && closedSince < 0) closedSince = time;
    else if (!isClosed && closedSince >= 0) {
      closed.push(closedSince);
      open.push(time);
      closedSince = -1;
    }
  }
  if (closedSince >= 0) {
    closed.push(closedSince);
    open.push(Infinity);
  }
  const spread = open.map((openAt, i) => (openAt === Infinity ? 0 : Math.min(HELD_RETURN_SPREAD_SEC, (closed[i + 1] ?? endSec) - openAt)));
  return { count: closed.length, closedSec: Float64Array.from(closed), openSec: Float64Array.from(open), spreadSec: Float64Array.from(spread) };
}

/**
 * When a retry or repeat due at `timeSec` comes back: at `timeSec` itself when the queue is open then; when it is
 * closed, after the span's opening, by the same fraction of the spread window (`HELD_RETURN_SPREAD_SEC`, or the
 * open span if shorter) as `timeSec` lies into the closed span. So the held contacts come back in the order they
 * were due, spread over the first hours, with no random draw of their own (common random numbers are kept).
 * Infinity when the queue never opens again.
 */
export function heldReturnSec(spans: ClosedSpans, timeSec: number): number {
  const { closedSec, openSec } = spans;
  // The last closed span that starts at or before timeSec.
  let lo = 0;
  let hi = spans.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (closedSec[mid]! <= timeSec) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return timeSec;
  const open = openSec[lo - 1]!;
  if (!(timeSec < open)) return timeSec;
  if (open === Infinity) return Infinity;
  const closed = closedSec[lo - 1]!;
  return open + ((timeSec - closed) / (open - closed)) * spans.spreadSec[lo - 1]!;
}
