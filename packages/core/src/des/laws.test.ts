import { describe as group, expect, it } from "vitest";
import { inverseCdf } from "../random/distributions.js";
import type { Plan } from "./plan.js";
import { QUEUE_COUNTER_COUNT, QueueCounter as Q, type CounterTotals } from "./result.js";
import { createSimulator } from "./simulate.js";
import { stationaryPlan } from "./stationaryPlan.js";
import { replicationTotals } from "./testing/erlangCases.js";
import { describe, meanInterval } from "./testing/replicationStats.js";
import { COMPARISON_ALPHA } from "./testing/validationFamily.js";

const REPLICATIONS = 24;
const waitAll = (t: CounterTotals) =>
  (t.queue[Q.waitAnsweredSumSec]! + t.queue[Q.waitAbandonedSumSec]!) / (t.queue[Q.answered]! + t.queue[Q.abandoned]!);

/** The replications' mean of `metric` must be within its Student t half-width of `expected`. */
function expectMean(label: string, values: number[], expected: number) {
  const interval = meanInterval(values, COMPARISON_ALPHA);
  expect(Math.abs(interval.mean - expected), describe(label, expected, interval)).toBeLessThanOrEqual(interval.halfWidth);
}

group("queueing laws hold beyond the Erlang models", () => {
  it("M/G/n+M (log-normal handle times, CV 1.5): Little's law and P(abandon) = E[wait] / mean patience", () => {
    const patienceSec = 180;
    const arrivalsPerHour = 200;
    const plan = stationaryPlan({
      arrivalsPerHour,
      ahtSec: 240,
      handle: inverseCdf({ dist: "lognormal", meanSec: 240, cv: 1.5 }),
      agents: 14,
      patienceSec,
      hours: 300,
      warmupHours: 2,
      intervalMinutes: 60,
      seed: 7,
    });
    const totals = replicationTotals(plan, REPLICATIONS);
    // Little's law with the true arrival rate: time-average queue length minus λ × mean wait of all arrivals.
    expectMean(
      "Little's law, L − λW",
      totals.map((t) => t.queue[Q.queueLengthSec]! / t.spanSec - (arrivalsPerHour / 3600) * waitAll(t)),
      0,
    );
    // Exponential patience abandons at rate 1/θ per second waited, whatever the handle-time distribution.
    expectMean(
      "P(abandon) − E[wait of all] / θ",
      totals.map((t) => t.queue[Q.abandoned]! / t.queue[Q.offered]! - waitAll(t) / patienceSec),
      0,
    );
  }, 20_000);

  it("a day with a profile, staffing steps, retries and repeats: P(abandon) = E[wait] / θ, and Little's law on every sample path", () => {
    const plan = profiledDay(40);
    const totals = replicationTotals(plan, REPLICATIONS);
    expectMean(
      "P(abandon) − E[wait of all] / θ",
      totals.map((t) => t.queue[Q.abandoned]! / t.queue[Q.offered]! - waitAll(t) / 150),
      0,
    );
    // The centre is empty at the start and during the last hours of each run, so the queue-length integral
    // equals the sum of every contact's wait exactly (Little's law without edge effects).
    for (const t of totals) {
      expect(t.queue[Q.unfinished]).toBe(0);
      const waits = t.queue[Q.waitAnsweredSumSec]! + t.queue[Q.waitAbandonedSumSec]!;
      expect(Math.abs(t.queue[Q.queueLengthSec]! - waits)).toBeLessThan(1e-9 * waits);
      expect(t.queue[Q.retryOffered]).toBeGreaterThan(0);
      expect(t.queue[Q.repeatOffered]).toBeGreaterThan(0);
    }
  }, 20_000);

  it("eventCount is arrivals + service starts + departures + abandonments", () => {
    const plan = profiledDay(3);
    const result = createSimulator(plan).run(0);
    let expected = 0;
    for (let cell = 0; cell < result.intervalCount; cell++) {
      const base = cell * QUEUE_COUNTER_COUNT;
      expected += result.queueCounters[base + Q.offered]! + 2 * result.queueCounters[base + Q.answered]! + result.queueCounters[base + Q.abandoned]!;
    }
    expect(result.eventCount).toBe(expected);
  });
});

/** Days of 24 half-hour intervals … arrivals from 06:00 to 20:00 only, staffing in steps, exponential
 * patience (mean 150 s) with retries, FCR 0.8 with repeats after ~10 minutes. */
function profiledDay(days: number): Plan {
  const intervalSec = 1800;
  const intervalsPerDay = 48;
  const intervalCount = days * intervalsPerDay;
  const rates = new Float64Array(intervalCount);
  for (let i = 0; i < intervalCount; i++) {
    const hour = (i % intervalsPerDay) / 2;
    rates[i] = hour >= 6 && hour < 20 ? (60 + 140 * Math.sin((Math.PI * (hour - 6)) / 14)) / 3600 : 0;
  }
  const times: number[] = [];
  const counts: number[] = [];
  for (let d = 0; d < days; d++) {
    for (const [hour, agents] of [[0, 2], [6, 8], [9, 14], [12, 10], [12.5, 14], [17, 8], [22, 2]] as const) {
      times.push((d * 24 + hour) * 3600);
      counts.push(agents);
    }
  }
  return {
    name: "profiled day",
    seed: 11,
    intervalSec,
    intervalsPerDay,
    intervalCount,
    intervalLabels: Array.from({ length: intervalCount }, (_, i) => String(i)),
    dayLabels: Array.from({ length: days }, (_, d) => String(d)),
    warmupSec: 0,
    queues: [
      {
        name: "phone",
        arrivalRatePerSec: rates,
        candidateRatePerSec: 200 / 3600,
        dailyVolumeCv: 0,
        handle: inverseCdf({ dist: "lognormal", meanSec: 200, cv: 1 }),
        handleMeanSec: 200,
        patience: inverseCdf({ dist: "exponential", meanSec: 150 }),
        targetAnswerSec: 20,
        fcr: 0.8,
        repeatDelay: inverseCdf({ dist: "exponential", meanSec: 600 }),
        retryProbability: 0.4,
        retryDelay: inverseCdf({ dist: "exponential", meanSec: 120 }),
      },
    ],
    groups: [
      {
        name: "agents",
        serves: Int32Array.of(0),
        shrinkage: 0,
        staffingTimesSec: Float64Array.from(times),
        staffingCounts: Int32Array.from(counts),
      },
    ],
  };
}
