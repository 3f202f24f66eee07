import { describe, expect, it } from "vitest";
import type { CostLine } from "../interventions/costLine.js";
import { moneySchema, type Money } from "../schema/money.js";
import { interventionMoney } from "./interventionMoney.js";
import type { KpiSample } from "./kpiSample.js";
import { moneyReplications, WEEKS_PER_MONTH, type PhaseKpis } from "./moneyReplications.js";
import { weeklyBenefit } from "./weeklyBenefit.js";

const money = (input: Partial<Money> = {}): Money => moneySchema.parse({ wagePerHour: 20, discountRatePerYear: 0, ...input });
const line = (kind: CostLine["kind"], amount: number): CostLine => ({ label: kind, kind, amount, currency: "USD" });
const steady = (baseline: KpiSample[], intervention: KpiSample[], spanWeeks = 1): PhaseKpis => ({
  label: "steady state",
  startWeek: 0,
  weeks: null,
  spanWeeks,
  baseline,
  intervention,
});
// A week whose only difference is `gain` more contacts answered, worth 1 each: a weekly benefit of `gain`.
const answered = (gain: number): [KpiSample, KpiSample] => [{ answered: 1000 }, { answered: 1000 + gain }];
const salesMoney = (input: Partial<Money> = {}) => money({ revenuePerAnsweredContact: 1, ...input });

describe("weeklyBenefit", () => {
  it("values each paired difference: customers kept, complaints avoided, sales, contacts moved online", () => {
    const { parts, notCounted } = weeklyBenefit({
      money: money({ customerLifetimeValue: 1000, costPerComplaint: 50, revenuePerAnsweredContact: 2, costPerContactOffline: 10, costPerContactOnline: 2 }),
      baseline: { customersLost: 10, complaints: 20, answered: 1000, onlineShare: 0.1, offered: 1100 },
      intervention: { customersLost: 8, complaints: 15, answered: 1010, onlineShare: 0.2, offered: 1100 },
      spanWeeks: 1,
    });
    expect(parts.retention).toBeCloseTo(2000, 9);
    expect(parts.complaints).toBeCloseTo(250, 9);
    expect(parts.sales).toBeCloseTo(20, 9);
    expect(parts.channelSubstitution).toBeCloseTo(110 * 8, 9);
    expect(notCounted).toEqual([]);
  });

  it("counts a customer who brings several problems once", () => {
    const { parts } = weeklyBenefit({
      money: money({ customerLifetimeValue: 1000, journeysPerCustomer: 4 }),
      baseline: { customersLost: 10 },
      intervention: { customersLost: 8 },
      spanWeeks: 1,
    });
    expect(parts.retention).toBeCloseTo(500, 9);
  });

  it("scales the simulated days to a week and falls back on rates × offered contacts", () => {
    const { parts } = weeklyBenefit({
      money: money({ customerLifetimeValue: 100, costPerComplaint: 10 }),
      // One simulated day: 1,000 offered, 20% of them repeats, so 800 customers; churn 5% → 4%; complaints 3% → 2%.
      baseline: { offered: 1000, repeatRate: 0.2, churnRate: 0.05, complaintRate: 0.03 },
      intervention: { offered: 1000, repeatRate: 0.2, churnRate: 0.04, complaintRate: 0.02 },
      spanWeeks: 1 / 7,
    });
    expect(parts.retention).toBeCloseTo(800 * 0.01 * 100 * 7, 9);
    expect(parts.complaints).toBeCloseTo(1000 * 0.01 * 10 * 7, 9);
  });

  it("names a valued benefit whose KPIs the engine does not report, and counts an undefined value as no change", () => {
    const result = weeklyBenefit({ money: money({ customerLifetimeValue: 100 }), baseline: { answered: 5 }, intervention: { answered: 6 }, spanWeeks: 1 });
    expect(result).toEqual({ parts: { retention: 0, complaints: 0, sales: 0, channelSubstitution: 0 }, notCounted: ["retention"] });
    const undefinedInOne = weeklyBenefit({ money: money({ costPerComplaint: 10 }), baseline: { complaints: null }, intervention: { complaints: 3 }, spanWeeks: 1 });
    expect(undefinedInOne).toEqual({ parts: { retention: 0, complaints: 0, sales: 0, channelSubstitution: 0 }, notCounted: [] });
  });
});

describe("moneyReplications", () => {
  it("starts a recurring line with fromWeek in that week (the wages of hires who arrive after a lead time)", () => {
    const [before, after] = answered(0);
    const { replications } = moneyReplications({
      money: salesMoney(),
      costLines: [{ ...line("perWeek", 100), fromWeek: 6 }, { ...line("perMonth", 52), fromWeek: 6 }],
      phases: [steady([before], [after])],
    });
    const months = replications[0]!.months.map((month) => month.cost);
    // Month 1 is weeks 0…4.33 and costs nothing; month 2 (weeks 4.33…8.67) pays 8.67 − 6 weeks; later months in full.
    const perWeek = 100 + 52 / WEEKS_PER_MONTH;
    expect(months[0]).toBe(0);
    expect(months[1]).toBeCloseTo(perWeek * (2 * WEEKS_PER_MONTH - 6), 9);
    expect(months[5]).toBeCloseTo(perWeek * WEEKS_PER_MONTH, 9);
    expect(replications[0]!.totalCost).toBeCloseTo(perWeek * (52 - 6), 9);
  });

  it("spreads one-off, weekly and monthly costs and the weekly benefit over 12 months of 52/12 weeks", () => {
    const [before, after] = answered(3150);
    const { replications } = moneyReplications({
      money: salesMoney(),
      costLines: [line("oneOff", 10_000), line("perWeek", 100), line("perMonth", 50)],
      phases: [steady([before], [after])],
    });
    const [only] = replications;
    expect(only!.months).toHaveLength(12);
    expect(only!.months[0]!.cost).toBeCloseTo(10_000 + 100 * WEEKS_PER_MONTH + 50, 9);
    expect(only!.months[1]!.benefit).toBeCloseTo(3150 * WEEKS_PER_MONTH, 9);
    expect(only!.totalCost).toBeCloseTo(10_000 + 5200 + 600, 9);
    expect(only!.totalBenefit).toBeCloseTo(3150 * 52, 9);
    expect(only!.roi).toBeCloseTo((163_800 - 15_800) / 15_800, 12);
    expect(only!.benefitCostRatio).toBeCloseTo(163_800 / 15_800, 12);
    expect(only!.saving).toBeNull();
    expect(only!.paybackMonth).toBe(1);
    expect(only!.benefits.sales).toBeCloseTo(163_800, 9);
  });

  it("pays back in the first month whose cumulative net stays ≥ 0, and in the matching week", () => {
    // 500 a week against 10,000 up front: 2,166.67 a month, so month 5 (4.6 months); week 20 exactly.
    const [before, after] = answered(500);
    const { replications } = moneyReplications({ money: salesMoney(), costLines: [line("oneOff", 10_000)], phases: [steady([before], [after])] });
    expect(replications[0]!.paybackMonth).toBe(5);
    expect(replications[0]!.breakEvenWeek).toBe(20);
    expect(replications[0]!.months[3]!.cumulativeNet).toBeCloseTo(500 * 4 * WEEKS_PER_MONTH - 10_000, 9);
  });

  it("gives a null payback when the horizon ends below zero, and counts a dip that recovers", () => {
    const [before, after] = answered(500);
    const never = moneyReplications({ money: salesMoney(), costLines: [line("oneOff", 100_000)], phases: [steady([before], [after])] });
    expect(never.replications[0]!.paybackMonth).toBeNull();
    expect(never.replications[0]!.breakEvenWeek).toBeNull();
    // No cost; 8 weeks losing 100 a week, then gaining 100: back to ≥ 0 after week 16, i.e. in month 4 (weeks 13–17.3).
    const dip: PhaseKpis = { ...steady([before], [{ answered: 900 }]), label: "dip", weeks: 8 };
    const recovery: PhaseKpis = { ...steady([before], [{ answered: 1100 }]), startWeek: 8 };
    const result = moneyReplications({ money: salesMoney(), costLines: [], phases: [dip, recovery] });
    expect(result.replications[0]!.breakEvenWeek).toBe(16);
    expect(result.replications[0]!.paybackMonth).toBe(4);
    expect(result.replications[0]!.months[0]!.benefit).toBeCloseTo(-100 * WEEKS_PER_MONTH, 9);
    expect(result.replications[0]!.months[1]!.benefit).toBeCloseTo(-100 * (8 - WEEKS_PER_MONTH) + 100 * (2 * WEEKS_PER_MONTH - 8), 9);
  });

  it("reports a saving and no ROI when the incremental cost is ≤ 0", () => {
    const [before, after] = answered(-50);
    const { replications } = moneyReplications({ money: salesMoney(), costLines: [line("perWeek", -1000)], phases: [steady([before], [after])] });
    expect(replications[0]!.roi).toBeNull();
    expect(replications[0]!.benefitCostRatio).toBeNull();
    expect(replications[0]!.saving).toBeCloseTo(52_000, 9);
    expect(replications[0]!.totalBenefit).toBeCloseTo(-2600, 9);
  });

  it("discounts monthly flows at (1 + rate)^(−month/12) and leaves one-off costs at the start undiscounted", () => {
    const [before, after] = answered(1200 / WEEKS_PER_MONTH); // 1,200 a month
    const { replications } = moneyReplications({
      money: salesMoney({ discountRatePerYear: 0.12 }),
      costLines: [line("oneOff", 12_000)],
      phases: [steady([before], [after])],
    });
    let expected = -12_000;
    for (let month = 1; month <= 12; month++) expected += 1200 * 1.12 ** (-month / 12);
    expect(replications[0]!.npv).toBeCloseTo(expected, 8);
    const undiscounted = moneyReplications({ money: salesMoney(), costLines: [line("oneOff", 12_000)], phases: [steady([before], [after])] });
    expect(undiscounted.replications[0]!.npv).toBeCloseTo(2400, 8);
  });

  it("ends a fractional horizon with a partial month", () => {
    const [before, after] = answered(100);
    const { replications } = moneyReplications({ money: salesMoney({ horizonMonths: 1.5 }), costLines: [line("perMonth", 10)], phases: [steady([before], [after])] });
    expect(replications[0]!.months).toHaveLength(2);
    expect(replications[0]!.months[1]!.cost).toBeCloseTo(5, 12);
    expect(replications[0]!.totalBenefit).toBeCloseTo(100 * 1.5 * WEEKS_PER_MONTH, 9);
  });

  it("refuses unpaired phases and cost lines in another currency", () => {
    expect(() => moneyReplications({ money: salesMoney(), costLines: [], phases: [steady([{}, {}], [{}])] })).toThrow(
      'invalid phase "steady state": 2 baseline and 1 intervention replications; expected 2 of each, paired',
    );
    expect(() => moneyReplications({ money: salesMoney(), costLines: [{ ...line("oneOff", 1), currency: "EUR" }], phases: [] })).toThrow(/expected the scenario's currency USD/);
  });
});

describe("interventionMoney", () => {
  it("summarises each figure across replications, payback over those that pay back, and how often they do", () => {
    // Three futures: 500, 1,000 and 100 a week against 10,000 up front (12-month benefits 26,000, 52,000, 5,200).
    const gains = [500, 1000, 100];
    const phase = steady(
      gains.map(() => ({ answered: 1000 })),
      gains.map((gain) => ({ answered: 1000 + gain })),
    );
    const summary = interventionMoney({ money: salesMoney(), costLines: [line("oneOff", 10_000)], phases: [phase] });
    expect(summary.replications).toBe(3);
    expect(summary.totalCost).toMatchObject({ mean: 10_000, ci95: [10_000, 10_000], n: 3 });
    expect(summary.totalBenefit.mean).toBeCloseTo((26_000 + 52_000 + 5200) / 3, 6);
    expect(summary.roi.mean).toBeCloseTo((1.6 + 4.2 - 0.48) / 3, 12);
    expect(summary.paybackMonth).toMatchObject({ mean: 4, n: 2 }); // months 5 (10,000 / 2,167 = 4.6) and 3 (10,000 / 4,333 = 2.3)
    expect(summary.probPaybackWithinHorizon.mean).toBeCloseTo(2 / 3, 12);
    expect(summary.saving.n).toBe(0);
    expect(summary.months).toHaveLength(12);
    expect(summary.months[0]!.cost.mean).toBe(10_000);
    expect(summary.benefits.sales.mean).toBeCloseTo(summary.totalBenefit.mean!, 9);
    expect(summary.notCounted).toEqual([]);
  });

  it("lists the valued benefits the engine's KPIs cannot give", () => {
    const summary = interventionMoney({ money: money({ customerLifetimeValue: 900 }), costLines: [], phases: [steady([{ answered: 1 }], [{ answered: 2 }])] });
    expect(summary.notCounted).toEqual([{ benefit: "retention", needs: "customersLost or churnRate" }]);
  });
});
