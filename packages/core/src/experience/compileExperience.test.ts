import { describe, expect, it } from "vitest";
import { inverseCdf } from "../random/distributions.js";
import { experienceSchema } from "../schema/experience.js";
import { compileExperience, resolutionTimeShift, WAIT_STEP_SEC } from "./compileExperience.js";
import { logOddsShift, satisfactionScale } from "./satisfactionScale.js";
import { resolveCentral } from "../schema/uncertain.js";

const parseExperience = (settings: unknown) => resolveCentral(experienceSchema.parse(settings));

const scale = satisfactionScale({ referenceCsat: 0.75, referenceRepeatRate: 0.2, changePerFivePointsFewer: 0.06 });
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

  it("adds the resolution-time shift and the effects to the ideal contact, and the penalties per outcome", () => {
    const training = logOddsShift(scale, 1.12);
    const slow = resolutionTimeShift(scale, experience, 3);
    expect(slow).toBeCloseTo(-2.62745, 4);
    expect(plan.answeredLogOdds[0]).toBeCloseTo(scale.idealLogOdds + slow + training, 10);
    expect(plan.answeredLogOdds[1]).toBeCloseTo(scale.idealLogOdds + slow + training - scale.repeatPenalty, 10);
    expect(plan.answeredLogOdds[3]).toBeCloseTo(scale.idealLogOdds + slow + training - 2 * scale.repeatPenalty, 10);
    // Email: no resolution time; self-service: no agent, so no training effect.
    expect(plan.answeredLogOdds[4]).toBeCloseTo(scale.idealLogOdds + training, 10);
    expect(plan.answeredLogOdds[8]).toBeCloseTo(scale.idealLogOdds, 10);
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

  it("tabulates the complaint propensity by resolution uniform: rising for the queue with a resolution time", () => {
    const size = plan.complaintTableSize;
    const phone = plan.complaintPropensityByUniform.subarray(0, size);
    for (let i = 1; i < size; i++) expect(phone[i]!).toBeGreaterThan(phone[i - 1]!);
    expect(plan.complaintPropensityByUniform[size]).toBe(0.04);
    expect(plan.abandonedComplaintPropensity).toBe(0.04);
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
