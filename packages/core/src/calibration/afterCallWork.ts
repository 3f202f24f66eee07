import type { CallRecord } from "./callLog.js";

/** The after-call work allowance: what an agent spends between calls while callers are waiting. */
export interface AfterCallWorkFit {
  /** Mean gap, seconds: added to every call's talk time as its after-call work (and readiness) allowance. */
  allowanceSec: number;
  /** Its standard error, seconds. */
  standardErrorSec: number;
  medianSec: number;
  /** Gaps measured. */
  n: number;
}

/**
 * After-call work is not in the log, but it shows where it cannot hide: when a caller is already waiting as an agent
 * ends a call, the agent takes the next call as soon as they are ready, so the gap from the end of one call to the
 * answer of the agent's next is the after-call work (with any readiness delay). The allowance is the mean of those
 * gaps over every agent (an overlap, a negative gap, counts as 0; a gap beyond `maxGapSec` is time off the floor and
 * is left out). Mean and standard error of the mean; null when no such gap exists (no agent names, or never a queue).
 */
export function fitAfterCallWork(records: readonly CallRecord[], options: { maxGapSec: number }): AfterCallWorkFit | null {
  const waiting = waitingIndex(records);
  const byAgent = new Map<string, CallRecord[]>();
  for (const record of records) {
    if (!record.answered || record.agent === "") continue;
    let list = byAgent.get(record.agent);
    if (!list) byAgent.set(record.agent, (list = []));
    list.push(record);
  }
  const gaps: number[] = [];
  for (const calls of byAgent.values()) {
    calls.sort((a, b) => a.answerSec - b.answerSec);
    for (let i = 1; i < calls.length; i++) {
      const endSec = calls[i - 1]!.endSec;
      const gap = calls[i]!.answerSec - endSec;
      if (gap > options.maxGapSec || !waiting(endSec)) continue;
      gaps.push(Math.max(0, gap));
    }
  }
  const n = gaps.length;
  if (n === 0) return null;
  gaps.sort((a, b) => a - b);
  const mean = gaps.reduce((sum, gap) => sum + gap, 0) / n;
  const variance = n > 1 ? gaps.reduce((sum, gap) => sum + (gap - mean) ** 2, 0) / (n - 1) : 0;
  const medianSec = n % 2 === 1 ? gaps[(n - 1) / 2]! : (gaps[n / 2 - 1]! + gaps[n / 2]!) / 2;
  return { allowanceSec: mean, standardErrorSec: Math.sqrt(variance / n), medianSec, n };
}

/** A test of "was some caller waiting in the queue at time t" (arrived before t, answered or gone after t), by a
 * binary search over the waits sorted by start with a running maximum of their ends. */
function waitingIndex(records: readonly CallRecord[]): (t: number) => boolean {
  const waits = records.filter((record) => record.waitSec > 0).map((record) => [record.arrivalSec, record.arrivalSec + record.waitSec] as const);
  waits.sort((a, b) => a[0] - b[0]);
  const starts = Float64Array.from(waits, (wait) => wait[0]);
  const latestEnd = new Float64Array(waits.length);
  let latest = -Infinity;
  waits.forEach((wait, i) => (latestEnd[i] = latest = Math.max(latest, wait[1])));
  return (t) => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (starts[middle]! < t) low = middle + 1;
      else high = middle;
    }
    return low > 0 && latestEnd[low - 1]! > t;
  };
}
