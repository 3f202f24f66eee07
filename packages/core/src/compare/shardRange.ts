/**
 * The replications [from, to) of shard `index` (counted from 0) of `count`, for a run of `total`: contiguous,
 * in order, sizes differing by at most one (from = ⌊index·total/count⌋). The CLI's `--shard 3/8` is index 2 of
 * 8. With more shards than replications some shards are empty (from = to). Throws unless total ≥ 1 and
 * count ≥ 1 are whole numbers and index is a whole number in [0, count).
 */
export function shardRange(total: number, index: number, count: number): [from: number, to: number] {
  if (!(Number.isInteger(total) && total >= 1)) throw new Error(`invalid replications: ${total}; expected a whole number ≥ 1`);
  if (!(Number.isInteger(count) && count >= 1)) throw new Error(`invalid shard count: ${count}; expected a whole number ≥ 1`);
  if (!(Number.isInteger(index) && index >= 0 && index < count)) {
    throw new Error(`invalid shard index: ${index}; expected a whole number from 0 to ${count - 1}`);
  }
  return [Math.floor((index * total) / count), Math.floor(((index + 1) * total) / count)];
}
