import { describe, expect, it } from "vitest";
import { stream } from "../random/streams.js";
import { AttributeDraws, unusedPurposes } from "./attributeDraws.js";
import { CONTACT_REAL_FIELDS, ContactReal } from "./contactPool.js";

const FIELDS = [
  ["handle", ContactReal.uHandle],
  ["patience", ContactReal.uPatience],
  ["fcr", ContactReal.uFcr],
  ["retry", ContactReal.uRetry],
  ["retryDelay", ContactReal.uRetryDelay],
  ["repeatDelay", ContactReal.uRepeatDelay],
  ["satisfaction", ContactReal.uSatisfaction],
  ["survey", ContactReal.uSurvey],
  ["resolution", ContactReal.uResolution],
] as const;

describe("AttributeDraws", () => {
  it("draws each used purpose's stream values in contact order, skipped candidates included, whatever purposes go unused", () => {
    const unused = unusedPurposes({ patience: null, fcr: 1, retryProbability: 0 });
    expect(unused).toEqual(["patience", "fcr", "repeatDelay", "retry", "retryDelay", "resolution"]);
    const all = new AttributeDraws(5, 3, 1);
    const some = new AttributeDraws(5, 3, 1, false, unused);
    const streams = Object.fromEntries(FIELDS.map(([purpose]) => [purpose, stream(5, 3, purpose, 1)]));
    const rowAll = new Float64Array(CONTACT_REAL_FIELDS);
    const rowSome = new Float64Array(CONTACT_REAL_FIELDS);
    for (let contact = 0; contact < 300; contact++) {
      if (contact % 7 === 3) {
        // A candidate thinned out: its uniforms are consumed in every stream, drawn or not.
        all.skip();
        some.skip();
        for (const [purpose] of FIELDS) streams[purpose]!();
        continue;
      }
      all.drawInto(rowAll, 0);
      some.drawInto(rowSome, 0);
      for (const [purpose, field] of FIELDS) {
        const expected = streams[purpose]!();
        expect(rowAll[field]).toBe(expected);
        if (!unused.includes(purpose)) expect(rowSome[field]).toBe(expected);
      }
    }
  });

  it("skips runs of candidates of any length, within a block and past it, to the same values as one by one", () => {
    const unused = unusedPurposes({ patience: () => 1, fcr: 0.8, retryProbability: 0 });
    const runs = new AttributeDraws(9, 2, 0, true, unused);
    const streams = Object.fromEntries([...FIELDS.map(([purpose]) => purpose), "priority" as const].map((purpose) => [purpose, stream(9, 2, purpose, 0)]));
    const row = new Float64Array(CONTACT_REAL_FIELDS);
    // Runs shorter than, as long as and longer than a block (128 contacts), from every position in one.
    for (const run of [0, 1, 5, 127, 128, 129, 1, 300, 2, 1000, 0, 64, 0, 0, 3]) {
      runs.skip(run);
      for (const purpose of Object.keys(streams)) for (let k = 0; k < run; k++) streams[purpose]!();
      runs.drawInto(row, 0);
      for (const [purpose, field] of FIELDS) {
        const expected = streams[purpose]!();
        if (!unused.includes(purpose)) expect(row[field]).toBe(expected);
      }
      expect(row[ContactReal.uPriority]).toBe(streams.priority!());
    }
  });

  it("draws what a plan reads: patience with abandonment, fcr and repeat delay below FCR 1, retries, a resolution time", () => {
    expect(unusedPurposes({ patience: () => 1, fcr: 0.8, retryProbability: 0.3, resolutionTime: () => 1 })).toEqual([]);
    expect(unusedPurposes({ patience: null, priority: { patience: () => 1 }, fcr: 0.999, retryProbability: 0 })).toEqual(["retry", "retryDelay", "resolution"]);
  });
});
