import { describe, expect, it } from "vitest";
import { formatCount, formatPercent, formatQuantity, formatSeconds, inSentence, NOT_DEFINED } from "./format.js";

describe("formatPercent", () => {
  it("writes a fraction with one decimal", () => expect(formatPercent(0.88812)).toBe("88.8%"));
  it("keeps 0 and 1 exact", () => {
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatPercent(1)).toBe("100.0%");
  });
  it("does not round a tiny probability to zero or a near-certainty to 100%", () => {
    expect(formatPercent(1e-9)).toBe("< 0.1%");
    expect(formatPercent(1 - 1e-9)).toBe("> 99.9%");
  });
  it("shows undefined values as a dash", () => expect(formatPercent(null)).toBe(NOT_DEFINED));
});

describe("formatSeconds / formatQuantity / formatCount", () => {
  it("adds the unit", () => {
    expect(formatSeconds(4.234)).toBe("4.2 s");
    expect(formatQuantity(10, "erlangs")).toBe("10.00 erlangs");
  });
  it("shows undefined values as a dash", () => {
    expect(formatSeconds(null)).toBe(NOT_DEFINED);
    expect(formatQuantity(Number.NaN, "contacts")).toBe(NOT_DEFINED);
  });
  it("agrees in number", () => {
    expect(formatCount(1, "agent")).toBe("1 agent");
    expect(formatCount(1400, "agent")).toBe("1,400 agents");
  });
});

describe("inSentence", () => {
  it("lower-cases a label's first word but keeps acronyms", () => {
    expect(inSentence("Service level")).toBe("service level");
    expect(inSentence("ROI")).toBe("ROI");
    expect(inSentence("NPV (money)")).toBe("NPV (money)");
    expect(inSentence("CSAT")).toBe("CSAT");
  });
});
