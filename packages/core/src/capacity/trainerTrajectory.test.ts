import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../schema/parseScenario.js";
import type { Scenario } from "../schema/scenario.js";
import { CAPACITY_FIELD, CAPACITY_FIELDS } from "./capacityReplication.js";
import { trainerTrajectory } from "./trainerTrajectory.js";

const raw = JSON.parse(readFileSync(new URL("../../../../test/fixtures/capacity-small.json", import.meta.url), "utf8"));
// A kept would-be leaver stays on average half the 12-month horizon (the retention model's small-churn limit) and earns
// 100 / 6 a month: 100 a customer kept, so the figures below stay round.
raw.money = { wagePerHour: 24, customerLifetimeValue: 100, customerLifetimeMonths: 6 };
raw.interventions = [{ kind: "training", name: "Coaching", hoursOffFloor: 8, classWeeks: 1, learningCurveWeeks: 0, costPerTrainee: 50 }];
const parsed = parseScenario(raw);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const scenario: Scenario = parsed.scenario;

/** A replication row whose every week has these KPIs. */
function row(values: Partial<Record<(typeof CAPACITY_FIELDS)[number], number>>[]): Float64Array {
  const width = CAPACITY_FIELDS.length;
  const out = new Float64Array(6 * width);
  values.forEach((week, w) => {
    for (const [field, value] of Object.entries(week)) out[w * width + CAPACITY_FIELD[field as keyof typeof CAPACITY_FIELD]] = value!;
  });
  return out;
}

describe("trainerTrajectory", () => {
  it("pairs the KPIs week by week, prices the intervention from its start week and finds the break-even week", () => {
    // Customers lost: 50 a week without the training; with it 50 until it starts (week 2), 60 in class (week 2),
    // then 40: the benefit is −10 × 100 in week 2, then +10 × 100 a week. Cost: 10 trainees (the shifts' 5 + 5) × 50 = 500
    // in week 2.
    const lost = (value: number) => ({ customersLost: value, serviceLevel: 0.8, csat: 0.7, aht: 300, fcr: 0.8 });
    const baseline = row(Array.from({ length: 6 }, () => lost(50)));
    const withIt = row([lost(50), lost(60), lost(40), lost(40), lost(40), lost(40)]);
    const trajectory = trainerTrajectory({ scenario, intervention: { name: "Coaching", startWeek: 2 }, baselineRows: [baseline, baseline], interventionRows: [withIt, withIt] });
    expect(trajectory.weeks[0]!.stage).toBeNull();
    expect(trajectory.weeks[1]!.stage).toMatchObject({ inClass: true, classShare: 1 });
    expect(trajectory.weeks.map((week) => week.cost)).toEqual([0, 500, 0, 0, 0, 0]);
    const rounded = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6 + 0);
    expect(trajectory.weeks.map((week) => rounded(week.benefit.mean))).toEqual([0, -1000, 1000, 1000, 1000, 1000]);
    expect(trajectory.weeks.map((week) => rounded(week.cumulativeNet.mean))).toEqual([0, -1500, -500, 500, 1500, 2500]);
    expect(trajectory.breakEvenWeek).toMatchObject({ mean: 4, n: 2 });
    expect(trajectory.breakEvenShare).toBe(1);
    expect(trajectory.weeks[3]!.kpis.serviceLevel.delta.mean).toBe(0);
  });

  it("gives the break-even week's P10–P90 as whole weeks some future reached, never one between two weeks", () => {
    // Futures that break even in weeks 3, 4 and 5 (the benefit of week 2 on: 1,500, 1,000 or 750 a week). Interpolated,
    // their P10 would be week 3.2.
    const lost = (value: number) => ({ customersLost: value, serviceLevel: 0.8, csat: 0.7, aht: 300, fcr: 0.8 });
    const baseline = row(Array.from({ length: 6 }, () => lost(50)));
    const gaining = (fewer: number) => row([lost(50), lost(50 - fewer), lost(50 - fewer), lost(50 - fewer), lost(50 - fewer), lost(50 - fewer)]);
    const futures = [gaining(3), gaining(2), gaining(1.5)];
    const trajectory = trainerTrajectory({ scenario, intervention: { name: "Coaching", startWeek: 2 }, baselineRows: futures.map(() => baseline), interventionRows: futures });
    expect(trajectory.breakEvenWeek).toMatchObject({ mean: 4, p10: 3, p50: 4, p90: 5, n: 3 });
  });

  it("looks for no break-even week when no benefit is priced or nothing costs (a net of 0 is no payback)", () => {
    const flat = row(Array.from({ length: 6 }, () => ({ customersLost: 50 })));
    const unpriced = parseScenario({ ...raw, money: { wagePerHour: 24 } });
    if (!unpriced.ok) throw new Error(JSON.stringify(unpriced.issues));
    const none = trainerTrajectory({ scenario: unpriced.scenario, intervention: { name: "Coaching", startWeek: 1 }, baselineRows: [flat], interventionRows: [flat] });
    expect(none).toMatchObject({ noBreakEven: "no benefit is priced", breakEvenShare: 0 });
    expect(none.breakEvenWeek.n).toBe(0);
    const free = parseScenario({ ...raw, interventions: [{ ...raw.interventions[0], costPerTrainee: 0 }] });
    if (!free.ok) throw new Error(JSON.stringify(free.issues));
    expect(trainerTrajectory({ scenario: free.scenario, intervention: { name: "Coaching", startWeek: 1 }, baselineRows: [flat], interventionRows: [flat] })).toMatchObject({ noBreakEven: "it costs nothing extra", breakEvenShare: 0 });
  });

  it("says when a replication never breaks even", () => {
    const flat = row(Array.from({ length: 6 }, () => ({ customersLost: 50 })));
    const trajectory = trainerTrajectory({ scenario, intervention: { name: "Coaching", startWeek: 1 }, baselineRows: [flat], interventionRows: [flat] });
    expect(trajectory.breakEvenShare).toBe(0);
    expect(trajectory.breakEvenWeek.n).toBe(0);
  });
});
