import { interventionIssues } from "../interventions/interventionIssues.js";
import { checkScenarioLimits } from "./checkLimits.js";
import { crossCheckScenario } from "./crossCheck.js";
import { findJsonSyntaxError } from "./jsonSyntaxError.js";
import { migrate } from "./migrate.js";
import { SCENARIO_VERSION, scenarioSchema, type Scenario } from "./scenario.js";
import { truncateText, type ScenarioIssue } from "./scenarioIssue.js";
import { scenarioErrorMap, toScenarioIssues } from "./zodIssues.js";

/** A parsed scenario, or every problem found in it. */
export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/**
 * Validates a scenario file's content (any JSON value) at the edge: migrates it to the current version,
 * checks it against the schema and the cross-field rules, and refuses sizes beyond the limits. Returns
 * the scenario with its defaults filled in, or every problem found (not just the first), each with its
 * path, the value found and what was expected. Never throws and never mutates its input.
 * The size limits are checked only on a scenario that is otherwise valid.
 */
export function parseScenario(input: unknown): ParseScenarioResult {
  const migrated = migrate(input);
  if (migrated.ok) return check(migrated.scenario);
  const isObject = typeof input === "object" && input !== null && !Array.isArray(input);
  if (isObject && !("version" in input)) {
    // A file without a version is most likely a current one: list its other problems too.
    const rest = check({ ...input, version: SCENARIO_VERSION });
    return { ok: false, issues: [...migrated.issues, ...(rest.ok ? [] : rest.issues)] };
  }
  return migrated;
}

function check(raw: unknown): ParseScenarioResult {
  const parsed = scenarioSchema.safeParse(raw, { reportInput: true, error: scenarioErrorMap });
  const issues = parsed.success ? [] : toScenarioIssues(parsed.error.issues);
  issues.push(...crossCheckScenario(raw));
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  // Interventions must apply to the scenario they come with (a training naming an unknown group, a process
  // change shortening a resolution time that does not exist): checked on the parsed data, each with its path.
  const unusable = interventionIssues(parsed.data);
  if (unusable.length > 0) return { ok: false, issues: unusable };
  const limits = checkScenarioLimits(parsed.data);
  return limits.length > 0 ? { ok: false, issues: limits } : { ok: true, scenario: parsed.data };
}

/**
 * Parses the text of a scenario file: JSON first (a syntax error is reported with its line and column,
 * the same in every JavaScript engine), then `parseScenario`. A leading byte-order mark is ignored.
 */
export function parseScenarioText(text: string): ParseScenarioResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    const syntax = findJsonSyntaxError(source) ?? { line: 1, column: 1, offset: 0, message: error instanceof Error ? error.message : String(error) };
    const lineText = source.split("\n")[syntax.line - 1] ?? "";
    return {
      ok: false,
      issues: [
        {
          path: "",
          message: `invalid JSON at line ${syntax.line}, column ${syntax.column}: ${syntax.message}`,
          received: truncateText(lineText.trim() === "" ? "an empty line" : lineText.trim()),
          expected: "valid JSON",
        },
      ],
    };
  }
  return parseScenario(raw);
}
