import { describe, expect, it } from "vitest";
import { inverseCdf } from "../random/distributions.js";
import { experienceSchema } from "../schema/experience.js";
import { DEFAULT_EXPERIENCE } from "../schema/experience.js";
import { compileExperience, experienceScale, resolutionTimeShift, WAIT_STEP_SEC } from "./compileExperience.js";
import { logOddsShift, resolutionCutGain, satisfactionScale } from "./satisfactionScale.js";
import { resolveCentral } from "../schema/uncertain.js";

const parseExperience = (settings: unknown) => resolveCentral(experienceSchema.parse(settings));

// The defaults' scale: the repeat and resolution-time rules calibrated together, repeats 6 hours later at the reference.
const scale = satisfactionScale({ referenceCsat: 0.75, referenceRepeatRate: 0.2, changePerFivePointsFewer: 0.06, changePerTenPercentCut: 0.08, repeatLengthening: 0.25 });
const HOUR = 3600;

describe("compileExperience", () => {
  const experience = parseExperience({ effects: [{ name: "training", relativeChange: 0.12, source: "article 000_84b7cbeb28961648" }] });
  const plan = compileExperience({
    experience,
    queues: [
      { channel: "phone", resolutionTime: inverseCdf({ dist: "lognormal", meanSec: 72 * HOUR, cv: 1 }), resolutionTimeMeanSec: 72 * HOUR },
      { channel: "email", waitGraceSec: 24 * HOUR, lateMinutesPerHour: 2 },
      { channel: "selfService" },
    ],
  });

  it("is calibrated on the defaults' scale", () => {
    expect(experienceScale(DEFAULT_EXPERIENCE)).toEqual(scale);
    expect(resolutionCutGain(scale)).toBeCloseTo(0.08, 12);
  });

  it("adds the effects to the ideal contact and the penalties per outcome; repeats without a resolution time take γ", () => {
    const training = logOddsShift(scale, 1.12);
    // Phone, with a resolution time: its problem's time is added per contact, so no γ here.
    expect(plan.answeredLogOdds[0]).toBeCloseTo(scale.idealLogOdds + training, 10);
    expect(plan.answeredLogOdds[1]).toBeCloseTo(scale.idealLogOdds + training - scale.repeatPenalty, 10);
    expect(plan.answeredLogOdds[2]).toBeCloseTo(scale.idealLogOdds + training - scale.repeatPenalty, 10);
    expect(plan.answeredLogOdds[3]).toBeCloseTo(scale.idealLogOdds + training - 2 * scale.repeatPenalty, 10);
    // Email, no resolution time: a repeat loses the reference center's γ as well.
    expect(plan.answeredLogOdds[4]).toBeCloseTo(scale.idealLogOdds + training, 10);
    expect(plan.answeredLogOdds[6]).toBeCloseTo(scale.idealLogOdds + training - scale.repeatPenalty - scale.repeatResolutionPenalty, 10);
    // Self-service: no agent, so no training effect.
    expect(plan.answeredLogOdds[8]).toBeCloseTo(scale.idealLogOdds, 10);
  });

  it("tabulates the resolution-time shift by ln(time / reference) from −8 to 8: 0 at the reference, falling", () => {
    const table = plan.resolutionShiftByLogRatio;
    const at = (x: number) => table[Math.round((x - plan.resolutionLogRatioMin) * plan.resolutionStepsPerUnit)]!;
    expect(plan.resolutionReferenceSec).toBe(24 * HOUR);
    expect(table).toHaveLength(16 * 64 + 1);
    expect(at(0)).toBe(0);
    expect(at(Math.log(3))).toBeCloseTo(resolutionTimeShift(experience, 3), 1);
    expect(table[512 + Math.round(64 * Math.log(2))]!).toBeCloseTo(resolutionTimeShift(experience, Math.exp(Math.round(64 * Math.log(2)) / 64)), 12);
    for (let i = 1; i < table.length; i++) expect(table[i]!).toBeLessThan(table[i - 1]!);
    // No queue with a resolution time: no table to build.
    expect(compileExperience({ experience, queues: [{}] }).resolutionShiftByLogRatio).toHaveLength(1);
  });

  it("carries the complaint settings: h₀ and the elasticity of its odds in the problem's time", () => {
    expect(plan.complaintPropensity).toBe(0.04);
    expect(plan.complaintElasticity).toBe(0.1);
    expect(plan.abandonedComplaintPropensity).toBe(0.04);
  });

  it("tabulates the wait every 5 s until the linear curve reaches its floor (16 minutes)", () => {
    expect(plan.waitStepSec).toBe(WAIT_STEP_SEC);
    expect(plan.waitLogOdds).toHaveLength(16 * 12 + 1);
    expect(plan.waitLogOdds[0]).toBe(0);
    expect(plan.waitLogOdds[12]).toBeCloseTo(logOddsShift(scale, 0.95), 12);
    expect(plan.waitLogOdds[16 * 12]).toBeCloseTo(logOddsShift(scale, 0.2), 12);
  });

  it("counts an email's wait past its target, hours as minutes; phone and chat from the first second", () => {
    expect([...plan.waitGraceSecByQueue]).toEqual([0, 24 * HOUR, 0]);
    expect([...plan.waitScaleByQueue]).toEqual([1, 2 / 60, 1]);
  });

  it("carries the survey settings and the loyalty classes", () => {
    expect(plan.surveyResponseRate).toBe(0.15);
    expect(plan.surveyAbandoned).toBe(true);
    expect(plan.loyalty.dissatisfied).toEqual({ promoters: 0.05, detractors: 0.7, churn: 0.3 });
    const excluded = compileExperience({ experience: parseExperience({ abandoned: "excluded" }), queues: [{}] });
    expect(excluded.surveyAbandoned).toBe(false);
  });

  it("exponential and logistic tables run until the curve is within 1e-7 of its floor (at most 12 hours)", () => {
    const exponential = compileExperience({ experience: parseExperience({ wait: { curve: "exponential" } }), queues: [{}] });
    expect(exponential.waitLogOdds.length).toBeGreaterThan(200);
    expect(exponential.waitLogOdds.length).toBeLessThanOrEqual(12 * 720 + 1);
    const none = compileExperience({ experience: parseExperience({ wait: { changePerMinute: 0 } }), queues: [{}] });
    expect([...none.waitLogOdds]).toEqual([0, 0]);
  });
});
