import type { CostLine } from "../interventions/costLine.js";
import type { Money } from "../schema/money.js";
import type { KpiSample } from "./kpiSample.js";
import { BENEFIT_PARTS, weeklyBenefit, type BenefitParts } from "./weeklyBenefit.js";

/** Weeks in a month: 52 weeks / 12 months. Simulated weeks become months at this rate. */
export const WEEKS_PER_MONTH = 52 / 12;

/** The paired KPI samples of one simulated phase, and where it falls on the financial calendar. */
export interface PhaseKpis {
  /** What happens in the phase ("in class", "learning curve 50%", "steady state"). */
  label: string;
  /** Week the phase starts, counted from the intervention's start (week 0). */
  startWeek: number;
  /** Weeks the phase lasts; null: to the end of the horizon. */
  weeks: number | null;
  /** Weeks of operation the phase's simulated span stands for (its counts / spanWeeks are its weekly figures). */
  spanWeeks: number;
  /** One KPI sample per replication, in replication order: the baseline and the intervention on the same seeds. */
  baseline: readonly KpiSample[];
  intervention: readonly KpiSample[];
}

/** One replication's money over the horizon: one simulated future. */
export interface MoneyReplication {
  /** Per month of the horizon (the last may be partial): incremental cost and benefit, and the cumulative net. */
  months: { cost: number; benefit: number; cumulativeNet: number }[];
  totalCost: number;
  totalBenefit: number;
  /** The benefit by source over the horizon. */
  benefits: BenefitParts;
  /** (benefit − cost) / cost; null when the cost is ≤ 0 (the intervention saves money: see `saving`). */
  roi: number | null;
  /** benefit / cost; null when the cost is ≤ 0. */
  benefitCostRatio: number | null;
  /** −cost when the cost is ≤ 0, else null. */
  saving: number | null;
  /** First month from which the cumulative net (benefit − cost, one-off costs in month 1) stays ≥ 0 to the end of
   * the horizon; null when it ends below 0. */
  paybackMonth: number | null;
  /** The same on a weekly grid: the trainer's break-even week. */
  breakEvenWeek: number | null;
  /** Net present value: −one-off costs + Σ monthly net × (1 + rate)^(−t/12), t the month's end in months. */
  npv: number;
}

interface Costs {
  oneOff: number;
  perWeek: number;
  perMonth: number;
  /** Recurring lines that start later (`CostLine.fromWeek`), per week. */
  laterPerWeek: { fromWeek: number; amount: number }[];
}

function totalCosts(costLines: readonly CostLine[], currency: string): Costs {
  const costs: Costs = { oneOff: 0, perWeek: 0, perMonth: 0, laterPerWeek: [] };
  for (const line of costLines) {
    if (line.currency !== currency) {
      throw new Error(`invalid cost line "${line.label}": amount in ${line.currency}; expected the scenario's currency ${currency}`);
    }
    if (line.kind !== "oneOff" && (line.fromWeek ?? 0) > 0) {
      costs.laterPerWeek.push({ fromWeek: line.fromWeek!, amount: line.kind === "perWeek" ? line.amount : line.amount / WEEKS_PER_MONTH });
    } else costs[line.kind] += line.amount;
  }
  return costs;
}

/** Recurring costs over weeks [from, to). */
function recurringCost(costs: Costs, from: number, to: number): number {
  let cost = costs.perWeek * (to - from) + (costs.perMonth * (to - from)) / WEEKS_PER_MONTH;
  for (const later of costs.laterPerWeek) cost += later.amount * Math.max(0, to - Math.max(from, later.fromWeek));
  return cost;
}

/**
 * Per replication, the incremental money of an intervention against its baseline over `money.horizonMonths`.
 *
 * Costs come from the cost lines: one-off amounts at the start (month 1, undiscounted), weekly amounts × the weeks
 * of each month (52/12 a month), monthly amounts as they are; a recurring line with `fromWeek` from that week on. Benefits come from the simulated phases: each
 * phase's weekly benefit (`weeklyBenefit`, from the paired samples of replication k) times the weeks of the month
 * it covers; weeks no phase covers bring nothing. Replication k of every phase builds the k-th future, so the
 * spread across replications carries the simulation's uncertainty into the money. That future repeats the
 * phase's simulated week for every week of the phase: the mean and its confidence interval are those of the
 * weekly figures times the weeks, while the P10–P90 spread is that of a world where every week is like one
 * simulated week (an upper bound: real weeks partly average out).
 *
 * Throws when phases hold different numbers of replications or a cost line is in another currency.
 */
export function moneyReplications(options: { money: Money; costLines: readonly CostLine[]; phases: readonly PhaseKpis[] }): {
  replications: MoneyReplication[];
  notCounted: (keyof BenefitParts)[];
} {
  const { money, phases } = options;
  const costs = totalCosts(options.costLines, money.currency);
  const count = phases[0]?.baseline.length ?? 0;
  for (const phase of phases) {
    if (phase.baseline.length !== count || phase.intervention.length !== count) {
      throw new Error(
        `invalid phase "${phase.label}": ${phase.baseline.length} baseline and ${phase.intervention.length} intervention replications; expected ${count} of each, paired`,
      );
    }
  }
  const horizonWeeks = money.horizonMonths * WEEKS_PER_MONTH;
  const notCounted = new Set<keyof BenefitParts>();
  const replications: MoneyReplication[] = [];
  for (let k = 0; k < count; k++) {
    const weekly = phases.map((phase) => {
      const benefit = weeklyBenefit({ money, baseline: phase.baseline[k]!, intervention: phase.intervention[k]!, spanWeeks: phase.spanWeeks });
      benefit.notCounted.forEach((part) => notCounted.add(part));
      return { start: phase.startWeek, end: phase.weeks === null ? Infinity : phase.startWeek + phase.weeks, parts: benefit.parts };
    });
    const benefitIn = (from: number, to: number) => {
      const parts: BenefitParts = { retention: 0, complaints: 0, sales: 0, channelSubstitution: 0 };
      for (const phase of weekly) {
        const overlap = Math.min(to, phase.end) - Math.max(from, phase.start);
        if (overlap > 0) for (const part of BENEFIT_PARTS) parts[part] += phase.parts[part] * overlap;
      }
      return parts;
    };
    const flows = (periodWeeks: number) => {
      const periods: { cost: number; benefit: number; endWeek: number; parts: BenefitParts }[] = [];
      for (let from = 0; from < horizonWeeks - 1e-9; from += periodWeeks) {
        const to = Math.min(from + periodWeeks, horizonWeeks);
        const parts = benefitIn(from, to);
        const recurring = recurringCost(costs, from, to);
        periods.push({ cost: recurring + (from === 0 ? costs.oneOff : 0), benefit: sumParts(parts), endWeek: to, parts });
      }
      return periods;
    };
    const monthly = flows(WEEKS_PER_MONTH);
    let cumulative = 0;
    const months = monthly.map(({ cost, benefit }) => ({ cost, benefit, cumulativeNet: (cumulative += benefit - cost) }));
    const totalCost = monthly.reduce((sum, month) => sum + month.cost, 0);
    const totalBenefit = monthly.reduce((sum, month) => sum + month.benefit, 0);
    const benefits: BenefitParts = { retention: 0, complaints: 0, sales: 0, channelSubstitution: 0 };
    for (const month of monthly) for (const part of BENEFIT_PARTS) benefits[part] += month.parts[part];
    const rate = money.discountRatePerYear;
    const npv = monthly.reduce(
      (sum, month, index) => sum + (month.benefit - month.cost + (index === 0 ? costs.oneOff : 0)) * (1 + rate) ** (-month.endWeek / WEEKS_PER_MONTH / 12),
      -costs.oneOff,
    );
    const scale = Math.abs(totalCost) + Math.abs(totalBenefit);
    replications.push({
      months,
      totalCost,
      totalBenefit,
      benefits,
      roi: totalCost > 0 ? (totalBenefit - totalCost) / totalCost : null,
      benefitCostRatio: totalCost > 0 ? totalBenefit / totalCost : null,
      saving: totalCost > 0 ? null : -totalCost,
      paybackMonth: breakEven(months.map((month) => month.cumulativeNet), scale),
      breakEvenWeek: breakEven(cumulativeNet(flows(1)), scale),
      npv,
    });
  }
  return { replications, notCounted: [...notCounted] };
}

const sumParts = (parts: BenefitParts) => parts.retention + parts.complaints + parts.sales + parts.channelSubstitution;

function cumulativeNet(periods: { cost: number; benefit: number }[]): number[] {
  let cumulative = 0;
  return periods.map(({ cost, benefit }) => (cumulative += benefit - cost));
}

/** 1-based index of the first period from which the cumulative net stays ≥ 0 (within rounding), or null. */
function breakEven(cumulative: number[], scale: number): number | null {
  const tolerance = 1e-9 * scale;
  let first: number | null = null;
  for (let i = cumulative.length - 1; i >= 0; i--) {
    if (cumulative[i]! >= -tolerance) first = i + 1;
    else break;
  }
  return first;
}
