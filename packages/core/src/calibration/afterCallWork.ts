import type { CallRecord } from "./callLog.js";
import { answeredByAgent } from "./inferStaffing.js";

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
 * After-call work is not in the log, but it shows where it cannot hide: while callers wait from the end of an agent's
 * call until that agent's next answer, the agent is not idle, so the gap is their after-call work (with any readiness
 * delay). The allowance is the mean of those gaps over every agent (an overlap, a negative gap, counts as 0; a gap
 * beyond `maxGapSec` is time off the floor and is left out). Gaps during which the queue emptied are left out too:
 * there the agent may simply have had nothing to do. Mean and standard error of the mean; null when no such gap
 * exists (no agent names, or never a queue).
 */
export function fitAfterCallWork(records: readonly CallRecord[], options: { maxGapSec: number }): AfterCallWorkFit | null {
  const waiting = waitingIndex(records);
  const byAgent = answeredByAgent(records);
  const gaps: number[] = [];
  for (const calls of byAgent.values()) {
    calls.sort((a, b) => a.answerSec - b.answerSec);
    for (let i = 1; i < calls.length; i++) {
      const endSec = calls[i - 1]!.endSec;
      const gap = calls[i]!.answerSec - endSec;
      if (gap > options.maxGapSec || !waiting(endSec, Math.max(endSec, calls[i]!.answerSec))) continue;
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

/** A test of "was some caller waiting in the queue throughout [from, to]": the periods when the queue was not empty
 * (the union of every wait, from arrival to answer or hang-up), merged, and a binary search for the one holding
 * `from`. */
function waitingIndex(records: readonly CallRecord[]): (fromSec: number, toSec: number) => boolean {
  const waits = records.filter((record) => record.waitSec > 0).map((record) => [record.arrivalSec, record.arrivalSec + record.waitSec] as const);
  waits.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [start, end] of waits) {
    if (ends.length > 0 && start <= ends[ends.length - 1]!) ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, end);
    else {
      starts.push(start);
      ends.push(end);
    }
  }
  return (fromSec, toSec) => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (starts[middle]! < fromSec) low = middle + 1;
      else high = middle;
    }
    return low > 0 && ends[low - 1]! >= toSec;
  };
}
