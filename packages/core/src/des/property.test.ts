import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KPI_REGISTRY, type KpiDefinition } from "../kpi/registry.js";
import { inverseCdf } from "../random/distributions.js";
import type { DurationSampler, Plan } from "./plan.js";
import { GROUP_COUNTER_COUNT, QUEUE_COUNTER_COUNT, QueueCounter as Q, sumCounters } from "./result.js";
import { simulateReplication } from "./simulate.js";

const MAX_ARRIVALS = 100_000;

/** Durations from degenerate to absurd: zero, a microsecond, a day, a month, and ordinary distributions. */
const duration: fc.Arbitrary<DurationSampler> = fc.oneof(
  fc.constantFrom(0, 1e-6, 1, 86_400, 3e6).map((value) => inverseCdf({ dist: "deterministic", meanSec: value })),
  fc.double({ min: 1e-3, max: 1e5, noNaN: true }).map((meanSec) => inverseCdf({ dist: "exponential", meanSec })),
  fc
    .record({ meanSec: fc.double({ min: 1e-3, max: 1e5, noNaN: true }), cv: fc.double({ min: 0.05, max: 5, noNaN: true }) })
    .map(({ meanSec, cv }) => inverseCdf({ dist: "lognormal", meanSec, cv })),
);

/** Contacts per hour: none, a trickle, ordinary, and an extreme burst (bounded so a run stays small). */
const perHour = fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: 5, max: 400, noNaN: true }), fc.constant(6000));

const plan: fc.Arbitrary<Plan> = fc
  .record({
    intervalSec: fc.constantFrom(900, 1800, 3600),
    intervalCount: fc.integer({ min: 1, max: 6 }),
    queueCount: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    warmupFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .chain(({ intervalSec, intervalCount, queueCount, seed, warmupFraction }) =>
    fc.record({
      queues: fc.array(
        fc.record({
          rates: fc.array(perHour, { minLength: intervalCount, maxLength: intervalCount }),
          candidateBoost: fc.double({ min: 1, max: 3, noNaN: true }),
          dailyVolumeCv: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 2, noNaN: true })),
          handle: duration,
          patience: fc.option(duration, { nil: null }),
          targetAnswerSec: fc.constantFrom(0, 20, 1e9),
          fcr: fc.double({ min: 0, max: 1, noNaN: true }),
          repeatDelay: duration,
          retryProbability: fc.double({ min: 0, max: 1, noNaN: true }),
          retryDelay: duration,
        }),
        { minLength: queueCount, maxLength: queueCount },
      ),
      groups: fc.array(
        fc.record({
          serves: fc.uniqueArray(fc.integer({ min: 0, max: queueCount - 1 }), { maxLength: queueCount }),
          shrinkage: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
          steps: fc.array(fc.tuple(fc.double({ min: 0, max: intervalCount * intervalSec * 1.2, noNaN: true }), fc.integer({ min: 0, max: 30 })), {
            maxLength: 5,
          }),
          initial: fc.integer({ min: 0, max: 30 }),
        }),
        { maxLength: 3 },
      ),
    }).map(({ queues, groups }): Plan => ({
      name: "random",
      seed,
      intervalSec,
      intervalsPerDay: Math.max(1, Math.round(86_400 / intervalSec)),
      intervalCount,
      intervalLabels: Array.from({ length: intervalCount }, (_, i) => String(i)),
      dayLabels: ["d"],
      warmupSec: warmupFraction * intervalCount * intervalSec,
      queues: queues.map((queue, q) => {
        const rates = Float64Array.from(queue.rates, (rate) => rate / 3600);
        return {
          name: `q${q}`,
          arrivalRatePerSec: rates,
          candidateRatePerSec: rates.reduce((max, rate) => Math.max(max, rate), 0) * queue.candidateBoost,
          dailyVolumeCv: queue.dailyVolumeCv,
          handle: queue.handle,
          handleMeanSec: 1,
          patience: queue.patience,
          targetAnswerSec: queue.targetAnswerSec,
          fcr: queue.fcr,
          repeatDelay: queue.repeatDelay,
          retryProbability: queue.retryProbability,
          retryDelay: queue.retryDelay,
        };
      }),
      groups: groups.map((group, g) => {
        const steps = [[0, group.initial] as [number, number], ...group.steps].sort((a, b) => a[0] - b[0]);
        return {
          name: `g${g}`,
          serves: Int32Array.from(group.serves),
          shrinkage: group.shrinkage,
          staffingTimesSec: Float64Array.from(steps, ([time]) => time),
          staffingCounts: Int32Array.from(steps, ([, count]) => count),
        };
      }),
    })),
  );

describe("the engine on random small plans", () => {
  it("always finishes, conserves contacts, and gives KPIs that are finite or null, never negative waits", () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: 0, max: 1000 }), (p, replication) => {
        let result;
        try {
          result = simulateReplication(p, replication, { maxArrivals: MAX_ARRIVALS });
        } catch (error) {
          // The only refusal allowed: contacts that keep coming back (FCR 0 with tiny repeat delays and the like).
          expect(String(error)).toMatch(/too many arrivals/);
          return;
        }
        expect(result.queueCounters.every((value) => value >= 0 && Number.isFinite(value))).toBe(true);
        expect(result.groupCounters.every((value) => value >= 0 && Number.isFinite(value))).toBe(true);
        expect(result.waitHistogram.every((value) => value >= 0 && Number.isFinite(value))).toBe(true);
        expect(result.queueCounters.length).toBe(p.intervalCount * p.queues.length * QUEUE_COUNTER_COUNT);
        expect(result.groupCounters.length).toBe(p.intervalCount * p.groups.length * GROUP_COUNTER_COUNT);
        // Every offered contact ends answered, abandoned or unfinished, in every interval of every queue.
        for (let cell = 0; cell < p.intervalCount * p.queues.length; cell++) {
          const t = result.queueCounters.subarray(cell * QUEUE_COUNTER_COUNT, (cell + 1) * QUEUE_COUNTER_COUNT);
          expect(t[Q.answered]! + t[Q.abandoned]! + t[Q.unfinished]!).toBe(t[Q.offered]);
          expect(t[Q.delayed]!).toBeLessThanOrEqual(t[Q.offered]!);
        }
        // KPIs of every interval (all queues) and of every queue over the span: what the reports show.
        const rows = [
          ...Array.from({ length: p.intervalCount }, (_, interval) => sumCounters(result, { from: interval, to: interval + 1 })),
          ...p.queues.map((_, queue) => sumCounters(result, { from: 0, to: p.intervalCount, queue })),
        ];
        for (const totals of rows) {
          for (const kpi of KPI_REGISTRY as readonly KpiDefinition[]) {
            const value = kpi.compute(totals);
            if (value === null) continue;
            expect(Number.isFinite(value), `${kpi.id} = ${value}`).toBe(true);
            if (kpi.unit === "seconds") expect(value, kpi.id).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 150, seed: 20261123 },
    );
  }, 20_000);
});
