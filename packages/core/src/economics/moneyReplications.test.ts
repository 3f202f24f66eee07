import { describe, expect, it } from "vitest";
import type { CostLine } from "../interventions/costLine.js";
import { moneySchema, type Money } from "../schema/money.js";
import { resolveCentral } from "../schema/uncertain.js";
import type { KpiSample } from "./kpiSample.js";
import { moneyReplications, monthOfMoment, priceReplication, totalCosts, weekOfMoment, WEEKS_PER_MONTH, type PhaseKpis, type PricedPhase } from "./moneyReplications.js";
import { phaseDifferences, type PhaseDifferences } from "./phaseCounts.js";
import { cohortCustomerMonths, keptCustomers, monthlyHazard } from "./retention.js";

const money = (input: Partial<Money> = {}): Money =>
  resolveCentral(moneySchema.parse({ wagePerHour: 20, discountRatePerYear: 0, journeysPerCustomer: 1, customerLifetimeMonths: 36, ...input }));
const line = (kind: CostLine["kind"], amount: number): CostLine => ({ label: kind, kind, amount, currency: "USD" });
const steady = (baseline: KpiSample[], intervention: KpiSample[], spanWeeks = 1): PhaseKpis => ({
  label: "steady state",
  startWeek: 0,
  weeks: null,
  spanWeeks,
  baseline,
  intervention,
});
// A week whose only difference is `gain` more problems answered, worth 1 each: a weekly benefit of `gain`.
const answered = (gain: number): [KpiSample, KpiSample] => [{ journeysAnswered: 1000 }, { journeysAnswered: 1000 + gain }];
const salesMoney = (input: Partial<Money> = {}) => money({ revenuePerAnsweredContact: 1, ...input });
const none: PhaseDifferences = { customersLost: 0, complaints: 0, salesContacts: 0, offline: 0, online: 0, abandoned: 0, serviceLevel: 0 };
const phase = (differences: Partial<PhaseDifferences>, levels = { journeys: null as number | null, churn: null as number | null }): PricedPhase => ({
  startWeek: 0,
  endWeek: Infinity,
  spanWeeks: 1,
  differences: { ...none, ...differences },
  levels,
});

describe("phaseDifferences", () => {
  it("takes each paired difference and the baseline's journeys and churn share", () => {
    const { differences, levels, missing } = phaseDifferences(
      { customersLost: 100, churnRate: 0.2, complaints: 20, journeysAnswered: 900, onlineShare: 0.1, offered: 1000, abandoned: 50, serviceLevel: 0.7 },
      { customersLost: 90, churnRate: 0.18, complaints: 15, journeysAnswered: 905, onlineShare: 0.2, offered: 950, abandoned: 40, serviceLevel: 0.8 },
    );
    expect(differences).toEqual({ customersLost: -10, complaints: -5, salesContacts: 5, offline: 760 - 900, online: 190 - 100, abandoned: -10, serviceLevel: expect.closeTo(0.1, 12) });
    expect(levels).toEqual({ journeys: 500, churn: 0.2 });
    expect(missing).toEqual([]);
  });

  it("falls back on rates × offered contacts and names what the engine does not report", () => {
    const result = phaseDifferences({ offered: 1000, repeatRate: 0.2, churnRate: 0.05, complaintRate: 0.03 }, { offered: 1000, repeatRate: 0.2, churnRate: 0.04, complaintRate: 0.02 });
    expect(result.differences.customersLost).toBeCloseTo(800 * -0.01, 9);
    expect(result.differences.complaints).toBeCloseTo(-10, 9);
    expect(result.missing).toEqual(["sales", "channelSubstitution"]);
  });
});

describe("retention: customers kept accumulate, each leaving at a constant monthly hazard", () => {
  it("matches a brute-force double integral of e^(−a(t − s)) over cohorts and months", () => {
    const a = monthlyHazard(0.3, 12);
    expect(1 - Math.exp(-a * 12)).toBeCloseTo(0.3, 12);
    const brute = (s0: number, s1: number, t0: number, t1: number) => {
      const steps = 1000;
      let sum = 0;
      for (let i = 0; i < steps; i++) {
        const t = t0 + ((i + 0.5) * (t1 - t0)) / steps;
        for (let j = 0; j < steps; j++) {
          const s = s0 + ((j + 0.5) * (s1 - s0)) / steps;
          if (s < t) sum += Math.exp(-a * (t - s));
        }
      }
      return (sum * (t1 - t0) * (s1 - s0)) / steps / steps;
    };
    for (const [s0, s1, t0, t1] of [[0, 12, 3, 4], [2, 5, 0, 12], [2, 5, 6, 7], [0.5, 1.5, 1, 2]] as const) {
      // The midpoint rule's error at the kink s = t is about 1/1000 of the integral.
      expect(Math.abs(cohortCustomerMonths(a, s0, s1, t0, t1) / brute(s0, s1, t0, t1) - 1)).toBeLessThan(2e-3);
    }
  });

  it("keeps none at once and the whole churn difference H months after a contact; tends to τ/H for a small churn", () => {
    // One cohort of 1,000 customers a month over the first month; churn 30% → 28% over a 12-month horizon.
    const kept = keptCustomers([{ startMonth: 0, endMonth: 1, customersPerMonth: 1000, churnBaseline: 0.3, churnIntervention: 0.28, keptPerMonth: 20 }], 13, [0, 1, 13]);
    // At the horizon's end (12 to 13 months after the cohort), 1,000 × (0.72 … 0.7 scaled) are still kept: about 20.
    expect(kept.atHorizonEnd).toBeGreaterThan(19);
    expect(kept.atHorizonEnd).toBeLessThan(21);
    // The small-churn limit agrees with the exact model when churn is small.
    const exact = keptCustomers([{ startMonth: 0, endMonth: 12, customersPerMonth: 1e6, churnBaseline: 2e-5, churnIntervention: 1e-5, keptPerMonth: 10 }], 12, [0, 6, 12]);
    const limit = keptCustomers([{ startMonth: 0, endMonth: 12, customersPerMonth: null, churnBaseline: null, churnIntervention: null, keptPerMonth: 10 }], 12, [0, 6, 12]);
    exact.customerMonths.forEach((value, p) => expect(value / limit.customerMonths[p]! - 1).toBeLessThan(1e-4));
    // Cohorts over the year keep 10 × ∫₀¹² t/12 dt = 60 at the end, and 10 × 12³/(6 × 12) = 240 customer-months.
    expect(limit.atHorizonEnd).toBeCloseTo(60, 9);
    expect(limit.customerMonths[0]! + limit.customerMonths[1]!).toBeCloseTo(240, 9);
  });

  it("books each kept customer-month at the monthly margin and reports the customers still kept apart, never booked", () => {
    const m = money({ customerLifetimeValue: 360, customerLifetimeMonths: 36, horizonMonths: 12 });
    // 10 fewer customers lost per week, of 500 journeys a week at 20% churn.
    const priced = priceReplication({ money: m, costs: totalCosts([], "USD"), phases: [phase({ customersLost: -10 }, { journeys: 500, churn: 0.2 })] });
    const kept = keptCustomers(
      [{ startMonth: 0, endMonth: Infinity, customersPerMonth: 500 * WEEKS_PER_MONTH, churnBaseline: 0.2, churnIntervention: 0.18, keptPerMonth: 10 * WEEKS_PER_MONTH }],
      12,
      [0, 12],
    );
    expect(priced.benefits.retention).toBeCloseTo(kept.customerMonths[0]! * 10, 6);
    expect(priced.customersKeptAtHorizonEnd).toBeCloseTo(kept.atHorizonEnd, 6);
    expect(priced.retentionBeyondHorizon).toBeCloseTo(kept.atHorizonEnd * 360, 6);
    // Far less than booking each kept customer's whole lifetime value when kept (520 × 360 = 187,200).
    expect(priced.benefits.retention).toBeLessThan(0.1 * 520 * 360);
    expect(priced.effects.customersKept).toBeCloseTo(520, 9);
    expect(priced.npvPerCustomerValue * 360).toBeCloseTo(priced.benefits.retention, 6);
  });
});

describe("priceReplication", () => {
  it("values complaints avoided, problems answered and the variable contact cost saved", () => {
    const priced = priceReplication({
      money: money({ costPerComplaint: 50, revenuePerAnsweredContact: 2, costPerContactOffline: 10, costPerContactOnline: 2, horizonMonths: 12 }),
      costs: totalCosts([], "USD"),
      phases: [phase({ complaints: -5, salesContacts: 10, offline: -110, online: 80 })],
    });
    expect(priced.benefits.complaints).toBeCloseTo(250 * 52, 6);
    expect(priced.benefits.sales).toBeCloseTo(20 * 52, 6);
    // Offline 110 fewer at 10, online 80 more at 2: 1,100 − 160 saved a week.
    expect(priced.benefits.channelSubstitution).toBeCloseTo(940 * 52, 6);
  });

  it("counts fewer repeat contacts as a saving, not a loss (the old count of contacts moved online lost money here)", () => {
    const before = { offered: 1000, onlineShare: 0.3 };
    const after = { offered: 900, onlineShare: 0.3 };
    const { differences } = phaseDifferences(before, after);
    const priced = priceReplication({ money: money({ costPerContactOffline: 5, costPerContactOnline: 1 }), costs: totalCosts([], "USD"), phases: [phase(differences)] });
    expect(priced.benefits.channelSubstitution).toBeCloseTo((70 * 5 + 30 * 1) * 52, 6);
  });

  it("gives no ROI and no payback when no benefit is priced, nor a payback when the option costs nothing", () => {
    const unpriced = priceReplication({ money: money(), costs: totalCosts([line("perWeek", 100)], "USD"), phases: [phase({ serviceLevel: 0.05, abandoned: -20 })] });
    expect(unpriced).toMatchObject({ roi: null, benefitCostRatio: null, paybackMonth: null, breakEvenWeek: null });
    expect(unpriced.effects).toMatchObject({ serviceLevelPoints: expect.closeTo(5, 9), abandonsAvoided: expect.closeTo(20 * 52, 6) });
    const free = priceReplication({ money: salesMoney(), costs: totalCosts([], "USD"), phases: [phase({ salesContacts: 5 })] });
    expect(free).toMatchObject({ paybackMonth: null, roi: null, saving: -0 });
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

  it("gives a null payback when the horizon ends at or below zero, and counts a dip that recovers", () => {
    const [before, after] = answered(500);
    const never = moneyReplications({ money: salesMoney(), costLines: [line("oneOff", 100_000)], phases: [steady([before], [after])] });
    expect(never.replications[0]!.paybackMonth).toBeNull();
    expect(never.replications[0]!.breakEvenWeek).toBeNull();
    // A tiny cost; 8 weeks losing 100 a week, then gaining 100: back to 0 after week 16, i.e. in month 4.
    const dip: PhaseKpis = { ...steady([before], [{ journeysAnswered: 900 }]), label: "dip", weeks: 8 };
    const recovery: PhaseKpis = { ...steady([before], [{ journeysAnswered: 1100 }]), startWeek: 8 };
    const result = moneyReplications({ money: salesMoney(), costLines: [line("oneOff", 1e-6)], phases: [dip, recovery] });
    expect(result.replications[0]!.breakEvenWeek).toBe(16);
    expect(result.replications[0]!.paybackMonth).toBe(4);
    expect(result.replications[0]!.months[0]!.benefit).toBeCloseTo(-100 * WEEKS_PER_MONTH, 9);
  });

  it("finds payback and break-even as one moment, so a dip between a month's end and a week's end cannot split them", () => {
    // 10,000 up front; +500 a week to week 22, −2,000 in week 23, +500 a week after. The net is ≥ 0 at the ends of
    // months 5 (week 21.7) and 6 (week 26), but below 0 at the ends of weeks 23 and 24: it stays ≥ 0 from week 25 on.
    // A monthly grid alone said month 5, a weekly one week 25 (in month 6): two answers to "when does it pay back".
    const [before] = answered(0);
    const span = (startWeek: number, weeks: number | null, gain: number): PhaseKpis => ({ ...steady([before], [{ journeysAnswered: 1000 + gain }]), label: `from ${startWeek}`, startWeek, weeks });
    const { replications } = moneyReplications({ money: salesMoney(), costLines: [line("oneOff", 10_000)], phases: [span(0, 22, 500), span(22, 1, -2000), span(23, null, 500)] });
    expect(replications[0]!.months[4]!.cumulativeNet).toBeGreaterThan(0);
    expect(replications[0]!.breakEvenWeek).toBe(25);
    expect(replications[0]!.paybackMonth).toBe(6);
  });

  it("names the week and the month that hold one moment: the week always falls in or touches the payback month", () => {
    // Up-front costs from 1,000 to 25,750 against 500 a week: every break-even week from 2 to 52.
    const [before, after] = answered(500);
    for (let cost = 1000; cost < 26_000; cost += 250) {
      const { replications } = moneyReplications({ money: salesMoney(), costLines: [line("oneOff", cost)], phases: [steady([before], [after])] });
      const { breakEvenWeek: week, paybackMonth: month } = replications[0]!;
      expect(week).toBe(Math.ceil(cost / 500 - 1e-9));
      // Week w is (w − 1, w]; month m is ((m − 1)·52/12, m·52/12]: they overlap.
      expect(week! - 1).toBeLessThan(month! * WEEKS_PER_MONTH);
      expect(week!).toBeGreaterThan((month! - 1) * WEEKS_PER_MONTH);
    }
    expect(monthOfMoment(23)).toBe(6);
    expect(monthOfMoment(13)).toBe(3);
    expect(weekOfMoment(21.67)).toBe(22);
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
    const { replications } = moneyReplications({ money: salesMoney({ discountRatePerYear: 0.12 }), costLines: [line("oneOff", 12_000)], phases: [steady([before], [after])] });
    let expected = -12_000;
    for (let month = 1; month <= 12; month++) expected += 1200 * 1.12 ** (-month / 12);
    expect(replications[0]!.npv).toBeCloseTo(expected, 8);
  });

  it("ends a fractional horizon with a partial month", () => {
    const [before, after] = answered(100);
    const { replications } = moneyReplications({ money: salesMoney({ horizonMonths: 1.5 }), costLines: [line("perMonth", 10)], phases: [steady([before], [after])] });
    expect(replications[0]!.months).toHaveLength(2);
    expect(replications[0]!.months[1]!.cost).toBeCloseTo(5, 12);
    expect(replications[0]!.totalBenefit).toBeCloseTo(100 * 1.5 * WEEKS_PER_MONTH, 9);
  });

  it("refuses unpaired phases and cost lines in another currency; lists valued benefits the engine cannot count", () => {
    expect(() => moneyReplications({ money: salesMoney(), costLines: [], phases: [steady([{}, {}], [{}])] })).toThrow(
      'invalid phase "steady state": 2 baseline and 1 intervention replications; expected 2 of each, paired',
    );
    expect(() => moneyReplications({ money: salesMoney(), costLines: [{ ...line("oneOff", 1), currency: "EUR" }], phases: [] })).toThrow(/expected the scenario's currency USD/);
    const { notCounted } = moneyReplications({ money: money({ customerLifetimeValue: 900 }), costLines: [], phases: [steady([{ answered: 1 }], [{ answered: 2 }])] });
    expect(notCounted).toEqual(["retention"]);
  });
});
