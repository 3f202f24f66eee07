import type { Plan } from "./plan.js";

/** Kinds of control events, in the order they are handled when they fall at the same instant. */
export const ControlKind = {
  /** Interval `value` starts (value = intervalCount marks the end of the span): flush time counters,
   * draw the new interval's absences. */
  intervalStart: 0,
  /** The warm-up ends: time counters restart from zero. */
  warmupEnd: 1,
  /** Group `group`'s scheduled count becomes `value`. */
  staffing: 2,
} as const;

/**
 * Everything that happens at a time known before a replication starts, merged into one sorted list: interval
 * boundaries, the end of the warm-up and staffing changes. It depends only on the plan, so it is built once
 * per simulator, and the engine walks it with an index beside its event heap (no heap traffic for it).
 * Staffing entries at or before time 0 are the initial staffing and not listed; entries at or after the end
 * of the span are dropped (contacts still in the system drain with the staffing in force at the end).
 * Ties: interval starts first, then the warm-up end, then staffing changes in plan order; the engine applies
 * the resulting on-floor targets once, after the last event of the instant.
 */
export interface ControlTimeline {
  count: number;
  timesSec: Float64Array;
  kinds: Int32Array;
  groups: Int32Array;
  values: Int32Array;
}

export function buildControlTimeline(plan: Plan): ControlTimeline {
  const endSec = plan.intervalCount * plan.intervalSec;
  const entries: { time: number; kind: number; group: number; value: number; order: number }[] = [];
  for (let interval = 1; interval <= plan.intervalCount; interval++) {
    entries.push({ time: interval * plan.intervalSec, kind: ControlKind.intervalStart, group: -1, value: interval, order: 0 });
  }
  if (plan.warmupSec > 0 && plan.warmupSec < endSec) {
    entries.push({ time: plan.warmupSec, kind: ControlKind.warmupEnd, group: -1, value: 0, order: 0 });
  }
  plan.groups.forEach((group, g) => {
    for (let i = 0; i < group.staffingTimesSec.length; i++) {
      const time = group.staffingTimesSec[i]!;
      if (time > 0 && time < endSec) {
        entries.push({ time, kind: ControlKind.staffing, group: g, value: group.staffingCounts[i]!, order: entries.length });
      }
    }
  });
  entries.sort((a, b) => a.time - b.time || a.kind - b.kind || a.order - b.order);
  const count = entries.length;
  const timeline: ControlTimeline = {
    count,
    timesSec: new Float64Array(count),
    kinds: new Int32Array(count),
    groups: new Int32Array(count),
    values: new Int32Array(count),
  };
  entries.forEach((entry, i) => {
    timeline.timesSec[i] = entry.time;
    timeline.kinds[i] = entry.kind;
    timeline.groups[i] = entry.group;
    timeline.values[i] = entry.value;
  });
  return timeline;
}

/** Scheduled count of a group at time 0: the last staffing entry at or before 0 (0 when there is none). */
export function initialScheduled(times: Float64Array, counts: Int32Array): number {
  let scheduled = 0;
  for (let i = 0; i < times.length && times[i]! <= 0; i++) scheduled = counts[i]!;
  return scheduled;
}
