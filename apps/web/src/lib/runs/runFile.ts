// A run as a file: export one run (scenario, settings, results) to share it or keep it, and import it back.
// JSON cannot hold typed arrays or NaN: typed arrays are written as {"$f64": [...]} / {"$i32": [...]}, NaN as null.
import { KPI_REGISTRY, parseScenario, scenarioFingerprint } from "@ccplan/core";
import { INTERVAL_KPIS } from "../run/comparisonView";
import { approximateBytes, type SavedRun } from "./savedRun";

export const RUN_FILE_FORMAT = "ccplan-run";
export const RUN_FILE_VERSION = 1;

/** Fingerprints already taken, by scenario object (a valid scenario is a new object only when it changes). */
const taken = new WeakMap<object, Map<string, string>>();

/** The fingerprint of what a run ran: the scenario and the interventions chosen (core's scenarioFingerprint, a
 * few milliseconds for a week's scenario: kept per scenario object, so the page asks again for nothing). */
export function runFingerprint(scenario: unknown, chosen: readonly string[]): string {
  const key = JSON.stringify(chosen);
  const known = typeof scenario === "object" && scenario !== null ? taken.get(scenario) : undefined;
  const hit = known?.get(key);
  if (hit !== undefined) return hit;
  const fingerprint = scenarioFingerprint({ scenario, chosen: [...chosen] });
  if (typeof scenario === "object" && scenario !== null) {
    const byChoice = known ?? new Map<string, string>();
    byChoice.set(key, fingerprint);
    taken.set(scenario, byChoice);
  }
  return fingerprint;
}

function encode(value: unknown): unknown {
  if (value instanceof Float64Array) return { $f64: Array.from(value, (x) => (Number.isFinite(x) ? x : null)) };
  if (value instanceof Int32Array) return { $i32: Array.from(value) };
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === "$f64" && Array.isArray(record.$f64)) {
      return Float64Array.from(record.$f64 as unknown[], (x) => (typeof x === "number" ? x : Number.NaN));
    }
    if (keys.length === 1 && keys[0] === "$i32" && Array.isArray(record.$i32)) {
      return Int32Array.from(record.$i32 as unknown[], (x) => (typeof x === "number" ? x : 0));
    }
    return Object.fromEntries(keys.map((key) => [key, decode(record[key])]));
  }
  return value;
}

/** A saved run as the text of a `.ccplan-run.json` file. */
export function runFileText(run: SavedRun): string {
  const { id: _id, sizeBytes: _size, importedFrom: _from, ...kept } = run;
  return JSON.stringify({ format: RUN_FILE_FORMAT, version: RUN_FILE_VERSION, ...(encode(kept) as object) });
}

export type RunFileResult = { ok: true; run: SavedRun } | { ok: false; problems: string[] };

/**
 * Reads a run file: checks its format and version, validates the scenario with core and the results' shape (every
 * series as long as the run's intervals, one scenario per name, the registry's KPIs), and gives the run a new id
 * and its size. Every problem is listed with where it is and what was expected; nothing is half-imported.
 */
export function readRunFile(text: string, fileName: string, newId: string): RunFileResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`${fileName} is not JSON (${(error as Error).message}); expected a run file exported by ccplan`] };
  }
  const problems: string[] = [];
  const check = (ok: boolean, where: string, expected: string, value?: unknown) => {
    if (!ok) problems.push(`${where}: ${value === undefined ? "missing" : `found ${short(value)}`}; expected ${expected}`);
    return ok;
  };
  const file = raw as Record<string, unknown>;
  if (!check(isRecord(file) && file.format === RUN_FILE_FORMAT, "format", `"${RUN_FILE_FORMAT}" (a run file exported by ccplan)`, isRecord(file) ? file.format : raw)) {
    return { ok: false, problems };
  }
  if (!check(file.version === RUN_FILE_VERSION, "version", `${RUN_FILE_VERSION}`, file.version)) return { ok: false, problems };
  const decoded = decode(file) as Record<string, unknown>;

  check(typeof decoded.savedAt === "number" && Number.isFinite(decoded.savedAt), "savedAt", "a time (ms since 1970)", decoded.savedAt);
  check(typeof decoded.scenarioName === "string", "scenarioName", "text", decoded.scenarioName);
  check(isStringList(decoded.names) && decoded.names.length >= 1, "names", "the names of the scenarios run", decoded.names);
  check(Number.isInteger(decoded.replications) && (decoded.replications as number) >= 1, "replications", "a whole number ≥ 1", decoded.replications);
  check(Number.isInteger(decoded.seed), "seed", "a whole number", decoded.seed);
  const parsed = parseScenario(decoded.scenario);
  if (!parsed.ok) {
    for (const issue of parsed.issues.slice(0, 10)) problems.push(`scenario${issue.path ? `.${issue.path}` : ""}: ${issue.message}`);
  }
  const settings = decoded.settings as Record<string, unknown> | undefined;
  if (check(isRecord(settings), "settings", "the run's settings", settings)) {
    check(isStringList(settings!.chosen), "settings.chosen", "the names of the interventions compared", settings!.chosen);
    check(typeof settings!.maxReplications === "number", "settings.maxReplications", "a number", settings!.maxReplications);
    check(settings!.precisionHalfWidth === null || typeof settings!.precisionHalfWidth === "number", "settings.precisionHalfWidth", "a number or null", settings!.precisionHalfWidth);
  }
  checkView(decoded.view, isStringList(decoded.names) ? decoded.names : [], Number(decoded.replications), check);
  if (problems.length > 0 || !parsed.ok) return { ok: false, problems };

  const run = {
    ...(decoded as unknown as SavedRun),
    id: newId,
    scenario: parsed.scenario,
    fingerprint: runFingerprint(parsed.scenario, (settings!.chosen as string[]) ?? []),
    importedFrom: fileName,
    sizeBytes: 0,
  };
  delete (run as unknown as Record<string, unknown>).format;
  delete (run as unknown as Record<string, unknown>).version;
  run.sizeBytes = approximateBytes(run);
  return { ok: true, run };
}

type Check = (ok: boolean, where: string, expected: string, value?: unknown) => boolean;

function checkView(view: unknown, names: string[], replications: number, check: Check): void {
  if (!check(isRecord(view), "view", "the run's results", view)) return;
  const v = view as Record<string, unknown>;
  const intervals = isStringList(v.intervalStarts) ? v.intervalStarts.length : -1;
  check(intervals >= 0, "view.intervalStarts", "the start of each interval", v.intervalStarts);
  check(isStringList(v.intervalDays) && v.intervalDays.length === intervals, "view.intervalDays", `one day label per interval (${intervals})`, v.intervalDays);
  check(isStringList(v.dayLabels), "view.dayLabels", "the day labels", v.dayLabels);
  check(typeof v.intervalMinutes === "number", "view.intervalMinutes", "a number", v.intervalMinutes);
  check(typeof v.targetServiceLevel === "number", "view.targetServiceLevel", "a fraction", v.targetServiceLevel);
  check(typeof v.currency === "string", "view.currency", "a currency code", v.currency);
  check(isRecord(v.waitCurve) && v.waitCurve.minutes instanceof Float64Array && v.waitCurve.kept instanceof Float64Array, "view.waitCurve", "the satisfaction curve", v.waitCurve);
  check(Array.isArray(v.money), "view.money", "a list (one per priced intervention)", v.money);
  if (Array.isArray(v.money)) {
    v.money.forEach((money, m) =>
      check(isRecord(money) && typeof money.name === "string" && Array.isArray(money.phases) && money.roiByReplication instanceof Float64Array && money.paybackMonthByReplication instanceof Float64Array, `view.money[${m}]`, "an intervention's money", money),
    );
  }
  if (!check(Array.isArray(v.scenarios) && v.scenarios.length === names.length, "view.scenarios", `one per name (${names.length})`, v.scenarios)) return;
  check(Array.isArray(v.deltas) && v.deltas.length === names.length - 1, "view.deltas", `one per intervention (${names.length - 1})`, v.deltas);
  const width = KPI_REGISTRY.length;
  (v.scenarios as unknown[]).forEach((scenario, s) => {
    const at = `view.scenarios[${s}]`;
    if (!check(isRecord(scenario), at, "a scenario's results", scenario)) return;
    const entry = scenario as Record<string, unknown>;
    check(entry.name === names[s], `${at}.name`, `“${names[s]}”`, entry.name);
    const kpis = entry.kpis as Record<string, unknown> | undefined;
    if (check(isRecord(kpis), `${at}.kpis`, "every KPI's statistics", kpis)) {
      for (const kpi of KPI_REGISTRY) check(isRecord(kpis![kpi.id]) && "mean" in (kpis![kpi.id] as object), `${at}.kpis.${kpi.id}`, "its statistics (mean, ci95, …)", kpis![kpi.id]);
    }
    check(Array.isArray(entry.days), `${at}.days`, "a list of days", entry.days);
    check(Array.isArray(entry.costLines), `${at}.costLines`, "a list", entry.costLines);
    check(entry.spanSamples instanceof Float64Array && (entry.spanSamples.length === 0 || entry.spanSamples.length === replications * width), `${at}.spanSamples`, `${replications} × ${width} values`, entry.spanSamples);
    const series = entry.intervals as Record<string, unknown> | undefined;
    if (check(isRecord(series), `${at}.intervals`, "the series by interval", series)) {
      for (const kpi of INTERVAL_KPIS) {
        const one = series![kpi] as Record<string, unknown> | undefined;
        const ok = isRecord(one) && ["mean", "ciLow", "ciHigh", "p10", "p50", "p90"].every((key) => one[key] instanceof Float64Array && (one[key] as Float64Array).length === intervals);
        check(ok, `${at}.intervals.${kpi}`, `six series of ${intervals} values`, one);
      }
    }
    const met = entry.intervalTargetMet as Record<string, unknown> | undefined;
    check(isRecord(met) && ["probability", "ciLow", "ciHigh"].every((key) => met[key] instanceof Float64Array && (met[key] as Float64Array).length === intervals), `${at}.intervalTargetMet`, `three series of ${intervals} values`, met);
    if (check(Array.isArray(entry.required), `${at}.required`, "a list (one per queue)", entry.required)) {
      (entry.required as unknown[]).forEach((required, q) => {
        const r = required as Record<string, unknown>;
        const line = (value: unknown) => isRecord(value) && value.contacts instanceof Float64Array && value.agents instanceof Int32Array && value.scheduledAgents instanceof Int32Array && value.agents.length === intervals;
        check(isRecord(r) && typeof r.queue === "string" && line(r.forecast) && (r.offered === null || line(r.offered)), `${at}.required[${q}]`, "a queue's required agents by interval", required);
      });
    }
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");
function short(value: unknown): string {
  if (ArrayBuffer.isView(value)) return `${(value as Float64Array).length} values`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isRecord(value)) return "an object without them";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
