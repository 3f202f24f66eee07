/** Most points the chart draws; wider ranges are sampled with a step. */
const MAX_POINTS = 80;

/**
 * The agent counts to plot: from just below the offered load (where the service level leaves zero) to a margin
 * past the largest count marked on the chart (the agents entered, the fewest agents for the target).
 * This only chooses the chart's x domain; every plotted value comes from core.
 */
export function agentRange(offeredLoad: number, marks: readonly number[]): number[] {
  const low = Math.max(1, Math.floor(offeredLoad) - 1);
  const marked = Math.max(low, ...marks.filter((n) => Number.isFinite(n)));
  const high = Math.max(low + 8, marked + Math.max(3, Math.ceil((marked - low) * 0.4)));
  const step = Math.max(1, Math.ceil((high - low) / MAX_POINTS));
  const agents: number[] = [];
  for (let n = low; n <= high; n += step) agents.push(n);
  for (const mark of marks) if (mark >= low && mark <= high && !agents.includes(mark)) agents.push(mark);
  return agents.sort((a, b) => a - b);
}
