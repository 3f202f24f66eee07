// The forms an uncertain-capable number of the file may take (core's schema/uncertain.ts), and how the editor turns
// one into another without losing what the planner meant: a number becomes a range around it, a range a number at its
// central value. Pure functions over plain data; the component draws them.
import { centralValue, isGradedValue, isUncertainSpec, type EvidenceGrade, type UncertainNumber } from "@ccplan/core";

export type UncertainForm = "number" | "graded" | "uniform" | "triangular" | "beta" | "lognormal";

/** What a form is called on screen, and which fields it has, in order. */
export const FORMS: Record<UncertainForm, { label: string; fields: { key: string; label: string; spread?: boolean }[] }> = {
  number: { label: "a value", fields: [] },
  graded: { label: "a value with its grade", fields: [{ key: "value", label: "Value" }] },
  uniform: { label: "a range: uniform", fields: [{ key: "low", label: "Low" }, { key: "high", label: "High" }] },
  triangular: { label: "a range: low, most likely, high", fields: [{ key: "low", label: "Low" }, { key: "mode", label: "Most likely" }, { key: "high", label: "High" }] },
  beta: { label: "a range: mean and sd (a share)", fields: [{ key: "mean", label: "Mean" }, { key: "sd", label: "SD", spread: true }] },
  lognormal: { label: "a range: median and P90 (an amount)", fields: [{ key: "median", label: "Median" }, { key: "p90", label: "90th percentile" }] },
};

export const GRADES: { value: EvidenceGrade; label: string }[] = [
  { value: "measured", label: "measured (your own data)" },
  { value: "literature", label: "literature (published research)" },
  { value: "article", label: "article (one case in the source articles)" },
  { value: "assumption", label: "assumption (nobody measured it)" },
];

/** The form of a stored value (a number, or text still being typed, is `number`). */
export function formOf(value: unknown): UncertainForm {
  if (isUncertainSpec(value)) return value.uncertain;
  if (isGradedValue(value)) return "graded";
  return "number";
}

/** The forms a field may take: beta only for shares (bounds within [0, 1]), lognormal only for amounts (≥ 0). */
export function formsFor(bounds: { min: number; max: number }): UncertainForm[] {
  const forms: UncertainForm[] = ["number", "graded", "uniform", "triangular"];
  if (bounds.min >= 0 && bounds.max <= 1) forms.push("beta");
  if (bounds.min >= 0) forms.push("lognormal");
  return forms;
}

/** The number a value stands for (its central value), or `fallback` when it is not one yet. */
export function centralOf(value: unknown, fallback: number): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isUncertainSpec(value) || isGradedValue(value)) {
    const central = centralValue(value as UncertainNumber);
    return Number.isFinite(central) ? central : fallback;
  }
  return fallback;
}

const clamp = (value: number, bounds: { min: number; max: number }) => Math.min(bounds.max, Math.max(bounds.min, value));
const round = (value: number) => Number(value.toPrecision(6));

/**
 * `value` in another form, keeping its central value and grade: a range spreads a quarter of the value either side
 * (a tenth of the field's span for 0), within the field's bounds; a number is the central value.
 */
export function convert(value: unknown, form: UncertainForm, bounds: { min: number; max: number }, fallback: number): unknown {
  const center = centralOf(value, fallback);
  const kept = isUncertainSpec(value) || isGradedValue(value) ? { ...(value.grade && { grade: value.grade }), ...(value.source && { source: value.source }) } : {};
  const span = Number.isFinite(bounds.max - bounds.min) ? bounds.max - bounds.min : Math.max(1, Math.abs(center));
  const half = center !== 0 ? Math.abs(center) * 0.25 : span * 0.1;
  const low = round(clamp(center - half, bounds));
  const high = round(clamp(center + half, bounds));
  switch (form) {
    case "number":
      return center;
    case "graded":
      return { value: center, grade: (kept as { grade?: EvidenceGrade }).grade ?? "assumption", ...("source" in kept && { source: kept.source }) };
    case "uniform":
      return { uncertain: "uniform", low, high, ...kept };
    case "triangular":
      return { uncertain: "triangular", low, mode: round(clamp(center, { min: low, max: high })), high, ...kept };
    case "beta": {
      const mean = round(Math.min(0.99, Math.max(0.01, center)));
      return { uncertain: "beta", mean, sd: round(Math.min(0.1, 0.5 * Math.sqrt(mean * (1 - mean)))), ...kept };
    }
    case "lognormal": {
      const median = center > 0 ? center : 1;
      return { uncertain: "lognormal", median: round(median), p90: round(median * 1.5), ...kept };
    }
  }
}
