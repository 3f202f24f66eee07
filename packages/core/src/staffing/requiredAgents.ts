import type { Plan } from "../des/plan.js";
import { requiredAgentsByInterval } from "../queueing/requiredAgentsByInterval.js";
import { distributionMean } from "../random/index.js";
import { durationToSeconds, type Scenario } from "../schema/index.js";

/** Shortest mean handle time given to the Erlang formulas, seconds: below a second the load is negligible either way,
 * and Erlang A's domain (patience × agents / handle time) stays bounded. */
export const MIN_ERLANG_HANDLE_SEC = 1;
/** Shortest mean patience given to Erlang A, seconds (everyone hangs up at once either way). */
export const MIN_ERLANG_PATIENCE_SEC = 1e-3;

/** The fewest agents per interval for one load: contacts per interval, agents on the phones, agents to schedule. */
export interface RequiredAgentsLine {
  /** Mean contacts per interval the line is staffed for. */
  contacts: Float64Array;
  /** On the phones (after shrinkage). */
  agents: Int32Array;
  /** Grossed up for shrinkage (equal to `agents` when the queue's groups differ in shrinkage). */
  scheduledAgents: Int32Array;
}

/** A queue's required agents per counted interval, for the forecast and for the load the simulation offered. */
export interface QueueRequiredAgents {
  queue: string;
  /** Erlang A when callers hang up (patience), Erlang C when they never do. */
  model: "a" | "c";
  /** The shrinkage `scheduledAgents` is grossed up for; null when the groups serving the queue differ (then
   * `scheduledAgents` equals `agents`, on the phones). */
  shrinkage: number | null;
  targetAnswerSec: number;
  targetServiceLevel: number;
  /** Staffed for the forecast's first contacts alone: the usual planning line, blind to retries and repeats. */
  forecast: RequiredAgentsLine;
  /** Staffed for what the simulation offered in each interval (mean over replications): first contacts, retries
   * after abandoning and repeat contacts, including those that came back while the line was closed and arrive
   * when it opens. Null when no run's offered contacts were given. */
  offered: RequiredAgentsLine | null;
}

export interface RequiredAgentsOptions {
  /** The validated scenario (targets, patience and shrinkage are read from it). */
  scenario: Scenario;
  /** Its compiled plan (forecast rates and mean handle times per interval). */
  plan: Plan;
  /** The plan's index of the first counted interval (intervals before it end in the warm-up). */
  first: number;
  /** Mean contacts offered per counted interval over every queue, as a run reports them (the `offered` KPI of
   * each interval row). Omitted: only the forecast line. */
  offeredPerInterval?: ArrayLike<number>;
}

/**
 * Agents each queue needs per counted interval to reach its service-level target, by Erlang A (or C without
 * patience) treating each interval as a stationary queue on its own (the planning approximation: no carry-over),
 * with the queue's mean handle time (per interval when the plan scales it) and mean patience, grossed up for
 * shrinkage when every group serving the queue has the same.
 *
 * Two loads: the forecast's first contacts, and what the simulation actually offered. They differ where retries
 * and repeat contacts add load, most at opening, when the returns of the evening and night arrive together: a
 * roster judged against the forecast line alone looks overstaffed exactly where the simulation shows it short.
 * A run counts offered contacts over all queues; with several queues each queue's share of an interval is taken
 * as its share of that interval's forecast (of the whole span's forecast where the interval has none).
 * Self-service queues need no agent and email is a backlog worked when agents are free, with a target in hours
 * (no Erlang queue): both are left out. A chat agent's concurrent sessions are not modelled here: a chat queue's
 * line counts one session per agent (an upper bound).
 */
export function requiredAgents(options: RequiredAgentsOptions): QueueRequiredAgents[] {
  const { scenario, plan, first, offeredPerInterval } = options;
  const count = plan.intervalCount - first;
  if (offeredPerInterval !== undefined && offeredPerInterval.length !== count) {
    throw new Error(`invalid offeredPerInterval: ${offeredPerInterval.length} values; expected one per counted interval (${count})`);
  }
  const intervalSec = plan.intervalSec;
  const forecastContacts = plan.queues.map((queue) => Float64Array.from({ length: count }, (_, i) => queue.arrivalRatePerSec[first + i]! * intervalSec));
  const spanShares = shares(forecastContacts.map((contacts) => contacts.reduce((sum, value) => sum + value, 0)));
  const offeredContacts =
    offeredPerInterval === undefined
      ? null
      : plan.queues.map((_, q) =>
          Float64Array.from({ length: count }, (_, i) => {
            const offered = offeredPerInterval[i]!;
            if (!(offered > 0)) return 0;
            const total = forecastContacts.reduce((sum, contacts) => sum + contacts[i]!, 0);
            return offered * (total > 0 ? forecastContacts[q]![i]! / total : spanShares[q]!);
          }),
        );

  const result: QueueRequiredAgents[] = [];
  scenario.queues.forEach((queue, q) => {
    if (queue.channel === "selfService" || queue.channel === "email") return;
    const planQueue = plan.queues[q]!;
    const shrinkages = [...new Set(scenario.groups.filter((group) => group.serves.includes(queue.name)).map((group) => group.shrinkage))];
    const shrinkage = shrinkages.length === 1 ? shrinkages[0]! : null;
    // The formulas need positive durations: a mean of 0 s (tabulated zeros) staffs as the shortest below would.
    const patienceSec = queue.patience ? Math.max(MIN_ERLANG_PATIENCE_SEC, distributionMean(durationToSeconds(queue.patience))) : undefined;
    const model = patienceSec === undefined ? "c" : "a";
    const scale = planQueue.handleScaleByInterval;
    const handleSec = Math.max(MIN_ERLANG_HANDLE_SEC, planQueue.handleMeanSec);
    const ahtSec = scale ? Float64Array.from({ length: count }, (_, i) => Math.max(MIN_ERLANG_HANDLE_SEC, handleSec * scale[first + i]!)) : handleSec;
    const line = (contacts: Float64Array): RequiredAgentsLine => ({
      contacts,
      ...requiredAgentsByInterval({
        arrivalRatePerSec: contacts.map((value) => value / intervalSec),
        ahtSec,
        ...(patienceSec !== undefined && { patienceSec }),
        model,
        targetAnswerSec: queue.targetAnswerSec,
        targetServiceLevel: queue.targetServiceLevel,
        ...(shrinkage !== null && { shrinkage }),
      }),
    });
    result.push({
      queue: queue.name,
      model,
      shrinkage,
      targetAnswerSec: queue.targetAnswerSec,
      targetServiceLevel: queue.targetServiceLevel,
      forecast: line(forecastContacts[q]!),
      offered: offeredContacts ? line(offeredContacts[q]!) : null,
    });
  });
  return result;
}

/** Each value's share of the total; equal shares when the total is 0. */
function shares(values: number[]): number[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  return values.map((value) => (total > 0 ? value / total : 1 / values.length));
}
