/**
 * Running count, mean and sum of squared deviations of a stream of numbers, as plain data so that it can
 * cross a worker boundary (structured clone) and be merged in any grouping.
 * Update: Welford, "Note on a method for calculating corrected sums of squares and products",
 * Technometrics 4(3), 1962. Merge: Chan, Golub & LeVeque, "Updating formulae and a pairwise algorithm for
 * computing sample variances", Stanford CS report STAN-CS-79-773 (1979), eq. 2.1.
 */
export interface RunningMoments {
  count: number;
  mean: number;
  /** Sum of squared deviations from the mean (M2). */
  sumSquares: number;
}

/** An empty accumulator. */
export function runningMoments(): RunningMoments {
  return { count: 0, mean: 0, sumSquares: 0 };
}

/** Adds one value in place (Welford). Returns the accumulator. */
export function addMoment(moments: RunningMoments, value: number): RunningMoments {
  moments.count += 1;
  const delta = value - moments.mean;
  moments.mean += delta / moments.count;
  moments.sumSquares += delta * (value - moments.mean);
  return moments;
}

/** Merges `other` into `into` in place (Chan et al.): the result equals adding other's values one by one,
 * up to rounding. Returns `into`. */
export function mergeMoments(into: RunningMoments, other: RunningMoments): RunningMoments {
  if (other.count === 0) return into;
  if (into.count === 0) {
    into.count = other.count;
    into.mean = other.mean;
    into.sumSquares = other.sumSquares;
    return into;
  }
  const count = into.count + other.count;
  const delta = other.mean - into.mean;
  into.mean += (delta * other.count) / count;
  into.sumSquares += other.sumSquares + (delta * delta * into.count * other.count) / count;
  into.count = count;
  return into;
}

/** Sample variance (divisor count − 1); null with fewer than two values. */
export function momentsVariance(moments: RunningMoments): number | null {
  return moments.count < 2 ? null : moments.sumSquares / (moments.count - 1);
}

/**
 * Many accumulators side by side in three typed arrays (e.g. one per interval × KPI), for per-interval
 * statistics across replications without an object per cell. Slot i is (count[i], mean[i], sumSquares[i]),
 * updated and merged with the same formulas as `RunningMoments`. Transferable across workers.
 */
export interface RunningMomentsArray {
  count: Float64Array;
  mean: Float64Array;
  sumSquares: Float64Array;
}

/** `size` empty accumulators. */
export function runningMomentsArray(size: number): RunningMomentsArray {
  return { count: new Float64Array(size), mean: new Float64Array(size), sumSquares: new Float64Array(size) };
}

/** Adds `value` to slot `index` in place. A null value (KPI undefined) is skipped. */
export function addMomentAt(moments: RunningMomentsArray, index: number, value: number | null): void {
  if (value === null) return;
  const count = moments.count[index]! + 1;
  const mean = moments.mean[index]!;
  const delta = value - mean;
  const nextMean = mean + delta / count;
  moments.count[index] = count;
  moments.mean[index] = nextMean;
  moments.sumSquares[index] = moments.sumSquares[index]! + delta * (value - nextMean);
}

/** Merges every slot of `other` into the same slot of `into` (same size), in place. */
export function mergeMomentsArrays(into: RunningMomentsArray, other: RunningMomentsArray): void {
  if (other.count.length !== into.count.length) {
    throw new Error(`cannot merge moments of ${other.count.length} slots into ${into.count.length}; expected the same size`);
  }
  for (let i = 0; i < into.count.length; i++) {
    const n2 = other.count[i]!;
    if (n2 === 0) continue;
    const n1 = into.count[i]!;
    const count = n1 + n2;
    const delta = other.mean[i]! - into.mean[i]!;
    into.mean[i] = into.mean[i]! + (delta * n2) / count;
    into.sumSquares[i] = into.sumSquares[i]! + other.sumSquares[i]! + (delta * delta * n1 * n2) / count;
    into.count[i] = count;
  }
}
