import { describe, expect, it } from "vitest";
import { stationaryPlan } from "../des/stationaryPlan.js";
import { kpiVectorLayout, type KpiVectorLayout } from "./kpiVectorLayout.js";
import { comparePaired, createPairedAccumulator } from "./pairedAccumulator.js";

// One hour in one 60-minute interval: span, day and interval rows hold the same values.
const layout = kpiVectorLayout(stationaryPlan({ arrivalsPerHour: 60, ahtSec: 180, agents: 2, hours: 1, intervalMinutes: 60 }));

function vector(layout: KpiVectorLayout, values: { serviceLevel: number; asa: number; scheduledAgents: number }): Float64Array {
  const out = new Float64Array(layout.length).fill(NaN);
  for (const section of [layout.span, layout.days, layout.intervals]) {
    for (const [id, value] of Object.entries(values)) out[section.offset + layout.kpis.indexOf(id as "asa")] = value;
  }
  return out;
}

const baselineSl = [0.8, 0.7, 0.9, 0.75];
const variantSl = [0.85, 0.78, 0.93, 0.81];
const baselineAsa = [20, 30, NaN, 25]; // nothing answered in replication 2: ASA undefined
const variantAsa = [15, 26, 12, 24];
const baseline = baselineSl.map((sl, k) => vector(layout, { serviceLevel: sl, asa: baselineAsa[k]!, scheduledAgents: 20 }));
const variant = variantSl.map((sl, k) => vector(layout, { serviceLevel: sl, asa: variantAsa[k]!, scheduledAgents: 21 }));

describe("comparePaired on a hand-made example (expected values from numpy and scipy.stats.t)", () => {
  const comparison = comparePaired({ layout, baseline, variants: [{ name: "+1 agent", vectors: variant }] });
  const result = comparison.variants[0]!;

  it("gives the mean, CI, spread and n of the service-level deltas, significant and better", () => {
    expect(comparison.replications).toBe(4);
    expect(result.name).toBe("+1 agent");
    const sl = result.deltas.serviceLevel; // deltas 0.05, 0.08, 0.03, 0.06
    expect(sl.n).toBe(4);
    expect(sl.mean).toBeCloseTo(0.055, 14);
    expect(sl.variance).toBeCloseTo(0.00043333333333333445, 14);
    expect(sl.ci95![0]).toBeCloseTo(0.02187604865582142, 13);
    expect(sl.ci95![1]).toBeCloseTo(0.08812395134417862, 13);
    expect(sl.p10).toBeCloseTo(0.036, 14);
    expect(sl.p50).toBeCloseTo(0.055, 14);
    expect(sl.p90).toBeCloseTo(0.074, 14);
    expect(sl.significant).toBe(true);
    expect(sl.effect).toBe("better");
    // (Var(A) + Var(B)) / Var(B − A) = (0.021875 + 0.012675) / 0.0013.
    expect(sl.varianceReduction).toBeCloseTo(26.57692307692302, 11);
  });

  it("pairs only replications where both are defined, and a CI that spans zero is not significant", () => {
    const asa = result.deltas.asa; // deltas −5, −4, −1 (replication 2 left out)
    expect(asa.n).toBe(3);
    expect(asa.mean).toBeCloseTo(-10 / 3, 14);
    expect(asa.ci95![0]).toBeCloseTo(-8.504478345875597, 12);
    expect(asa.ci95![1]).toBeCloseTo(1.8378116792089298, 12);
    expect([asa.p10, asa.p50, asa.p90].map((v) => Number(v!.toFixed(12)))).toEqual([-4.8, -4, -1.6]);
    expect(asa.significant).toBe(false);
    expect(asa.effect).toBeNull();
    expect(asa.varianceReduction).toBeCloseTo(13.692307692307692, 12);
  });

  it("has no variance reduction for a constant delta and nothing for a KPI undefined everywhere", () => {
    expect(result.deltas.scheduledAgents).toMatchObject({ mean: 1, ci95: [1, 1], n: 4, significant: true, effect: null, varianceReduction: null });
    expect(result.deltas.fcr).toEqual({
      mean: null, ci95: null, p10: null, p50: null, p90: null, n: 0, variance: null, significant: false, effect: null, varianceReduction: null,
    });
  });

  it("gives the same at day level and, through running moments, at interval level", () => {
    expect(result.days[0]!.deltas).toEqual(result.deltas);
    const interval = result.intervals[0]!.deltas;
    for (const id of ["serviceLevel", "asa"] as const) {
      for (const field of ["mean", "variance", "p10", "p50", "p90", "varianceReduction"] as const) {
        expect(interval[id][field]).toBeCloseTo(result.deltas[id][field]!, 12);
      }
      expect(interval[id].ci95![0]).toBeCloseTo(result.deltas[id].ci95![0], 12);
      expect(interval[id].significant).toBe(result.deltas[id].significant);
    }
  });

  it("marks a significant rise of a lower-is-better KPI as worse", () => {
    const worse = comparePaired({ layout, baseline: variant, variants: [{ name: "−1 agent", vectors: baseline }] }).variants[0]!;
    expect(worse.deltas.serviceLevel.effect).toBe("worse");
    expect(worse.deltas.serviceLevel.mean).toBeCloseTo(-0.055, 14);
  });
});

it("createPairedAccumulator streams the same result, gives the deltas in order and refuses bad input", () => {
  const accumulator = createPairedAccumulator({ layout, variants: ["a", "b"] });
  baseline.forEach((vector, k) => accumulator.add(k, vector, [variant[k]!, vector]));
  expect(Array.from(accumulator.deltas("a", "asa")).map((d) => (Number.isNaN(d) ? null : d))).toEqual([-5, -4, null, -1]);
  expect(accumulator.summary().variants[0]).toEqual(comparePaired({ layout, baseline, variants: [{ name: "a", vectors: variant }] }).variants[0]);
  expect(accumulator.summary().variants[1]!.deltas.serviceLevel).toMatchObject({ mean: 0, ci95: [0, 0], significant: false });
  expect(() => accumulator.add(5, baseline[0]!, [variant[0]!, variant[0]!])).toThrow("replication 5 added out of order; expected replication 4");
  expect(() => accumulator.add(4, baseline[0]!, [variant[0]!])).toThrow("replication 4: got 1 variant vectors; expected 2 (a, b)");
  expect(() => accumulator.add(4, baseline[0]!, [variant[0]!, new Float64Array(3)])).toThrow('replication 4: the "b" KPI vector has 3 values');
  expect(() => accumulator.deltas("c", "asa")).toThrow('unknown variant "c"; expected one of "a", "b"');
  expect(() => createPairedAccumulator({ layout, variants: ["a", "a"] })).toThrow("variant names must be unique");
  expect(() => comparePaired({ layout, baseline, variants: [{ name: "a", vectors: variant.slice(1) }] })).toThrow(
    'variant "a" has 3 replications; expected 4, as the baseline',
  );
});
