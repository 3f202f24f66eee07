/**
 * Wait-time histogram bins that widen with the wait (HDR-style): 1 s wide below `LINEAR_LIMIT_SEC`, then
 * each bin `GROWTH` times wider than the last, up to `MAX_TRACKED_SEC`, plus one overflow bin. Precise where
 * service levels are judged (seconds) and still cheap for hours-long waits in an overloaded interval.
 */
export const LINEAR_LIMIT_SEC = 180;
const GROWTH = 1.025;
const LOG_GROWTH = Math.log(GROWTH);
/** Waits beyond two weeks fall into the overflow bin. */
export const MAX_TRACKED_SEC = 14 * 86_400;
const GEOMETRIC_BINS = Math.ceil(Math.log(MAX_TRACKED_SEC / LINEAR_LIMIT_SEC) / LOG_GROWTH);
/** Number of bins, the overflow bin included. */
export const WAIT_BIN_COUNT = LINEAR_LIMIT_SEC + GEOMETRIC_BINS + 1;
const OVERFLOW_BIN = WAIT_BIN_COUNT - 1;

/** The bin index of a wait in seconds (≥ 0). */
export function waitBin(waitSec: number): number {
  if (waitSec < LINEAR_LIMIT_SEC) return waitSec > 0 ? Math.floor(waitSec) : 0;
  return geometricWaitBin(waitSec);
}

/** The bin of a wait of `LINEAR_LIMIT_SEC` or more (apart, so that `waitBin` stays small enough to inline). */
function geometricWaitBin(waitSec: number): number {
  const bin = LINEAR_LIMIT_SEC + Math.floor(Math.log(waitSec / LINEAR_LIMIT_SEC) / LOG_GROWTH);
  return bin < OVERFLOW_BIN ? bin : OVERFLOW_BIN;
}

/** Lower edge of a bin in seconds. */
export function waitBinLowerSec(bin: number): number {
  if (bin <= LINEAR_LIMIT_SEC) return bin;
  return LINEAR_LIMIT_SEC * Math.pow(GROWTH, bin - LINEAR_LIMIT_SEC);
}

/** Upper edge of a bin in seconds (the overflow bin reports its lower edge: the quantile is at least that). */
export function waitBinUpperSec(bin: number): number {
  return bin >= OVERFLOW_BIN ? waitBinLowerSec(bin) : waitBinLowerSec(bin + 1);
}

/**
 * The p-quantile (0 < p < 1) of the waits counted in `counts[offset … offset + WAIT_BIN_COUNT)`, interpolated
 * linearly within the bin it falls in. null when the histogram is empty.
 */
export function histogramQuantile(counts: ArrayLike<number>, p: number, offset = 0): number | null {
  let total = 0;
  for (let bin = 0; bin < WAIT_BIN_COUNT; bin++) total += counts[offset + bin]!;
  if (total <= 0) return null;
  const rank = p * total;
  let below = 0;
  for (let bin = 0; bin < WAIT_BIN_COUNT; bin++) {
    const count = counts[offset + bin]!;
    if (count > 0 && below + count >= rank) {
      const lower = waitBinLowerSec(bin);
      const fraction = (rank - below) / count;
      return lower + fraction * (waitBinUpperSec(bin) - lower);
    }
    below += count;
  }
  return waitBinLowerSec(OVERFLOW_BIN);
}
