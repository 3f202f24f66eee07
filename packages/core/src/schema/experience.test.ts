import { describe, expect, it } from "vitest";
import { DEFAULT_EXPERIENCE, DEFAULT_EXPERIENCE_SPEC, experienceSchema } from "./experience.js";
import { centralValue, isGradedValue, isUncertainSpec, resolveCentral } from "./uncertain.js";

describe("experienceSchema", () => {
  it("defaults every field, with the articles' effect sizes", () => {
    expect(DEFAULT_EXPERIENCE).toMatchObject({
      referenceCsat: 0.75,
      surveyResponseRate: 0.15,
      abandoned: "dissatisfied",
      wait: { curve: "linear", changePerMinute: -0.05, floor: 0.2, midpointMinutes: 3 },
      resolutionTime: { changePerTenPercentCut: 0.08, referenceHours: 24 },
      repeats: { changePerFivePointsFewer: 0.06, referenceRepeatRate: 0.2, referenceDelayHours: 6 },
      effects: [],
      complaints: { dissatisfiedPropensity: 0.04, resolutionTimeElasticity: 0.1 },
      loyalty: { satisfied: { promoters: 0.55, detractors: 0.1, churn: 0.1 }, dissatisfied: { promoters: 0.05, detractors: 0.7, churn: 0.3 } },
    });
  });

  it("fills nested defaults around the fields a file gives", () => {
    const parsed = resolveCentral(experienceSchema.parse({ wait: { curve: "logistic" }, loyalty: { satisfied: { churn: 0.05 } } }));
    expect(parsed.wait).toEqual({ curve: "logistic", changePerMinute: -0.05, floor: 0.2, midpointMinutes: 3 });
    expect(parsed.loyalty.satisfied).toEqual({ promoters: 0.55, detractors: 0.1, churn: 0.05 });
  });

  it("gives the articles' rules their figure, graded article, and every assumption a range centred on the old point default", () => {
    const spec = DEFAULT_EXPERIENCE_SPEC;
    for (const rule of [spec.wait.changePerMinute, spec.resolutionTime.changePerTenPercentCut, spec.repeats.changePerFivePointsFewer]) {
      expect(isGradedValue(rule) && rule.grade === "article" && rule.source).toBeTruthy();
    }
    const assumptions = [
      spec.referenceCsat,
      spec.surveyResponseRate,
      spec.wait.floor,
      spec.wait.midpointMinutes,
      spec.resolutionTime.referenceHours,
      spec.repeats.referenceRepeatRate,
      spec.complaints.dissatisfiedPropensity,
      spec.complaints.resolutionTimeElasticity,
      ...Object.values(spec.loyalty.satisfied),
      ...Object.values(spec.loyalty.dissatisfied),
    ];
    for (const value of assumptions) expect(isUncertainSpec(value) && value.grade === "assumption" && value.source).toBeTruthy();
    expect(assumptions.map((value) => centralValue(value))).toEqual([0.75, 0.15, 0.2, 3, 24, 0.2, 0.04, 0.1, 0.55, 0.1, 0.1, 0.05, 0.7, 0.3]);
  });

  it("rejects unknown keys, effects without a source, and promoters + detractors above 1", () => {
    expect(experienceSchema.safeParse({ waitt: {} }).success).toBe(false);
    expect(experienceSchema.safeParse({ effects: [{ name: "x", relativeChange: 0.1 }] }).success).toBe(false);
    expect(experienceSchema.safeParse({ effects: [{ name: "x", relativeChange: -1, source: "s" }] }).success).toBe(false);
    expect(experienceSchema.safeParse({ loyalty: { satisfied: { promoters: 0.8, detractors: 0.3 } } }).success).toBe(false);
  });

  it("takes an abandoned contact's satisfaction as an unresolved one's by default, or the user's curve of ascending waits", () => {
    expect(DEFAULT_EXPERIENCE.abandonedSatisfaction).toEqual({ curve: "unresolved" });
    const points = [{ waitMinutes: 0, satisfaction: 0.5 }, { waitMinutes: 10, satisfaction: 0.1 }];
    expect(experienceSchema.parse({ abandonedSatisfaction: { curve: "points", points } }).abandonedSatisfaction.points).toEqual(points);
    const missing = experienceSchema.safeParse({ abandonedSatisfaction: { curve: "points" } });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues[0]!.path).toEqual(["abandonedSatisfaction", "points"]);
    const descending = experienceSchema.safeParse({ abandonedSatisfaction: { curve: "points", points: [...points].reverse() } });
    expect(descending.error!.issues[0]!.message).toMatch(/waits must ascend: 0 after 10/);
    expect(experienceSchema.safeParse({ abandonedSatisfaction: { curve: "points", points: [{ waitMinutes: 1, satisfaction: 1.2 }] } }).success).toBe(false);
  });

  it("names the source of every default in its help text", () => {
    const text = JSON.stringify(experienceSchema.toJSONSchema({ io: "input" }));
    for (const source of ["article 000_84b7cbeb28961648", "article 004_49af8e83df4febe5", "assumption"]) expect(text).toContain(source);
  });
});
