// Tooltip lines for interval charts: a scenario's mean with its 95% CI, and its P10–P90, labelled apart.
import { formatKpi, formatRange } from "../results/kpiFormat";
import type { IntervalSeries } from "../run/comparisonView";
import type { Tone, TooltipRow } from "./chartTypes";

/** "mean (95% CI a to b)" and "P10–P90 c to d" for interval i. */
export function seriesRows(options: { name: string; series: IntervalSeries; i: number; unit: string; tone: Tone; what?: string }): TooltipRow[] {
  const { name, series, i, unit, tone } = options;
  const mean = series.mean[i];
  const what = options.what ? ` ${options.what}` : "";
  return [
    {
      label: `${name}${what}, mean`,
      value: `${formatKpi(mean, unit)} (95% CI ${formatRange(series.ciLow[i], series.ciHigh[i], unit, { reference: mean })})`,
      tone,
    },
    { label: `${name}${what}, P10–P90`, value: formatRange(series.p10[i], series.p90[i], unit, { reference: mean }) },
  ];
}

/** Tones of the scenarios drawn: the baseline, then the intervention compared with it. */
export const toneOf = (index: number): Tone => (index === 0 ? "baseline" : "intervention");

/** Seconds on an axis: "45 s", "2 min", "1.5 h". */
export function secondsTick(value: number, top: number): string {
  if (top <= 300) return `${value} s`;
  if (top <= 3 * 3600) return `${+(value / 60).toFixed(1)} min`;
  return `${+(value / 3600).toFixed(1)} h`;
}
