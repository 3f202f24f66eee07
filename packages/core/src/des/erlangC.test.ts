import { readFileSync } from "node:fs";
import { describe as group, expect, it } from "vitest";
import { QueueCounter as Q } from "./result.js";
import { waitBin, waitBinLowerSec, waitBinUpperSec } from "./waitHistogram.js";
import { arrivalsPerHour, planForCase, replicationTotals, type ErlangCase } from "./testing/erlangCases.js";
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
      expectWaitQuantiles(erlangCase, totals);
    }, 20_000);
  }
});

/**
 * The median and 90th-percentile wait against Erlang C's waiting-time distribution, P(W > t) = C·e^−(nμ−λ)t: the
 * p-quantile is 0 when p ≤ 1 − C (that many are answered at once) and ln(C / (1 − p)) / (nμ − λ) above. A quantile of 0
 * must come out exactly 0 in every replication (answered-at-once waits have a bin of their own); above 0, the mean over
 * replications must be within its CI half-width plus the width of the histogram bin the exact quantile falls in (the
 * quantile is interpolated within its bin). A p within 0.02 of 1 − C is skipped: the sample quantile there is either
 * side of the jump at 0.
 */
function expectWaitQuantiles(erlangCase: ErlangCase, totals: ReturnType<typeof replicationTotals>): void {
  const { inputs, expected } = erlangCase;
  const probWait = expected.prob_wait!;
  const decayPerSec = inputs.agents! / inputs.aht_seconds - arrivalsPerHour(inputs) / 3600;
  for (const p of [0.5, 0.9]) {
    if (Math.abs(p - (1 - probWait)) < 0.02) continue;
    const label = `${erlangCase.id} wait P${p * 100}`;
    const values = totals.map((t) => t.waitQuantile(p)!);
    if (p <= 1 - probWait) {
      expect(values, `${label}: exact 0`).toEqual(values.map(() => 0));
      continue;
    }
    const exact = Math.log(probWait / (1 - p)) / decayPerSec;
    const bin = waitBin(exact);
    const interval = meanInterval(values, COMPARISON_ALPHA);
    expect(Math.abs(interval.mean - exact), describe(label, exact, interval)).toBeLessThanOrEqual(
      interval.halfWidth + waitBinUpperSec(bin) - waitBinLowerSec(bin),
    );
  }
}
