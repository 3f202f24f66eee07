// The compact shape of a comparison that crosses from the comparison worker to the page: span and day statistics
// as core gave them, per-interval series as typed arrays (one structured clone of a few hundred kB instead of tens
// of thousands of small objects, which would hold the main thread for ~100 ms). Reshaping only: every number is
// core's, copied; NaN stands for "undefined" (core's null).
import { KPI_REGISTRY } from "@ccplan/core";
import type {
  AssumptionsView,
  CostLine,
  FullDecision,
  KpiSample,
  DeltaStatisticsByKpi,
  IntervalQuantileBasis,
  KpiId,
  KpiStatistics,
  KpiStatisticsByKpi,
  QueueRequiredAgents,
  RunStatistics,
  TargetMet,
} from "@ccplan/core";
import type { PrecisionOutcome, PrecisionTarget } from "@ccplan/worker";
import type { MoneyView } from "./moneyStage";
import type { WaitCurveView } from "./waitCurveView";

/** Per-interval KPIs the charts draw. */
export const INTERVAL_KPIS = ["serviceLevel", "asa", "waitP50", "waitP90", "abandonRate", "occupancy", "offered", "scheduledAgents", "availableAgents"] as const satisfies readonly KpiId[];
export type IntervalKpi = (typeof INTERVAL_KPIS)[number];

/** One KPI by interval across replications: mean, 95% CI of the mean, P10/P50/P90 of outcomes. NaN = undefined. */
export interface IntervalSeries {
  mean: Float64Array;
  ciLow: Float64Array;
  ciHigh: Float64Array;
  p10: Float64Array;
  p50: Float64Array;
  p90: Float64Array;
}

/** How often each interval met the service-level target: the share of replications and its 95% Wilson interval. */
export interface TargetMetSeries {
  probability: Float64Array;
  ciLow: Float64Array;
  ciHigh: Float64Array;
}

/** Agents core's Erlang A (or C, without patience) needs per interval of one queue: for the load the simulation
 * offered (first contacts, retries, repeats) and for the forecast alone (`requiredAgents` in core). */
export type RequiredAgents = QueueRequiredAgents;

export interface ScenarioView {
  /** "Baseline" or the intervention's name (user text: show as text). */
  name: string;
  kpis: KpiStatisticsByKpi;
  targetMet: TargetMet;
  days: { day: string; kpis: KpiStatisticsByKpi; targetMet: TargetMet }[];
  intervals: Record<IntervalKpi, IntervalSeries>;
  intervalTargetMet: TargetMetSeries;
  required: RequiredAgents[];
  costLines: CostLine[];
  /** Every replication's span KPIs (row k: the registry's KPIs in registry order, NaN where undefined): what a
   * later run is paired with (core's `compareRuns`). */
  spanSamples: Float64Array;
}

export interface VariantDeltasView {
  name: string;
  deltas: DeltaStatisticsByKpi;
  days: { day: string; deltas: DeltaStatisticsByKpi }[];
}

export interface ComparisonView {
  /** The scenario's name (user text). */
  scenario: string;
  seed: number;
  /** Paired replications per scenario. */
  replications: number;
  precision?: PrecisionOutcome;
  requestedPrecision?: PrecisionTarget;
  targetServiceLevel: number;
  /** ISO 4217 code of the scenario's money (KPIs in unit "money"). */
  currency: string;
  intervalMinutes: number;
  intervalsPerDay: number;
  /** Day label of each interval ("mon", "mon #2" or a date) and its start on the clock ("07:30"). */
  intervalDays: string[];
  intervalStarts: string[];
  dayLabels: string[];
  intervalQuantiles: IntervalQuantileBasis;
  /** Baseline first, then each intervention compared. */
  scenarios: ScenarioView[];
  /** One per intervention (scenarios[1…]), against the baseline. */
  deltas: VariantDeltasView[];
  /** Satisfaction against wait, the experience model's curve, with each scenario's waits on it. */
  waitCurve: WaitCurveView;
  /** One per intervention (scenarios[1…]): its timeline phase by phase and its money over the horizon. */
  money: MoneyView[];
  /** Which uncertainty the figures carry: the assumptions' draws and the simulation (`combined`), or the simulation alone. */
  assumptions: AssumptionsView;
  /** The probability each option is best, what to measure first and the acceptability curve (null without money). */
  decision: FullDecision | null;
}

const field = (value: number | null | undefined): number => (value === null || value === undefined ? Number.NaN : value);

/** Copies one KPI of every interval row into typed arrays. */
export function intervalSeries(rows: readonly { kpis: KpiStatisticsByKpi }[], kpi: KpiId): IntervalSeries {
  const n = rows.length;
  const series: IntervalSeries = {
    mean: new Float64Array(n),
    ciLow: new Float64Array(n),
    ciHigh: new Float64Array(n),
    p10: new Float64Array(n),
    p50: new Float64Array(n),
    p90: new Float64Array(n),
  };
  rows.forEach((row, i) => {
    const statistics: KpiStatistics | undefined = row.kpis[kpi];
    series.mean[i] = field(statistics?.mean);
    series.ciLow[i] = field(statistics?.ci95?.[0]);
    series.ciHigh[i] = field(statistics?.ci95?.[1]);
    series.p10[i] = field(statistics?.p10);
    series.p50[i] = field(statistics?.p50);
    series.p90[i] = field(statistics?.p90);
  });
  return series;
}

/** Copies the per-interval target-met probabilities into typed arrays. */
export function targetMetSeries(rows: readonly { targetMet: TargetMet }[]): TargetMetSeries {
  const n = rows.length;
  const series: TargetMetSeries = { probability: new Float64Array(n), ciLow: new Float64Array(n), ciHigh: new Float64Array(n) };
  rows.forEach((row, i) => {
    series.probability[i] = field(row.targetMet.probability);
    series.ciLow[i] = field(row.targetMet.ci95?.[0]);
    series.ciHigh[i] = field(row.targetMet.ci95?.[1]);
  });
  return series;
}

/** A scenario's statistics in the view's shape. */
export function scenarioView(
  name: string,
  statistics: RunStatistics,
  required: RequiredAgents[],
  costLines: CostLine[],
  spanSamples: Float64Array = new Float64Array(0),
): ScenarioView {
  return {
    spanSamples,
    name,
    kpis: statistics.kpis,
    targetMet: statistics.targetMet,
    days: statistics.days,
    intervals: Object.fromEntries(INTERVAL_KPIS.map((kpi) => [kpi, intervalSeries(statistics.intervals, kpi)])) as Record<IntervalKpi, IntervalSeries>,
    intervalTargetMet: targetMetSeries(statistics.intervals),
    required,
    costLines,
  };
}

/** Span samples (core's `KpiSample`s, one per replication) as one typed array in registry order; NaN = undefined. */
export function spanSampleArray(samples: readonly KpiSample[]): Float64Array {
  const width = KPI_REGISTRY.length;
  const array = new Float64Array(samples.length * width);
  samples.forEach((sample, k) => {
    KPI_REGISTRY.forEach((kpi, column) => {
      const value = sample[kpi.id];
      array[k * width + column] = value === null || value === undefined ? Number.NaN : value;
    });
  });
  return array;
}
