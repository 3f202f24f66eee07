/** Colour roles of a chart's marks (CSS classes `tone-…`). */
export type Tone = "baseline" | "intervention" | "required" | "neutral" | "good" | "bad";

/** What an interval chart draws, in data units; NaN leaves a gap. */
export type IntervalLayer =
  | { kind: "band"; id: string; label: string; low: ArrayLike<number>; high: ArrayLike<number>; tone: Tone }
  | { kind: "line"; id: string; label: string; values: ArrayLike<number>; tone: Tone; dashed?: boolean; step?: boolean }
  | { kind: "bars"; id: string; label: string; values: ArrayLike<number>; tone: Tone };

/** One line of a tooltip. */
export interface TooltipRow {
  label: string;
  value: string;
  tone?: Tone;
}

/** A horizontal reference line (e.g. the target service level). */
export interface Reference {
  value: number;
  label: string;
}
