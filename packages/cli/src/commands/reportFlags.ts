import type { RunStatistics } from "@ccplan/core";
import { numberFlag } from "../args.js";
import { InputError } from "../errors.js";
import { intervalCsv } from "../format/intervalCsv.js";
import { renderRunStatistics } from "../format/summaryTable.js";
import { writeJson } from "../format/writeJson.js";

/** The flags that choose how one run's statistics are judged and printed (`simulate` and `merge`). */
export const REPORT_FLAGS = {
  "target-sl": { type: "string" },
  "all-intervals": { type: "boolean" },
  csv: { type: "boolean" },
} as const;

export const REPORT_FLAGS_HELP = `  --target-sl F     the service level (a fraction, e.g. 0.8) an interval, day or the span must reach to count as
                    "target met"; default the scenario's queues' targetServiceLevel (0.8 for --rate and --intervals)
  --all-intervals   list every interval in the table, not only the worst of those that miss the target
  --csv             print every interval as CSV (every KPI's mean, 95% CI, P10/P50/P90 and n, and target met)`;

export interface ReportFlags {
  targetServiceLevel?: number;
  allIntervals: boolean;
  csv: boolean;
  json: boolean;
}

export function readReportFlags(values: Record<string, string | boolean | string[] | undefined>): ReportFlags {
  const targetServiceLevel = numberFlag("target-sl", values["target-sl"] as string | undefined, { min: 0, max: 1 });
  const flags: ReportFlags = {
    ...(targetServiceLevel !== undefined && { targetServiceLevel }),
    allIntervals: values["all-intervals"] === true,
    csv: values.csv === true,
    json: values.json === true,
  };
  if (flags.csv && flags.json) throw new InputError("--csv and --json cannot be combined: choose one output format");
  return flags;
}

/** What a report adds to the statistics: fields for the JSON, a note for the table's header, and the currency its money
 * KPIs are in (the scenario's; the table names it). */
export interface ReportExtras {
  json?: object;
  note?: string;
  currency?: string;
}

/** `renderReport`, written: JSON in pieces (`writeJson`), so a large run's text is never whole in memory. */
export function writeReport(write: (text: string) => void, statistics: RunStatistics, flags: ReportFlags, extra: ReportExtras = {}): void {
  if (flags.json) writeJson(write, { ...statistics, ...extra.json });
  else write(renderReport(statistics, flags, extra));
}

/** The run's statistics as the flags ask: JSON, CSV of every interval, or the table. */
export function renderReport(statistics: RunStatistics, flags: ReportFlags, extra: ReportExtras = {}): string {
  if (flags.json) return `${JSON.stringify({ ...statistics, ...extra.json }, null, 2)}\n`;
  if (flags.csv) return intervalCsv(statistics);
  return `${renderRunStatistics(statistics, extra.note, { allIntervals: flags.allIntervals, ...(extra.currency !== undefined && { currency: extra.currency }) })}\n`;
}
