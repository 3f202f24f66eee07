import type { z } from "zod";
import { impossibleDateReason } from "./calendarDate.js";
import { CLOCK_TIME_PATTERN } from "./clockTime.js";
import { groupedNumber } from "./numberText.js";
import { describeValue, formatPath, truncateText, type ScenarioIssue } from "./scenarioIssue.js";

// The per-parse error map below does not write messages: it marks the issues whose message zod would
// make up (so that `toScenarioIssues` writes its own, with the path and the value in hand) and passes
// the allowed keys of a strict object along. Messages that the schema itself sets win over it.
const DEFAULT_MESSAGE = "\u0000default";
const KEYS_MESSAGE = "\u0000keys:";

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

/** The error map to pass to `safeParse` (with `reportInput: true`) before `toScenarioIssues`. */
export function scenarioErrorMap(issue: RawIssue): string {
  if (issue.code === "unrecognized_keys") {
    const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
    return KEYS_MESSAGE + (shape ? Object.keys(shape).join(", ") : "");
  }
  return DEFAULT_MESSAGE;
}

/** Converts the issues of a `safeParse` run with `scenarioErrorMap` and `reportInput` into scenario issues. */
export function toScenarioIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): ScenarioIssue[] {
  return issues.flatMap((issue) => convert(issue, prefix));
}

function convert(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): ScenarioIssue[] {
  const path = [...prefix, ...issue.path];
  const input = issue.input;
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = issue.message.startsWith(KEYS_MESSAGE) ? issue.message.slice(KEYS_MESSAGE.length) : "";
      const expected = allowed === "" ? "only the documented keys" : `one of ${allowed}`;
      const quoted = issue.keys.map((key) => JSON.stringify(key)).join(", ");
      const message = `unknown key${issue.keys.length > 1 ? "s" : ""} ${quoted}; expected ${expected}`;
      const record = (input ?? {}) as Record<string, unknown>;
      const found = issue.keys.map((key) => `${JSON.stringify(key)}: ${describeValue(record[key], 30)}`).join(", ");
      return [{ path: formatPath(path), message, received: truncateText(`{${found}}`), expected }];
    }
    case "invalid_union": {
      if (issue.discriminator !== undefined) {
        // zod points at the discriminator already; the value found is that key of the object.
        const found = typeof input === "object" && input !== null ? (input as Record<string, unknown>)[issue.discriminator] : undefined;
        const options = "options" in issue ? (issue.options ?? []) : [];
        const expected = `one of ${options.map(String).join(", ")}`;
        const what = found === undefined ? `missing field "${issue.discriminator}"` : `unknown ${issue.discriminator}`;
        return [finish(path, found, expected, what, issue.message)];
      }
      const branch = bestBranch(issue.errors);
      if (branch) return toScenarioIssues(branch, path);
      return [finish(path, input, "a valid value", "invalid value", issue.message)];
    }
    default: {
      const expected = expectedText(issue);
      // A list that is too long or too short is better described by its length than by its start.
      const sized = (issue.code === "too_big" || issue.code === "too_small") && issue.origin === "array" && Array.isArray(input);
      return [finish(path, input, expected, headline(issue), issue.message, sized ? `${(input as unknown[]).length} entries` : undefined)];
    }
  }
}

function finish(path: PropertyKey[], input: unknown, expected: string, what: string, zodMessage: string, receivedText?: string): ScenarioIssue {
  const received = receivedText ?? describeValue(input);
  const key = path[path.length - 1];
  let message: string;
  // A missing field gets the same words everywhere, even where the schema has its own message.
  if (what === "missing field") message = `missing field${typeof key === "string" ? ` "${key}"` : ""}; expected ${expected}`;
  else if (zodMessage !== DEFAULT_MESSAGE) message = `${zodMessage}; received ${received}`;
  else if (input === undefined) message = `${what}; expected ${expected}`;
  else message = `${what}; expected ${expected}, received ${received}`;
  return { path: formatPath(path), message, received, expected };
}

// Of the branches of a union that all failed, report the one the input most likely meant: the fewest
// issues, where a branch whose very type did not match counts as far off.
function bestBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | undefined {
  let best: readonly z.core.$ZodIssue[] | undefined;
  let bestScore = Infinity;
  for (const branch of branches) {
    let score = 0;
    for (const issue of branch) {
      if (issue.path.length === 0 && (issue.code === "invalid_type" || issue.code === "invalid_value")) score += 100;
      else if (issue.code === "unrecognized_keys") score += 10 * issue.keys.length;
      else score += 1;
    }
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

function headline(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "missing field";
      return issue.expected === "int" && typeof issue.input === "number" ? "not a whole number" : "wrong type";
    case "too_small":
      return issue.origin === "array" ? "too few entries" : issue.origin === "string" ? "too short" : "too small";
    case "too_big":
      return issue.origin === "array" ? "too many entries" : issue.origin === "string" ? "too long" : "too large";
    case "invalid_value":
      return "invalid value";
    case "invalid_format":
      // "2026-02-30" has the format; what is wrong is the calendar, and the message says which way.
      if (issue.format === "date" && typeof issue.input === "string") return impossibleDateReason(issue.input) ?? "invalid format";
      return "invalid format";
    case "not_multiple_of":
      return "not a multiple";
    default:
      return "invalid value";
  }
}

const TYPE_NAMES: Record<string, string> = {
  int: "a whole number",
  number: "a number",
  string: "a string",
  array: "a list",
  object: "an object",
  boolean: "true or false",
};

function expectedText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return TYPE_NAMES[issue.expected] ?? issue.expected;
    case "too_small":
      return bound(issue.origin, "min", Number(issue.minimum), issue.inclusive ?? true, issue.exact ?? false);
    case "too_big":
      return bound(issue.origin, "max", Number(issue.maximum), issue.inclusive ?? true, issue.exact ?? false);
    case "invalid_value":
      return issue.values.length === 1 ? describeValue(issue.values[0]) : `one of ${issue.values.map((value) => describeValue(value)).join(", ")}`;
    case "invalid_format":
      if (issue.format === "date") return "a calendar date YYYY-MM-DD";
      if (issue.format === "regex" && issue.pattern === String(CLOCK_TIME_PATTERN)) return "a time of day HH:MM, 00:00 to 23:59";
      if (issue.format === "regex" && issue.pattern === String(/^[A-Z]{3}$/)) return "a three-letter currency code such as USD";
      return issue.format === "regex" && issue.pattern ? `text matching ${issue.pattern}` : `a valid ${issue.format}`;
    case "not_multiple_of":
      return `a multiple of ${issue.divisor}`;
    case "custom": {
      const expected = (issue.params as { expected?: unknown } | undefined)?.expected;
      return typeof expected === "string" ? expected : "a valid value";
    }
    default:
      return "a valid value";
  }
}

function bound(origin: string, side: "min" | "max", limit: number, inclusive: boolean, exact: boolean): string {
  const shown = groupedNumber(limit);
  if (origin === "array") {
    if (exact) return `exactly ${shown} entries`;
    return side === "min" ? `at least ${shown} ${limit === 1 ? "entry" : "entries"}` : `at most ${shown} entries`;
  }
  if (origin === "string") {
    if (side === "min" && limit === 1) return "a non-empty string";
    return side === "min" ? `at least ${shown} characters` : `at most ${shown} characters`;
  }
  const noun = origin === "int" ? "a whole number" : "a number";
  const sign = side === "min" ? (inclusive ? "≥" : ">") : inclusive ? "≤" : "<";
  return `${noun} ${sign} ${shown}`;
}
