import { describe, expect, it } from "vitest";
import { ciPhrase, displayUnit, formatChangeWithCi, formatDelta, formatKpi, formatMoney, formatRange, formatTimeLeft, groupDigits, sameInAll } from "./kpiFormat";

describe("formatKpi", () => {
  it("writes shares as percentages, seconds in s, min or h, counts with separators", () => {
    expect(formatKpi(0.87642, "fraction")).toBe("87.6%");
    expect(formatKpi(0.0042, "fraction")).toBe("0.42%");
    expect(formatKpi(363.2034, "fraction")).toBe("36,320%");
    expect(formatRange(360.614, 365.793, "fraction")).toBe("36,061 to 36,579%");
    expect(formatKpi(42.36, "seconds")).toBe("42.4 s");
    expect(formatKpi(312, "seconds")).toBe("5.2 min");
    expect(formatKpi(7200, "seconds")).toBe("2.00 h");
    expect(formatKpi(23456.4, "contacts")).toBe("23,456");
    expect(formatKpi(3.25, "contacts")).toBe("3.3");
    expect(formatKpi(61.04, "agents")).toBe("61.0 agents");
    expect(formatDelta(0.92, "agents")).toBe("+0.9 agents");
    expect(formatRange(18.06, 18.14, "agents")).toBe("18.1 to 18.1 agents");
  });
  it("shows undefined as a dash", () => {
    expect(formatKpi(null, "fraction")).toBe("—");
    expect(formatKpi(Number.NaN, "seconds")).toBe("—");
  });
  it("writes money in the scenario's currency, customers and scores", () => {
    expect(formatKpi(2.987, displayUnit("money", "USD"))).toBe("$2.99");
    expect(formatKpi(12345.6, displayUnit("money", "CHF"))).toBe("12,346 CHF");
    expect(formatDelta(-0.134, displayUnit("money", "EUR"))).toBe("−€0.13");
    expect(formatDelta(0.001, displayUnit("money", "USD"))).toBe("$0.00");
    expect(formatKpi(1234.4, "customers")).toBe("1,234");
    expect(formatKpi(21.64, "score")).toBe("21.6");
  });
  it("writes a value in the scale of its reference, so a CI end matches its mean", () => expect(formatKpi(95, "seconds", 130)).toBe("1.6 min"));
});

describe("formatDelta", () => {
  it("signs changes and writes changes of a share in points", () => {
    expect(formatDelta(0.064, "fraction")).toBe("+6.4 pt");
    expect(formatDelta(-2.15, "seconds")).toBe("−2.1 s");
    expect(formatDelta(0, "contacts")).toBe("0.0");
    expect(formatDelta(-0.00001, "fraction")).toBe("0.00 pt");
  });
});

describe("formatRange", () => {
  it("writes both ends once with the unit", () => {
    expect(formatRange(0.871, 0.88, "fraction")).toBe("87.1 to 88.0%");
    expect(formatRange(-0.012, 0.034, "fraction", { delta: true })).toBe("−1.2 to +3.4 pt");
    expect(formatRange(null, 3, "seconds")).toBe("—");
  });
});

describe("formatTimeLeft / formatMoney", () => {
  it("rounds the estimate as a person would say it", () => {
    expect(formatTimeLeft(null)).toBe("estimating time left…");
    expect(formatTimeLeft(12.4)).toBe("about 12 s left");
    expect(formatTimeLeft(200)).toBe("about 3 min left");
  });
  it("writes money in whole units of the currency", () => {
    expect(formatMoney(12345.6, "USD")).toBe("$12,346");
    expect(formatMoney(-800, "EUR")).toBe("−€800");
    expect(formatMoney(null, "USD")).toBe("—");
    expect(formatMoney(1234567, "CHF")).toBe("1,234,567 CHF");
  });
});

describe("groupDigits", () => {
  it("puts commas between thousands without Intl", () => {
    expect(groupDigits(0)).toBe("0");
    expect(groupDigits(999)).toBe("999");
    expect(groupDigits(1000)).toBe("1,000");
    expect(groupDigits(1234567.891, 2)).toBe("1,234,567.89");
    expect(groupDigits(-4200)).toBe("−4,200");
  });
});

describe("formatDelta and formatRange with a precision", () => {
  it("show a small significant change with the decimals it needs instead of rounding it to zero", () => {
    expect(formatDelta(-0.025, "seconds", 0.027)).toBe("0.0 s");
    expect(formatDelta(-0.025, "seconds", 0.027, 0.0025)).toBe("−0.025 s");
    expect(formatRange(-0.027, -0.022, "seconds", { delta: true, reference: 0.027, precision: 0.0025 })).toBe("−0.027 to −0.022 s");
    expect(formatDelta(0.029, "fraction", 0.032, 0.003)).toBe("+2.9 pt");
  });
});

describe("formatChangeWithCi", () => {
  it("gives a small change whose CI excludes zero the digits it needs: never 0.0 pt", () => {
    // A tornado's swing of 0.03 pt printed with the unit's one decimal read "+0.0 pt".
    expect(formatChangeWithCi({ mean: 0.0003, ci95: [0.0001, 0.0005], n: 20 }, "fraction")).toBe("+0.03 pt (95% CI +0.01 to +0.05 pt)");
    expect(formatChangeWithCi({ mean: -0.0004, ci95: [-0.0007, -0.0001], n: 20 }, "fraction")).toBe("−0.04 pt (95% CI −0.07 to −0.01 pt)");
    expect(formatChangeWithCi({ mean: 0.031, ci95: [0.025, 0.037], n: 20 }, "fraction")).toBe("+3.1 pt (95% CI +2.5 to +3.7 pt)");
    // Within the noise: the digits of its CI, no more.
    expect(formatChangeWithCi({ mean: 0.0003, ci95: [-0.01, 0.0106], n: 20 }, "fraction")).toBe("0.0 pt (95% CI −1.0 to +1.1 pt)");
    // Seconds and minutes in the scale of the CI's larger end.
    expect(formatChangeWithCi({ mean: 95, ci95: [80, 110], n: 20 }, "seconds")).toBe("+1.6 min (95% CI +1.3 to +1.8 min)");
  });
  it("says in words that every replication gave the same change, not a zero-width interval", () => {
    expect(formatChangeWithCi({ mean: 7, ci95: [7, 7], n: 400 }, "weeks", "runs")).toBe("+7 weeks (the same in all 400 runs)");
    expect(formatChangeWithCi({ mean: -2, ci95: [-2, -2], n: 2 }, "weeks", "runs")).toBe("−2 weeks (the same in both runs)");
    expect(formatChangeWithCi({ mean: 0.0312, ci95: [0.0312, 0.0312], n: 20 }, "fraction")).toBe("+3.1 pt (the same in all 20 replications)");
    expect(formatChangeWithCi({ mean: 0.00004, ci95: [0.00004, 0.00004], n: 20 }, "fraction")).toBe("+0.004 pt (the same in all 20 replications)");
  });
  it("writes an undefined change as a dash and a change without a CI alone", () => {
    expect(formatChangeWithCi({ mean: null, ci95: null, n: 0 }, "fraction")).toBe("—");
    expect(formatChangeWithCi({ mean: 0.02, ci95: null, n: 1 }, "fraction")).toBe("+2.0 pt");
  });
  it("counts the runs with separators", () => expect(sameInAll(1200, "simulated years")).toBe("the same in all 1,200 simulated years"));
});

describe("ciPhrase", () => {
  it("writes a CI, or in words that every replication gave the same value", () => {
    const range = (low: number, high: number) => formatRange(low, high, "fraction");
    expect(ciPhrase([0.871, 0.88], range, "the same in all 20 simulated years")).toBe("95% CI 87.1 to 88.0%");
    expect(ciPhrase([0.5, 0.5], range, "the same in all 20 simulated years")).toBe("the same in all 20 simulated years");
    expect(ciPhrase(null, range, "the same")).toBeNull();
  });
});
