import type { CallRecord } from "./callLog.js";

/** How agents on the floor are read from their activity. */
export interface StaffingInferenceOptions {
  /** An agent's calls closer than this (end of one to start of the next) belong to one stretch on the floor;
   * a longer gap is time off the floor. Seconds. */
  sessionGapSec: number;
  /** Time on the floor after a stretch's last call (its after-call work), seconds. */
  tailSec: number;
}

/** A stretch of an agent's time on the floor, wall seconds. */
export interface PresenceSpan {
  agent: string;
  fromSec: number;
  toSec: number;
}

/** The answered calls with an agent name, grouped by agent in order of each agent's first call (log order within). */
export function answeredByAgent(records: readonly CallRecord[]): Map<string, CallRecord[]> {
  const byAgent = new Map<string, CallRecord[]>();
  for (const record of records) {
    if (!record.answered || record.agent === "") continue;
    let list = byAgent.get(record.agent);
    if (!list) byAgent.set(record.agent, (list = []));
    list.push(record);
  }
  return byAgent;
}

/**
 * Agents on the floor, inferred from agent activity when no roster exists: an agent is on the floor from the answer
 * of a call to the end of the last call (plus `tailSec`) of the stretch it begins, where a stretch is a run of the
 * agent's calls with no gap longer than `sessionGapSec` between the end of one and the answer of the next. Calls
 * without an agent name are skipped. Returns the stretches, by agent then time.
 */
export function presenceSpans(records: readonly CallRecord[], options: StaffingInferenceOptions): PresenceSpan[] {
  const byAgent = answeredByAgent(records);
  const spans: PresenceSpan[] = [];
  for (const [agent, calls] of [...byAgent].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    calls.sort((a, b) => a.answerSec - b.answerSec);
    let fromSec = calls[0]!.answerSec;
    let toSec = calls[0]!.endSec;
    for (let i = 1; i < calls.length; i++) {
      const call = calls[i]!;
      if (call.answerSec - toSec > options.sessionGapSec) {
        spans.push({ agent, fromSec, toSec: toSec + options.tailSec });
        fromSec = call.answerSec;
      }
      toSec = Math.max(toSec, call.endSec);
    }
    spans.push({ agent, fromSec, toSec: toSec + options.tailSec });
  }
  return spans;
}

/** Agents on the floor in each interval of [startSec, startSec + count × intervalSec): the time-average number of
 * presence spans covering it. */
export function agentsByInterval(spans: readonly PresenceSpan[], range: { startSec: number; intervalSec: number; count: number }): Float64Array {
  const { startSec, intervalSec, count } = range;
  const agents = new Float64Array(count);
  const endSec = startSec + count * intervalSec;
  for (const span of spans) {
    const from = Math.max(span.fromSec, startSec);
    const to = Math.min(span.toSec, endSec);
    if (!(to > from)) continue;
    const first = Math.floor((from - startSec) / intervalSec);
    const last = Math.min(count - 1, Math.floor((to - startSec) / intervalSec));
    for (let i = first; i <= last; i++) {
      const lo = Math.max(from, startSec + i * intervalSec);
      const hi = Math.min(to, startSec + (i + 1) * intervalSec);
      if (hi > lo) agents[i]! += (hi - lo) / intervalSec;
    }
  }
  return agents;
}
