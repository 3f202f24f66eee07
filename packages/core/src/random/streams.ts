import seedrandom from "seedrandom";

/** A uniform random number generator on [0, 1). Every stochastic function in core takes one. */
export type Random = () => number;

/** The purposes that get their own stream. A new purpose appends here; existing ones never change,
 * so that results for a given seed stay the same across versions. */
export type StreamPurpose =
  | "arrivals"
  | "accept"
  | "dispersion"
  | "handle"
  | "patience"
  | "fcr"
  | "repeatDelay"
  | "retry"
  | "retryDelay"
  | "resolution"
  | "satisfaction"
  | "survey"
  | "shrinkage"
  | "routing"
  | "priority";

/**
 * Independent, reproducible stream for one purpose of one replication of one queue.
 * Two scenarios run with the same seed draw the same numbers for the same purpose: that is what makes
 * their comparison paired (common random numbers). `lane` separates streams of the same purpose
 * (usually the queue index), so adding a queue does not shift the draws of another.
 */
export function stream(seed: number, replication: number, purpose: StreamPurpose, lane = 0): Random {
  // xor4096: one of seedrandom's fast generators (the default ARC4 is about 4x slower here).
  return seedrandom.xor4096(`${seed}/${replication}/${purpose}/${lane}`);
}
