import { KPI_REGISTRY, type KpiUnit, type SensitivityResult, type SensitivityUnit, type Tornado, type TornadoBar } from "@ccplan/core";
import { formatChange, formatChangeWithCi, sameInAll, sameInEveryReplication } from "./delta.js";
import { signed } from "./sign.js";
import { formatValue, renderTable } from "./units.js";

/** `ccplan sensitivity`'s table: a tornado per output, then how to read it. */
export function renderSensitivity(result: SensitivityResult): string {
  const subject = result.intervention === null ? "the baseline" : `intervention ${JSON.stringify(result.intervention)}`;
  const parts = [`${result.scenario} · sensitivity of ${subject} · ${result.replications} paired replications per point · seed ${result.seed}`];
  for (const tornado of result.tornados) parts.push("", renderTornado(tornado, result.currency, result.replications));
  parts.push(
    "",
    "Each input at its low and high value, everything else unchanged; swing = output at high − output at low (mean of the",
    "paired differences, 95% CI). A swing whose CI contains 0 may be noise; pt = percentage points.",
  );
  return parts.join("\n");
}

/** One output's tornado: its value with every input at its own, then a row per bar, longest swing first. */
export function renderTornado(tornado: Tornado, currency: string | null, replications: number): string {
  const unit = tornado.output.unit;
  const isGain = tornado.output.label.includes("gain");
  const show = (value: number | null) => formatOutput(value, unit, currency, isGain);
  const rows = tornado.bars.map((bar) => [
    bar.label,
    `${formatInput(bar.low, bar.unit, currency)} → ${show(bar.outputLow)}`,
    `${formatInput(bar.high, bar.unit, currency)} → ${show(bar.outputHigh)}`,
    formatSwing(bar, unit, currency),
  ]);
  return [
    `${tornado.output.label}: ${show(tornado.base)} with every input at its value`,
    renderTable(["Input", "Low → output", "High → output", "Swing [95% CI]"], rows),
    ...partialNote(tornado, replications),
  ].join("\n");
}

/**
 * Where an output is undefined in some replications (the break-even week of one that does not break even within the
 * horizon), the swings are means over fewer replications than were run: a line says over how few, so that an input
 * that pushes break-even past the horizon is not read from its swing alone.
 */
function partialNote(tornado: Tornado, replications: number): string[] {
  const partial = tornado.bars.filter((bar) => bar.swingReplications < replications);
  if (partial.length === 0) return [];
  const what = tornado.output.id === "breakEvenWeek" ? "that break even within the horizon at both values" : "in which it is defined at both values";
  const listed = partial
    .slice()
    .sort((a, b) => a.swingReplications - b.swingReplications)
    .map((bar) => `${bar.label} ${bar.swingReplications}`)
    .join(", ");
  return [`Swings over the replications ${what}, of ${replications}; fewer for: ${listed}.`];
}

/**
 * A bar's swing and its 95% CI, a difference of two outputs: of a share (ROI, a service level) in percentage points
 * whatever the output, and with the digits that keep a swing whose CI excludes zero from reading as zero (a swing of
 * 0.03 pt printed with one decimal read "0.0 pt [0.0 pt, 0.1 pt]").
 */
export function formatSwing(bar: Pick<TornadoBar, "swing" | "swingCi95"> & Partial<Pick<TornadoBar, "swingReplications">>, unit: SensitivityUnit, currency: string | null): string {
  if (bar.swing === null || !Number.isFinite(bar.swing)) return "–";
  const ci95 = bar.swingCi95 && bar.swingCi95.every(Number.isFinite) ? bar.swingCi95 : null;
  if (isKpiUnit(unit) || unit === "weeks") {
    const inCurrency = unit === "money" && currency ? ` ${currency}` : "";
    // Every replication swung by as much (whole weeks often do): said in words, the currency beside the amount.
    if (sameInEveryReplication(bar.swing, ci95)) {
      return `${formatChangeWithCi(bar.swing, null, unit, { significant: bar.swing !== 0 })}${inCurrency} ${sameInAll(bar.swingReplications)}`;
    }
    return `${formatChangeWithCi(bar.swing, ci95, unit)}${inCurrency}`;
  }
  // An input's unit (hours, a factor) is never an output's; printed plainly should one ever be.
  const show = (value: number) => signed(value, formatInput(Math.abs(value), unit, currency), { plus: true });
  return ci95 ? `${show(bar.swing)} [${show(ci95[0])}, ${show(ci95[1])}]` : show(bar.swing);
}

/** The units the registry's KPIs are in (the outputs' units; an input's may be hours or a factor). */
const KPI_UNITS: ReadonlySet<string> = new Set(KPI_REGISTRY.map((kpi) => kpi.unit));
const isKpiUnit = (unit: string): unit is KpiUnit => KPI_UNITS.has(unit);

function formatOutput(value: number | null, unit: SensitivityUnit, currency: string | null, points: boolean): string {
  if (value === null || !Number.isFinite(value)) return "–";
  if (unit === "fraction" && points) return formatChange(value, "fraction");
  return formatInput(value, unit, currency);
}

function formatInput(value: number, unit: SensitivityUnit, currency: string | null): string {
  switch (unit) {
    case "money":
      return `${formatMoney(value)}${currency ? ` ${currency}` : ""}`;
    case "factor":
      return `×${value.toFixed(2)}`;
    case "hours":
      return `${Number(value.toFixed(2))} h`;
    case "weeks":
      return `${Number(value.toFixed(2))} wk`;
    case "agents":
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
    default:
      return formatValue(value, unit);
  }
}

function formatMoney(value: number): string {
  const magnitude = Math.abs(value);
  return signed(value, magnitude >= 100 ? Math.round(magnitude).toLocaleString("en-US") : magnitude.toFixed(2), { plus: false });
}
