import { describe, expect, it } from "vitest";
import { fitExponentialTail, kaplanMeier, patienceCurve, survivalAt } from "./kaplanMeier.js";

// Seven waits: events (hang-ups) at 3, 5, 7 and 12 s; censored (answered) at 5, 9 and 12 s. By hand:
// t = 3: 7 at risk, 1 event, S = 6/7;  t = 5: 6 at risk (the censored 5 still counts), S = 6/7 · 5/6 = 5/7;
// t = 7: 4 at risk, S = 5/7 · 3/4 = 15/28;  t = 12: 2 at risk, S = 15/28 · 1/2 = 15/56.
// Greenwood: Var = S² Σ d/(n(n − d)) with terms 1/42, 1/30, 1/12, 1/2.
const observations = [
  { timeSec: 3, event: true },
  { timeSec: 5, event: false },
  { timeSec: 5, event: true },
  { timeSec: 7, event: true },
  { timeSec: 9, event: false },
  { timeSec: 12, event: true },
  { timeSec: 12, event: false },
];

describe("kaplanMeier", () => {
  const curve = kaplanMeier(observations);

  it("matches the product-limit estimate computed by hand, censored observations at risk at their own time", () => {
    expect(curve.timesSec).toEqual([3, 5, 7, 12]);
    expect(curve.atRisk).toEqual([7, 6, 4, 2]);
    expect(curve.events).toEqual([1, 1, 1, 1]);
    [6 / 7, 5 / 7, 15 / 28, 15 / 56].forEach((value, i) => expect(curve.survival[i]).toBeCloseTo(value, 12));
    expect(curve).toMatchObject({ n: 7, eventCount: 4, censoredCount: 3, lastObservationSec: 12 });
  });

  it("gives Greenwood's standard errors and a 95% band kept within [0, 1]", () => {
    const expected = [0.13226001425322165, 0.1707469441906277, 0.2007865364912489, 0.21436541885022836];
    expected.forEach((value, i) => expect(curve.standardError[i]).toBeCloseTo(value, 12));
    expect(curve.lower[2]).toBeCloseTo(0.14217990561090066, 12);
    expect(curve.upper[2]).toBeCloseTo(0.929248665817671, 12);
    expect(curve.upper[0]).toBe(1);
    expect(curve.lower[3]).toBe(0);
  });

  it("reads as a right-continuous step function", () => {
    expect(survivalAt(curve, 0)).toBe(1);
    expect(survivalAt(curve, 2.9)).toBe(1);
    expect(survivalAt(curve, 3)).toBeCloseTo(6 / 7, 12);
    expect(survivalAt(curve, 11)).toBeCloseTo(15 / 28, 12);
    expect(survivalAt(curve, 100)).toBeCloseTo(15 / 56, 12);
  });

  it("refuses a negative or infinite time", () => {
    expect(() => kaplanMeier([{ timeSec: -1, event: true }])).toThrow(/invalid observation time -1/);
  });
});

describe("the exponential tail and the curve the engine samples", () => {
  it("fits the hazard of the last stretch by maximum likelihood: events over time at risk beyond its start", () => {
    // The last 2 events (7 and 12) start the stretch at 7: time at risk beyond 7 is 0 + 2 + 5 + 5 = 12 s for 2 events.
    const tail = fitExponentialTail(observations, { share: 0.5, minEvents: 1 })!;
    expect(tail).toMatchObject({ fromSec: 7, events: 2, exposureSec: 12, meanSec: 6 });
    expect(tail.standardErrorSec).toBeCloseTo(6 / Math.SQRT2, 12);
    expect(fitExponentialTail([{ timeSec: 4, event: false }], { share: 0.5, minEvents: 1 })).toBeNull();
  });

  it("keeps the knots with enough callers at risk and hands the rest to the tail", () => {
    const fitted = patienceCurve(observations, { minAtRisk: 4, tailShare: 0.5, minTailEvents: 1 })!;
    expect(fitted.curve.timesSec).toEqual([3, 5, 7]);
    expect(fitted.curve.tailMeanSec).toBe(6);
    // Too few at risk anywhere: the tail alone, an exponential from 0.
    expect(patienceCurve(observations, { minAtRisk: 100, tailShare: 0.5, minTailEvents: 1 })!.curve).toEqual({ timesSec: [0], survival: [1], tailMeanSec: 6 });
  });
});
