import { SCENARIO_VERSION } from "./scenario.js";
import { describeValue, type ScenarioIssue } from "./scenarioIssue.js";

/** The outcome of `migrate`: the file upgraded to the current version, or why it cannot be. */
export type MigrateResult = { ok: true; scenario: unknown; fromVersion: number } | { ok: false; issues: ScenarioIssue[] };

// Upgrades from version n to n + 1, keyed by n. Version 1 is the first format, so there are none yet;
// when version 2 arrives, MIGRATIONS[1] turns a version 1 file into a version 2 one (and sets version: 2).
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * Upgrades a raw scenario file (any JSON value) to the current format, version 1, before it is parsed.
 * A current file passes unchanged (the same object); a value that is not an object passes too, for the
 * schema to report. A missing version, a version newer than this ccplan knows, or one that is not a
 * whole number ≥ 1 gives an issue at `version`. Never mutates its input.
 */
export function migrate(raw: unknown): MigrateResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: true, scenario: raw, fromVersion: SCENARIO_VERSION };
  const file = raw as Record<string, unknown>;
  const version = file.version;
  const expected = `${SCENARIO_VERSION} (the current scenario format)`;
  if (version === undefined) {
    return fail(`missing field "version"; expected ${expected}: add "version": ${SCENARIO_VERSION} at the top of the file`, version, expected);
  }
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return fail(`unknown scenario version; expected ${expected}, received ${describeValue(version)}`, version, expected);
  }
  if (version > SCENARIO_VERSION) {
    const message = `scenario version ${version} is newer than this ccplan understands (version ${SCENARIO_VERSION}); expected ${expected}: upgrade ccplan to read it`;
    return fail(message, version, expected);
  }
  let current = file;
  for (let from = version; from < SCENARIO_VERSION; from++) {
    const step = MIGRATIONS[from];
    if (!step) return fail(`scenario version ${version} can no longer be read; expected ${expected}`, version, expected);
    current = step(current);
  }
  return { ok: true, scenario: current, fromVersion: version };
}

function fail(message: string, found: unknown, expected: string): MigrateResult {
  return { ok: false, issues: [{ path: "version", message, received: describeValue(found), expected }] };
}
