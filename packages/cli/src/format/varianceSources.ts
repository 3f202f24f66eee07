import { varianceSharesNote, type VarianceShare } from "@ccplan/core";
import { signed } from "./sign.js";

const percent = (value: number) => signed(value, `${(Math.abs(value) * 100).toFixed(0)}%`, { plus: false });

/**
 * Where an output's uncertainty comes from, in one line: the first-order variance shares of 5% or more (at most four,
 * largest first), each with its 95% interval ("churn 34% (95% CI 18 to 47%)"); then the inputs reported as 0 whose
 * interval still reaches 5% (at most three), with their 95% upper bounds, which a list of the others alone would pass
 * over; then, where every input's share is 0, what the shares leave unsaid (core's `varianceSharesNote`).
 */
export function varianceSources(shares: readonly (VarianceShare & { label: string })[], replications: number): string {
  const interval = (ci95: [number, number] | null) => (ci95 ? ` (95% CI ${(ci95[0] * 100).toFixed(0)} to ${percent(ci95[1])})` : "");
  const shown = shares.filter((entry) => entry.share >= 0.05).slice(0, 4);
  const listed = shown.length > 0 ? shown.map((entry) => `${entry.label} ${percent(entry.share)}${interval(entry.ci95)}`).join("; ") : "no source above 5%";
  const possible = shares
    .filter((entry) => entry.share === 0 && entry.ci95 !== null && entry.ci95[1] >= 0.05)
    .sort((a, b) => b.ci95![1] - a.ci95![1])
    .slice(0, 3);
  const unresolved = possible.length > 0 ? `; not told apart from 0, but up to ${possible.map((entry) => `${percent(entry.ci95![1])} for ${entry.label}`).join(", ")} (95% upper bounds)` : "";
  // With few replications no single input's share may pass its test: the list would show the noise alone.
  const note = varianceSharesNote(shares, replications);
  return `${listed}${unresolved}${note === null ? "" : `. ${note}`}`;
}
