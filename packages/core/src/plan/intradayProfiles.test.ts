import { describe, expect, it } from "vitest";
import { INTRADAY_PROFILE_NAMES, intradayWeights, quarterHourProfile } from "./intradayProfiles.js";

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe("intraday profiles", () => {
  it("every built-in profile has 96 quarter hours summing to 1, at every resolution", () => {
    for (const name of INTRADAY_PROFILE_NAMES) {
      expect(quarterHourProfile(name)).toHaveLength(96);
      for (const minutes of [15, 30, 60] as const) {
        const weights = intradayWeights(name, minutes);
        expect(weights).toHaveLength(1440 / minutes);
        expect(sum(weights)).toBeCloseTo(1, 12);
      }
    }
  });

  it("hourly weights are the sums of their quarter hours", () => {
    const quarters = quarterHourProfile("retail-weekday");
    const hourly = intradayWeights("retail-weekday", 60);
    expect(hourly[10]).toBeCloseTo(sum(quarters.slice(40, 44)), 15);
  });

  it("retail-weekday is closed before 07:00 and from 22:00, and peaks mid-morning", () => {
    const hourly = intradayWeights("retail-weekday", 60);
    expect(sum(hourly.slice(0, 7))).toBe(0);
    expect(sum(hourly.slice(22))).toBe(0);
    expect(hourly.indexOf(Math.max(...hourly))).toBe(10);
  });

  it("flat spreads the day evenly", () => {
    expect(intradayWeights("flat", 60)[5]).toBeCloseTo(1 / 24, 15);
  });

  it("normalises a list of weights and refuses one of the wrong length", () => {
    expect(intradayWeights([1, 3, ...new Array<number>(22).fill(0)], 60).slice(0, 3)).toEqual([0.25, 0.75, 0]);
    expect(() => intradayWeights([1, 2], 30)).toThrow("invalid intraday profile: 2 weights; expected 48, one per interval");
  });
});
