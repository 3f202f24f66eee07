import { decimalFromText } from "../editors/fields/entry";
import { erlang, solveAgents, type ErlangInputs, type ErlangResult, type SolveAgentsResult } from "@ccplan/core";
import { FIELDS, usedBy, type Field, type RawInputs } from "./fields.js";
import { agentRange } from "./agentRange.js";

/** One point of the chart: a KPI from core at a given number of agents (null where core leaves it undefined). */
export interface CurvePoint {
  agents: number;
  value: number | null;
}

export type SolveOutcome =
  | { kind: "solved"; result: SolveAgentsResult }
  | { kind: "error"; message: string }
  | { kind: "unavailable"; reason: string };

/** Everything the page shows, derived from the raw inputs; every number in it comes from core. */
export interface Calculation {
  /** A message per field, shown beside it. */
  errors: Partial<Record<Field, string>>;
  /** A message from core that names no field of the form. */
  formError: string | null;
  result: ErlangResult | null;
  solve: SolveOutcome;
  /** Service level (Erlang C and A) or blocking probability (Erlang B) against agents. */
  curve: CurvePoint[];
  /** The target service level as a fraction, for the chart's reference line; null when not set or not used. */
  targetServiceLevel: number | null;
}

type Parsed = Partial<Record<Field, number>>;

/** Read a field: empty is "not set" for an optional field and an error otherwise. */
function parseField(field: Field, raw: string): { value?: number; error?: string } {
  const text = raw.trim();
  const { label, optional } = FIELDS[field];
  if (text === "") return optional ? {} : { error: `${label} is empty; enter a number` };
  // The editors' reading of a number: decimals only, a comma as well as a point, "80%" in a percent field.
  const value = decimalFromText(text, FIELDS[field].unit === "%");
  if (value === null) return { error: `${label}: “${text}” is not a number` };
  return { value };
}

// Unit conversions at the edge: the form speaks a planner's units, core takes seconds and fractions.
const perHourToPerSec = (perHour: number): number => perHour / 3600;
const percentToFraction = (percent: number): number => percent / 100;

/** The form field that a message from core is about, from the input name it quotes. */
export function fieldOfMessage(message: string): Field | null {
  const names = (Object.keys(FIELDS) as Field[]).map((field) => ({ field, name: FIELDS[field].coreName }));
  // Longest names first, so "maxOccupancy" is not taken for "occupancy" and the like.
  names.sort((a, b) => b.name.length - a.name.length);
  for (const { field, name } of names) {
    if (new RegExp(`(^|[^A-Za-z])${name}([^A-Za-z]|$)`).test(message)) return field;
  }
  return null;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Compute every result of the page from the raw inputs. Never throws: core's errors become messages. */
export function calculate(inputs: RawInputs): Calculation {
  const { model } = inputs;
  const errors: Partial<Record<Field, string>> = {};
  let formError: string | null = null;
  const parsed: Parsed = {};
  for (const field of Object.keys(FIELDS) as Field[]) {
    if (!usedBy(field, model)) continue;
    const { value, error } = parseField(field, inputs[field]);
    if (error !== undefined) errors[field] = error;
    else if (value !== undefined) parsed[field] = value;
  }

  /** Put a message from core beside the field it names, or at the form level. */
  const report = (message: string, fallback: Field | null): void => {
    const field = fieldOfMessage(message) ?? fallback;
    if (field !== null && usedBy(field, model)) errors[field] ??= message;
    else formError ??= message;
  };

  const queue = (agents: number): ErlangInputs => ({
    arrivalRatePerSec: perHourToPerSec(parsed.contactsPerHour!),
    ahtSec: parsed.ahtSec!,
    agents,
    ...(model === "a" ? { patienceSec: parsed.patienceSec! } : {}),
    ...(model !== "b" ? { targetAnswerSec: parsed.targetAnswerSec! } : {}),
  });
  const queueFields: Field[] = ["contactsPerHour", "ahtSec", "patienceSec", "targetAnswerSec"];
  const queueReady = queueFields.every((field) => !usedBy(field, model) || parsed[field] !== undefined);

  let result: ErlangResult | null = null;
  if (queueReady && parsed.agents !== undefined) {
    try {
      result = erlang(model, queue(parsed.agents));
    } catch (error) {
      report(messageOf(error), null);
    }
  }

  let solve: SolveOutcome;
  if (model === "b") {
    solve = { kind: "unavailable", reason: "Erlang B has no waiting, so no service-level target: choose Erlang C or A." };
  } else if (!queueReady || parsed.targetServiceLevelPct === undefined || errors.maxOccupancyPct || errors.shrinkagePct) {
    solve = { kind: "unavailable", reason: "Fix the inputs marked above to find the fewest agents." };
  } else {
    try {
      const solved = solveAgents({
        model,
        arrivalRatePerSec: perHourToPerSec(parsed.contactsPerHour!),
        ahtSec: parsed.ahtSec!,
        ...(model === "a" ? { patienceSec: parsed.patienceSec! } : {}),
        targetAnswerSec: parsed.targetAnswerSec!,
        targetServiceLevel: percentToFraction(parsed.targetServiceLevelPct),
        ...(parsed.maxOccupancyPct !== undefined ? { maxOccupancy: percentToFraction(parsed.maxOccupancyPct) } : {}),
        ...(parsed.shrinkagePct !== undefined ? { shrinkage: percentToFraction(parsed.shrinkagePct) } : {}),
      });
      solve = { kind: "solved", result: solved };
    } catch (error) {
      const message = messageOf(error);
      const field = fieldOfMessage(message);
      if (field !== null && usedBy(field, model)) errors[field] ??= message;
      solve = { kind: "error", message };
    }
  }

  const curve: CurvePoint[] = [];
  const offeredLoad = result?.offeredLoad ?? (solve.kind === "solved" ? solve.result.offeredLoad : null);
  if (queueReady && offeredLoad !== null) {
    const marks = [result?.agents, solve.kind === "solved" ? solve.result.agents : undefined];
    for (const agents of agentRange(offeredLoad, marks.filter((n) => n !== undefined))) {
      try {
        const point = erlang(model, queue(agents));
        curve.push({ agents, value: model === "b" ? point.probWait : point.serviceLevel });
      } catch {
        curve.push({ agents, value: null });
      }
    }
  }

  const targetServiceLevel =
    model !== "b" && parsed.targetServiceLevelPct !== undefined ? percentToFraction(parsed.targetServiceLevelPct) : null;
  return { errors, formError, result, solve, curve, targetServiceLevel };
}
