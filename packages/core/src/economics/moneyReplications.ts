import type { CostLine } from "../interventions/costLine.js";
import type { Money } from "../schema/money.js";
import type { KpiSample } from "./kpiSample.js";
import { BENEFIT_PARTS, phaseDifferences, type BenefitParts, type PhaseDifferences, type PhaseLevels } from "./phaseCounts.js";
import { keptCustomers, type RetentionPhase } from "./retention.js";

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

/** One phase of one replication, ready to price: where it falls and what it changes over its simulated span. */
export interface PricedPhase {
  startWeek: number;
  /** Week it ends (Infinity: to the horizon's end). */
  endWeek: number;
  spanWeeks: number;
  differences: PhaseDifferences;
  levels: PhaseLevels;
}

/** What an option changes over the horizon, in the units cost-effectiveness divides by. */
export interface HorizonEffects {
  /** The service level's change in points, weeks-weighted over the horizon. */
  serviceLevelPoints: number;
  abandonsAvoided: number;
  complaintsAvoided: number;
  /** Would-be leavers kept: customers whose loss within their horizon the option avoids (journeys ÷ journeys per customer). */
  customersKept: number;
}

/** One replication's money over the horizon: one simulated future. */
export interface MoneyReplication {
  /** Per month of the horizon (the last may be partial): incremental cost and benefit, and the cumulative net. */
  months: { cost: number; benefit: number; cumulativeNet: number }[];
  totalCost: number;
  totalBenefit: number;
  /** The benefit by source over the horizon. */
  benefits: BenefitParts;
  /** (benefit − cost) / cost; null when the cost is ≤ 0 (the option saves money: see `saving`) or no benefit is priced. */
  roi: number | null;
  /** benefit / cost; null as `roi`. */
  benefitCostRatio: number | null;
  /** −cost when the cost is ≤ 0, else null. */
  saving: number | null;
  /** The month (1-based, months of 52/12 weeks) in which the option pays back: the one holding the break-even moment,
   * the first week end or month end from which the cumulative net (benefit − cost, one-off costs at the start) stays
   * ≥ 0 to the end of the horizon; null when it ends at or below 0, when the option costs nothing or when no benefit
   * is priced. */
  paybackMonth: number | null;
  /** The week (1-based) holding the same moment: the trainer's break-even week. One moment counted two ways, so the
   * week always falls in (or, straddling two months, touches) the payback month. */
  breakEvenWeek: number | null;
  /** Net present value: −one-off costs + Σ monthly net × (1 + rate)^(−t/12), t the month's end in months. */
  npv: number;
  /** Customers still kept at the horizon's end, and what they are worth at the lifetime value (reported, never booked). */
  customersKeptAtHorizonEnd: number;
  retentionBeyondHorizon: number;
  /** The retention part of the NPV, and that part per unit of `customerLifetimeValue` (for the break-even value). */
  retentionNpv: number;
  npvPerCustomerValue: number;
  effects: HorizonEffects;
}

/** An intervention's cost lines added up by kind, in the scenario's currency. */
export interface Costs {
  oneOff: number;
  perWeek: number;
  perMonth: number;
  /** Recurring lines that start later (`CostLine.fromWeek`), per week. */
  laterPerWeek: { fromWeek: number; amount: number }[];
}

export function totalCosts(costLines: readonly CostLine[], currency: string): Costs {
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

/** Whether the money section prices any benefit (otherwise ROI and payback say nothing; cost-effectiveness does). */
export function benefitPriced(money: Money): boolean {
  return money.customerLifetimeValue > 0 || money.costPerComplaint > 0 || money.revenuePerAnsweredContact > 0 || money.costPerContactOffline > 0 || money.costPerContactOnline > 0;
}

/**
 * Prices one replication: its phases' differences over the financial calendar (a month is 52/12 weeks; month m covers
 * weeks [(m − 1)·52/12, m·52/12); each phase's weekly figure is its span's difference ÷ its `spanWeeks`, for the weeks of
 * the month it covers).
 * - Complaints avoided × `costPerComplaint`; problems answered by an agent × `revenuePerAnsweredContact`; channel
 *   substitution: the baseline's variable contact cost minus the option's (offline and online contacts × their
 *   costs), so fewer contacts of any kind save money.
 * - Retention (economics/retention.ts): the customers kept accumulate; each customer-month within the horizon earns
 *   `customerLifetimeValue` ÷ `customerLifetimeMonths`; the customers still kept at the end are reported apart.
 *   Customers are journeys ÷ `journeysPerCustomer`.
 * - Costs: one-off in month 1, weekly lines × the weeks of the month, monthly lines as they are; a recurring line with
 *   `fromWeek` from that week on.
 */
export function priceReplication(options: { money: Money; costs: Costs; phases: readonly PricedPhase[] }): MoneyReplication {
  const { money, costs, phases } = options;
  const horizonMonths = money.horizonMonths;
  const horizonWeeks = horizonMonths * WEEKS_PER_MONTH;
  const margin = money.customerLifetimeValue / money.customerLifetimeMonths;
  const perCustomer = 1 / money.journeysPerCustomer;
  const retention: RetentionPhase[] = phases.map((phase) => {
    const perMonth = WEEKS_PER_MONTH / phase.spanWeeks;
    const { journeys, churn } = phase.levels;
    const known = journeys !== null && churn !== null && journeys > 0;
    return {
      startMonth: phase.startWeek / WEEKS_PER_MONTH,
      endMonth: phase.endWeek / WEEKS_PER_MONTH,
      customersPerMonth: known ? journeys * perCustomer * perMonth : null,
      churnBaseline: known ? churn : null,
      churnIntervention: known ? Math.min(1, Math.max(0, churn + phase.differences.customersLost / journeys)) : null,
      keptPerMonth: -phase.differences.customersLost * perCustomer * perMonth,
    };
  });
  // Weekly flows of the other benefits (currency per week while a phase lasts).
  const weekly = phases.map((phase) => {
    const d = phase.differences;
    const perWeek = 1 / phase.spanWeeks;
    return {
      start: phase.startWeek,
      end: phase.endWeek,
      complaints: -d.complaints * money.costPerComplaint * perWeek,
      sales: d.salesContacts * money.revenuePerAnsweredContact * perWeek,
      channelSubstitution: -(d.offline * money.costPerContactOffline + d.online * money.costPerContactOnline) * perWeek,
    };
  });
  // `bounds`: the periods' edges in weeks, from 0 to the horizon's end.
  const flows = (bounds: readonly number[]) => {
    const kept = keptCustomers(retention, horizonMonths, bounds.map((week) => week / WEEKS_PER_MONTH));
    const periods = bounds.slice(0, -1).map((from, p) => {
      const to = bounds[p + 1]!;
      const customerMonths = kept.customerMonths[p]!;
      const parts: BenefitParts = { retention: customerMonths * margin, complaints: 0, sales: 0, channelSubstitution: 0 };
      for (const phase of weekly) {
        const overlap = Math.min(to, phase.end) - Math.max(from, phase.start);
        if (overlap <= 0) continue;
        parts.complaints += phase.complaints * overlap;
        parts.sales += phase.sales * overlap;
        parts.channelSubstitution += phase.channelSubstitution * overlap;
      }
      const recurring = recurringCost(costs, from, to);
      return { cost: recurring + (from === 0 ? costs.oneOff : 0), benefit: sumParts(parts), endWeek: to, parts, customerMonths };
    });
    return { periods, atHorizonEnd: kept.atHorizonEnd };
  };
  const { periods: monthly, atHorizonEnd } = flows(periodBounds(horizonWeeks, [WEEKS_PER_MONTH]));
  let cumulative = 0;
  const months = monthly.map(({ cost, benefit }) => ({ cost, benefit, cumulativeNet: (cumulative += benefit - cost) }));
  const totalCost = monthly.reduce((sum, month) => sum + month.cost, 0);
  const totalBenefit = monthly.reduce((sum, month) => sum + month.benefit, 0);
  const benefits: BenefitParts = { retention: 0, complaints: 0, sales: 0, channelSubstitution: 0 };
  for (const month of monthly) for (const part of BENEFIT_PARTS) benefits[part] += month.parts[part];
  const rate = money.discountRatePerYear;
  const discount = (endWeek: number) => (1 + rate) ** (-endWeek / WEEKS_PER_MONTH / 12);
  const npv = monthly.reduce((sum, month, index) => sum + (month.benefit - month.cost + (index === 0 ? costs.oneOff : 0)) * discount(month.endWeek), -costs.oneOff);
  // The retention part of the NPV at a lifetime value of 1: customer-months kept ÷ lifetime months, discounted.
  const npvPerCustomerValue = monthly.reduce((sum, month) => sum + (month.customerMonths / money.customerLifetimeMonths) * discount(month.endWeek), 0);
  const priced = benefitPriced(money);
  const scale = Math.abs(totalCost) + Math.abs(totalBenefit);
  const pays = priced && totalCost > 0;
  const positive = (cumulativeNets: number[]) => cumulativeNets.length > 0 && cumulativeNets[cumulativeNets.length - 1]! > 1e-9 * scale;
  // Payback and break-even are one moment: found on the week ends and month ends together, then named by the week and
  // the month that hold it (a monthly grid and a weekly one alone can disagree when the net dips between them).
  const grid = pays ? flows(periodBounds(horizonWeeks, [1, WEEKS_PER_MONTH])).periods : [];
  const nets = cumulativeNet(grid);
  const evenAt = positive(nets) ? breakEven(nets, scale) : null;
  const evenWeek = evenAt === null ? null : grid[evenAt - 1]!.endWeek;
  return {
    months,
    totalCost,
    totalBenefit,
    benefits,
    roi: pays ? (totalBenefit - totalCost) / totalCost : null,
    benefitCostRatio: pays ? totalBenefit / totalCost : null,
    saving: totalCost > 0 ? null : -totalCost,
    paybackMonth: evenWeek === null ? null : monthOfMoment(evenWeek),
    breakEvenWeek: evenWeek === null ? null : weekOfMoment(evenWeek),
    npv,
    customersKeptAtHorizonEnd: atHorizonEnd,
    retentionBeyondHorizon: atHorizonEnd * money.customerLifetimeValue,
    retentionNpv: npvPerCustomerValue * money.customerLifetimeValue,
    npvPerCustomerValue,
    effects: horizonEffects(phases, horizonWeeks, perCustomer),
  };
}

function horizonEffects(phases: readonly PricedPhase[], horizonWeeks: number, perCustomer: number): HorizonEffects {
  const effects: HorizonEffects = { serviceLevelPoints: 0, abandonsAvoided: 0, complaintsAvoided: 0, customersKept: 0 };
  for (const phase of phases) {
    const weeks = Math.max(0, Math.min(phase.endWeek, horizonWeeks) - phase.startWeek);
    if (weeks === 0) continue;
    const spans = weeks / phase.spanWeeks;
    const d = phase.differences;
    effects.serviceLevelPoints += (100 * d.serviceLevel * weeks) / horizonWeeks;
    effects.abandonsAvoided -= d.abandoned * spans;
    effects.complaintsAvoided -= d.complaints * spans;
    effects.customersKept -= d.customersLost * spans * perCustomer;
  }
  return effects;
}

/**
 * Per replication, the money of an intervention against its baseline over `money.horizonMonths`, from the paired
 * samples of its phases as simulated (`priceReplication` of each replication's differences). Replication k of every
 * phase builds the k-th simulated future; each simulated week stands for every week of its phase, so the spread
 * across replications overstates a year's noise (see `evaluateMoney`, which corrects it). For callers with one
 * money setting and one set of cost lines (tests, tables); the evaluation prices each replication at its own draw.
 *
 * Throws when phases hold different numbers of replications or a cost line is in another currency.
 */
export function moneyReplications(options: { money: Money; costLines: readonly CostLine[]; phases: readonly PhaseKpis[] }): {
  replications: MoneyReplication[];
  notCounted: (keyof BenefitParts)[];
} {
  const { money, phases } = options;
  const costs = totalCosts(options.costLines, money.currency);
  const measured = measurePhases(phases);
  const replications = measured.differences[0]
    ? measured.differences[0].map((_, k) => priceReplication({ money, costs, phases: pricedPhases(phases, measured, k) }))
    : [];
  return { replications, notCounted: valuedMissing(money, measured.missing) };
}

/** Each phase's differences and levels, replication by replication, and the benefits the engine cannot count. */
export function measurePhases(phases: readonly PhaseKpis[]): { differences: PhaseDifferences[][]; levels: PhaseLevels[][]; missing: Set<keyof BenefitParts> } {
  const count = phases[0]?.baseline.length ?? 0;
  for (const phase of phases) {
    if (phase.baseline.length !== count || phase.intervention.length !== count) {
      throw new Error(
        `invalid phase "${phase.label}": ${phase.baseline.length} baseline and ${phase.intervention.length} intervention replications; expected ${count} of each, paired`,
      );
    }
    if (!(phase.spanWeeks > 0)) throw new Error(`invalid spanWeeks: ${phase.spanWeeks}; expected a number of weeks > 0`);
  }
  const missing = new Set<keyof BenefitParts>();
  const differences: PhaseDifferences[][] = [];
  const levels: PhaseLevels[][] = [];
  for (const phase of phases) {
    const ofPhase = phase.baseline.map((baseline, k) => phaseDifferences(baseline, phase.intervention[k]!));
    ofPhase.forEach((measured) => measured.missing.forEach((part) => missing.add(part)));
    differences.push(ofPhase.map((measured) => measured.differences));
    levels.push(ofPhase.map((measured) => measured.levels));
  }
  return { differences, levels, missing };
}

/** Replication k's phases, ready to price, with `differences` (by phase) in place of the measured ones when given. */
export function pricedPhases(phases: readonly PhaseKpis[], measured: { differences: PhaseDifferences[][]; levels: PhaseLevels[][] }, k: number, differences?: readonly PhaseDifferences[]): PricedPhase[] {
  return phases.map((phase, p) => ({
    startWeek: phase.startWeek,
    endWeek: phase.weeks === null ? Infinity : phase.startWeek + phase.weeks,
    spanWeeks: phase.spanWeeks,
    differences: differences?.[p] ?? measured.differences[p]![k]!,
    levels: measured.levels[p]![k]!,
  }));
}

/** The benefits with a money value set whose counts the engine does not report. */
export function valuedMissing(money: Money, missing: ReadonlySet<keyof BenefitParts>): (keyof BenefitParts)[] {
  const valued: Record<keyof BenefitParts, boolean> = {
    retention: money.customerLifetimeValue > 0,
    complaints: money.costPerComplaint > 0,
    sales: money.revenuePerAnsweredContact > 0,
    channelSubstitution: money.costPerContactOffline > 0 || money.costPerContactOnline > 0,
  };
  return BENEFIT_PARTS.filter((part) => missing.has(part) && valued[part]);
}

const sumParts = (parts: BenefitParts) => parts.retention + parts.complaints + parts.sales + parts.channelSubstitution;

/** The edges (in weeks) of periods cut at every multiple of each of `steps` weeks, from 0 to `horizonWeeks`, sorted;
 * edges closer than a millionth of a week are one. */
function periodBounds(horizonWeeks: number, steps: readonly number[]): number[] {
  const edges = [0, horizonWeeks];
  for (const step of steps) for (let k = 1; k * step < horizonWeeks - 1e-6; k++) edges.push(k * step);
  edges.sort((a, b) => a - b);
  return edges.filter((edge, i) => i === 0 || edge - edges[i - 1]! > 1e-6);
}

/** The week (1-based: week w is (w − 1, w]) holding the moment `weeks` after the start. */
export function weekOfMoment(weeks: number): number {
  return Math.max(1, Math.ceil(weeks - 1e-6));
}

/** The month (1-based, of 52/12 weeks: month m is ((m − 1)·52/12, m·52/12]) holding the moment `weeks` after the start. */
export function monthOfMoment(weeks: number): number {
  return Math.max(1, Math.ceil(weeks / WEEKS_PER_MONTH - 1e-6));
}

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
