import { describe, expect, it } from "vitest";
import { stationaryPlan } from "../des/stationaryPlan.js";
import { compileScenario } from "../plan/compile.js";
import { replicationKpis } from "../report/replicationKpis.js";
import { summarizeReplications } from "../report/summarizeRun.js";
import { kpiVector } from "./kpiVector.js";
import { kpiVectorLayout } from "./kpiVectorLayout.js";
import { createRunAccumulator } from "./runAccumulator.js";
import { cellBlockQuantiles } from "./rowQuantileStore.js";
import full from "../schema/fixtures/full.json" with { type: "json" };
import { assertClose, replications, scenarioOf } from "./testing/runs.js";

describe("createRunAccumulator", () => {
  // Two queues, three days, day-level dispersion: every section of the layout is filled.
  const plan = compileScenario(scenarioOf(full));
  const results = replications(plan, 30);
  const layout = kpiVectorLayout(plan);
  const vectors = results.map((result) => kpiVector(plan, result, layout));
  const accumulator = createRunAccumulator(plan);
  vectors.forEach((vector, k) => accumulator.add(k, vector));
  const summary = accumulator.summary();
  const reference = summarizeReplications(plan, results);

  it("lays the vector out as span, days, intervals, queues", () => {
    expect(layout.kpis[0]).toBe("serviceLevel");
    expect([layout.span.rows, layout.days.rows, layout.intervals.rows, layout.queues.rows]).toEqual([1, 3, 144, 2]);
    expect(layout.length).toBe((1 + 3 + 144 + 2) * layout.kpis.length);
    expect(layout.queues.labels).toEqual(plan.queues.map((queue) => queue.name));
    expect(layout.targetServiceLevel).toBe(0.8);
  });

  it("equals summarizeReplications: span, days and queues exactly, intervals to 1e-12", () => {
    expect(summary.scenario).toBe(reference.scenario);
    expect(summary.seed).toBe(reference.seed);
    expect(summary.replications).toBe(30);
    // Span, day and queue values are kept in full and go through the same `summarize`: bit for bit.
    expect(Object.fromEntries(Object.entries(summary.kpis).map(([id, s]) => [id, { ...s, variance: undefined }]))).toEqual(
      Object.fromEntries(Object.entries(reference.kpis).map(([id, s]) => [id, { ...s, variance: undefined }])),
    );
    assertClose(summary.days, reference.days, 0);
    assertClose(summary.queues, reference.queues, 0);
    // Intervals: Welford moments instead of an exact sum; quantiles exact (30 replications are "few").
    assertClose(summary.intervals, reference.intervals, 1e-12);
    expect(summary.intervalQuantiles).toEqual({ replications: 30, precision: "exact" });
  });

  it("adds the variance and the probability that the target is met", () => {
    const perReplication = results.map((result) => replicationKpis(plan, result));
    const span = perReplication.map((r) => r.span.serviceLevel!);
    const mean = span.reduce((a, b) => a + b, 0) / span.length;
    const variance = span.reduce((a, v) => a + (v - mean) ** 2, 0) / (span.length - 1);
    expect(summary.kpis.serviceLevel.variance).toBeCloseTo(variance, 14);
    for (const [i, interval] of summary.intervals.entries()) {
      const defined = perReplication.map((r) => r.intervals[i]!.serviceLevel).filter((v) => v !== null);
      expect(interval.targetMet.n).toBe(defined.length);
      expect(interval.targetMet.met).toBe(defined.filter((v) => v >= 0.8).length);
    }
    expect(summary.targetMet.n).toBe(30);
    expect(summary.targetMet.met).toBe(span.filter((v) => v >= 0.8).length);
    expect(summary.days[1]!.targetMet.met).toBe(perReplication.filter((r) => r.days[1]!.serviceLevel! >= 0.8).length);
  });

  it("gives the span values of a KPI in replication order", () => {
    const offered = accumulator.values("offered");
    expect(Array.from(offered)).toEqual(results.map((result) => replicationKpis(plan, result).span.offered));
    expect(() => accumulator.values("nope" as "offered")).toThrow(/unknown KPI "nope"/);
  });

  it("refuses replications out of order and vectors of the wrong length", () => {
    const fresh = createRunAccumulator(plan);
    fresh.add(0, vectors[0]!);
    expect(() => fresh.add(2, vectors[2]!)).toThrow("replication 2 added out of order; expected replication 1");
    expect(() => fresh.add(0, vectors[0]!)).toThrow(/expected replication 1/);
    expect(() => fresh.add(1, vectors[1]!.subarray(1))).toThrow(/expected \d+ \(the layout of/);
    fresh.add(1, vectors[1]!);
    expect(fresh.replications).toBe(2);
  });

  it("gives the same summary from the layout alone and with the target as an option", () => {
    const fromLayout = createRunAccumulator({ scenario: plan.name, seed: plan.seed, layout }, { targetServiceLevel: 0.5 });
    vectors.forEach((vector, k) => fromLayout.add(k, vector));
    const other = fromLayout.summary();
    expect(other.kpis).toEqual(summary.kpis);
    expect(other.targetServiceLevel).toBe(0.5);
    expect(other.targetMet.met).toBeGreaterThanOrEqual(summary.targetMet.met);
    expect(() => createRunAccumulator(plan, { targetServiceLevel: 80 })).toThrow("invalid targetServiceLevel: 80; expected a fraction between 0 and 1");
  });
});

it("createRunAccumulator leaves the warm-up out as summarizeReplications does (one queue)", () => {
  const plan = stationaryPlan({ arrivalsPerHour: 120, ahtSec: 180, agents: 7, patienceSec: 120, hours: 3, intervalMinutes: 30, warmupHours: 1 });
  const results = replications(plan, 12);
  const accumulator = createRunAccumulator(plan);
  results.forEach((result, k) => accumulator.add(k, kpiVector(plan, result)));
  const summary = accumulator.summary();
  expect(summary.intervals.map((interval) => interval.start)).toEqual(["01:00", "01:30", "02:00", "02:30"]);
  expect(summary.queues).toEqual([]);
  assertClose(summary, summarizeReplications(plan, results), 1e-12);
});

it("createRunAccumulator of no replications has n 0 and null statistics", () => {
  const summary = createRunAccumulator(stationaryPlan({ arrivalsPerHour: 60, ahtSec: 180, agents: 2, hours: 1 })).summary();
  expect(summary.replications).toBe(0);
  expect(summary.kpis.serviceLevel).toEqual({ mean: null, ci95: null, p10: null, p50: null, p90: null, n: 0, variance: null });
  expect(summary.intervals[0]!.kpis.asa).toEqual({ mean: null, ci95: null, p10: null, p50: null, p90: null, n: 0, variance: null });
  expect(summary.targetMet).toEqual({ probability: null, ci95: null, met: 0, n: 0 });
});

it("assertClose, the comparison these tests rely on, notices a difference and a missing value", () => {
  expect(() => assertClose({ a: [1, 2] }, { a: [1, 2 + 1e-9] }, 1e-12)).toThrow("$.a[1]: expected 2.000000001, got 2");
  expect(() => assertClose({ a: null }, { a: 0 }, 1)).toThrow("$.a: expected 0, got null");
  expect(() => assertClose({ a: 1, extra: 2 }, { a: 1 }, 0)).not.toThrow();
});

describe("createRunAccumulator's shareSummary", () => {
  // 140 replications: past the quantile store's exact phase (100), where the interval cells are Float32.
  const plan = stationaryPlan({ arrivalsPerHour: 120, ahtSec: 180, agents: 7, patienceSec: 120, hours: 4, intervalMinutes: 30 });
  const results = replications(plan, 140);
  const fill = (count: number) => {
    const accumulator = createRunAccumulator(plan);
    results.slice(0, count).forEach((result, k) => accumulator.add(k, kpiVector(plan, result)));
    return accumulator;
  };

  it("is, with its share taken in another thread (a structured clone of the work and of the answer), summary() to the bit", () => {
    const accumulator = fill(140);
    const whole = JSON.stringify(accumulator.summary());
    for (const share of [0.25, 0.6, 1]) {
      const shared = accumulator.shareSummary(share)!;
      const layout = kpiVectorLayout(plan);
      expect(shared.work.cells).toBe(Math.round(layout.intervals.rows * layout.kpis.length * share));
      expect(shared.work.rows).toBe(140);
      const elsewhere = structuredClone(cellBlockQuantiles(structuredClone(shared.work)));
      shared.prepare();
      expect(JSON.stringify(shared.finish(elsewhere))).toBe(whole);
    }
    // The other thread failed: finish() takes the shared cells' quantiles here.
    const shared = accumulator.shareSummary(0.6)!;
    shared.prepare();
    expect(JSON.stringify(shared.finish())).toBe(whole);
    // Without prepare() too.
    expect(JSON.stringify(accumulator.shareSummary(0.6)!.finish())).toBe(whole);
  });

  it("puts the quantiles where they belong: a wrong answer from the other thread shows in the shared cells only", () => {
    const accumulator = fill(140);
    const whole = accumulator.summary();
    const shared = accumulator.shareSummary(0.5)!;
    const wrong = cellBlockQuantiles(shared.work).map((value) => value + 1000);
    const summary = shared.finish(wrong);
    const rows = summary.intervals.length;
    // The first half of the rows are this thread's, the last half the other's.
    expect(summary.intervals[0]!.kpis.asa.p50).toBe(whole.intervals[0]!.kpis.asa.p50);
    expect(summary.intervals[rows - 1]!.kpis.asa.p50).toBe(whole.intervals[rows - 1]!.kpis.asa.p50! + 1000);
    // And the answer does not outlive the next replication added: the summary after it takes its own quantiles.
    accumulator.add(140, kpiVector(plan, results[0]!));
    expect(accumulator.summary().intervals[rows - 1]!.kpis.asa.p50).toBeLessThan(1000);
  });

  it("shares nothing in the exact phase, and refuses to finish after a replication was added", () => {
    expect(fill(100).shareSummary(0.5)).toBeNull();
    const accumulator = fill(139);
    const shared = accumulator.shareSummary(0.5)!;
    accumulator.add(139, kpiVector(plan, results[139]!));
    expect(() => shared.finish()).toThrow("replications were added while a shared summary was being taken");
  });
});
