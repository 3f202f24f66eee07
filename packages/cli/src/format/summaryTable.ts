import { KPI_REGISTRY, type KpiSummary, type RunStatistics } from "@ccplan/core";
import { sameInAll, sameInEveryReplication } from "./delta.js";
import { formatValue, kpiLabel, renderTable } from "./units.js";

type Unit = (typeof KPI_REGISTRY)[number]["unit"];

/** Mean, 95% CI of the mean, and P10–P90 spread of outcomes, kept in separate columns (never both as "±"). A figure
 * every replication agrees on (the scheduled agents of a fixed roster) says so in words: "14.29 to 14.29" would read
 * as a precision measured. */
export function summaryCells(summary: KpiSummary, unit: Unit): string[] {
  if (summary.mean !== null && sameInEveryReplication(summary.mean, summary.ci95)) {
    return [formatValue(summary.mean, unit), sameInAll(summary.n).slice(1, -1), "no spread", String(summary.n)];
  }
  return [
    formatValue(summary.mean, unit),
    summary.ci95 ? `${formatValue(summary.ci95[0], unit)} to ${formatValue(summary.ci95[1], unit)}` : "–",
    summary.p10 === null ? "–" : `${formatValue(summary.p10, unit)} to ${formatValue(summary.p90, unit)}`,
    String(summary.n),
  ];
}

/** A share with its 95% CI, as "53.0% [43.3%, 62.5%]": how often a target is met is known only as well as the
 * replications allow, and the table says how well. */
function shareWithCi(share: number | null, ci95: readonly [number, number] | null): string {
  // Wilson's bound at a share of 0 comes out as ~1e-17, not 0: shown as 0, not as "0.000%".
  const bound = (value: number) => formatValue(Math.abs(value) < 1e-12 ? 0 : value, "fraction");
  return `${formatValue(share, "fraction")}${share !== null && ci95 ? ` [${bound(ci95[0])}, ${bound(ci95[1])}]` : ""}`;
}

/** How many of the intervals that miss the target the report lists without `allIntervals`. */
export const WORST_INTERVALS_SHOWN = 8;

/** The human-readable report of one run: the span's KPIs, then per day, then the intervals that miss most (or,
 * with `allIntervals`, every interval). */
export function renderRunStatistics(statistics: RunStatistics, note?: string, options: { allIntervals?: boolean; currency?: string } = {}): string {
  const header = `${statistics.scenario} · ${statistics.replications} replications · seed ${statistics.seed}${note ? ` · ${note}` : ""}`;
  const kpiTable = renderTable(
    ["KPI", "Mean", "95% CI of the mean", "P10 to P90 of outcomes", "n"],
    KPI_REGISTRY.map((kpi) => [kpiLabel(kpi, options.currency), ...summaryCells(statistics.kpis[kpi.id], kpi.unit)]),
  );
  const parts = [header, kpiTable];
  if (statistics.days.length > 1) {
    parts.push(
      "",
      "By day (means over replications, with the 95% CI of the mean; target met = share of replications reaching the service-level target, with its 95% CI)",
      renderTable(
        ["Day", "Offered", "Service level [95% CI]", "Target met [95% CI]", "ASA", "Abandoned", "Occupancy"],
        statistics.days.map(({ day, kpis, targetMet }) => [
          day,
          formatValue(kpis.offered.mean, "contacts"),
          shareWithCi(kpis.serviceLevel.mean, kpis.serviceLevel.ci95),
          shareWithCi(targetMet.probability, targetMet.ci95),
          formatValue(kpis.asa.mean, "seconds"),
          formatValue(kpis.abandonRate.mean, "fraction"),
          formatValue(kpis.occupancy.mean, "fraction"),
        ]),
      ),
    );
  }
  parts.push("", ...intervalSection(statistics, options.allIntervals ?? false));
  return parts.join("\n");
}

const INTERVAL_HEADER = ["Interval", "Service level", "P10 to P90", "Target met [95% CI]", "Offered", "ASA", "Abandoned", "Occupancy"];

function intervalRow({ start, kpis, targetMet }: RunStatistics["intervals"][number]): string[] {
  return [
    start,
    formatValue(kpis.serviceLevel.mean, "fraction"),
    kpis.serviceLevel.p10 === null ? "–" : `${formatValue(kpis.serviceLevel.p10, "fraction")} to ${formatValue(kpis.serviceLevel.p90, "fraction")}`,
    shareWithCi(targetMet.probability, targetMet.ci95),
    formatValue(kpis.offered.mean, "contacts"),
    formatValue(kpis.asa.mean, "seconds"),
    formatValue(kpis.abandonRate.mean, "fraction"),
    formatValue(kpis.occupancy.mean, "fraction"),
  ];
}

/** Every interval in time order, or the worst of those that miss the target in most replications. */
function intervalSection(statistics: RunStatistics, all: boolean): string[] {
  const target = formatValue(statistics.targetServiceLevel, "fraction");
  if (all) {
    return [
      `Every interval (means over replications; target met = share of replications reaching the ${target} service-level target)`,
      renderTable(INTERVAL_HEADER, statistics.intervals.map(intervalRow)),
    ];
  }
  const missing = statistics.intervals
    .filter((interval) => interval.targetMet.probability !== null && interval.targetMet.probability < 0.5 && (interval.kpis.offered.mean ?? 0) > 0)
    .sort((a, b) => a.targetMet.probability! - b.targetMet.probability! || a.kpis.serviceLevel.mean! - b.kpis.serviceLevel.mean!);
  if (missing.length === 0) {
    return [`Every interval with contacts meets the ${target} service-level target in at least half of the replications (--all-intervals lists them).`];
  }
  const shown = missing.slice(0, WORST_INTERVALS_SHOWN);
  return [
    `Intervals that miss the ${target} service-level target in most replications: ${missing.length}${
      missing.length > shown.length ? `, the worst ${shown.length} shown (--all-intervals lists every interval, --csv writes them all as CSV)` : ""
    }`,
    renderTable(INTERVAL_HEADER, shown.map(intervalRow)),
  ];
}
