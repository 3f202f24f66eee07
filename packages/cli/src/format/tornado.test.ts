import type { Tornado } from "@ccplan/core";
import { expect, it } from "vitest";
import { formatSwing, renderTornado } from "./tornado.js";

const bar = (swing: number, ci95: [number, number] | null) => ({ swing, swingCi95: ci95 });

it("formatSwing prints a significant swing under 0.05 pt with the digits that keep it from reading as zero", () => {
  // 0.03 pt, its CI [0.01 pt, 0.05 pt] excluding zero: one decimal printed "0.0 pt [0.0 pt, 0.1 pt]".
  expect(formatSwing(bar(0.0003, [0.0001, 0.0005]), "fraction", null)).toBe("+0.03 pt [+0.01 pt, +0.05 pt]");
  expect(formatSwing(bar(-0.0000004, [-0.0000006, -0.0000002]), "fraction", null)).toBe("−0.00004 pt [−0.00006 pt, −0.00002 pt]");
  expect(formatSwing(bar(0.004, [0.003, 0.005]), "seconds", null)).toBe("+0.004 s [+0.003 s, +0.005 s]");
  expect(formatSwing(bar(0.004, [0.003, 0.005]), "money", "EUR")).toBe("+0.004 [+0.003, +0.005] EUR");
});

it("formatSwing keeps the usual decimals where they show the swing, and a swing within the noise unsigned at zero", () => {
  expect(formatSwing(bar(0.292, [0.261, 0.323]), "fraction", null)).toBe("+29.2 pt [+26.1 pt, +32.3 pt]");
  expect(formatSwing(bar(0.0001, [-0.02, 0.02]), "fraction", null)).toBe("0.0 pt [−2.0 pt, +2.0 pt]");
  expect(formatSwing(bar(-1234.4, [-1500, -1000]), "money", "USD")).toBe("−1,234 [−1,500, −1,000] USD");
  expect(formatSwing(bar(0.0003, null), "fraction", null)).toBe("0.0 pt");
  expect(formatSwing({ swing: null, swingCi95: null }, "fraction", null)).toBe("–");
});

it("renderTornado prints every significant swing of a tornado with a non-zero digit", () => {
  const tornado: Tornado = {
    output: { id: "serviceLevel", label: "Service level", unit: "fraction" },
    base: 0.8,
    bars: [
      { input: "aht", label: "Handle time", unit: "seconds", base: 300, low: 240, high: 360, outputLow: 0.9, outputHigh: 0.7, swing: -0.2, swingCi95: [-0.22, -0.18], swingReplications: 20 },
      { input: "fcr", label: "First-contact resolution", unit: "fraction", base: 0.7, low: 0.6, high: 0.8, outputLow: 0.7999, outputHigh: 0.8002, swing: 0.0003, swingCi95: [0.0001, 0.0005], swingReplications: 20 },
    ],
  };
  const lines = renderTornado(tornado, null, 20).split("\n");
  expect(lines).toHaveLength(5); // every swing over all 20 replications: no line says otherwise
  const rows = lines.slice(3);
  expect(rows[0]).toMatch(/ −20\.0 pt \[−22\.0 pt, −18\.0 pt\]$/);
  expect(rows[1]).toMatch(/ \+0\.03 pt \[\+0\.01 pt, \+0\.05 pt\]$/);
});

it("renderTornado prints the break-even week in weeks and says over how few replications a swing is, where fewer than all", () => {
  const tornado: Tornado = {
    output: { id: "breakEvenWeek", label: "Break-even week", unit: "weeks" },
    base: 6.25,
    bars: [
      { input: "volume", label: "Arrival volume", unit: "contacts", base: 1400, low: 1120, high: 1680, outputLow: 17, outputHigh: 2.5, swing: -15, swingCi95: null, swingReplications: 1 },
      { input: "aht", label: "Handle time", unit: "seconds", base: 240, low: 192, high: 288, outputLow: 20, outputHigh: 3, swing: -17, swingCi95: [-118.6, 84.6], swingReplications: 2 },
      { input: "money.wagePerHour", label: "Wage", unit: "money", base: 25, low: 20, high: 30, outputLow: 5, outputHigh: 7, swing: 2, swingCi95: [1.04, 2.96], swingReplications: 4 },
    ],
  };
  const lines = renderTornado(tornado, "USD", 4).split("\n");
  expect(lines[0]).toBe("Break-even week: 6.25 wk with every input at its value");
  expect(lines[3]).toMatch(/ −15\.0 wk$/);
  expect(lines[4]).toMatch(/ −17\.0 wk \[−118\.6 wk, \+84\.6 wk\]$/);
  expect(lines[5]).toMatch(/ \+2\.0 wk \[\+1\.0 wk, \+3\.0 wk\]$/);
  expect(lines[6]).toBe("Swings over the replications that break even within the horizon at both values, of 4; fewer for: Arrival volume 1, Handle time 2.");
});

it("formatSwing says in words a swing every replication agrees on (whole weeks often do), the currency beside the amount", () => {
  expect(formatSwing({ swing: 7, swingCi95: [7, 7], swingReplications: 2 }, "weeks", null)).toBe("+7.0 wk (the same in all 2 replications)");
  expect(formatSwing({ swing: 0, swingCi95: [0, 0], swingReplications: 2 }, "weeks", null)).toBe("0.0 wk (the same in all 2 replications)");
  expect(formatSwing({ swing: -1234.4, swingCi95: [-1234.4, -1234.4], swingReplications: 3 }, "money", "USD")).toBe("−1,234 USD (the same in all 3 replications)");
  expect(formatSwing(bar(0.02, [0.02, 0.02]), "fraction", null)).toBe("+2.0 pt (the same in every replication)");
});
