import { describe, expect, it } from "vitest";
import { z } from "zod";
import defaultScenario from "../../../../scenarios/default.json" with { type: "json" };
import { EFFECT_PRESETS } from "../interventions/effectPresets.js";
import { parseScenario } from "./parseScenario.js";
import { centralValue, gradeOf, resolveCentral, uncertainNumber, type UncertainNumber } from "./uncertain.js";

const share = uncertainNumber(z.number().min(0).max(1));
const amount = uncertainNumber(z.number().min(0).max(1000));
const change = uncertainNumber(z.number().gt(-1).max(1));

describe("uncertainNumber", () => {
  it("takes a number, a graded number and each distribution, and gives each its central value", () => {
    const cases: [UncertainNumber, number][] = [
      [0.3, 0.3],
      [{ value: 0.3, grade: "measured", source: "CRM 2025" }, 0.3],
      [{ uncertain: "uniform", low: 0.2, high: 0.6 }, 0.4],
      [{ uncertain: "triangular", low: 0.1, mode: 0.2, high: 0.6 }, 0.2],
      [{ uncertain: "beta", mean: 0.3, sd: 0.1, grade: "literature" }, 0.3],
      [{ uncertain: "lognormal", median: 36, p90: 60 }, 36],
    ];
    for (const [value, central] of cases) {
      const parsed = (value as { uncertain?: string }).uncertain === "lognormal" ? amount.parse(value) : share.parse(value);
      expect(parsed).toEqual(value);
      expect(centralValue(parsed)).toBeCloseTo(central, 12);
    }
    expect(gradeOf(0.3)).toBe("assumption");
    expect(gradeOf({ uncertain: "uniform", low: 0, high: 1 })).toBe("assumption");
    expect(gradeOf({ value: 1, grade: "article" })).toBe("article");
  });

  it("holds every number inside to the field's bounds and to its distribution's rules, naming what is wrong", () => {
    const issue = (schema: z.ZodType, value: unknown) => {
      const result = schema.safeParse(value);
      expect(result.success).toBe(false);
      return result.error!.issues.map((entry) => `${entry.path.join(".")}: ${entry.message}`).join("; ");
    };
    expect(issue(share, { uncertain: "uniform", low: 0.5, high: 0.2 })).toMatch(/high: low must be below high/);
    expect(issue(share, { uncertain: "triangular", low: 0.1, mode: 0.7, high: 0.5 })).toMatch(/mode: mode must lie between low and high/);
    expect(issue(share, { uncertain: "beta", mean: 0.5, sd: 0.6 })).toBeTruthy();
    expect(issue(share, { uncertain: "uniform", low: 0.2, high: 1.4 })).toBeTruthy();
    // Beta is for shares and lognormal for positive amounts: not offered where the field allows negative numbers.
    expect(change.safeParse({ uncertain: "beta", mean: 0.2, sd: 0.1 }).success).toBe(false);
    expect(change.safeParse({ uncertain: "lognormal", median: 0.2, p90: 0.3 }).success).toBe(false);
    expect(issue(amount, { uncertain: "lognormal", median: 200, p90: 400 })).toMatch(/beyond the field's maximum 1000/);
    expect(share.safeParse({ value: 0.3 }).success).toBe(false);
    expect(share.safeParse({ uncertain: "normal", mean: 0.3 }).success).toBe(false);
  });

  it("offers the articles' figures only as presets: graded article, with a valid range around the figure", () => {
    for (const preset of EFFECT_PRESETS) {
      const field = uncertainNumber(z.number().gt(-1).max(10));
      expect(field.safeParse(preset.value).success, preset.id).toBe(true);
      expect(preset.value.grade).toBe("article");
    }
    expect(EFFECT_PRESETS.map((preset) => centralValue(preset.value))).toEqual([0.12, 0.15, -0.3]);
  });
});

describe("scenario files with uncertain inputs", () => {
  it("stay version 1: a file of plain numbers parses as before, and a parsed scenario parses again to itself", () => {
    const parsed = parseScenario(defaultScenario);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario.version).toBe(1);
    const again = parseScenario(parsed.scenario);
    expect(again.ok && again.scenario).toEqual(parsed.scenario);
    // Plain numbers stay plain; the defaults the file omits come with their grade and range.
    expect(parsed.scenario.money!.wagePerHour).toBe(24);
    expect(resolveCentral(parsed.scenario.experience).loyalty.dissatisfied.churn).toBe(0.3);
  });

  it("names the field, the value and what was expected when a range is wrong", () => {
    const result = parseScenario({ ...defaultScenario, money: { wagePerHour: { uncertain: "uniform", low: 30, high: 20 } } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ path: "money.wagePerHour.high", expected: "a number above low" });
    expect(result.issues[0]!.message).toContain("low must be below high");
  });
});
