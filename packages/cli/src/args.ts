import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "./errors.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses a command's arguments strictly: an unknown flag or a missing value is an InputError naming it. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, debug: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`ccplan ${command}: ${message.replace(/^TypeError \[[A-Z_]+\]: /, "")}\nRun 'ccplan help ${command}' for its options.`);
  }
}

/** Reads a numeric flag: undefined when absent, else a finite number within [min, max], or an InputError that
 * names the flag, the value and what was expected. */
export function numberFlag(
  name: string,
  raw: string | undefined,
  constraint: { min?: number; max?: number; integer?: boolean; exclusiveMin?: boolean } = {},
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const expectations: string[] = [];
  if (constraint.integer) expectations.push("a whole number");
  else expectations.push("a number");
  if (constraint.min !== undefined) expectations.push(`${constraint.exclusiveMin ? ">" : "≥"} ${constraint.min}`);
  if (constraint.max !== undefined) expectations.push(`≤ ${constraint.max}`);
  const expected = expectations.join(" ");
  const bad =
    raw.trim() === "" ||
    !Number.isFinite(value) ||
    (constraint.integer && !Number.isInteger(value)) ||
    (constraint.min !== undefined && (constraint.exclusiveMin ? value <= constraint.min : value < constraint.min)) ||
    (constraint.max !== undefined && value > constraint.max);
  if (bad) throw new InputError(`invalid --${name}: ${JSON.stringify(raw)}; expected ${expected}`);
  return value;
}

/** Like numberFlag, but the flag must be present. */
export function requiredNumberFlag(
  name: string,
  raw: string | undefined,
  constraint: Parameters<typeof numberFlag>[2] = {},
): number {
  const value = numberFlag(name, raw, constraint);
  if (value === undefined) throw new InputError(`missing --${name}; it is required here`);
  return value;
}

/** A flag whose value must be one of `choices`. */
export function choiceFlag<C extends string>(name: string, raw: string | undefined, choices: readonly C[], fallback: C): C {
  if (raw === undefined) return fallback;
  if ((choices as readonly string[]).includes(raw)) return raw as C;
  throw new InputError(`invalid --${name}: ${JSON.stringify(raw)}; expected one of ${choices.join(", ")}`);
}
