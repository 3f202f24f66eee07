import { csvParseRows } from "d3-dsv";

/** Mean patience estimated from an interval report (no call log). */
export interface IntervalPatienceEstimate {
  /** Mean patience, seconds: Σ time waited by all offered calls / Σ abandoned. */
  meanPatienceSec: number;
  /** Its standard error under exponential patience (mean / √abandoned). */
  standardErrorSec: number;
  offered: number;
  abandoned: number;
  /** Per row: its own estimate (null without an abandonment). */
  byInterval: { line: number; start: string; meanPatienceSec: number | null }[];
}

const COLUMNS = ["start", "offered", "answered", "abandoned", "asa_seconds", "abandon_wait_seconds"] as const;

/**
 * Mean patience from an interval report alone. Under exponential patience the abandonment rate is proportional to
 * the time spent waiting: P(abandon) / E[wait] = 1 / mean patience, with E[wait] over all offered calls, abandoners
 * counted until they hang up (Mandelbaum & Zeltyn, "Service engineering in action: the Palm/Erlang-A queue", 2007;
 * Brown et al. 2005 use it on this bank's data). Pooled over the rows: Σ(answered × ASA + abandoned × mean time to
 * abandon) / Σ abandoned — which, over the same calls, is the exponential fit to the waits censored by service.
 * The CSV's columns: start, offered, answered, abandoned, asa_seconds, abandon_wait_seconds. Bad rows are reported by
 * line; an estimate needs at least one abandonment.
 */
export function patienceFromIntervalReport(text: string): { ok: true; estimate: IntervalPatienceEstimate } | { ok: false; errors: string[] } {
  const [header = [], ...rows] = csvParseRows(text.replace(/^\uFEFF/, ""));
  const names = header.map((name) => name.trim());
  const missing = COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) return { ok: false, errors: [`line 1: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}; expected ${COLUMNS.join(", ")}`] };
  const errors: string[] = [];
  let waited = 0;
  let offered = 0;
  let abandoned = 0;
  const byInterval: IntervalPatienceEstimate["byInterval"] = [];
  rows.forEach((row, index) => {
    if (row.length === 1 && row[0]!.trim() === "") return;
    const line = index + 2;
    const value = (column: (typeof COLUMNS)[number]) => {
      const raw = (row[names.indexOf(column)] ?? "").trim();
      const number = Number(raw);
      if (raw === "" || !(number >= 0) || !Number.isFinite(number)) {
        errors.push(`line ${line}: ${column} ${JSON.stringify(raw)}; expected a number ≥ 0`);
        return Number.NaN;
      }
      return number;
    };
    const rowOffered = value("offered");
    const rowAnswered = value("answered");
    const rowAbandoned = value("abandoned");
    const asa = value("asa_seconds");
    const abandonWait = value("abandon_wait_seconds");
    if ([rowOffered, rowAnswered, rowAbandoned, asa, abandonWait].some(Number.isNaN)) return;
    if (rowAnswered + rowAbandoned > rowOffered + 1e-9) {
      errors.push(`line ${line}: answered ${rowAnswered} + abandoned ${rowAbandoned} exceed offered ${rowOffered}; expected at most offered`);
      return;
    }
    const rowWaited = rowAnswered * asa + rowAbandoned * abandonWait;
    waited += rowWaited;
    offered += rowOffered;
    abandoned += rowAbandoned;
    byInterval.push({ line, start: (row[names.indexOf("start")] ?? "").trim(), meanPatienceSec: rowAbandoned > 0 ? rowWaited / rowAbandoned : null });
  });
  if (errors.length > 0) return { ok: false, errors };
  if (abandoned === 0) return { ok: false, errors: ["no abandoned calls in the report; expected some, to estimate patience"] };
  const meanPatienceSec = waited / abandoned;
  return { ok: true, estimate: { meanPatienceSec, standardErrorSec: meanPatienceSec / Math.sqrt(abandoned), offered, abandoned, byInterval } };
}
