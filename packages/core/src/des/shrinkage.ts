import { counterUniformsAlongB } from "../random/counterUniform.js";

/** The slots' uniforms of one call (grown as needed; a worker runs one replication at a time). */
let uniforms = new Float64Array(128);

/**
 * Which scheduled agents of a group are absent for a whole interval (shrinkage: time lost beyond explicit
 * breaks). Slot j (0-based) of group `group` is absent in `interval` when
 * `counterUniform(seed, replication, group, interval, j) < shrinkage` (drawn for all of them at once,
 * `counterUniformsAlongB`): a draw that belongs to the slot, not
 * to a position in a stream, so a scenario with more scheduled agents sees the same absences among the
 * agents it shares with one with fewer (common random numbers).
 * Fills `absentBelow[n]` with the number of absent slots among the first n (n = 0 … absentBelow.length − 1),
 * so the on-floor target for any scheduled count n is `n − absentBelow[n]`, also when the count changes
 * within the interval.
 */
export function fillAbsences(
  absentBelow: Int32Array,
  options: { seed: number; replication: number; group: number; interval: number; shrinkage: number },
): void {
  const { seed, replication, group, interval, shrinkage } = options;
  const slots = absentBelow.length - 1;
  if (uniforms.length < slots) uniforms = new Float64Array(slots);
  counterUniformsAlongB(seed, replication, group, interval, uniforms, slots);
  let absent = 0;
  absentBelow[0] = 0;
  for (let slot = 0; slot < slots; slot++) {
    if (uniforms[slot]! < shrinkage) absent++;
    absentBelow[slot + 1] = absent;
  }
}
