import { expect, it } from "vitest";
import { DELTA_LEGEND, formatChange, formatChangeWithCi, formatDelta, sameInEveryReplication } from "./delta.js";
import { formatValue } from "./units.js";

const change = (mean: number, ci95: [number, number] | null, effect: "better" | "worse" | null = null) => ({
  mean,
  ci95,
  significant: ci95 !== null && (ci95[0] > 0 || ci95[1] < 0),
  effect,
});

it("formatDelta shows a significant change that rounds to zero with the digits it needs, never as −0.0 ✓", () => {
  expect(formatDelta(change(-0.012, [-0.015, -0.009], "better"), "seconds")).toBe("−0.012 s [−0.015 s, −0.009 s] ✓");
  expect(formatDelta(change(-0.0004, [-0.0005, -0.0003], "better"), "fraction")).toBe("−0.04 pt [−0.05 pt, −0.03 pt] ✓");
});

it("formatDelta keeps the usual precision where it suffices", () => {
  expect(formatDelta(change(0.029, [0.026, 0.032], "better"), "fraction")).toBe("+2.9 pt [+2.6 pt, +3.2 pt] ✓");
  expect(formatDelta(change(-9, [-10, -8], "better"), "seconds")).toBe("−9.0 s [−10.0 s, −8.0 s] ✓");
  expect(formatDelta(change(196, [178, 213], "better"), "contacts")).toBe("+196 [+178, +213] ✓");
  expect(formatDelta(change(94.1, [29.4, 156], "worse"), "seconds")).toBe("+1.6 min [+0.5 min, +2.6 min] ✗");
});

it("formatDelta prints zero unsigned and marks a change of a KPI without a direction as changed, which the legend explains", () => {
  expect(formatDelta({ mean: 0.92, ci95: [0.91, 0.93], significant: false, effect: null }, "agents")).toBe("+0.92 [+0.91, +0.93]");
  expect(formatDelta(change(0.92, [0.91, 0.93]), "agents")).toBe("+0.92 [+0.91, +0.93] ≠");
  expect(DELTA_LEGEND).toContain("≠ changed");
  expect(formatDelta(change(0.001, [-0.2, 0.2]), "seconds")).toBe("0.0 s [−0.2 s, +0.2 s]");
  expect(formatDelta({ mean: null, ci95: null, significant: false, effect: null }, "seconds")).toBe("–");
});

it("formatChange signs one change as formatDelta does: a true minus, a plus, none where it rounds to zero", () => {
  expect(formatChange(0.0029, "fraction", { decimals: 2 })).toBe("+0.29 pt");
  expect(formatChange(-0.0029, "fraction")).toBe("−0.3 pt");
  expect(formatChange(-0.00001, "fraction", { decimals: 2 })).toBe("0.00 pt");
  expect(formatChange(0.0004, "fraction")).toBe("0.0 pt");
  expect(formatChange(-94.1, "seconds")).toBe("−94.1 s");
  expect(formatChange(-150, "seconds")).toBe("−2.5 min");
  expect(formatChange(1234.5, "money")).toBe("+1,235");
  // The same digits and sign as the matching figure of formatDelta.
  expect(formatDelta(change(-0.0029, [-0.004, -0.0018], "worse"), "fraction")).toBe(`${formatChange(-0.0029, "fraction")} [${formatChange(-0.004, "fraction")}, ${formatChange(-0.0018, "fraction")}] ✗`);
});

it("formatValue puts a true minus on a negative level and no sign on one that prints as zero", () => {
  expect(formatValue(-1234.4, "money")).toBe("−1,234");
  expect(formatValue(-0.001, "money")).toBe("0.00");
  expect(formatValue(-150, "seconds")).toBe("−2.5 min");
  expect(formatValue(-0.00004, "seconds")).toBe("0.0 s");
  expect(formatValue(-12.34, "score")).toBe("−12.3");
});

it("formatDelta says unchanged for a change that is 0 in every replication, not a zero change measured", () => {
  expect(formatDelta(change(0, [0, 0]), "fraction")).toBe("unchanged");
  expect(formatDelta({ ...change(0, [0, 0]), n: 100 }, "seconds")).toBe("unchanged");
  expect(DELTA_LEGEND).toContain("unchanged: the same as the baseline in every replication");
  // Zero on average but not in every replication is a measured change within the noise, printed as one.
  expect(formatDelta(change(0, [-0.001, 0.001]), "fraction")).toBe("0.0 pt [−0.1 pt, +0.1 pt]");
});

it("formatDelta says in words a change every replication agrees on, never as a zero-width interval", () => {
  expect(formatDelta({ ...change(4, [4, 4]), n: 20 }, "agents")).toBe("+4.00 (the same in all 20 replications) ≠");
  expect(formatDelta({ ...change(-0.25, [-0.25, -0.25], "better"), n: 6 }, "fraction")).toBe("−25.0 pt (the same in all 6 replications) ✓");
  expect(formatChangeWithCi(7, [7, 7], "weeks", { replications: 2 })).toBe("+7.0 wk (the same in all 2 replications)");
  expect(formatChangeWithCi(7, [7, 7], "weeks")).toBe("+7.0 wk (the same in every replication)");
  expect(sameInEveryReplication(0.5, [0.5, 0.5 + 1e-15])).toBe(true);
  expect(sameInEveryReplication(0.5, [0.5, 0.5001])).toBe(false);
  expect(sameInEveryReplication(0.5, null)).toBe(false);
});
