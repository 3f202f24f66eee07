import { expect, it } from "vitest";
import { counterUniform } from "../random/counterUniform.js";
import { stream } from "../random/streams.js";
import { costEffectiveness, ratio, type CostEffectivenessRatio } from "./costEffectiveness.js";
import type { MoneyReplication } from "./moneyReplications.js";

/** The ratio as first written: its own 999 paired-bootstrap resamples, drawn from the same counter-based stream. */
function straightforwardRatio(cost: number[], effect: number[]): CostEffectivenessRatio | null {
  const n = cost.length;
  if (n === 0) return null;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const meanCost = mean(cost);
  const meanEffect = mean(effect);
  const scale = Math.max(...effect.map(Math.abs), 0);
  if (!(Math.abs(meanEffect) > 1e-12 * Math.max(1, scale))) return null;
  const quadrant = meanEffect > 0 ? (meanCost > 0 ? "costPerGain" : "dominant") : meanCost < 0 ? "savingPerLoss" : "dominated";
  if (quadrant === "dominant" || quadrant === "dominated") return { mean: null, ci95: null, quadrant };
  const ratios: number[] = [];
  let crossings = 0;
  for (let b = 0; b < 999; b++) {
    let c = 0;
    let e = 0;
    for (let i = 0; i < n; i++) {
      const k = Math.floor(counterUniform(n, b, -0x0b00, i, 0) * n);
      c += cost[k]!;
      e += effect[k]!;
    }
    if (Math.sign(e) !== Math.sign(meanEffect) || e === 0) crossings++;
    else ratios.push(c / e);
  }
  ratios.sort((a, b) => a - b);
  const bounded = n >= 2 && crossings <= 0.025 * 999 && ratios.length > 0;
  const at = (q: number) => ratios[Math.min(ratios.length - 1, Math.max(0, Math.round(q * (ratios.length - 1))))]!;
  return { mean: meanCost / meanEffect, ci95: bounded ? [at(0.025), at(0.975)] : null, quadrant };
}

it("costEffectiveness draws the bootstrap's resamples once for its five ratios and gives each ratio's own bootstrap, quadrants and unbounded ones included", () => {
  const random = stream(5, 0, "handle");
  for (let trial = 0; trial < 24; trial++) {
    const n = [1, 2, 3, 17, 100][trial % 5]!;
    // Centres of either sign and noise large enough, in some trials, for an effect's resamples to reach zero.
    const centre = () => (random() - 0.5) * 10;
    const noise = trial % 3 === 0 ? 20 : 1;
    const [cost, sl, abandons, complaints, kept, npv] = [centre(), centre(), centre(), trial % 4 === 0 ? 0 : centre(), centre(), centre()];
    const replications = Array.from({ length: n }, () => {
      const npvPerCustomerValue = kept! + noise * (random() - 0.5);
      return {
        totalCost: cost! + noise * (random() - 0.5),
        npv: npv! + noise * (random() - 0.5),
        retentionNpv: random(),
        npvPerCustomerValue,
        effects: {
          serviceLevelPoints: sl! + noise * (random() - 0.5),
          abandonsAvoided: abandons! + noise * (random() - 0.5),
          // No effect at all in some trials: no ratio.
          complaintsAvoided: complaints === 0 ? 0 : complaints! + noise * (random() - 0.5),
          customersKept: kept! + noise * (random() - 0.5),
        },
      } as MoneyReplication;
    });
    const costs = replications.map((r) => r.totalCost);
    const expected = {
      perServiceLevelPoint: straightforwardRatio(costs, replications.map((r) => r.effects.serviceLevelPoints)),
      perAbandonAvoided: straightforwardRatio(costs, replications.map((r) => r.effects.abandonsAvoided)),
      perComplaintAvoided: straightforwardRatio(costs, replications.map((r) => r.effects.complaintsAvoided)),
      perCustomerKept: straightforwardRatio(costs, replications.map((r) => r.effects.customersKept)),
      breakEvenCustomerValue: straightforwardRatio(
        replications.map((r) => -(r.npv - r.retentionNpv)),
        replications.map((r) => r.npvPerCustomerValue),
      ),
    };
    expect(costEffectiveness(replications)).toEqual(expected);
    expect(ratio(costs, replications.map((r) => r.effects.abandonsAvoided))).toEqual(expected.perAbandonAvoided);
  }
  expect(costEffectiveness([])).toEqual({ perServiceLevelPoint: null, perAbandonAvoided: null, perComplaintAvoided: null, perCustomerKept: null, breakEvenCustomerValue: null });
});
