// The comparison on screen as CSV: every number as core computed it, in core's units (fractions, seconds).
import { KPI_REGISTRY, type DeltaStatistics, type KpiStatistics } from "@ccplan/core";
import { INTERVAL_KPIS, type ComparisonView } from "../run/comparisonView";
import { toCsv, type CsvCell } from "./csv";

const statisticCells = (s: KpiStatistics | undefined): CsvCell[] => [s?.mean, s?.ci95?.[0], s?.ci95?.[1], s?.p10, s?.p50, s?.p90, s?.n];

/**
 * The KPI table, one row per scenario and KPI: mean, 95% CI of the mean, P10/P50/P90 of outcomes across
 * replications; for an intervention also its paired change against the baseline, with its 95% CI and verdict.
 */
export function kpiCsv(view: ComparisonView): string {
  const header = [
    "scenario", "kpi", "label", "unit",
    "mean", "ci95_low", "ci95_high", "p10", "p50", "p90", "n",
    "delta_mean", "delta_ci95_low", "delta_ci95_high", "delta_p10", "delta_p90", "delta_significant", "delta_effect",
  ];
  const rows: CsvCell[][] = [];
  view.scenarios.forEach((scenario, s) => {
    for (const kpi of KPI_REGISTRY) {
      const delta: DeltaStatistics | undefined = s > 0 ? view.deltas[s - 1]?.deltas[kpi.id] : undefined;
      rows.push([
        scenario.name, kpi.id, kpi.label, (kpi.unit as string) === "money" ? view.currency : kpi.unit,
        ...statisticCells(scenario.kpis[kpi.id]),
        delta?.mean, delta?.ci95?.[0], delta?.ci95?.[1], delta?.p10, delta?.p90, delta?.significant, delta?.effect ?? undefined,
      ]);
    }
  });
  return toCsv(header, rows);
}

/**
 * Every interval of every scenario: for each charted KPI its mean, 95% CI and P10–P90 across replications, the
 * probability the interval met the service-level target, and the agents core's Erlang model requires for the load
 * the simulation offered (first contacts, retries, repeats) and for the forecast alone.
 */
export function intervalCsv(view: ComparisonView): string {
  const header: string[] = ["scenario", "day", "start"];
  for (const kpi of INTERVAL_KPIS) header.push(`${kpi}_mean`, `${kpi}_ci95_low`, `${kpi}_ci95_high`, `${kpi}_p10`, `${kpi}_p90`);
  header.push("target_met_probability", "target_met_ci95_low", "target_met_ci95_high");
  const queues = view.scenarios[0]?.required.map((required) => required.queue) ?? [];
  for (const queue of queues) {
    header.push(`offered_simulated_${queue}`, `required_agents_simulated_load_${queue}`, `required_scheduled_simulated_load_${queue}`);
    header.push(`forecast_contacts_${queue}`, `required_agents_forecast_${queue}`, `required_scheduled_forecast_${queue}`);
  }
  const rows: CsvCell[][] = [];
  for (const scenario of view.scenarios) {
    view.intervalStarts.forEach((start, i) => {
      const row: CsvCell[] = [scenario.name, view.intervalDays[i], start];
      for (const kpi of INTERVAL_KPIS) {
        const series = scenario.intervals[kpi];
        row.push(series.mean[i], series.ciLow[i], series.ciHigh[i], series.p10[i], series.p90[i]);
      }
      row.push(scenario.intervalTargetMet.probability[i], scenario.intervalTargetMet.ciLow[i], scenario.intervalTargetMet.ciHigh[i]);
      for (const required of scenario.required) {
        const offered = required.offered;
        row.push(offered?.contacts[i], offered?.agents[i], offered?.scheduledAgents[i]);
        row.push(required.forecast.contacts[i], required.forecast.agents[i], required.forecast.scheduledAgents[i]);
      }
      rows.push(row);
    });
  }
  return toCsv(header, rows);
}
