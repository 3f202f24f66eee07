import { inverseCdf } from "../random/distributions.js";
import type { DurationSampler, Plan } from "./plan.js";

/** Inputs of `stationaryPlan`, in the units their names carry. */
export interface StationaryPlanOptions {
  /** Poisson arrival rate, contacts per hour (≥ 0). */
  arrivalsPerHour: number;
  /** Mean handle time, seconds (> 0); exponential unless `handle` is given. */
  ahtSec: number;
  /** Agents on the floor the whole time (a whole number ≥ 0); no shrinkage. */
  agents: number;
  /** Mean patience, seconds (exponential); omitted = infinite patience (nobody abandons). */
  patienceSec?: number;
  /** Answer-time target for service level, seconds. Default 20. */
  targetAnswerSec?: number;
  /** Share of contacts to answer within the target (a fraction). Default 0.8 (80/20). */
  targetServiceLevel?: number;
  /** Length of the simulated span, hours (> 0); rounded up to whole intervals. */
  hours: number;
  /** Interval length, minutes. Default 30. */
  intervalMinutes?: number;
  /** Warm-up not counted in the results, hours (rounded to the nearest second). Default 0 (empty at start). */
  warmupHours?: number;
  /** Default 1. */
  seed?: number;
  /** Handle-time sampler (inverse CDF) overriding the exponential with mean `ahtSec`. */
  handle?: DurationSampler;
  /** Patience sampler overriding the exponential from `patienceSec`; null = infinite patience. */
  patience?: DurationSampler | null;
  /** A priority class: the share of contacts in it and their head start, seconds (see PlanQueue.priority). */
  priority?: { share: number; headStartSec: number };
}

/**
 * A stationary center: one queue, one group, a constant arrival rate and a constant number of agents —
 * the setting of Erlang C (infinite patience) and Erlang A (exponential patience). Used for validation
 * against the formulas, the CLI's `--rate` mode and the benchmark. Handle time and patience are exponential
 * unless samplers are given; FCR 1, no retries, no day-level dispersion, no shrinkage; the day has
 * ceil(hours / interval) intervals, one day label per started 24 hours. The experience model runs with its
 * defaults (no resolution time, no wage: cost per contact is undefined). Throws on inputs out of range.
 */
export function stationaryPlan(options: StationaryPlanOptions): Plan {
  const { arrivalsPerHour, ahtSec, agents, hours } = options;
  const intervalMinutes = options.intervalMinutes ?? 30;
  const check = (field: string, ok: boolean, value: unknown, expected: string) => {
    if (!ok) throw new Error(`invalid ${field}: ${String(value)}; expected ${expected}`);
  };
  check("arrivalsPerHour", arrivalsPerHour >= 0 && Number.isFinite(arrivalsPerHour), arrivalsPerHour, "a finite number ≥ 0");
  check("ahtSec", ahtSec > 0 && Number.isFinite(ahtSec), ahtSec, "a finite number > 0");
  check("agents", Number.isInteger(agents) && agents >= 0, agents, "a whole number ≥ 0");
  check("hours", hours > 0 && Number.isFinite(hours), hours, "a finite number > 0");
  check("intervalMinutes", intervalMinutes > 0 && Number.isFinite(intervalMinutes), intervalMinutes, "a finite number > 0");
  if (options.patienceSec !== undefined) {
    check("patienceSec", options.patienceSec > 0, options.patienceSec, "a number > 0 (omit it for infinite patience)");
  }
  const intervalSec = intervalMinutes * 60;
  const intervalCount = Math.ceil((hours * 3600) / intervalSec - 1e-9);
  const intervalsPerDay = Math.max(1, Math.round(86_400 / intervalSec));
  const ratePerSec = arrivalsPerHour / 3600;
  const patienceSec = options.patienceSec;
  const patience =
    options.patience !== undefined
      ? options.patience
      : patienceSec === undefined || patienceSec === Infinity
        ? null
        : inverseCdf({ dist: "exponential", meanSec: patienceSec });
  const never: DurationSampler = () => Infinity;
  return {
    name: `stationary ${arrivalsPerHour}/h, AHT ${ahtSec} s, ${agents} agents`,
    seed: options.seed ?? 1,
    intervalSec,
    intervalsPerDay,
    intervalCount,
    intervalLabels: Array.from({ length: intervalCount }, (_, i) => clockLabel((i % intervalsPerDay) * intervalSec)),
    dayLabels: Array.from({ length: Math.ceil(intervalCount / intervalsPerDay) }, (_, d) => `day ${d + 1}`),
    warmupSec: Math.round((options.warmupHours ?? 0) * 3600),
    queues: [
      {
        name: "queue",
        arrivalRatePerSec: new Float64Array(intervalCount).fill(ratePerSec),
        candidateRatePerSec: ratePerSec,
        dailyVolumeCv: 0,
        handle: options.handle ?? inverseCdf({ dist: "exponential", meanSec: ahtSec }),
        handleMeanSec: ahtSec,
        patience,
        targetAnswerSec: options.targetAnswerSec ?? 20,
        targetServiceLevel: options.targetServiceLevel ?? 0.8,
        fcr: 1,
        repeatDelay: never,
        retryProbability: 0,
        retryDelay: never,
        ...(options.priority && {
          priority: {
            name: "priority",
            headStartSec: options.priority.headStartSec,
            shareByInterval: new Float64Array(intervalCount).fill(options.priority.share),
          },
        }),
      },
    ],
    groups: [
      {
        name: "agents",
        serves: Int32Array.of(0),
        shrinkage: 0,
        staffingTimesSec: Float64Array.of(0),
        staffingCounts: Int32Array.of(agents),
      },
    ],
  };
}

function clockLabel(sec: number): string {
  const minutes = Math.floor(sec / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
