import type { DeltaStatistics, InterventionMoney, KpiSummary } from "@ccplan/core";
import { describe, expect, it } from "vitest";
import { optionSentence } from "./optionSentence";

const summary = (mean: number | null, ci95: [number, number] | null = null, p10: number | null = null, p90: number | null = null): KpiSummary => ({ mean, ci95, p10, p50: mean, p90, n: 100 });
const money = (fields: Partial<InterventionMoney>): InterventionMoney =>
  ({
    replications: 100,
    horizonMonths: 12,
    benefitPriced: true,
    totalBenefit: summary(500_000),
    totalCost: summary(60_000),
    probPaybackWithinHorizon: summary(0.97),
    paybackMonth: summary(5.7, [5.5, 5.9], 4, 7),
    ...fields,
  }) as InterventionMoney;
const serviceLevel = (mean: number, ci95: [number, number], significant = true): DeltaStatistics => ({ ...summary(mean, ci95), variance: 0.0001, significant, effect: significant ? "better" : null, varianceReduction: null });

describe("optionSentence", () => {
  it("says a training's service-level change at full effect with its CI, then when it pays back, with its CI and spread", () =>
    expect(optionSentence({ name: "Training", money: money({}), serviceLevel: serviceLevel(0.091, [0.087, 0.094]), fullEffectWeek: 5 })).toBe(
      "Training: service level +9.1 pt at full effect, reached after 5 weeks (95% CI +8.7 to +9.4 pt); pays back within the 12-month horizon in 97.0% of 100 simulated years, in month 5.7 on average (95% CI 5.5 to 5.9; P10–P90 months 4 to 7).",
    ));
  it("puts a training's service level over the horizon, class weeks counted, before its change at full effect", () =>
    expect(
      optionSentence({ name: "Training", money: money({ serviceLevelChange: summary(-0.0073, [-0.009, -0.0056]) }), serviceLevel: serviceLevel(0.091, [0.087, 0.094]), fullEffectWeek: 5 }),
    ).toMatch(/^Training: service level −0\.73 pt over the 12 months, every week counted \(95% CI −0\.90 to −0\.56 pt\); \+9\.1 pt at full effect, reached after 5 weeks \(95% CI \+8\.7 to \+9\.4 pt\); pays back/));
  it("gives an option without a timeline its change once, as the KPI table does", () =>
    expect(
      optionSentence({ name: "+4 agents", money: money({ serviceLevelChange: summary(0.025, [0.02, 0.03]) }), serviceLevel: serviceLevel(0.025, [0.023, 0.027]), fullEffectWeek: null }),
    ).toMatch(/^\+4 agents: service level \+2\.5 pt \(95% CI \+2\.3 to \+2\.7 pt\); pays back/));
  it("says the payback month whole where every year that pays back does so in the same month, not a zero-width CI", () => {
    const same = (n: number): KpiSummary => ({ mean: 2, ci95: [2, 2], p10: 2, p50: 2, p90: 2, n });
    expect(optionSentence({ name: "Fee", money: money({ probPaybackWithinHorizon: summary(1), paybackMonth: same(100) }), serviceLevel: undefined, fullEffectWeek: null })).toBe(
      "Fee: pays back within the 12-month horizon in 100.0% of 100 simulated years, in month 2 in every one of them.",
    );
    expect(optionSentence({ name: "Fee", money: money({ probPaybackWithinHorizon: summary(0.85), paybackMonth: same(85) }), serviceLevel: undefined, fullEffectWeek: null })).toBe(
      "Fee: pays back within the 12-month horizon in 85.0% of 100 simulated years, in month 2 in each of those 85.",
    );
  });
  it("says when an option never pays back within the horizon", () =>
    expect(
      optionSentence({
        name: "+4 agents",
        money: money({ probPaybackWithinHorizon: summary(0), paybackMonth: summary(null) }),
        serviceLevel: serviceLevel(0.025, [0.023, 0.027]),
        fullEffectWeek: null,
      }),
    ).toBe("+4 agents: service level +2.5 pt (95% CI +2.3 to +2.7 pt); does not pay back within the 12-month horizon in any of 100 simulated years."));
  it("says a service level no replication moves is unchanged, not a zero-width CI", () =>
    expect(
      optionSentence({ name: "Product training", money: money({ serviceLevelChange: summary(-0.0073, [-0.0075, -0.0072]) }), serviceLevel: serviceLevel(0, [0, 0], false), fullEffectWeek: 7 }),
    ).toMatch(/^Product training: service level −0\.73 pt over the 12 months, every week counted \(95% CI −0\.75 to −0\.72 pt\), all of it in its first 7 weeks; unchanged at full effect, reached after 7 weeks, in every replication; pays back/));
  it("says what a training that moves satisfaction alone does and does not move, rather than a 0.0 to 0.0 CI", () => {
    const text = optionSentence({
      name: "Product training",
      money: money({ serviceLevelChange: summary(-0.0073, [-0.0075, -0.0072]) }),
      serviceLevel: serviceLevel(0, [0, 0], false),
      fullEffectWeek: 7,
      levers: [
        { lever: "handleTime", reachesQueue: true, moves: false },
        { lever: "firstContactResolution", reachesQueue: true, moves: false },
        { lever: "satisfaction", reachesQueue: false, moves: true },
      ],
    });
    expect(text).toContain(
      "; unchanged at full effect, reached after 7 weeks, in every replication: as entered it changes satisfaction, which the queue does not depend on, and not handle time or first-contact resolution (with it, repeat contacts); pays back",
    );
    expect(text).not.toMatch(/0\.0 to 0\.0|0\.0 pt/);
  });
  it("says an option entered with no effect changes nothing", () =>
    expect(
      optionSentence({
        name: "Training programme",
        money: money({ benefitPriced: false, serviceLevelChange: summary(-0.002, [-0.0025, -0.0015]) }),
        serviceLevel: serviceLevel(0, [0, 0], false),
        fullEffectWeek: 18,
        levers: [
          { lever: "handleTime", reachesQueue: true, moves: false },
          { lever: "firstContactResolution", reachesQueue: true, moves: false },
          { lever: "satisfaction", reachesQueue: false, moves: false },
        ],
      }),
    ).toContain(
      "unchanged at full effect, reached after 18 weeks, in every replication: as entered it changes nothing, not handle time, first-contact resolution (with it, repeat contacts) or satisfaction;",
    ));
  it("gives no reason when the option moves something the queue depends on", () =>
    expect(
      optionSentence({
        name: "Later starts",
        money: money({}),
        serviceLevel: serviceLevel(0, [0, 0], false),
        fullEffectWeek: null,
        levers: [{ lever: "staffing", reachesQueue: true, moves: true }],
      }),
    ).toMatch(/^Later starts: service level unchanged in every replication; pays back/));
  it("says when no benefit is priced, and when a change is not clear", () =>
    expect(
      optionSentence({ name: "Later starts", money: money({ benefitPriced: false }), serviceLevel: serviceLevel(0.001, [-0.002, 0.004], false), fullEffectWeek: null }),
    ).toBe("Later starts: service level +0.10 pt (95% CI −0.20 to +0.40 pt), no clear change; no benefit is priced, so no payback."));
});
