import { describe, expect, it } from "vitest";
import { createPhaseRunner } from "../economics/simulatePhase.js";
import { parseScenario } from "../schema/parseScenario.js";
import type { Scenario } from "../schema/scenario.js";
import { summarize } from "../stats/summary.js";
import { tinyRosterInput } from "../roster/testing/tinyScenario.js";
import { anchoredScenario, anchoredValue, anchorToCenter, checkCenterFigures } from "./anchorToCenter.js";

function tinyCenter(seed: number): Scenario {
  const parsed = parseScenario({ ...tinyRosterInput(), seed });
  if (!parsed.ok) throw new Error("tiny scenario invalid");
  return parsed.scenario;
}

// A center that observes CSAT 76% from 400 survey answers (95% sampling error ±4.2 points), churn 15% of 2,000
// customers, NPS 20 from 300 answers and 1.5% complaints per contact over 3,000 contacts.
const figures = { csat: { value: 0.76, count: 400 }, churn: { value: 0.15, count: 2000 }, nps: { value: 20, count: 300 }, complaintRate: { value: 0.015, count: 3000 } };
const runPhase = createPhaseRunner();
const scenario = tinyCenter(3);
const anchoring = await anchorToCenter({ scenario, figures, replications: 8, runPhase });
const parameter = (path: string) => anchoring.parameters.find((entry) => entry.path === path)!;

describe("anchoring the experience model to a center's own figures", () => {
  it("reproduces the entered CSAT within its survey error, on fresh replications", () => {
    // Other seeds than the solve's: the anchored model's expected CSAT (its 95% CI) lies within 76% ± 1.96·√(0.76·0.24/400).
    const error = 1.959963984540054 * Math.sqrt((0.76 * 0.24) / 400);
    const fresh = anchoredScenario(tinyCenter(11), anchoring);
    const csat = summarize(runPhase({ scenario: fresh, replications: 12, pairedWith: [fresh], recipe: { scenario: fresh, assumptions: "fixed" } }).map((sample) => sample.csatExpected as number));
    expect(csat.ci95![0]).toBeGreaterThan(0.76 - error);
    expect(csat.ci95![1]).toBeLessThan(0.76 + error);
    const fit = anchoring.fit.find((entry) => entry.figure === "csat")!;
    expect(fit.observedRange[0]).toBeCloseTo(0.76 - error, 12);
    expect(Math.abs(fit.after.mean! - 0.76)).toBeLessThan(0.002);
    // Before anchoring, the reference center's 75% gave this center about 78%.
    expect(fit.before.mean!).toBeGreaterThan(0.77);
    expect(fit.limit).toBeNull();
  });

  it("moves the reference center's CSAT, with a range from the survey's sampling error around it", async () => {
    const reference = parameter("experience.referenceCsat");
    expect(reference.value).not.toBeCloseTo(0.75, 2);
    expect(reference.low).toBeLessThan(reference.value);
    expect(reference.high).toBeGreaterThan(reference.value);
    expect(reference.source).toContain("400 survey answers");
    // Fewer answers, a wider range.
    const few = (await anchorToCenter({ scenario, figures: { csat: { value: 0.76, count: 100 } }, replications: 8, runPhase })).parameters[0]!;
    expect(few.value).toBeCloseTo(reference.value, 3);
    // Twice the error (√(400/100)); the scale is not quite linear, so somewhat less or more than twice the range.
    expect(few.high - few.low).toBeGreaterThan(1.7 * (reference.high - reference.low));
  });

  it("writes each anchored parameter graded measured, with its sampling range, and a range of no width as a graded value", () => {
    const reference = parameter("experience.referenceCsat");
    expect(anchoredValue(reference)).toEqual({
      uncertain: "triangular",
      low: Number(reference.low.toPrecision(6)),
      mode: Number(reference.value.toPrecision(6)),
      high: Number(reference.high.toPrecision(6)),
      grade: "measured",
      source: reference.source,
    });
    expect(anchoredValue({ ...reference, low: reference.value, high: reference.value })).toEqual({ value: Number(reference.value.toPrecision(6)), grade: "measured", source: reference.source });
  });

  it("sets the churn shares' level with their ratio held, and reproduces the churn", () => {
    const satisfied = parameter("experience.loyalty.satisfied.churn");
    const dissatisfied = parameter("experience.loyalty.dissatisfied.churn");
    expect(dissatisfied.value / satisfied.value).toBeCloseTo(3, 9);
    expect(anchoring.fit.find((entry) => entry.figure === "churn")!.after.mean).toBeCloseTo(0.15, 3);
  });

  it("sets the promoter shares' level for the NPS, and the complaint propensity for the complaint rate", () => {
    expect(parameter("experience.loyalty.satisfied.promoters").value / parameter("experience.loyalty.dissatisfied.promoters").value).toBeCloseTo(11, 9);
    expect(anchoring.fit.find((entry) => entry.figure === "nps")!.after.mean).toBeCloseTo(20, 0);
    expect(anchoring.fit.find((entry) => entry.figure === "complaintRate")!.after.mean! / 0.015).toBeCloseTo(1, 2);
  });

  it("says when a figure is out of the model's reach, and rejects figures that are not figures", async () => {
    const unreachable = await anchorToCenter({ scenario, figures: { csat: { value: 0.9, count: 400 }, churn: { value: 0.99, count: 100 } }, replications: 4, runPhase });
    expect(unreachable.fit.find((entry) => entry.figure === "churn")!.limit).toMatch(/above 100%/);
    // This small center abandons about 15% of its calls, counted dissatisfied: its CSAT tops out near 85%.
    expect(unreachable.fit.find((entry) => entry.figure === "csat")!.limit).toMatch(/cannot reach 90.0%/);
    expect(unreachable.parameters[0]!.value).toBeCloseTo(0.95, 9);
    expect(checkCenterFigures({ csat: { value: 82, count: 400 } })).toBe("csat: 82 is not a share strictly between 0 and 1");
    expect(checkCenterFigures({ csat: { value: 0.82, count: 0 } })).toMatch(/survey count 0/);
  });
});
