import { expect, it } from "vitest";
import { exactStatistics, type KpiStatisticsByKpi } from "../compare/kpiStatistics.js";
import { KPI_REGISTRY, type KpiId } from "../kpi/registry.js";
import { compareRuns, type RunSide } from "./runDeltas.js";

const width = KPI_REGISTRY.length;
const column = (id: KpiId) => KPI_REGISTRY.findIndex((kpi) => kpi.id === id);

/** A run whose service level in replication k is `serviceLevel[k]` (every other KPI 1). */
function run(serviceLevel: number[], seed = 1): RunSide {
  const samples = new Float64Array(serviceLevel.length * width).fill(1);
  serviceLevel.forEach((value, k) => (samples[k * width + column("serviceLevel")] = value));
  const kpis = {} as KpiStatisticsByKpi;
  KPI_REGISTRY.forEach((kpi, c) => (kpis[kpi.id as KpiId] = exactStatistics(Float64Array.from(serviceLevel, (_, k) => samples[k * width + c]!))));
  return { seed, replications: serviceLevel.length, kpis, spanSamples: samples };
}

// Week-to-week variation far larger than the change: only pairing sees the change.
const before = [0.7, 0.8, 0.9, 0.75, 0.85, 0.95];
const after = before.map((value) => value + 0.01);

it("compareRuns pairs runs on the same seed and replications: a small steady gain is a significant improvement", () => {
  const { paired, deltas } = compareRuns(run(before), run(after));
  expect(paired).toBe(true);
  expect(deltas.serviceLevel.mean).toBeCloseTo(0.01, 12);
  expect(deltas.serviceLevel.ci95![0]).toBeCloseTo(0.01, 9);
  expect(deltas.serviceLevel.significant).toBe(true);
  expect(deltas.serviceLevel.effect).toBe("better");
  // Nothing else moved: no change, no verdict.
  expect(deltas.asa.mean).toBe(0);
  expect(deltas.asa.effect).toBeNull();
});

it("compareRuns falls back to Welch's interval for runs on different seeds: the same gain is then lost in the noise", () => {
  const { paired, deltas } = compareRuns(run(before, 1), run(after, 2));
  expect(paired).toBe(false);
  expect(deltas.serviceLevel.mean).toBeCloseTo(0.01, 12);
  // Equal variances and n = 6 each: df = 10, t = 2.228; se = √(2 s²/6).
  const s2 = exactStatistics(Float64Array.from(before)).variance!;
  const half = 2.2281388519649385 * Math.sqrt((2 * s2) / 6);
  expect(deltas.serviceLevel.ci95![1] - deltas.serviceLevel.mean!).toBeCloseTo(half, 9);
  expect(deltas.serviceLevel.significant).toBe(false);
  expect(deltas.serviceLevel.p10).toBeNull();
  // Without kept samples, the same seed is not enough to pair.
  expect(compareRuns({ ...run(before), spanSamples: null }, run(after)).paired).toBe(false);
});
