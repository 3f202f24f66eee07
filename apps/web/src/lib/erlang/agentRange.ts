/** Most points the chart draws; wider ranges are sampled with a step. */
const MAX_POINTS = 80;
/** Beyond this many agents the chart is not drawn (core's formulas stop at a million agents). */
const MAX_CHART_AGENTS = 1_000_000;

/**
 * The agent counts to plot: from just below the offered load (where the service level leaves zero) to a margin
 * past the largest count marked on the chart (the agents entered, the fewest agents for the target).
 * This only chooses the chart's x domain; every plotted value comes from core. Empty when the load is not finite
 * or beyond what the formulas take.
 */
export function agentRange(offeredLoad: number, marks: readonly number[]): number[] {
  if (!(offeredLoad >= 0) || offeredLoad > MAX_CHART_AGENTS) return [];
  const inRange = marks.filter((n) => Number.isInteger(n) && n >= 0 && n <= MAX_CHART_AGENTS);
  const low = Math.max(1, Math.floor(offeredLoad) - 1);
  const marked = Math.max(low, ...inRange);
  const high = Math.max(low + 8, marked + Math.max(3, Math.ceil((marked - low) * 0.4)));
  const step = Math.max(1, Math.ceil((high - low) / MAX_POINTS));
  const agents = new Set<number>();
  for (let i = 0; low + i * step <= high; i++) agents.add(low + i * step);
  for (const mark of inRange) if (mark >= low) agents.add(mark);
  return [...agents].sort((a, b) => a - b);
}
