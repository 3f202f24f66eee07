import { describe, expect, it } from "vitest";
import { logOddsShift, referenceCsatAt, satisfactionScale, sigmoid } from "./satisfactionScale.js";

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
