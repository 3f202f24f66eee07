import { describe, expect, it } from "vitest";
import type { ComparisonView } from "../run/comparisonView";
import { fullEffectWeek, weekText } from "./fullEffect";

const phase = (label: string, startWeek: number, weeks: number | null) => ({ label, startWeek, weeks, kpis: {}, deltas: {} });
const view = {
  scenarios: [{ name: "Baseline" }, { name: "+4 agents" }, { name: "Training" }],
  money: [
    { name: "+4 agents", phases: [phase("steady state", 0, null)] },
    { name: "Training", phases: [phase("in class", 0, 1), phase("learning curve 25%", 1, 2), phase("learning curve 75%", 3, 2), phase("steady state", 5, null)] },
  ],
} as unknown as ComparisonView;

describe("fullEffectWeek", () => {
  it("is the steady state's first week for an intervention with a timeline", () => expect(fullEffectWeek(view, 2)).toBe(5));
  it("is null for the baseline and for an intervention in force from day one", () => {
    expect(fullEffectWeek(view, 0)).toBeNull();
    expect(fullEffectWeek(view, 1)).toBeNull();
  });
  it("is null for a column with no timeline of its own (a kept run set against another)", () =>
    expect(fullEffectWeek({ ...view, scenarios: [{ name: "Run 1" }, { name: "Run 2" }] } as unknown as ComparisonView, 1)).toBeNull());
});

describe("weekText", () => {
  it("writes whole weeks without decimals and half weeks with one", () => {
    expect(weekText(5)).toBe("week 5");
    expect(weekText(2.5)).toBe("week 2.5");
  });
});
