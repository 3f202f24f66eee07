import { parseArgs, type ParseArgsConfig } from "node:util";
import { groupedNumber } from "@ccplan/core";
import { InputError } from "./errors.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** A value that starts with a dash but is a number (`-1`, `-0.5`, `-.5`, `-1e3`), not a flag. */
const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * Parses a command's arguments strictly: an unknown flag or a missing value is an InputError naming it.
 * A flag that takes a value may be given a negative number (`--seed -1`): node's parser would call that
 * "ambiguous"; here it reaches the flag's own check, which says what range is expected.
 */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  const takesValue = new Set(Object.entries(options).filter(([, option]) => option.type === "string").map(([name]) => `--${name}`));
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (takesValue.has(arg) && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  try {
    return parseArgs({ args: joined, options: { ...options, debug: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InputError(argsProblem(command, options, error));
  }
}

/**
 * What is wrong with a command's arguments, in ccplan's words (node's parser speaks of positionals and '--'): the
 * option, that the command does not take it (and the nearest it does, for a typo), and the options it takes.
 */
function argsProblem(command: string, options: Options, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const help = `ccplan help ${command}`;
  const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown !== undefined) {
    const names = Object.keys(options);
    const near = nearestOption(unknown, names);
    const list = names.map((name) => `--${name}`).join(", ");
    return `ccplan ${command} does not take ${unknown}${near ? ` (did you mean --${near}?)` : ""}; expected one of its options: ${list} (${help} says what each does)`;
  }
  const missing = /^Option '(-[\w-]+)(?:, (--[\w-]+))? <value>' argument missing/.exec(message);
  if (missing) {
    const flag = missing[2] ?? missing[1]!;
    return `${flag} needs a value; expected ${flag} VALUE (${help} says what it takes)`;
  }
  const switchValue = /^Option '(-[\w-]+)(?:, (--[\w-]+))?' does not take an argument/.exec(message);
  if (switchValue) {
    const flag = switchValue[2] ?? switchValue[1]!;
    return `${flag} takes no value (it is a switch); expected ${flag} alone (${help})`;
  }
  return `ccplan ${command}: ${message.replace(/^TypeError \[[A-Z_]+\]: /, "")}\nRun '${help}' for its options.`;
}

/** The option `given` most likely meant: one or two letters off (a typo), or a prefix; undefined when none is close. */
function nearestOption(given: string, names: readonly string[]): string | undefined {
  const bare = given.replace(/^-+/, "").split("=")[0]!;
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = name.startsWith(bare) && bare.length >= 3 ? 1 : editDistance(bare, name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** Levenshtein distance (insertions, deletions, substitutions), for short option names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The one file a command reads (its only positional argument), or an InputError saying what it got instead. */
export function onePositional(command: string, positionals: readonly string[], what = "scenario file"): string {
  if (positionals.length !== 1) throw new InputError(`ccplan ${command} takes one ${what}; got ${positionals.length === 0 ? "none" : positionals.join(", ")}`);
  return positionals[0]!;
}

/** How a numeric flag is checked: its bounds (inclusive unless `exclusiveMin`) and whether it is a count. */
export interface NumberConstraint {
  min?: number;
  max?: number;
  integer?: boolean;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
}

/** Decimal notation only: `12`, `-3`, `0.5`, `.5`, `1e-3`. Not `0x10`, `0b1`, `Infinity` or an empty string,
 * which `Number()` would also accept. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Whole numbers in decimal digits only (no exponent, no point). */
const DECIMAL_INTEGER = /^[+-]?\d+$/;

/** Reads a number written in decimal notation (whole numbers: digits only), else undefined. */
export function readDecimal(raw: string, integer = false): number | undefined {
  const text = raw.trim();
  if (!(integer ? DECIMAL_INTEGER : DECIMAL).test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** What a numeric flag expects, in words, always with its range: "a positive integer (1 to 100,000)". */
export function describeExpected(constraint: NumberConstraint): string {
  const { min, max, integer, exclusiveMin, exclusiveMax } = constraint;
  if (integer) {
    const noun = min === 1 ? "a positive integer" : min === 0 ? "a non-negative integer" : "an integer";
    if (min !== undefined && max !== undefined) return `${noun} (${groupedNumber(min)} to ${groupedNumber(max)})`;
    if (min !== undefined) return min === 0 || min === 1 ? noun : `${noun} ≥ ${groupedNumber(min)}`;
    return max !== undefined ? `${noun} ≤ ${groupedNumber(max)}` : noun;
  }
  const lower = min === undefined ? undefined : `${exclusiveMin ? ">" : "≥"} ${groupedNumber(min)}`;
  const upper = max === undefined ? undefined : `${exclusiveMax ? "<" : "≤"} ${groupedNumber(max)}`;
  if (lower !== undefined && upper !== undefined) return `a number ${lower} and ${upper}`;
  return `a number${lower !== undefined ? ` ${lower}` : upper !== undefined ? ` ${upper}` : ""}`;
}

/** Reads a numeric flag: undefined when absent, else a finite number in decimal notation within its range, or an
 * InputError that names the flag, the value and what was expected (with the range). */
export function numberFlag(name: string, raw: string | undefined, constraint: NumberConstraint = {}): number | undefined {
  if (raw === undefined) return undefined;
  const value = readDecimal(raw, constraint.integer);
  const { min, max, exclusiveMin, exclusiveMax } = constraint;
  const bad =
    value === undefined ||
    (min !== undefined && (exclusiveMin ? value <= min : value < min)) ||
    (max !== undefined && (exclusiveMax ? value >= max : value > max));
  if (bad) {
    // A share typed in percent (80 for 0.8) is the likeliest slip with a flag that takes a fraction: say so.
    const percentTyped = value !== undefined && max === 1 && !constraint.integer && Number.isInteger(value) && value >= 2 && value <= 100;
    const hint = percentTyped ? ` (a share, as a fraction: ${value / 100} for ${value}%)` : "";
    throw new InputError(`invalid --${name}: ${JSON.stringify(raw)}; expected ${describeExpected(constraint)}${hint}`);
  }
  return value;
}

/** Like numberFlag, but the flag must be present. */
export function requiredNumberFlag(name: string, raw: string | undefined, constraint: NumberConstraint = {}): number {
  const value = numberFlag(name, raw, constraint);
  if (value === undefined) throw new InputError(`missing --${name}; it is required here (${describeExpected(constraint)})`);
  return value;
}

/** A flag whose value must be one of `choices`. */
export function choiceFlag<C extends string>(name: string, raw: string | undefined, choices: readonly C[], fallback: C): C {
  if (raw === undefined) return fallback;
  if ((choices as readonly string[]).includes(raw)) return raw as C;
  throw new InputError(`invalid --${name}: ${JSON.stringify(raw)}; expected one of ${choices.join(", ")}`);
}
