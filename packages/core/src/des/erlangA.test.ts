import { readFileSync } from "node:fs";
import { describe as group, expect, it } from "vitest";
import { QueueCounter as Q, type CounterTotals } from "./result.js";
import { planForCase, replicationTotals, type ErlangCase } from "./testing/erlangCases.js";
import { describe, meanInterval } from "./testing/replicationStats.js";
import { COMPARISON_ALPHA } from "./testing/validationFamily.js";

const fixture = JSON.parse(
  readFileSync(new URL("../../../../test/fixtures/erlang-cases.json", import.meta.url), "utf8"),
) as { cases: ErlangCase[] };
const byId = (id: string) => fixture.cases.find((c) => c.id === id)!;

/*
 * M/M/n+M (Erlang A) by simulation, as erlangC.test.ts: independent replications started empty, a warm-up
 * cut, one ratio-of-sums value per replication and KPI, Student t tolerance at COMPARISON_ALPHA. Patience
 * makes these queues relax fast (abandonment caps the queue), so short warm-ups suffice.
 */
const cases: { id: string; hours: number; warmupHours: number }[] = [
  { id: "S-EA-01", hours: 400, warmupHours: 2 }, // 14 agents, 1.4% abandon
  { id: "S-EA-02", hours: 1500, warmupHours: 1 }, // 2 agents, 31% abandon
  { id: "S-EA-03", hours: 250, warmupHours: 2 }, // 15 agents, overloaded (load 20)
  { id: "S-EA-05", hours: 300, warmupHours: 2 }, // 22 agents, patience 10 s
];
const REPLICATIONS = 24;

group("the engine agrees with Erlang A (M/M/n+M)", () => {
  for (const { id, hours, warmupHours } of cases) {
    it(`${id}: P(wait), P(abandon), ASA of answered, both service levels`, () => {
      const erlangCase = byId(id);
      const plan = planForCase(erlangCase, { hours, warmupHours });
      const totals = replicationTotals(plan, REPLICATIONS);
      const e = erlangCase.expected;
      const kpis: [string, number, (t: CounterTotals) => number][] = [
        ["probWait", e.prob_wait!, (t) => t.queue[Q.delayed]! / t.queue[Q.offered]!],
        ["probAbandon", e.prob_abandon!, (t) => t.queue[Q.abandoned]! / t.queue[Q.offered]!],
        ["asa (answered)", e.asa_answered_seconds!, (t) => t.queue[Q.waitAnsweredSumSec]! / t.queue[Q.answered]!],
        ["serviceLevel (answered within t / offered)", e.sl_answered_within_t!, (t) => t.queue[Q.answeredWithinTarget]! / t.queue[Q.offered]!],
        [
          "serviceLevelWaitWithin (min(wait, patience) ≤ t)",
          e.sl_wait_within_t!,
          (t) => (t.queue[Q.answeredWithinTarget]! + t.queue[Q.abandonedWithinTarget]!) / t.queue[Q.offered]!,
        ],
      ];
      for (const [label, value, metric] of kpis) {
        const interval = meanInterval(totals.map(metric), COMPARISON_ALPHA);
        expect(Math.abs(interval.mean - value), describe(`${id} ${label}`, value, interval)).toBeLessThanOrEqual(
          interval.halfWidth,
        );
      }
      for (const t of totals) expect(t.queue[Q.answered]! + t.queue[Q.abandoned]!).toBe(t.queue[Q.offered]);
    }, 20_000);
  }
});
