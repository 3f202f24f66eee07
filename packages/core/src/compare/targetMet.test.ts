import { describe, expect, it } from "vitest";
import { targetMet, targetMissed } from "./targetMet.js";

describe("targetMissed", () => {
  it("is the misses' share and Wilson interval: met 3 of 10 times is missed as 7 of 10", () => {
    const missed = targetMissed(targetMet(3, 10));
    const direct = targetMet(7, 10);
    expect(missed.probability).toBeCloseTo(0.7, 12);
    expect(missed.ci95![0]).toBeCloseTo(direct.ci95![0], 12);
    expect(missed.ci95![1]).toBeCloseTo(direct.ci95![1], 12);
  });
  it("keeps the interval off zero when every week met the target (Wilson, not Wald)", () => {
    const missed = targetMissed(targetMet(40, 40));
    expect(missed.probability).toBe(0);
    expect(missed.ci95![0]).toBeCloseTo(0, 12);
    expect(missed.ci95![1]).toBeCloseTo(0.0876, 4);
  });
  it("is undefined where nothing was offered", () => expect(targetMissed(targetMet(0, 0))).toEqual({ probability: null, ci95: null }));
});
