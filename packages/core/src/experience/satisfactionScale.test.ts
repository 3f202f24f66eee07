import { describe, expect, it } from "vitest";
import { logOddsShift, referenceCsatAt, resolutionCutGain, resolutionShift, satisfactionScale, sigmoid } from "./satisfactionScale.js";

// The defaults: a reference center with CSAT 75% and a repeat rate of 20%; 5 points fewer repeats → +6%.
const scale = satisfactionScale({ referenceCsat: 0.75, referenceRepeatRate: 0.2, changePerFivePointsFewer: 0.06 });
const csat = (shift: number, repeatRate = 0.2) => referenceCsatAt(scale.idealLogOdds + shift, scale.repeatPenalty, repeatRate);

describe("satisfactionScale", () => {
  it("solves the ideal contact and the repeat penalty from the reference center", () => {
    expect(scale.idealLogOdds).toBeCloseTo(2.60496, 4);
    expect(scale.repeatPenalty).toBeCloseTo(2.70786, 4);
    // An ideal contact is satisfied 93% of the time, an unresolved (or repeat) one 47%, both 5.7%.
    expect(sigmoid(scale.idealLogOdds)).toBeCloseTo(0.93118, 4);
    expect(sigmoid(scale.idealLogOdds - scale.repeatPenalty)).toBeCloseTo(0.47430, 4);
    expect(sigmoid(scale.idealLogOdds - 2 * scale.repeatPenalty)).toBeCloseTo(0.05675, 4);
  });

  it("reproduces the repeat rule exactly at the reference center: 20% → 15% repeats, CSAT 75% → 79.5% (+6%)", () => {
    expect(csat(0)).toBeCloseTo(0.75, 12);
    expect(csat(0, 0.15)).toBeCloseTo(0.795, 12);
    // The internet-company case of article 000 (20% → 10%): +12.0% by the rule compounded (the case says +10%).
    expect(csat(0, 0.1) / csat(0)).toBeCloseTo(1.12026, 4);
  });

  it("takes the largest penalty when the rule asks for more than any penalty gives", () => {
    const greedy = satisfactionScale({ referenceCsat: 0.75, referenceRepeatRate: 0.2, changePerFivePointsFewer: 0.2 });
    expect(greedy.repeatPenalty).toBeCloseTo(20, 6);
  });

  it("rejects a reference outside its range", () => {
    expect(() => satisfactionScale({ referenceCsat: 1, referenceRepeatRate: 0.2, changePerFivePointsFewer: 0.06 })).toThrow(/referenceCsat: 1/);
    expect(() => satisfactionScale({ referenceCsat: 0.7, referenceRepeatRate: 0.01, changePerFivePointsFewer: 0.06 })).toThrow(/referenceRepeatRate/);
  });
});

describe("logOddsShift", () => {
  it("moves the reference center's CSAT by exactly the relative change asked", () => {
    expect(logOddsShift(scale, 1)).toBeCloseTo(0, 12);
    expect(csat(logOddsShift(scale, 0.95))).toBeCloseTo(0.7125, 12); // one minute of waiting: −5%
    expect(csat(logOddsShift(scale, 1.08))).toBeCloseTo(0.81, 12); // 10% shorter resolution: +8%
    expect(csat(logOddsShift(scale, 1.12))).toBeCloseTo(0.84, 12); // product training: +12%
    expect(logOddsShift(scale, 0.95)).toBeCloseTo(-0.29502, 4);
    expect(logOddsShift(scale, 1.12)).toBeCloseTo(0.82360, 4);
  });

  it("goes on at the reference rate past what the center can take, finite and monotone", () => {
    // The cap: 75% + 0.8 × 25% = 95%, i.e. a multiplier of 1.2667.
    expect(csat(logOddsShift(scale, 0.95 / 0.75))).toBeCloseTo(0.95, 10);
    expect(logOddsShift(scale, 1.3)).toBeCloseTo(2.75661, 4);
    expect(logOddsShift(scale, 2)).toBeCloseTo(5.38455, 4);
    expect(logOddsShift(scale, 3)).toBeGreaterThan(logOddsShift(scale, 2));
    expect(logOddsShift(scale, 0)).toBe(-Infinity);
  });

  it("shrinks relative changes near 100% and grows them far below: the scale is bounded", () => {
    const training = logOddsShift(scale, 1.12);
    // A center at 90% CSAT (few repeats) gains less than 12%, one at 60% more.
    const high = csat(training, 0.05) / csat(0, 0.05);
    const low = csat(training - 1, 0.2) / csat(-1, 0.2);
    expect(high).toBeLessThan(1.12);
    expect(low).toBeGreaterThan(1.12);
    expect(high).toBeCloseTo(1.0596, 3);
    expect(low).toBeCloseTo(1.1863, 3);
  });
});

// The defaults: the reference center's repeats come back 6 hours later, a quarter of its 24-hour resolution time.
describe("the repeat and resolution-time rules calibrated together", () => {
  const settings = { referenceCsat: 0.75, referenceRepeatRate: 0.2, changePerFivePointsFewer: 0.06, changePerTenPercentCut: 0.08 };
  const joint = satisfactionScale({ ...settings, repeatLengthening: 0.25 });
  const csatAt = (scale: typeof joint, repeatRate: number) => referenceCsatAt(scale.idealLogOdds, scale.repeatPenalty, repeatRate, scale.repeatResolutionPenalty);

  it("both article rules hold exactly at the reference center: 5 points fewer repeats +6%, every problem 10% faster +8%", () => {
    expect(csatAt(joint, 0.2)).toBeCloseTo(0.75, 12);
    expect(csatAt(joint, 0.15) / 0.75).toBeCloseTo(1.06, 12);
    expect(resolutionCutGain(joint)).toBeCloseTo(0.08, 12);
    // γ is what a repeat loses to its problem taking 1.25 times the reference time, on the same scale.
    expect(joint.repeatResolutionPenalty).toBeCloseTo(-resolutionShift(joint, 1.25), 10);
    expect(joint.repeatResolutionPenalty).toBeGreaterThan(0);
    expect(joint.repeatLengthening).toBe(0.25);
  });

  it("does not penalise an unresolved problem twice: the repeat penalty shrinks by what the longer time already costs", () => {
    const apart = satisfactionScale(settings);
    expect(apart.repeatResolutionPenalty).toBe(0);
    expect(joint.repeatPenalty).toBeLessThan(apart.repeatPenalty);
    // Both penalties at full strength (the old penalty, then the time on top) would overstate the rule: about +6.6%.
    const twice = { ...apart, repeatResolutionPenalty: joint.repeatResolutionPenalty };
    const overstated = csatAt({ ...twice, idealLogOdds: solveIdeal(twice) }, 0.15) / 0.75 - 1;
    expect(overstated).toBeCloseTo(0.0656, 4);
  });

  it("without repeats that lengthen problems, the exponent is the rule's own, ln 1.08 / ln(1/0.9), and a 10% cut is one shift", () => {
    const apart = satisfactionScale(settings);
    expect(apart.resolutionExponent).toBeCloseTo(Math.log(1.08) / Math.log(1 / 0.9), 14);
    expect(resolutionShift(apart, 0.9)).toBeCloseTo(logOddsShift(apart, 1.08), 12);
    expect(resolutionCutGain(apart)).toBeCloseTo(0.08, 12);
    // The lengthened repeats gain less from a cut, so the joint exponent is larger.
    expect(joint.resolutionExponent).toBeGreaterThan(apart.resolutionExponent);
  });

  it("compounds the rule per contact: 0 at the reference, falling with the time, by the reference center's CSAT", () => {
    expect(resolutionShift(joint, 1)).toBe(0);
    const longer = [0.5, 1, 2, 3, 10].map((ratio) => resolutionShift(joint, ratio));
    for (let i = 1; i < longer.length; i++) expect(longer[i]!).toBeLessThan(longer[i - 1]!);
    expect(resolutionShift(joint, 3)).toBeCloseTo(logOddsShift(joint, 3 ** -joint.resolutionExponent), 12);
    expect(resolutionShift({ ...joint, resolutionExponent: 0 }, 3)).toBe(0);
  });

  it("shortens the reference center's repeat delay when both rules cannot hold with it, and says so", () => {
    // At CSAT 80% with 20% repeats, ideal contacts are nearly all satisfied: repeats that take twice as long leave a
    // 10% cut too little to gain from. The longest lengthening that works is about 0.28.
    const high = satisfactionScale({ ...settings, referenceCsat: 0.8, repeatLengthening: 1 });
    expect(high.repeatLengthening).toBeLessThan(0.35);
    expect(high.repeatLengthening).toBeGreaterThan(0.2);
    expect(resolutionCutGain(high)).toBeCloseTo(0.08, 9);
    expect(csatAt(high, 0.15) / 0.8).toBeCloseTo(1.06, 9);
  });
});

/** The ideal log-odds that gives the reference CSAT 75% on a scale's penalties (bisection). */
function solveIdeal(scale: { repeatPenalty: number; referenceRepeatRate: number; repeatResolutionPenalty: number }): number {
  let lo = -60;
  let hi = 60;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (referenceCsatAt(mid, scale.repeatPenalty, scale.referenceRepeatRate, scale.repeatResolutionPenalty) < 0.75) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
