import { describe, expect, it } from "vitest";
import { DEFAULT_EXPERIENCE } from "../schema/experience.js";
import { complaintProbability, complaintPropensity } from "./complaints.js";
import { resolutionTimeShift } from "./compileExperience.js";
import { logOddsShift, referenceCsatAt, satisfactionScale } from "./satisfactionScale.js";
import { waitMultiplier } from "./waitCurve.js";

const DAY = 86_400;
const settings = DEFAULT_EXPERIENCE.complaints;

describe("complaintPropensity", () => {
  it("is the dissatisfied propensity at the reference and rises with the resolution time (odds ∝ time^0.1)", () => {
    expect(complaintPropensity(settings, { resolutionSec: DAY, referenceSec: DAY })).toBeCloseTo(0.04, 12);
    expect(complaintPropensity(settings, { resolutionSec: 10 * DAY, referenceSec: DAY })).toBeCloseTo(0.049841, 6);
    expect(complaintPropensity(settings, { resolutionSec: DAY / 10, referenceSec: DAY })).toBeCloseTo(0.032037, 6);
    expect(complaintPropensity(settings, { resolutionSec: 0, referenceSec: DAY })).toBe(0);
    expect(complaintPropensity({ ...settings, resolutionTimeElasticity: 0 }, { resolutionSec: 0, referenceSec: DAY })).toBe(0.04);
  });

  it("only dissatisfied customers complain", () => {
    expect(complaintProbability(0.75, 0.04)).toBeCloseTo(0.01, 12);
    expect(complaintProbability(1, 0.04)).toBe(0);
  });
});

// The articles' cases at the reference center (article 000_84b7cbeb28961648), from the stated rules alone: the
// complaint model was not tuned to them. The engine test (des/experience.test.ts) runs them through simulation.
describe("the articles' complaint cases follow from the model at the reference center", () => {
  const scale = satisfactionScale({ referenceCsat: 0.75, referenceRepeatRate: 0.2, changePerFivePointsFewer: 0.06 });
  const csatWith = (shift: number) => referenceCsatAt(scale.idealLogOdds + shift, scale.repeatPenalty, 0.2);
  const complaints = (shift: number, resolutionSec: number) =>
    complaintProbability(csatWith(shift), complaintPropensity(settings, { resolutionSec, referenceSec: DAY }));

  it("finance: resolution time 3 days → 1 day cuts complaints by about two thirds, −66% (article: −50%)", () => {
    const before = complaints(resolutionTimeShift(scale, DEFAULT_EXPERIENCE, 3), 3 * DAY);
    const after = complaints(0, DAY);
    expect(csatWith(resolutionTimeShift(scale, DEFAULT_EXPERIENCE, 3))).toBeCloseTo(0.33616, 4);
    expect(after / before - 1).toBeCloseTo(-0.6610, 3);
  });

  it("online education: a response of 5 min → 2 min cuts complaints by about a quarter, −26% (article: −30%)", () => {
    const wait = (minutes: number) => logOddsShift(scale, waitMultiplier(DEFAULT_EXPERIENCE.wait, minutes));
    const before = complaints(wait(5), DAY);
    const after = complaints(wait(2), DAY);
    expect(after / before - 1).toBeCloseTo(-0.2571, 3);
  });
});
