/**
 * Test support: hand-built plans with defaults, so a test states only what it is about.
 */
import { inverseCdf } from "../../random/distributions.js";
import type { DurationSampler, Plan, PlanGroup, PlanQueue } from "../plan.js";
import { GROUP_COUNTER_COUNT, QUEUE_COUNTER_COUNT } from "../result.js";

export const exponential = (meanSec: number): DurationSampler => inverseCdf({ dist: "exponential", meanSec });
export const deterministic = (valueSec: number): DurationSampler => () => valueSec;

export interface TestQueue extends Partial<Omit<PlanQueue, "arrivalRatePerSec">> {
  /** Contacts per hour: one number for every interval, or one per interval. */
  perHour: number | number[];
}

export interface TestGroup extends Partial<Omit<PlanGroup, "serves" | "staffingTimesSec" | "staffingCounts">> {
  serves?: number[];
  /** Constant agents, or [timeSec, count] steps. */
  agents: number | [number, number][];
}

export function testPlan(options: {
  intervalSec?: number;
  intervalCount: number;
  intervalsPerDay?: number;
  warmupSec?: number;
  seed?: number;
  queues: TestQueue[];
  groups: TestGroup[];
}): Plan {
  const intervalSec = options.intervalSec ?? 1800;
  const { intervalCount } = options;
  const queues: PlanQueue[] = options.queues.map((queue, q) => {
    const { perHour, ...rest } = queue;
    const rates = Float64Array.from({ length: intervalCount }, (_, i) =>
      (typeof perHour === "number" ? perHour : perHour[i]!) / 3600,
    );
    return {
      name: `queue ${q}`,
      arrivalRatePerSec: rates,
      candidateRatePerSec: rates.reduce((max, rate) => Math.max(max, rate), 0),
      dailyVolumeCv: 0,
      handle: exponential(180),
      handleMeanSec: 180,
      patience: null,
      targetAnswerSec: 20,
      fcr: 1,
      repeatDelay: exponential(3600),
      retryProbability: 0,
      retryDelay: exponential(300),
      ...rest,
    };
  });
  const groups: PlanGroup[] = options.groups.map((group, g) => {
    const { agents, serves, ...rest } = group;
    const steps = typeof agents === "number" ? [[0, agents] as [number, number]] : agents;
    return {
      name: `group ${g}`,
      serves: Int32Array.from(serves ?? [0]),
      shrinkage: 0,
      staffingTimesSec: Float64Array.from(steps, ([time]) => time),
      staffingCounts: Int32Array.from(steps, ([, count]) => count),
      ...rest,
    };
  });
  const intervalsPerDay = options.intervalsPerDay ?? Math.max(1, Math.round(86_400 / intervalSec));
  return {
    name: "test plan",
    seed: options.seed ?? 1,
    intervalSec,
    intervalsPerDay,
    intervalCount,
    intervalLabels: Array.from({ length: intervalCount }, (_, i) => String(i)),
    dayLabels: Array.from({ length: Math.ceil(intervalCount / intervalsPerDay) }, (_, d) => String(d)),
    warmupSec: options.warmupSec ?? 0,
    queues,
    groups,
  };
}

/** One counter of one interval and queue (or group) of a result's flat arrays. */
export function queueCounter(result: { queueCounters: Float64Array; queueCount: number }, interval: number, queue: number, counter: number): number {
  return result.queueCounters[(interval * result.queueCount + queue) * QUEUE_COUNTER_COUNT + counter]!;
}

export function groupCounter(result: { groupCounters: Float64Array; groupCount: number }, interval: number, group: number, counter: number): number {
  return result.groupCounters[(interval * result.groupCount + group) * GROUP_COUNTER_COUNT + counter]!;
}
