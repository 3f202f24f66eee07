import type { KpiUnit } from "@ccplan/core";
import { signed } from "./sign.js";

/** A KPI's row label in a table: a money KPI names its currency (the scenario's `money.currency`), because its
 * values are printed as bare amounts. */
export function kpiLabel(kpi: { label: string; unit: KpiUnit }, currency?: string): string {
  return kpi.unit === "money" && currency ? `${kpi.label} (${currency})` : kpi.label;
}

/** A value in a planner's units for a terminal table: fractions as percentages, seconds as s/min/h. */
export function formatValue(value: number | null | undefined, unit: KpiUnit | "erlangs"): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  // A negative value (an NPS, a CI reaching below 0) with a true minus, as the tables' changes have it.
  return signed(value, formatUnsigned(Math.abs(value), unit), { plus: false });
}

/** `value` ≥ 0 in its display unit. */
function formatUnsigned(value: number, unit: KpiUnit | "erlangs"): string {
  switch (unit) {
    case "fraction":
      return `${(value * 100).toFixed(Math.abs(value) < 0.001 && value !== 0 ? 3 : 1)}%`;
    case "seconds":
      return formatSeconds(value);
    case "contacts":
      return Math.abs(value) >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(1);
    case "customers":
      return Math.abs(value) >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(1);
    case "score":
      return value.toFixed(1);
    case "money":
      return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString("en-US") : value.toFixed(2);
    case "agents":
    case "erlangs":
      return value.toFixed(2);
  }
}

function formatSeconds(seconds: number): string {
  if (seconds < 100) return `${seconds.toFixed(1)} s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(2)} h`;
}

/** Lays out rows as a plain text table with the first column left-aligned and the rest right-aligned. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  return [line(header), widths.map((width) => "─".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}
