import { expect, it } from "vitest";
import { createSimulator } from "../des/simulate.js";
import { scenarioVariants } from "../interventions/scenarioVariants.js";
import { compileScenario } from "../plan/compile.js";
import { kpiVector } from "./kpiVector.js";
import { kpiVectorLayout } from "./kpiVectorLayout.js";
import { comparePaired } from "./pairedAccumulator.js";
import { scenarioOf } from "./testing/runs.js";

// A 20-agent day: one 8-hour shift, 2,800 calls spread evenly over it (350 an hour, 17.5 erlangs at 180 s),
// patience 5 minutes: a service level near 80/20. The comparison is the issue's: one more agent on the shift.
const scenario = scenarioOf({
  version: 1,
  name: "20-agent day",
  intervalMinutes: 30,
  days: ["mon"],
  queues: [
    {
      name: "phone",
      forecast: { dailyContacts: [2800], intradayProfile: Array.from({ length: 48 }, (_, i) => (i >= 16 && i < 32 ? 1 : 0)) },
      handle: { dist: "exponential", meanSec: 180 },
      patience: { dist: "exponential", meanSec: 300 },
    },
  ],
  groups: [{ name: "Agents", serves: ["phone"], shifts: [{ name: "Day", start: "08:00", hours: 8, days: ["mon"], agents: 20 }] }],
  interventions: [{ kind: "addAgents", name: "+1 agent", group: "Agents", shift: "Day", agents: 1 }],
});

// 200 replications: the jackknife standard error of the factor is then about a tenth of it (1.6 at 15.5 when
// this was written), so "estimate − 3 standard errors ≥ 5" is a claim about the factor, not about this sample.
const REPLICATIONS = 200;

/** The variance-reduction factor of paired values and its jackknife standard error (Efron & Tibshirani, ch. 11). */
function factorWithError(a: Float64Array, b: Float64Array): { factor: number; standardError: number } {
  const n = a.length;
  const sums = (skip: number) => {
    const m = n - (skip >= 0 ? 1 : 0);
    let sa = 0, sb = 0, sd = 0;
    for (let k = 0; k < n; k++) if (k !== skip) (sa += a[k]!), (sb += b[k]!), (sd += b[k]! - a[k]!);
    let va = 0, vb = 0, vd = 0;
    for (let k = 0; k < n; k++) {
      if (k === skip) continue;
      va += (a[k]! - sa / m) ** 2;
      vb += (b[k]! - sb / m) ** 2;
      vd += (b[k]! - a[k]! - sd / m) ** 2;
    }
    return (va + vb) / vd;
  };
  const leaveOneOut = Array.from({ length: n }, (_, k) => sums(k));
  const mean = leaveOneOut.reduce((s, v) => s + v, 0) / n;
  const standardError = Math.sqrt(((n - 1) / n) * leaveOneOut.reduce((s, v) => s + (v - mean) ** 2, 0));
  return { factor: sums(-1), standardError };
}

it("common random numbers: one more agent on a 20-agent day has a variance-reduction factor of at least 5 for service level", () => {
  const [baseline, plusOne] = scenarioVariants(scenario).map((variant) => compileScenario(variant.scenario));
  const layout = kpiVectorLayout(baseline!);
  const run = (plan: typeof baseline, seed: number) => {
    const simulator = createSimulator({ ...plan!, seed });
    return Array.from({ length: REPLICATIONS }, (_, k) => kpiVector(plan!, simulator.run(k), layout));
  };
  const baselineVectors = run(baseline, 1);
  const pairedVectors = run(plusOne, 1); // the same seed: the same callers
  const independentVectors = run(plusOne, 2); // another seed: other callers

  const paired = comparePaired({ layout, baseline: baselineVectors, variants: [{ name: "+1 agent", vectors: pairedVectors }] });
  const serviceLevel = paired.variants[0]!.deltas.serviceLevel;
  expect(serviceLevel.n).toBe(REPLICATIONS);
  expect(serviceLevel.significant).toBe(true);
  expect(serviceLevel.effect).toBe("better");

  const column = layout.kpis.indexOf("serviceLevel");
  const span = (vectors: Float64Array[]) => Float64Array.from(vectors, (vector) => vector[column]!);
  const { factor, standardError } = factorWithError(span(baselineVectors), span(pairedVectors));
  expect(serviceLevel.varianceReduction).toBeCloseTo(factor, 9);
  expect(factor - 3 * standardError).toBeGreaterThanOrEqual(5);

  // The factor means what it says: with independent seeds Var(B − A) = Var(A) + Var(B), a factor of 1.
  const independent = factorWithError(span(baselineVectors), span(independentVectors));
  expect(Math.abs(independent.factor - 1)).toBeLessThanOrEqual(3 * independent.standardError);
}, 60_000); // 2 × 200 replications of a day: seconds alone, longer when the machine is shared
