import type { DeltaStatistics, KpiUnit } from "@ccplan/core";
import { signed } from "./sign.js";

/** The marks beside a change whose 95% CI excludes zero: better, worse, or changed where the KPI has no direction
 * (occupancy, contacts offered, agents: more is neither better nor worse). */
export const DELTA_MARKS = { better: "✓", worse: "✗", changed: "≠" } as const;

/** The legend printed under a table of changes. */
export const DELTA_LEGEND =
  `${DELTA_MARKS.better} better / ${DELTA_MARKS.worse} worse: the 95% CI of the change excludes zero; ` +
  `${DELTA_MARKS.changed} changed (the CI excludes zero) where more is neither better nor worse; ` +
  "no mark: the change is within the noise; unchanged: the same as the baseline in every replication; pt = percentage points.";

interface Scale {
  factor: number;
  suffix: string;
  decimals: number;
}

/** The display unit of a set of values of one KPI (or of weeks, the break-even week's): percentage points for
 * fractions, s/min/h by the largest. */
function scaleFor(unit: KpiUnit | "weeks", largest: number): Scale {
  switch (unit) {
    case "weeks":
      return { factor: 1, suffix: " wk", decimals: 1 };
    case "fraction":
      return { factor: 100, suffix: " pt", decimals: 1 };
    case "seconds":
      if (largest < 100) return { factor: 1, suffix: " s", decimals: 1 };
      if (largest < 3600) return { factor: 1 / 60, suffix: " min", decimals: 1 };
      return { factor: 1 / 3600, suffix: " h", decimals: 2 };
    case "contacts":
    case "customers":
      return { factor: 1, suffix: "", decimals: largest >= 100 ? 0 : 1 };
    case "money":
      return { factor: 1, suffix: "", decimals: largest >= 1000 ? 0 : 2 };
    case "agents":
      return { factor: 1, suffix: "", decimals: 2 };
    case "score":
      return { factor: 1, suffix: "", decimals: 1 };
  }
}

/** Decimals that show `value` (in display units) with at least one significant digit, at most `cap`. */
const decimalsToShow = (value: number, cap: number) => (value > 0 ? Math.min(cap, Math.max(0, Math.ceil(-Math.log10(value) - 1e-6))) : 0);

/**
 * A paired change as `+2.9 pt [+2.6 pt, +3.2 pt] ✓`: the mean change and its 95% CI ({@link formatChangeWithCi}),
 * then the mark ({@link DELTA_MARKS}). A change that is 0 in every replication reads `unchanged`, not
 * "0.0 pt [0.0 pt, 0.0 pt]", which would read as a change measured to be zero (the option does not act on it, or
 * acts on nothing it depends on; the table says which).
 */
export function formatDelta(delta: Pick<DeltaStatistics, "mean" | "ci95" | "significant" | "effect"> & { n?: number }, unit: KpiUnit): string {
  if (delta.mean === null) return "–";
  if (isUnchanged(delta)) return "unchanged";
  const mark = !delta.significant ? "" : ` ${delta.effect === "better" ? DELTA_MARKS.better : delta.effect === "worse" ? DELTA_MARKS.worse : DELTA_MARKS.changed}`;
  return `${formatChangeWithCi(delta.mean, delta.ci95, unit, { significant: delta.significant, replications: delta.n })}${mark}`;
}

/** True when every replication gave the same value: a 95% CI of zero width, up to rounding in the sums behind it. */
export function sameInEveryReplication(mean: number, ci95: readonly [number, number] | null): boolean {
  return ci95 !== null && ci95[1] - ci95[0] <= 1e-12 * Math.max(1, Math.abs(mean));
}

/** A change that is exactly 0 in every replication: the option leaves the figure as the baseline has it. */
export function isUnchanged(delta: { mean: number | null; ci95: readonly [number, number] | null }): boolean {
  return delta.mean === 0 && sameInEveryReplication(0, delta.ci95);
}

/** "(the same in all 20 replications)", or "(the same in every replication)" when the count is not at hand. */
export function sameInAll(replications?: number): string {
  return replications === undefined ? "(the same in every replication)" : `(the same in all ${replications.toLocaleString("en-US")} replications)`;
}

/**
 * A change and its 95% CI as `+2.9 pt [+2.6 pt, +3.2 pt]`, in one unit, with enough decimals that the CI's half-width
 * shows (up to 3 decimals more than the unit's usual ones) and that a significant change (by default: its CI excludes
 * zero) never prints as zero, however small: "0.0 pt" for a change the test tells apart from zero says the opposite of
 * the test. A value that rounds to zero prints unsigned. A CI of zero width (every replication agrees) is said in
 * words, `+7.0 wk (the same in all 2 replications)`: "[+7.0 wk, +7.0 wk]" would read as a certainty measured.
 */
export function formatChangeWithCi(
  mean: number,
  ci95: readonly [number, number] | null,
  unit: KpiUnit | "weeks",
  options: { significant?: boolean; replications?: number | undefined } = {},
): string {
  const significant = options.significant ?? (ci95 !== null && (ci95[0] > 0 || ci95[1] < 0));
  const same = sameInEveryReplication(mean, ci95);
  const values = [mean, ...(ci95 ?? [])];
  const scale = scaleFor(unit, Math.max(...values.map(Math.abs)));
  let decimals = scale.decimals;
  const cap = scale.decimals + 3;
  if (ci95 && !same) decimals = Math.max(decimals, decimalsToShow((Math.abs(ci95[1] - ci95[0]) / 2) * scale.factor, cap));
  // No cap here: however small, a change told apart from zero shows its first significant digit.
  if (significant) decimals = Math.max(decimals, decimalsToShow(Math.abs(mean) * scale.factor, 20));
  const show = (value: number) => showChange(value, scale, decimals);
  if (same) return `${show(mean)} ${sameInAll(options.replications)}`;
  return ci95 ? `${show(mean)} [${show(ci95[0])}, ${show(ci95[1])}]` : show(mean);
}

/**
 * One change in display units, signed as {@link formatDelta} signs its figures: `+2.90 pt`, `−1.5 min`, and unsigned
 * where it rounds to zero (`0.00 pt`). The unit's scale follows the value itself (seconds below 100 in s, …);
 * `decimals` overrides the unit's usual number of decimals (1 for points).
 */
export function formatChange(value: number, unit: KpiUnit, options: { decimals?: number } = {}): string {
  const scale = scaleFor(unit, Math.abs(value));
  return showChange(value, scale, options.decimals ?? scale.decimals);
}

function showChange(value: number, scale: Scale, decimals: number): string {
  const magnitude = Math.abs(value * scale.factor).toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return `${signed(value, magnitude, { plus: true })}${scale.suffix}`;
}
