import { applyIntervention } from "../interventions/applyIntervention.js";
import type { CostLine } from "../interventions/costLine.js";
import type { Intervention } from "../schema/intervention.js";
import type { Money } from "../schema/money.js";
import type { ResolvedScenario, Scenario } from "../schema/scenario.js";
import { targetMet } from "../compare/targetMet.js";
import { summarize, type KpiSummary } from "../stats/summary.js";
import { drawInputsByReplication, resolveAtDraw, type AssumptionsView } from "../uncertainty/draws.js";
import { uncertainInputs, type InputRole, type UncertainInput } from "../uncertainty/inputs.js";
import { inputLabel } from "../uncertainty/labels.js";
import { fitOnDraws, type DrawColumn } from "../uncertainty/regression.js";
import { varianceShares } from "../uncertainty/varianceShares.js";
import type { EvidenceGrade } from "../schema/uncertain.js";
import { costEffectiveness, type CostEffectiveness } from "./costEffectiveness.js";
import { summarizeWholePeriods } from "./wholePeriods.js";
import { benefitInputs, evidenceShares, evidenceWarning, type EvidenceShares } from "./evidence.js";
import {
  benefitPriced,
  measurePhases,
  priceReplication,
  pricedPhases,
  totalCosts,
  valuedMissing,
  WEEKS_PER_MONTH,
  type MoneyReplication,
  type PhaseKpis,
} from "./moneyReplications.js";
import { BENEFIT_NEEDS, BENEFIT_PARTS, DIFFERENCE_FIELDS, EXPERIENCE_DIFFERENCES, type BenefitParts, type PhaseDifferences } from "./phaseCounts.js";

/**
 * An intervention's money against the baseline over the financial horizon, across replications (simulated futures,
 * each at its own draw of the uncertain inputs unless assumptions are fixed), as `{ mean, ci95, p10, p50, p90, n }`:
 * the mean and its 95% CI (the precision of the expected value) are those of the replications as simulated; the
 * P10–P90 spread, the payback and its probability are those of a year (`evaluateMoney`: the expected money given each
 * replication's draws plus a year's noise, not one week's noise times 52). Amounts in `currency`, undiscounted but
 * `npv`.
 */
export interface InterventionMoney {
  currency: string;
  horizonMonths: number;
  /** The discount rate at its central value (a draw of it moves each replication's NPV). */
  discountRatePerYear: number;
  replications: number;
  /** Which uncertainty the figures carry: the draws of the uncertain inputs and the simulation (`combined`), or the
   * simulation alone with every input at its central value (`fixed`). */
  assumptions: AssumptionsView;
  /** Whether any benefit is priced (a lifetime value, a complaint's cost, sales, contact costs); without, ROI and
   * payback are null and cost-effectiveness says what the option buys. */
  benefitPriced: boolean;
  totalCost: KpiSummary;
  totalBenefit: KpiSummary;
  /** (benefit − cost) / cost, over the replications where the cost is > 0 and a benefit is priced (none: mean null). */
  roi: KpiSummary;
  benefitCostRatio: KpiSummary;
  /** Month the option pays back, over the years where it does (null where it costs nothing or nothing is priced;
   * never without a positive net benefit): the month holding the break-even week's moment (`MoneyReplication`). Its
   * P10, P50 and P90 are whole months some year reached (`summarizeWholePeriods`); its mean is an average of them. */
  paybackMonth: KpiSummary;
  /** Share of years that pay back within the horizon; mean null where a payback means nothing (as `paybackMonth`). */
  probPaybackWithinHorizon: KpiSummary;
  npv: KpiSummary;
  /** What the option saves, over the replications where its cost is ≤ 0 (then ROI is undefined). */
  saving: KpiSummary;
  /** Week the cumulative net turns and stays ≥ 0, over the years where it does: the same moment as `paybackMonth`,
   * counted in weeks; P10, P50 and P90 whole weeks (`summarizeWholePeriods`). */
  breakEvenWeek: KpiSummary;
  /** Benefit by source over the horizon. */
  benefits: Record<keyof BenefitParts, KpiSummary>;
  /** The service level's change over the horizon (a fraction: 0.01 is one point), every week weighted alike: a
   * training's class weeks and learning curve with its steady state, as cost-effectiveness counts it. The KPI table's
   * change is that of the week simulated at full effect; this is the year's. */
  serviceLevelChange: KpiSummary;
  /** Customers still kept at the horizon's end and their value at the lifetime value: beyond the horizon, never booked. */
  customersKeptAtHorizonEnd: KpiSummary;
  retentionBeyondHorizon: KpiSummary;
  /** Month by month (the last may be partial): incremental cost, benefit and the cumulative net. */
  months: { month: number; cost: KpiSummary; benefit: KpiSummary; cumulativeNet: KpiSummary }[];
  costLines: CostLine[];
  /** Benefits with a money value that could not be counted, and the KPI they need from the engine. */
  notCounted: { benefit: keyof BenefitParts; needs: string }[];
  /** Shares of the expected benefit by the weakest grade of the inputs each benefit multiplies; null when nothing is priced. */
  evidence: EvidenceShares | null;
  /** The plain-words warning when more than half of the expected benefit rests on assumptions, else null. */
  evidenceWarning: string | null;
  /** Where the NPV's uncertainty comes from: each uncertain input's first-order variance share with its 95% interval
   * and `simulation` (1 − R² of the joint fit; no interval), largest first (`varianceShares`). */
  varianceShares: { input: string; label: string; share: number; ci95: [number, number] | null }[];
  costEffectiveness: CostEffectiveness;
}

/** Per replication, what a decision analysis needs (in replication order): the draws and the option's net benefit. */
export interface MoneyDraws {
  /** The uncertain inputs that move this option's money, each with its value in every replication. */
  inputs: { key: string; label: string; role: InputRole; grade: EvidenceGrade; values: Float64Array }[];
  /** NPV of each replication as simulated (its draws and its one simulated week per phase). */
  npv: Float64Array;
  /** The expected NPV given the replication's draws (the regression's fit: the simulation's noise removed). */
  expectedNpv: Float64Array;
  /** The NPV of a year at the replication's draws: expected plus a year's noise. */
  yearNpv: Float64Array;
  /** The year's ROI and payback month (NaN where undefined). */
  roi: Float64Array;
  paybackMonth: Float64Array;
  /** What each unit of a kept customer's value adds to the year's NPV, and the value (`customerLifetimeValue`) each
   * replication was priced at: the year's NPV is linear in it, for the acceptability curve. */
  yearNpvPerCustomerValue: Float64Array;
  customerValue: Float64Array;
}

/** How the decision quantities are made, for reports. */
export const DECISION_METHOD =
  "each replication's money is the expected money given its draws of the uncertain inputs (a regression of the simulated differences on the draws) plus the noise of a year of weeks (the replication's residual × √weeks, not × weeks)";

/**
 * The money of an intervention from its simulated phases (paired samples per replication), with the year-noise
 * correction, variance shares, evidence grades and cost-effectiveness.
 *
 * Each replication k is priced at its own draw of the uncertain inputs (`drawInputs` on the scenario's seed, the same
 * the simulation used): its money values and cost lines come from the scenario resolved at that draw.
 *
 * A year is not one week times 52: a phase's money is its simulated span's difference (customers kept, complaints,
 * problems answered…) times the n spans it stands for, so the span's noise ε would be multiplied by n, where a year of
 * n independent spans has noise √n ε. So each difference is fitted on the draws that can move it (`fitOnDraws`: the
 * satisfaction model's and the option's own inputs for customers lost and complaints, the option's own for the rest):
 * fitted value + residual ÷ √n is the span's difference as a year of them averages out. Decision quantities (the
 * P10–P90, the payback and its probability, the probability an option is best) use those years; the mean and its CI
 * use the replications as simulated (the same mean: least-squares residuals sum to zero).
 */
export function evaluateMoney(options: {
  scenario: Scenario;
  intervention: Intervention;
  phases: readonly PhaseKpis[];
  assumptions?: AssumptionsView;
}): { money: InterventionMoney; draws: MoneyDraws } {
  const { scenario, intervention, phases } = options;
  const assumptions = options.assumptions ?? "combined";
  if (!scenario.money) throw new Error("the scenario has no money section: nothing to price");
  const measured = measurePhases(phases);
  const count = measured.differences[0]?.length ?? 0;

  // The inputs that move this option's money: the experience and money sections' and its own.
  const inputs = assumptions === "fixed" ? [] : uncertainInputs(scenario).filter((input) => input.intervention === null || input.intervention === intervention.name);
  const values = drawInputsByReplication(scenario, inputs, count);
  const columns = (roles: InputRole[]): DrawColumn[] =>
    inputs.filter((input) => roles.includes(input.role)).map((input) => ({ key: input.key, values: Float64Array.from(values, (draw) => draw.get(input.key)!) }));

  // Each replication's money values and cost lines at its draw (once when nothing priced is drawn).
  // Once per replication: resolving the scenario at a draw and applying the option is most of a replication's pricing.
  const pricing = pricingAt(scenario, intervention, inputs);
  const prices = values.map((draw) => pricing(draw));
  const priceAt = (k: number) => prices[k]!;

  // The year's differences: fitted on the draws that can move them, the residual scaled from one span to a year.
  const horizonWeeks = resolveMoney(scenario).horizonMonths * WEEKS_PER_MONTH;
  const simulation = columns(["experience", "plan"]);
  const planOnly = columns(["plan"]);
  const fitted: PhaseDifferences[][] = [];
  const year: PhaseDifferences[][] = [];
  phases.forEach((phase, p) => {
    const end = phase.weeks === null ? horizonWeeks : Math.min(horizonWeeks, phase.startWeek + phase.weeks);
    const spans = Math.max(0, end - phase.startWeek) / phase.spanWeeks;
    const scale = spans > 0 ? 1 / Math.sqrt(spans) : 0;
    const fittedOfPhase = Array.from({ length: count }, () => ({}) as PhaseDifferences);
    const yearOfPhase = Array.from({ length: count }, () => ({}) as PhaseDifferences);
    for (const field of DIFFERENCE_FIELDS) {
      const fit = fitOnDraws(EXPERIENCE_DIFFERENCES.has(field) ? simulation : planOnly, measured.differences[p]!.map((d) => d[field]));
      for (let k = 0; k < count; k++) {
        fittedOfPhase[k]![field] = fit.fitted[k]!;
        yearOfPhase[k]![field] = fit.fitted[k]! + fit.residuals[k]! * scale;
      }
    }
    fitted.push(fittedOfPhase);
    year.push(yearOfPhase);
  });
  const byReplication = (table: PhaseDifferences[][], k: number) => table.map((ofPhase) => ofPhase[k]!);
  const raw: MoneyReplication[] = [];
  const years: MoneyReplication[] = [];
  const expected: MoneyReplication[] = [];
  for (let k = 0; k < count; k++) {
    const { money, costs } = priceAt(k);
    raw.push(priceReplication({ money, costs, phases: pricedPhases(phases, measured, k) }));
    years.push(priceReplication({ money, costs, phases: pricedPhases(phases, measured, k, byReplication(year, k)) }));
    expected.push(priceReplication({ money, costs, phases: pricedPhases(phases, measured, k, byReplication(fitted, k)) }));
  }

  const central = pricing(new Map());
  const summary = summarizeMoney({ money: central.money, costLines: central.costLines, raw, years, assumptions });
  const allColumns = columns(["experience", "plan", "money"]);
  const yearNpv = Float64Array.from(years, (r) => r.npv);
  const shares = varianceShares(allColumns, yearNpv).map((entry) => ({ ...entry, label: inputLabel(entry.input) }));
  const expectedBenefits = Object.fromEntries(BENEFIT_PARTS.map((part) => [part, summary.benefits[part].mean ?? 0])) as unknown as BenefitParts;
  const multiplied = benefitInputs(scenario, intervention);
  const evidence = summary.benefitPriced ? evidenceShares(expectedBenefits, multiplied) : null;
  const notCounted = valuedMissing(central.money, measured.missing);
  const money: InterventionMoney = {
    ...summary,
    notCounted: notCounted.map((benefit) => ({ benefit, needs: BENEFIT_NEEDS[benefit] })),
    evidence,
    evidenceWarning: evidenceWarning(evidence, expectedBenefits, multiplied, shares),
    varianceShares: shares,
    costEffectiveness: costEffectiveness(raw),
  };
  const draws: MoneyDraws = {
    inputs: inputs.map((input) => ({ key: input.key, label: inputLabel(input.key), role: input.role, grade: input.grade, values: Float64Array.from(values, (draw) => draw.get(input.key)!) })),
    npv: Float64Array.from(raw, (r) => r.npv),
    expectedNpv: Float64Array.from(expected, (r) => r.npv),
    yearNpv,
    roi: Float64Array.from(years, (r) => r.roi ?? Number.NaN),
    paybackMonth: Float64Array.from(years, (r) => r.paybackMonth ?? Number.NaN),
    yearNpvPerCustomerValue: Float64Array.from(years, (r) => r.npvPerCustomerValue),
    customerValue: Float64Array.from({ length: count }, (_, k) => priceAt(k).money.customerLifetimeValue),
  };
  return { money, draws };
}

const resolveMoney = (scenario: Scenario): Money => resolveAtDraw(scenario, new Map()).money!;

/** The money values and cost lines of the scenario resolved at a draw; computed once when no priced input is drawn. */
function pricingAt(scenario: Scenario, intervention: Intervention, inputs: readonly UncertainInput[]) {
  const at = (draw: ReadonlyMap<string, number>) => {
    const resolved: ResolvedScenario = resolveAtDraw(scenario, draw);
    const money = resolved.money!;
    const option = resolved.interventions.find((candidate) => candidate.name === intervention.name) ?? intervention;
    const costLines = applyIntervention({ ...resolved, interventions: [] }, option as Intervention).costLines;
    return { money, costLines, costs: totalCosts(costLines, money.currency) };
  };
  if (!inputs.some((input) => input.role === "money")) {
    const fixed = at(new Map());
    return () => fixed;
  }
  return at;
}

/** The summary of 0/1 outcomes (null: not applicable) with Wilson's score interval, which stays within [0, 1]. */
function shareSummary(outcomes: readonly (number | null)[]): KpiSummary {
  const summary = summarize(outcomes);
  const known = outcomes.filter((outcome): outcome is number => outcome !== null);
  if (known.length === 0) return summary;
  return { ...summary, ci95: targetMet(known.reduce((sum, outcome) => sum + outcome, 0), known.length).ci95 };
}

/** Summaries of per-replication money: means and CIs of the replications as simulated, spread and payback of the years. */
export function summarizeMoney(options: {
  money: Money;
  costLines: readonly CostLine[];
  raw: readonly MoneyReplication[];
  years: readonly MoneyReplication[];
  assumptions: AssumptionsView;
}): Omit<InterventionMoney, "notCounted" | "evidence" | "evidenceWarning" | "varianceShares" | "costEffectiveness"> {
  const { money, raw, years } = options;
  // Mean and CI of the simulated replications; P10, P50 and P90 of the years.
  const of = (pick: (replication: MoneyReplication) => number | null): KpiSummary => {
    const simulated = summarize(raw.map(pick));
    const year = summarize(years.map(pick));
    return { ...simulated, p10: year.p10, p50: year.p50, p90: year.p90 };
  };
  const priced = benefitPriced(money);
  const monthCount = raw[0]?.months.length ?? 0;
  const paysBack = years.map((r) => (r.totalCost > 0 && priced ? (r.paybackMonth === null ? 0 : 1) : null));
  return {
    currency: money.currency,
    horizonMonths: money.horizonMonths,
    discountRatePerYear: money.discountRatePerYear,
    replications: raw.length,
    assumptions: options.assumptions,
    benefitPriced: priced,
    totalCost: of((r) => r.totalCost),
    totalBenefit: of((r) => r.totalBenefit),
    roi: of((r) => r.roi),
    benefitCostRatio: of((r) => r.benefitCostRatio),
    paybackMonth: summarizeWholePeriods(years.map((r) => r.paybackMonth)),
    probPaybackWithinHorizon: shareSummary(paysBack),
    npv: of((r) => r.npv),
    saving: of((r) => r.saving),
    breakEvenWeek: summarizeWholePeriods(years.map((r) => r.breakEvenWeek)),
    benefits: Object.fromEntries(BENEFIT_PARTS.map((part) => [part, of((r) => r.benefits[part])])) as Record<keyof BenefitParts, KpiSummary>,
    serviceLevelChange: of((r) => r.effects.serviceLevelPoints / 100),
    customersKeptAtHorizonEnd: of((r) => r.customersKeptAtHorizonEnd),
    retentionBeyondHorizon: of((r) => r.retentionBeyondHorizon),
    months: Array.from({ length: monthCount }, (_, index) => ({
      month: index + 1,
      cost: of((r) => r.months[index]!.cost),
      benefit: of((r) => r.months[index]!.benefit),
      cumulativeNet: of((r) => r.months[index]!.cumulativeNet),
    })),
    costLines: [...options.costLines],
  };
}
