import type { CostLine } from "../interventions/costLine.js";
import type { Money } from "../schema/money.js";
import { summarize, type KpiSummary } from "../stats/summary.js";
import { moneyReplications, type MoneyReplication, type PhaseKpis } from "./moneyReplications.js";
import { BENEFIT_NEEDS, BENEFIT_PARTS, type BenefitParts } from "./weeklyBenefit.js";

/**
 * An intervention's money against the baseline over the financial horizon, each figure summarised across
 * replications (simulated futures) as `{ mean, ci95, p10, p50, p90, n }` (see `summarize`): the 95% CI is the
 * precision of the mean, P10–P90 the spread of outcomes. Amounts are in `currency`, undiscounted except `npv`.
 */
export interface InterventionMoney {
  currency: string;
  horizonMonths: number;
  discountRatePerYear: number;
  replications: number;
  totalCost: KpiSummary;
  totalBenefit: KpiSummary;
  /** (benefit − cost) / cost, over the replications where the cost is > 0 (n counts them; none: the mean is null). */
  roi: KpiSummary;
  benefitCostRatio: KpiSummary;
  /** Month the intervention pays back, over the replications where it does within the horizon (n counts them). */
  paybackMonth: KpiSummary;
  /** Share of replications that pay back within the horizon (the mean of a 0/1 value per replication). */
  probPaybackWithinHorizon: KpiSummary;
  npv: KpiSummary;
  /** What the intervention saves, over the replications where its cost is ≤ 0 (then ROI is undefined). */
  saving: KpiSummary;
  /** Week the cumulative net turns and stays ≥ 0, over the replications where it does. */
  breakEvenWeek: KpiSummary;
  /** Benefit by source over the horizon. */
  benefits: Record<keyof BenefitParts, KpiSummary>;
  /** Month by month (the last may be partial): incremental cost, benefit and the cumulative net. */
  months: { month: number; cost: KpiSummary; benefit: KpiSummary; cumulativeNet: KpiSummary }[];
  costLines: CostLine[];
  /** Benefits with a money value that could not be counted, and the KPI they need from the engine. */
  notCounted: { benefit: keyof BenefitParts; needs: string }[];
}

/** `moneyReplications` summarised across replications: what `ccplan compare` shows as an intervention's `money`. */
export function interventionMoney(options: { money: Money; costLines: readonly CostLine[]; phases: readonly PhaseKpis[] }): InterventionMoney {
  const { replications, notCounted } = moneyReplications(options);
  return summarizeMoney({ money: options.money, costLines: options.costLines, replications, notCounted });
}

/** Summaries of per-replication money (see `interventionMoney`). */
export function summarizeMoney(options: {
  money: Money;
  costLines: readonly CostLine[];
  replications: readonly MoneyReplication[];
  notCounted?: readonly (keyof BenefitParts)[];
}): InterventionMoney {
  const { money, replications } = options;
  const of = (pick: (replication: MoneyReplication) => number | null) => summarize(replications.map(pick));
  const monthCount = replications[0]?.months.length ?? 0;
  return {
    currency: money.currency,
    horizonMonths: money.horizonMonths,
    discountRatePerYear: money.discountRatePerYear,
    replications: replications.length,
    totalCost: of((r) => r.totalCost),
    totalBenefit: of((r) => r.totalBenefit),
    roi: of((r) => r.roi),
    benefitCostRatio: of((r) => r.benefitCostRatio),
    paybackMonth: of((r) => r.paybackMonth),
    probPaybackWithinHorizon: of((r) => (r.paybackMonth === null ? 0 : 1)),
    npv: of((r) => r.npv),
    saving: of((r) => r.saving),
    breakEvenWeek: of((r) => r.breakEvenWeek),
    benefits: Object.fromEntries(BENEFIT_PARTS.map((part) => [part, of((r) => r.benefits[part])])) as Record<keyof BenefitParts, KpiSummary>,
    months: Array.from({ length: monthCount }, (_, index) => ({
      month: index + 1,
      cost: of((r) => r.months[index]!.cost),
      benefit: of((r) => r.months[index]!.benefit),
      cumulativeNet: of((r) => r.months[index]!.cumulativeNet),
    })),
    costLines: [...options.costLines],
    notCounted: (options.notCounted ?? []).map((benefit) => ({ benefit, needs: BENEFIT_NEEDS[benefit] })),
  };
}
