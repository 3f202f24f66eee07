// A run as the planner keeps it: the scenario that ran, its fingerprint, the run's settings, when, and its results.
import type { AssumptionsView, Scenario } from "@ccplan/core";
import type { ComparisonView } from "../run/comparisonView";

/** How a run was asked for. */
export interface RunSettings {
  /** Interventions compared with the baseline, in the scenario's order. */
  chosen: string[];
  maxReplications: number;
  /** Stop once every service-level change had this 95% CI half-width (a fraction), if asked. */
  precisionHalfWidth: number | null;
  /** Whether the uncertain inputs were drawn (`combined`) or fixed; omitted in runs kept before there was a choice. */
  assumptions?: AssumptionsView;
}

/** What the list of runs shows of a run, without loading its results. */
export interface SavedRunSummary {
  id: string;
  /** When the run finished, ms since 1970 (Date.now()). */
  savedAt: number;
  scenarioName: string;
  /** The baseline and the interventions compared. */
  names: string[];
  replications: number;
  seed: number;
  /** Core's fingerprint of the scenario and the interventions chosen: equal fingerprints ran the same inputs. */
  fingerprint: string;
  /** Approximate bytes the run takes in storage. */
  sizeBytes: number;
  /** Where it came from, when not this browser's own run (an imported file's name). */
  importedFrom?: string;
}

export interface SavedRun extends SavedRunSummary {
  /** The scenario that ran (validated, as core parsed it). */
  scenario: Scenario;
  settings: RunSettings;
  view: ComparisonView;
}

/** The summary part of a saved run. */
export function summaryOf(run: SavedRun): SavedRunSummary {
  const { id, savedAt, scenarioName, names, replications, seed, fingerprint, sizeBytes, importedFrom } = run;
  return { id, savedAt, scenarioName, names, replications, seed, fingerprint, sizeBytes, ...(importedFrom !== undefined && { importedFrom }) };
}

/** Approximate bytes a value takes when stored: typed arrays by their bytes, text at two bytes a character, eight
 * per number, plus the keys. For the storage cap, not for billing. */
export function approximateBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === "boolean") return 4;
  if (typeof value === "number") return 8;
  if (typeof value === "string") return 2 * value.length;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + approximateBytes(item), 16);
  if (typeof value === "object") {
    let sum = 16;
    for (const [key, item] of Object.entries(value)) sum += 2 * key.length + approximateBytes(item);
    return sum;
  }
  return 8;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

/** A short label for a run in lists and headers, in the browser's time zone: "Run of 14:02, Tue 9 Dec". Written
 * by hand: the first Intl date format of a page costs some 10 ms, in the task that shows a run's results. */
export function runLabel(run: Pick<SavedRunSummary, "savedAt">): string {
  const date = new Date(run.savedAt);
  return `Run of ${two(date.getHours())}:${two(date.getMinutes())}, ${WEEKDAYS[date.getDay()]} ${date.getDate()} ${MONTHS[date.getMonth()]}`;
}

/** A run's time to the second, to tell apart runs of the same minute: "14:02:37". */
export function runClock(run: Pick<SavedRunSummary, "savedAt">): string {
  const date = new Date(run.savedAt);
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}
