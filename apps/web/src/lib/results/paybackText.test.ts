import type { KpiSummary } from "@ccplan/core";
import { describe, expect, it } from "vitest";
import { averagePeriodText, paybackHelp, periodCi, periodMain, periodSpread, periodText, samePeriodText } from "./paybackText";

const summary = (mean: number | null, ci95: [number, number] | null, p10: number | null, p50: number | null, p90: number | null): KpiSummary => ({ mean, ci95, p10, p50, p90, n: 20 });

describe("payback texts", () => {
  it("writes whole periods whole and averages with one decimal", () => {
    expect(periodText(7)).toBe("7");
    expect(periodText(null)).toBe("—");
    expect(averagePeriodText(5.6667)).toBe("5.7");
    expect(averagePeriodText(6)).toBe("6.0");
    expect(periodSpread(summary(5.7, [5.4, 6], 5, 6, 7))).toBe("5 to 7");
    expect(periodCi(summary(5.7, [5.4, 6], 5, 6, 7))).toBe("5.4 to 6.0");
  });

  it("writes a period every year reached alike whole, and says so in words rather than as a zero-width CI", () => {
    const week7 = (n: number): KpiSummary => ({ mean: 7, ci95: [7, 7], p10: 7, p50: 7, p90: 7, n });
    expect(periodMain(week7(400), "week")).toBe("week 7");
    expect(samePeriodText(week7(400), 400, "break even")).toBe("the same in all 400 simulated years");
    expect(samePeriodText(week7(380), 400, "break even")).toBe("the same in all 380 simulated years that break even");
    expect(periodMain(summary(5.7, [5.4, 6], 5, 6, 7), "month")).toBe("month 5.7");
    expect(periodMain(summary(6, [5.4, 6.6], 5, 6, 7), "month")).toBe("month 6.0");
    expect(periodMain(summary(null, null, null, null, null), "month")).toBe("—");
  });

  it("explains the month and the week as one moment, with the median year's pair", () => {
    const help = paybackHelp({ paybackMonth: summary(5.7, [5.4, 6], 5, 6, 7), breakEvenWeek: summary(23.1, [22, 24.2], 19, 23, 28) });
    expect(help).toContain("In the median year it breaks even in week 23, which falls in month 6.");
    expect(help).toMatch(/^One moment, counted two ways/);
    expect(paybackHelp({ paybackMonth: summary(null, null, null, null, null), breakEvenWeek: summary(null, null, null, null, null) })).toBeNull();
  });
});
