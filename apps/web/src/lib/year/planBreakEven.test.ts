import type { KpiSummary } from "@ccplan/core";
import { describe, expect, it } from "vitest";
import { paybackHelp } from "../results/paybackText";
import { PLAN_WEEKS_NOTE, planBreakEven } from "./planBreakEven";

const summary = (mean: number | null, p10: number | null, p50: number | null, p90: number | null, n = 20): KpiSummary => ({ mean, ci95: null, p10, p50, p90, n });
const weekDates = Array.from({ length: 52 }, (_, w) => `${w + 1} Jan 2027`);

describe("the Year view's break-even plan week", () => {
  it("names the plan week, its date, its P10–P90 in plan weeks and the plan week the intervention starts in", () => {
    const text = planBreakEven({ intervention: "Coaching", startWeek: 5, breakEvenWeek: summary(23.4, 20, 23, 27), breakEvenShare: 0.85, weekDates });
    expect(text).toEqual({
      before: "“Coaching” breaks even in ",
      week: "plan week 23",
      after: " (the week of 23 Jan 2027; median, P10 to P90: plan weeks 20 to 27) in 85.0% of simulated futures within the planned weeks; it starts in plan week 5.",
    });
  });

  it("leaves the date out for a plan without dates, and says nothing when no future breaks even", () => {
    const undated = planBreakEven({ intervention: "Coaching", startWeek: 5, breakEvenWeek: summary(23, 23, 23, 23), breakEvenShare: 1, weekDates: weekDates.map(() => null) });
    expect(undated?.after).toMatch(/^ \(median, P10 to P90: plan weeks 23 to 23\)/);
    expect(planBreakEven({ intervention: "Coaching", startWeek: 5, breakEvenWeek: summary(null, null, null, null, 0), breakEvenShare: 0, weekDates })).toBeNull();
  });

  it("tells the two break-even weeks apart in both places: each says what it counts from and names the other", () => {
    expect(PLAN_WEEKS_NOTE).toMatch(/numbered from the plan's first week \(plan week 1\)/);
    expect(PLAN_WEEKS_NOTE).toMatch(/money cards is another count: the option's own weeks from its start \(week 1 = its first week\)/);
    const help = paybackHelp({ paybackMonth: summary(5.7, 5, 6, 7), breakEvenWeek: summary(23.1, 19, 23, 28) })!;
    expect(help).toMatch(/^One moment, counted two ways from the option's start \(week 1 and month 1 are its first\)/);
    expect(help).toMatch(/the Year view's break-even plan week is another count: a week of the capacity plan, numbered from the plan's first week/);
  });
});
