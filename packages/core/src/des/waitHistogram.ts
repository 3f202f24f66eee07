/**
 * Wait-time histogram bins that widen with the wait (HDR-style): first a bin of its own for waits of exactly zero
 * (contacts answered on arrival, most of them in a well-staffed interval), then bins 1 s wide below
 * `LINEAR_LIMIT_SEC`, then each bin `GROWTH` times wider than the last, up to `MAX_TRACKED_SEC`, plus one overflow
 * bin. Precise where service levels are judged (seconds) and still cheap for hours-long waits in an overloaded
 * interval. Why the zero bin: a quantile is interpolated within its bin as if the waits were spread evenly over it,
 * and zero waits are a point mass, not a spread over [0, 1) s. Counted in the first 1-second bin, they made the median
 * wait of a center where 77% of contacts are answered at once "0.6 s" instead of 0.
 */
export const LINEAR_LIMIT_SEC = 180;
const GROWTH = 1.025;
const LOG_GROWTH = Math.log(GROWTH);
/** Waits beyond two weeks fall into the overflow bin. */
export const MAX_TRACKED_SEC = 14 * 86_400;
const GEOMETRIC_BINS = Math.ceil(Math.log(MAX_TRACKED_SEC / LINEAR_LIMIT_SEC) / LOG_GROWTH);
/** The bin of waits of exactly zero. */
export const ZERO_WAIT_BIN = 0;
/** The first geometric bin (its lower edge is `LINEAR_LIMIT_SEC`): after the zero bin and the 1-second bins. */
const FIRST_GEOMETRIC_BIN = 1 + LINEAR_LIMIT_SEC;
/** Number of bins, the zero and overflow bins included. */
export const WAIT_BIN_COUNT = FIRST_GEOMETRIC_BIN + GEOMETRIC_BINS + 1;
const OVERFLOW_BIN = WAIT_BIN_COUNT - 1;

/** The bin index of a wait in seconds (≥ 0). */
export function waitBin(waitSec: number): number {
  if (waitSec < LINEAR_LIMIT_SEC) return waitSec > 0 ? 1 + Math.floor(waitSec) : ZERO_WAIT_BIN;
  return geometricWaitBin(waitSec);
}

/** The bin of a wait of `LINEAR_LIMIT_SEC` or more (apart, so that `waitBin` stays small enough to inline). */
function geometricWaitBin(waitSec: number): number {
  const bin = FIRST_GEOMETRIC_BIN + Math.floor(Math.log(waitSec / LINEAR_LIMIT_SEC) / LOG_GROWTH);
  return bin < OVERFLOW_BIN ? bin : OVERFLOW_BIN;
}

/** Lower edge of a bin in seconds (0 for the zero bin and the first 1-second bin). */
export function waitBinLowerSec(bin: number): number {
  const lower = LOWER_EDGES_SEC[bin];
  return lower !== undefined ? lower : lowerEdgeSec(bin);
}

function lowerEdgeSec(bin: number): number {
  if (bin <= FIRST_GEOMETRIC_BIN) return bin > ZERO_WAIT_BIN ? bin - 1 : 0;
  return LINEAR_LIMIT_SEC * Math.pow(GROWTH, bin - FIRST_GEOMETRIC_BIN);
}

/** Every bin's lower edge, computed once (the same numbers): a quantile in the geometric bins is often first asked for
 * after the KPI code was optimised, and the `Math.pow` path, never run by then, had no type feedback, so the first
 * long wait deoptimised that code ("Insufficient type feedback"); a lookup has no such path. */
const LOWER_EDGES_SEC = Float64Array.from({ length: WAIT_BIN_COUNT }, (_, bin) => lowerEdgeSec(bin));

/** Upper edge of a bin in seconds: the zero bin's is 0 (its waits are all exactly zero, so a quantile that falls in it
 * is 0), and the overflow bin reports its lower edge (the quantile is at least that). */
export function waitBinUpperSec(bin: number): number {
  if (bin === ZERO_WAIT_BIN) return 0;
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

// Type feedback for the geometric bins before anything is compiled with `waitBin` in it. Waits of 3 minutes or more
// are rare in a well-staffed center, so the engine's answer counting was optimised (with `waitBin` inlined) before the
// first came, and the call below it, never run, had no feedback: the first long wait deoptimised the counting (one
// deoptimisation and recompile in every fresh worker thread). A few hundred calls here (V8 allocates a function's
// feedback vector only after its first few calls) record it; they cost some 50 µs when the module loads.
for (let k = 0; k < 256; k++) waitBin(LINEAR_LIMIT_SEC + k * k);
