import type { Scenario } from "../schema/scenario.js";
import {
  gradeOf,
  isGradedValue,
  isUncertainSpec,
  centralValue,
  type EvidenceGrade,
  type GradedValue,
  type UncertainNumber,
  type UncertainSpec,
} from "../schema/uncertain.js";

/**
 * What an uncertain input moves, which decides how a replication applies its draw:
 * - `experience`: the satisfaction model only (the experience section, an intervention's satisfaction or survey
 *   effect): the engine swaps its compiled experience tables per replication, nothing is recompiled;
 * - `plan`: the rest of what the engine simulates (an intervention's handle-time, FCR, resolution-time or channel
 *   share change, a factor): the replication's scenario is compiled anew;
 * - `money`: amounts and rates the money model reads after the simulation (the money section, an intervention's costs).
 */
export type InputRole = "experience" | "plan" | "money";

/** One uncertain input of a scenario: a number the file gives as a distribution. */
export interface UncertainInput {
  /** Stable name of the input: its path, list entries by name (`interventions[Training].satisfactionChange`). The
   * draw of replication k is keyed by it, so adding, removing or reordering other inputs changes no draw. */
  key: string;
  /** Where it sits in the parsed scenario (list entries by index). */
  path: (string | number)[];
  spec: UncertainSpec;
  grade: EvidenceGrade;
  source: string | null;
  /** The value at fixed assumptions (`centralValue`). */
  central: number;
  role: InputRole;
  /** The intervention it belongs to (by name), or null for the experience and money sections. */
  intervention: string | null;
}

// Fields of an intervention that act only through the satisfaction model, and those the money model reads.
const EXPERIENCE_FIELDS = new Set(["satisfactionChange", "surveyResponseChange"]);
const MONEY_FIELDS = new Set(["costPerTrainee", "oneOffCost", "perMonthCost"]);
// The sections where uncertain-capable numbers live.
const SECTIONS = ["experience", "money", "interventions"] as const;

/**
 * Every uncertain input of a parsed scenario (its defaults' ranges included), in file order. Graded single values
 * are not inputs to draw (see `gradeAt` for their grade).
 */
export function uncertainInputs(scenario: Scenario): UncertainInput[] {
  const inputs: UncertainInput[] = [];
  walkValues(scenario, (value, path) => {
    if (!isUncertainSpec(value)) return;
    const top = path[0];
    const field = String(path[path.length - 1]);
    const role: InputRole = top === "money" ? "money" : top === "experience" ? "experience" : EXPERIENCE_FIELDS.has(field) ? "experience" : MONEY_FIELDS.has(field) ? "money" : "plan";
    inputs.push({
      key: inputKey(scenario, path),
      path: [...path],
      spec: value,
      grade: gradeOf(value),
      source: value.source ?? null,
      central: centralValue(value),
      role,
      intervention: top === "interventions" ? ((scenario.interventions[path[1] as number] as { name?: string } | undefined)?.name ?? null) : null,
    });
  });
  return inputs;
}

/** Calls `visit` with every graded or uncertain value in the experience, money and interventions sections. */
export function walkValues(scenario: Scenario, visit: (value: GradedValue | UncertainSpec, path: readonly (string | number)[]) => void): void {
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value !== "object" || value === null) return;
    if (isUncertainSpec(value) || isGradedValue(value)) {
      visit(value, path);
      return;
    }
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    for (const [key, item] of entries) {
      path.push(key);
      walk(item, path);
      path.pop();
    }
  };
  for (const section of SECTIONS) walk((scenario as Record<string, unknown>)[section], [section]);
}

/**
 * The stable name of a path in a scenario: keys joined by dots, list entries by their `name` when they have a
 * unique one (`interventions[Training].satisfactionChange`, `experience.effects[Coaching].relativeChange`), by
 * `#index` otherwise.
 */
export function inputKey(scenario: unknown, path: readonly (string | number)[]): string {
  let at: unknown = scenario;
  let key = "";
  for (const step of path) {
    if (typeof step === "number" && Array.isArray(at)) {
      const name = (at[step] as { name?: unknown } | undefined)?.name;
      const unique = typeof name === "string" && at.filter((item) => (item as { name?: unknown } | null)?.name === name).length === 1;
      key += unique ? `[${name}]` : `[#${step}]`;
    } else {
      key += key === "" ? String(step) : `.${String(step)}`;
    }
    at = at !== null && typeof at === "object" ? (at as Record<string | number, unknown>)[step] : undefined;
  }
  return key;
}

/** The value at `path` of a parsed scenario (undefined where there is none). */
export function valueAt(scenario: unknown, path: readonly (string | number)[]): unknown {
  let at: unknown = scenario;
  for (const step of path) at = at !== null && typeof at === "object" ? (at as Record<string | number, unknown>)[step] : undefined;
  return at;
}

/** The evidence grade of the number at `path`: its own grade, `assumption` for a plain number; null where none is. */
export function gradeAt(scenario: Scenario, path: readonly (string | number)[]): EvidenceGrade | null {
  const value = valueAt(scenario, path);
  if (typeof value === "number") return "assumption";
  if (isUncertainSpec(value) || isGradedValue(value)) return gradeOf(value as UncertainNumber);
  return null;
}
