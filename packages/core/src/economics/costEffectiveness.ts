import { counterUniform } from "../random/counterUniform.js";
import type { HorizonEffects, MoneyReplication } from "./moneyReplications.js";

/** Where an option sits against the baseline: a ratio of cost to effect means something only in two of them. */
export type Quadrant = "costPerGain" | "savingPerLoss" | "dominant" | "dominated";

/** A cost-effectiveness ratio: expected cost ÷ expected effect with its 95% interval, and the quadrant. */
export interface CostEffectivenessRatio {
  /** Expected horizon cost per unit of effect (costPerGain), saving per unit lost (savingPerLoss); null where a ratio
   * means nothing (dominant: cheaper and better; dominated: dearer and worse). */
  mean: number | null;
  /** Paired-bootstrap 95% percentile interval of the ratio; null where the effect's own interval reaches 0 (the ratio
   * is unbounded) or the ratio means nothing. */
  ci95: [number, number] | null;
  quadrant: Quadrant;
}

/** What an option buys per unit of cost, for when no benefit is priced (or alongside the money). */
export interface CostEffectiveness {
  /** Horizon cost per percentage point of the span's service level (weeks-weighted over the horizon). */
  perServiceLevelPoint: CostEffectivenessRatio | null;
  perAbandonAvoided: CostEffectivenessRatio | null;
  perComplaintAvoided: CostEffectivenessRatio | null;
  /** Per would-be leaver kept (customers whose loss within their horizon the option avoids). */
  perCustomerKept: CostEffectivenessRatio | null;
  /** The value of a kept customer (`customerLifetimeValue`) at which the option's NPV is 0, everything else as it is:
   * the cost to cover per unit of retention NPV a lifetime value of 1 brings. */
  breakEvenCustomerValue: CostEffectivenessRatio | null;
}

/** Bootstrap resamples per ratio. */
const RESAMPLES = 999;
// The counter-based uniform's lane for bootstrap resamples (never one of the engine's or the assumptions').
const BOOTSTRAP_LANE = -0x0b00;

/**
 * Cost-effectiveness of an option from its replications: each ratio is the expected cost over the expected effect
 * (means over replications), its interval the 2.5th and 97.5th percentiles of the same ratio over 999 paired
 * bootstrap resamples of the replications (cost and effect resampled together, Efron & Tibshirani 1993, ch. 13; the
 * resamples are a pure function of the replication count, so the answer is reproducible). The quadrant comes from
 * the signs of the expected cost and effect.
 */
export function costEffectiveness(replications: readonly MoneyReplication[]): CostEffectiveness {
  const cost = replications.map((r) => r.totalCost);
  const pair = (effect: (e: HorizonEffects) => number): RatioInputs => ({ cost, effect: replications.map((r) => effect(r.effects)) });
  const [perServiceLevelPoint, perAbandonAvoided, perComplaintAvoided, perCustomerKept, breakEvenCustomerValue] = ratios([
    pair((e) => e.serviceLevelPoints),
    pair((e) => e.abandonsAvoided),
    pair((e) => e.complaintsAvoided),
    pair((e) => e.customersKept),
    // To cover: the NPV without the retention a lifetime value brings, negated; per unit of lifetime value.
    { cost: replications.map((r) => -(r.npv - r.retentionNpv)), effect: replications.map((r) => r.npvPerCustomerValue) },
  ]);
  return {
    perServiceLevelPoint: perServiceLevelPoint!,
    perAbandonAvoided: perAbandonAvoided!,
    perComplaintAvoided: perComplaintAvoided!,
    perCustomerKept: perCustomerKept!,
    breakEvenCustomerValue: breakEvenCustomerValue!,
  };
}

/** The ratio of mean `cost` to mean `effect` with its quadrant and paired-bootstrap interval; null when the effect is nil. */
export function ratio(cost: readonly number[], effect: readonly number[]): CostEffectivenessRatio | null {
  return ratios([{ cost, effect }])[0]!;
}

interface RatioInputs {
  cost: readonly number[];
  effect: readonly number[];
}

/** `ratio` of each pair, all of the same replications: the bootstrap's resamples (the same for every pair) are drawn
 * once for all of them. */
function ratios(pairs: readonly RatioInputs[]): (CostEffectivenessRatio | null)[] {
  const out: (CostEffectivenessRatio | null)[] = [];
  const resampled: { cost: readonly number[]; effect: readonly number[]; meanEffect: number; at: number }[] = [];
  for (const { cost, effect } of pairs) {
    const n = cost.length;
    if (n === 0) {
      out.push(null);
      continue;
    }
    const meanCost = mean(cost);
    const meanEffect = mean(effect);
    const scale = Math.max(...effect.map(Math.abs), 0);
    if (!(Math.abs(meanEffect) > 1e-12 * Math.max(1, scale))) {
      out.push(null);
      continue;
    }
    const quadrant: Quadrant = meanEffect > 0 ? (meanCost > 0 ? "costPerGain" : "dominant") : meanCost < 0 ? "savingPerLoss" : "dominated";
    if (quadrant === "dominant" || quadrant === "dominated") out.push({ mean: null, ci95: null, quadrant });
    else {
      resampled.push({ cost, effect, meanEffect, at: out.length });
      out.push({ mean: meanCost / meanEffect, ci95: null, quadrant });
    }
  }
  const n = resampled[0]?.cost.length ?? 0;
  if (resampled.some((pair) => pair.cost.length !== n)) throw new Error("cost-effectiveness: ratios of different replication counts");
  const bootstrap = resampledRatios(resampled, n);
  resampled.forEach(({ at }, p) => {
    const { ratios: values, crossings } = bootstrap[p]!;
    values.sort((a, b) => a - b);
    // When the effect's resampled mean reaches 0 or beyond in more than 2.5% of resamples, the ratio is unbounded.
    const bounded = n >= 2 && crossings <= 0.025 * RESAMPLES && values.length > 0;
    const quantile = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))]!;
    if (bounded) out[at]!.ci95 = [quantile(0.025), quantile(0.975)];
  });
  return out;
}

/**
 * The paired bootstrap of each pair (n replications each): the ratios of resampled cost sums to effect sums, and how
 * many resamples' effect reached 0 or the other sign. Each resample's replications are drawn once, for every pair. A
 * function of its own: as a loop inside `ratio`, V8 compiled it on the stack (OSR) before the sort after it had run,
 * and that code left to the interpreter at the sort at every later call.
 */
function resampledRatios(pairs: readonly { cost: readonly number[]; effect: readonly number[]; meanEffect: number }[], n: number): { ratios: number[]; crossings: number }[] {
  const out = pairs.map(() => ({ ratios: [] as number[], crossings: 0 }));
  if (pairs.length === 0) return out;
  const index = new Int32Array(n);
  for (let b = 0; b < RESAMPLES; b++) {
    for (let i = 0; i < n; i++) index[i] = Math.floor(counterUniform(n, b, BOOTSTRAP_LANE, i, 0) * n);
    for (let p = 0; p < pairs.length; p++) {
      const { cost, effect, meanEffect } = pairs[p]!;
      let c = 0;
      let e = 0;
      for (let i = 0; i < n; i++) {
        const k = index[i]!;
        c += cost[k]!;
        e += effect[k]!;
      }
      if (Math.sign(e) !== Math.sign(meanEffect) || e === 0) out[p]!.crossings++;
      else out[p]!.ratios.push(c / e);
    }
  }
  return out;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
