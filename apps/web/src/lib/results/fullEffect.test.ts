import { describe, expect, it } from "vitest";
import type { ComparisonView } from "../run/comparisonView";
import { afterWeeksText, firstWeeksText, fullEffectWeek, weeksText } from "./fullEffect";

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

describe("weeksText", () => {
  it("writes weeks elapsed, whole without decimals and half with one, never as a week number", () => {
    expect(weeksText(5)).toBe("5 weeks");
    expect(weeksText(2.5)).toBe("2.5 weeks");
    expect(weeksText(1)).toBe("1 week");
    expect(afterWeeksText(7)).toBe("after 7 weeks");
    expect(firstWeeksText(1)).toBe("its first week");
    expect(firstWeeksText(7)).toBe("its first 7 weeks");
  });
});
