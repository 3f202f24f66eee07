import { KPI_REGISTRY, type RunStatistics } from "@ccplan/core";

/** A CSV cell: numbers as they are (empty when undefined), text quoted when it needs it (RFC 4180); text a
 * spreadsheet would read as a formula gets a leading quote, as the web's CSV export does. */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Every counted interval of a run as CSV, one row per interval: for every KPI of the registry its mean, 95% CI of
 * the mean, P10/P50/P90 of outcomes and n, then how often the interval met the service-level target. Units are
 * those of the JSON output (fractions, seconds, contacts; money in the scenario's currency).
 */
export function intervalCsv(statistics: RunStatistics): string {
  const header = ["interval"];
  for (const kpi of KPI_REGISTRY) header.push(...["mean", "ci95_low", "ci95_high", "p10", "p50", "p90", "n"].map((stat) => `${kpi.id}_${stat}`));
  header.push("target_met_probability", "target_met_ci95_low", "target_met_ci95_high", "target_service_level");
  const lines = [header.join(",")];
  for (const { start, kpis, targetMet } of statistics.intervals) {
    const row: (string | number | null | undefined)[] = [start];
    for (const kpi of KPI_REGISTRY) {
      const s = kpis[kpi.id];
      row.push(s.mean, s.ci95?.[0], s.ci95?.[1], s.p10, s.p50, s.p90, s.n);
    }
    row.push(targetMet.probability, targetMet.ci95?.[0], targetMet.ci95?.[1], statistics.targetServiceLevel);
    lines.push(row.map(cell).join(","));
  }
  return `${lines.join("\n")}\n`;
}
