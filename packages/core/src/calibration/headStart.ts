import type { CallRecord } from "./callLog.js";

/** Pairs read at most (about 16 MB of working arrays). */
const MAX_PAIRS = 1_000_000;

/** A class's head start in the queue, read from the order in which waiting callers were answered. */
export interface HeadStartFit {
  /** The class. */
  name: string;
  /** Seconds earlier than its arrival that the class counts as having arrived (the change point), ≥ 0. */
  headStartSec: number;
  /** Profile-likelihood 95% interval: head starts whose log-likelihood is within 1.92 of the best. */
  ci95: [number, number];
  /** Pairs (a caller of the class and another, both waiting when the first of the two was answered). */
  pairs: number;
  /** Share of pairs in which the class's caller was answered first when it arrived less than the head start after
   * the other, and when it arrived later than that. */
  answeredFirstWithin: number;
  answeredFirstBeyond: number;
  /** Twice the log-likelihood gain of the change point over one constant share (how clearly the order changes at the
   * head start; above ~10 is clear). */
  likelihoodRatio: number;
}

/**
 * The head start that reproduces the order in which the log's waiting callers were answered. Take every pair of
 * answered calls that waited, one of the class (p) and one not (s), both already waiting when the first of them was
 * answered, with dx = p's arrival − s's arrival. Under a head start h, p goes first exactly when dx < h; in a real
 * center skills and agents' choices blur that, so the fit is a change point: p goes first with one probability when
 * dx < h and another when dx ≥ h, and h maximises the likelihood of the order seen (a grid of whole seconds from 0 to
 * `maxHeadStartSec`; the earliest of equally good values), from at most a million pairs. Null with fewer than
 * `minPairs` pairs.
 */
export function fitHeadStart(
  records: readonly CallRecord[],
  options: { className: string; maxHeadStartSec: number; minPairs: number },
): HeadStartFit | null {
  const waited = records.filter((record) => record.answered && record.waitSec > 0);
  const ofClass = waited.filter((record) => record.callClass === options.className).sort((a, b) => a.arrivalSec - b.arrivalSec);
  const others = waited.filter((record) => record.callClass !== options.className).sort((a, b) => a.arrivalSec - b.arrivalSec);
  if (ofClass.length === 0 || others.length === 0) return null;
  const longestWait = others.reduce((most, record) => Math.max(most, record.waitSec), 0);
  const differences: number[] = [];
  const firsts: number[] = [];
  let start = 0;
  // Enough pairs for the change point to be sharp: a huge log stops collecting there (its earliest callers' pairs).
  outer: for (const p of ofClass) {
    // Others that arrived before p was answered and were still waiting when p arrived (or arrived after p).
    while (start < others.length && others[start]!.arrivalSec < p.arrivalSec - longestWait) start++;
    for (let j = start; j < others.length; j++) {
      const s = others[j]!;
      if (s.arrivalSec >= p.answerSec) break;
      const firstAnswer = Math.min(p.answerSec, s.answerSec);
      if (!(p.arrivalSec < firstAnswer && s.arrivalSec < firstAnswer) || p.answerSec === s.answerSec) continue;
      differences.push(p.arrivalSec - s.arrivalSec);
      firsts.push(p.answerSec < s.answerSec ? 1 : 0);
      if (differences.length >= MAX_PAIRS) break outer;
    }
  }
  const pairs = differences.length;
  if (pairs < options.minPairs) return null;
  // Sorted by dx, a grid over h needs only prefix counts.
  const order = differences.map((_, i) => i).sort((a, b) => differences[a]! - differences[b]!);
  const sortedDx = order.map((i) => differences[i]!);
  const prefixFirst = new Float64Array(pairs + 1);
  order.forEach((i, k) => (prefixFirst[k + 1] = prefixFirst[k]! + firsts[i]!));
  const totalFirst = prefixFirst[pairs]!;
  const logLikelihood = (h: number) => {
    const below = lowerBound(sortedDx, h);
    return bernoulliLogLikelihood(prefixFirst[below]!, below) + bernoulliLogLikelihood(totalFirst - prefixFirst[below]!, pairs - below);
  };
  let best = 0;
  let bestValue = -Infinity;
  const values: number[] = [];
  for (let h = 0; h <= options.maxHeadStartSec; h++) {
    const value = logLikelihood(h);
    values.push(value);
    if (value > bestValue + 1e-9) {
      bestValue = value;
      best = h;
    }
  }
  const within = values.map((value, h) => (value >= bestValue - 1.92 ? h : -1)).filter((h) => h >= 0);
  const below = lowerBound(sortedDx, best);
  return {
    name: options.className,
    headStartSec: best,
    ci95: [Math.min(...within), Math.max(...within)],
    pairs,
    answeredFirstWithin: below > 0 ? prefixFirst[below]! / below : 0,
    answeredFirstBeyond: pairs > below ? (totalFirst - prefixFirst[below]!) / (pairs - below) : 0,
    likelihoodRatio: 2 * (bestValue - bernoulliLogLikelihood(totalFirst, pairs)),
  };
}

/** Index of the first value ≥ x in an increasing array. */
function lowerBound(sorted: readonly number[], x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < x) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Log-likelihood of k successes in n trials at the MLE k/n (0 for n = 0). */
function bernoulliLogLikelihood(k: number, n: number): number {
  if (n === 0) return 0;
  const p = k / n;
  return (k > 0 ? k * Math.log(p) : 0) + (n - k > 0 ? (n - k) * Math.log(1 - p) : 0);
}
