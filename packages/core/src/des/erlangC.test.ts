import { readFileSync } from "node:fs";
import { describe as group, expect, it } from "vitest";
import { QueueCounter as Q } from "./result.js";
import { planForCase, replicationTotals, type ErlangCase } from "./testing/erlangCases.js";
import { describe, meanInterval } from "./testing/replicationStats.js";
import { COMPARISON_ALPHA } from "./testing/validationFamily.js";

const fixture = JSON.parse(
  readFileSync(new URL("../../../../test/fixtures/erlang-cases.json", import.meta.url), "utf8"),
) as { cases: ErlangCase[] };
const byId = (id: string) => fixture.cases.find((c) => c.id === id)!;

/*
 * M/M/n (Erlang C) by simulation: independent replications of a stationary center, started empty, with a
 * warm-up cut long against the queue's relaxation time (S-EC-07 at 99% occupancy needs hours). Each
 * replication gives one value per KPI (a ratio of sums over its counted span, ~50,000+ contacts, so the
 * ratio's own bias is negligible); the tolerance is the Student t half-width of their mean at
 * COMPARISON_ALPHA (Bonferroni over the whole validation family). Contacts arriving near the end drain with
 * the same agents, so FCFS waits are not truncated by the end of the span.
 */
const cases: { id: string; hours: number; warmupHours: number }[] = [
  { id: "S-EC-03", hours: 1500, warmupHours: 1 }, // 2 agents, 25% occupancy
  { id: "S-EC-01", hours: 400, warmupHours: 2 }, // 14 agents
  { id: "S-EC-05", hours: 120, warmupHours: 2 }, // 55 agents, 87%
  { id: "S-EC-07", hours: 100, warmupHours: 15 }, // 300 agents, 99%: slow to mix, so the widest tolerance
];
const REPLICATIONS = 24;

group("the engine agrees with Erlang C (M/M/n)", () => {
  for (const { id, hours, warmupHours } of cases) {
    it(`${id}: P(wait), ASA, service level and mean queue length`, () => {
      const erlangCase = byId(id);
      const plan = planForCase(erlangCase, { hours, warmupHours });
      const totals = replicationTotals(plan, REPLICATIONS);
      const expected = erlangCase.expected;
      const kpis: [string, number, (t: (typeof totals)[number]) => number][] = [
        ["probWait", expected.prob_wait!, (t) => t.queue[Q.delayed]! / t.queue[Q.offered]!],
        ["asa", expected.asa_seconds!, (t) => t.queue[Q.waitAnsweredSumSec]! / t.queue[Q.answered]!],
        ["serviceLevel", expected.service_level!, (t) => t.queue[Q.answeredWithinTarget]! / t.queue[Q.offered]!],
        ["meanQueueLength", expected.mean_queue_length!, (t) => t.queue[Q.queueLengthSec]! / t.spanSec],
      ];
      for (const [label, value, metric] of kpis) {
        const interval = meanInterval(totals.map(metric), COMPARISON_ALPHA);
        expect(Math.abs(interval.mean - value), describe(`${id} ${label}`, value, interval)).toBeLessThanOrEqual(
          interval.halfWidth,
        );
      }
      // Every contact is answered (infinite patience, agents enough to drain).
      for (const t of totals) expect(t.queue[Q.answered]).toBe(t.queue[Q.offered]);
    }, 20_000);
  }
});
