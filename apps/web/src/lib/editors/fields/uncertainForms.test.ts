import { describe, expect, it } from "vitest";
import { centralValue, type UncertainNumber } from "@ccplan/core";
import { convert, formOf, formsFor } from "./uncertainForms.js";

const share = { min: 0, max: 1 };
const change = { min: -1, max: 10 };

describe("uncertainForms", () => {
  it("reads the form of a stored value", () => {
    expect(formOf(0.3)).toBe("number");
    expect(formOf("0.")).toBe("number");
    expect(formOf({ value: 0.3, grade: "measured" })).toBe("graded");
    expect(formOf({ uncertain: "triangular", low: 0, mode: 1, high: 2 })).toBe("triangular");
  });

  it("offers beta for shares and lognormal for amounts only", () => {
    expect(formsFor(share)).toEqual(["number", "graded", "uniform", "triangular", "beta", "lognormal"]);
    expect(formsFor(change)).toEqual(["number", "graded", "uniform", "triangular"]);
  });

  it("keeps the central value and the grade from one form to another, within the field's bounds", () => {
    const start: UncertainNumber = { value: 0.3, grade: "measured", source: "CRM" };
    for (const form of ["uniform", "triangular", "beta", "lognormal", "graded", "number"] as const) {
      const next = convert(start, form, share, 0);
      expect(centralValue(next as UncertainNumber), form).toBeCloseTo(form === "uniform" ? 0.3 : 0.3, 9);
      if (form !== "number") expect((next as { grade: string }).grade).toBe("measured");
    }
    expect(convert(0.95, "uniform", share, 0)).toEqual({ uncertain: "uniform", low: 0.7125, high: 1 });
    expect(convert(0, "triangular", change, 0)).toEqual({ uncertain: "triangular", low: -1, mode: 0, high: 1.1 });
    expect(convert({ uncertain: "triangular", low: 0.06, mode: 0.12, high: 0.18, grade: "article" }, "number", change, 0)).toBe(0.12);
  });
});
