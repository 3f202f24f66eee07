import { targetMissed } from "@ccplan/core";
import { intervalName } from "../charts/intervalTicks";
import { formatKpi, formatRange } from "./kpiFormat";
import type { ComparisonView } from "../run/comparisonView";

/** A stretch of consecutive intervals that met the service-level target in fewer than half the simulated weeks. */
export interface AtRiskStretch {
  from: number;
  to: number;
  /** "Tue 10:00–11:30" (the end is the last interval's end). */
  name: string;
  /** The lowest share of weeks meeting the target in the stretch, as core gave it. */
  lowest: number;
  /** The interval of the stretch with that lowest share (the first, on a tie): its misses are the stretch's worst. */
  worst: number;
}

/**
 * The stretches where a scenario's intervals met the target in fewer than half of the simulated weeks, in time
 * order, each named by its day and times; only intervals `from` … `to` − 1 (the day on screen; default all). A
 * reading of core's per-interval `targetMet.probability`, nothing more.
 */
export function atRiskStretches(
  view: ComparisonView,
  scenarioIndex: number,
  options: { from?: number; to?: number; below?: number } = {},
): AtRiskStretch[] {
  const probability = view.scenarios[scenarioIndex]?.intervalTargetMet.probability;
  if (!probability) return [];
  const below = options.below ?? 0.5;
  const first = Math.max(0, options.from ?? 0);
  const end = Math.min(probability.length, options.to ?? probability.length);
  const stretches: AtRiskStretch[] = [];
  let start = -1;
  let lowest = 1;
  let worst = -1;
  const close = (end: number) => {
    const last = end - 1;
    const endTime = view.intervalStarts[end] !== undefined && view.intervalDays[end] === view.intervalDays[last] ? clock(view.intervalStarts[end]!) : endOfInterval(view, last);
    stretches.push({ from: start, to: end, name: `${intervalName(view.intervalDays, view.intervalStarts, start)}–${endTime}`, lowest, worst });
    start = -1;
    lowest = 1;
    worst = -1;
  };
  for (let i = first; i < end; i++) {
    const p = probability[i]!;
    const atRisk = Number.isFinite(p) && p < below;
    const sameDay = start >= 0 && view.intervalDays[i] === view.intervalDays[start];
    if (start >= 0 && (!atRisk || !sameDay)) close(i);
    if (atRisk) {
      if (start < 0) start = i;
      if (worst < 0 || p < lowest) {
        lowest = p;
        worst = i;
      }
    }
  }
  if (start >= 0) close(end);
  return stretches;
}

const clock = (start: string) => /(\d{2}:\d{2})/.exec(start)?.[1] ?? start;

/** The clock time an interval ends: its start plus the interval length (24:00 at midnight). */
function endOfInterval(view: ComparisonView, i: number): string {
  const [hours, minutes] = clock(view.intervalStarts[i] ?? "00:00").split(":").map(Number) as [number, number];
  const end = hours * 60 + minutes + view.intervalMinutes;
  return `${String(Math.floor(end / 60)).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}`;
}

/**
 * A stretch as a planner says it: "Tue 15 Dec 10:00–11:30: misses the target in up to 70.0% of the simulated weeks
 * (95% CI 55.2 to 81.9%)", how often its worst interval missed (core's `targetMissed` of that interval's target-met
 * share and Wilson interval); "misses … in" without "up to" for a stretch of one interval.
 */
export function atRiskSentence(view: ComparisonView, scenarioIndex: number, stretch: AtRiskStretch): string {
  const met = view.scenarios[scenarioIndex]!.intervalTargetMet;
  const low = met.ciLow[stretch.worst]!;
  const high = met.ciHigh[stretch.worst]!;
  const missed = targetMissed({ probability: met.probability[stretch.worst]!, ci95: Number.isFinite(low) && Number.isFinite(high) ? [low, high] : null });
  const share = missed.probability === 1 ? "every one" : `${stretch.to - stretch.from > 1 ? "up to " : ""}${formatKpi(missed.probability, "fraction")}`;
  const ci = missed.ci95 ? ` (95% CI ${formatRange(missed.ci95[0], missed.ci95[1], "fraction")})` : "";
  return `${stretch.name}: misses the target in ${share} of the simulated weeks${ci}`;
}
