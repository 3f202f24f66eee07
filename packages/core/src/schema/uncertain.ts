import { z } from "zod";
import { groupedNumber } from "./numberText.js";

/**
 * How well a number is known, strongest first: `measured` (the center's own data), `literature` (published research
 * across centers), `article` (one case in the project's source articles), `assumption` (a placeholder nobody
 * measured). A plain number in a file is an `assumption` unless it says otherwise; the schema's defaults carry
 * their own grade. The ranking puts published research above a single article's case: one center's outcome
 * generalises least of the sourced figures.
 */
export const EVIDENCE_GRADES = ["measured", "literature", "article", "assumption"] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

/** The distributions an uncertain input may follow. */
export const UNCERTAIN_KINDS = ["uniform", "triangular", "beta", "lognormal"] as const;
export type UncertainKind = (typeof UNCERTAIN_KINDS)[number];

interface Graded {
  /** How well the figure is known; omitted on an uncertain value: `assumption`. */
  grade?: EvidenceGrade | undefined;
  /** Where it comes from ("CRM export 2025", "article 000_84b7cbeb28961648"). */
  source?: string | undefined;
}

/** A number known only as a distribution: drawn once per replication (see core's uncertainty/). */
export type UncertainSpec = Graded &
  (
    | { uncertain: "uniform"; low: number; high: number }
    | { uncertain: "triangular"; low: number; mode: number; high: number }
    | { uncertain: "beta"; mean: number; sd: number }
    | { uncertain: "lognormal"; median: number; p90: number }
  );

/** A single number with its grade and source. */
export interface GradedValue {
  value: number;
  grade: EvidenceGrade;
  source?: string | undefined;
}

/** What a file may give where a number is uncertain-capable: a number, a graded number or a distribution. */
export type UncertainNumber = number | GradedValue | UncertainSpec;

/** Φ⁻¹(0.9): a lognormal's 90th percentile is median × exp(σ × this). */
export const Z90 = 1.2815515655446004;
/** Lognormal draws stay within this quantile range (the tails beyond are cut: 1 draw in 2,000 each side). */
export const LOGNORMAL_TAIL = 0.0005;
/** Φ⁻¹(1 − LOGNORMAL_TAIL). */
const Z_TAIL = 3.2905267314918945;

const gradeSchema = z.enum(EVIDENCE_GRADES).describe("How well the figure is known: measured, literature, article or assumption.");
const sourceSchema = z.string().max(500).describe("Where the figure comes from.");

const expectedOrder = (what: string) => ({ expected: what });

/**
 * A numeric input that may be uncertain: a plain number (graded `assumption`), `{ value, grade, source }`, or a
 * distribution `{ uncertain: "uniform", low, high }`, `{ uncertain: "triangular", low, mode, high }`,
 * `{ uncertain: "beta", mean, sd }` (shares: fields within [0, 1]) or `{ uncertain: "lognormal", median, p90 }`
 * (positive amounts: fields ≥ 0), each with an optional grade and source. Every number inside obeys the field's own
 * bounds (`field`), so a range can never reach a value the field refuses. Parsed values keep their form (the
 * parsed scenario is still a valid file); `centralValue` gives the number the model uses when assumptions are
 * fixed: the midpoint, the mode, the mean or the median.
 */
export function uncertainNumber(field: z.ZodNumber): z.ZodType<UncertainNumber, UncertainNumber> {
  // Fields with the same bounds share one schema: building zod schemas is most of what loading core costs.
  const min = field.minValue ?? -Infinity;
  const max = field.maxValue ?? Infinity;
  const key = `${min}|${max}|${field.safeParse(min).success}|${field.safeParse(max).success}`;
  let schema = UNIONS.get(key);
  if (!schema) {
    schema = buildUncertainNumber(field, min, max);
    UNIONS.set(key, schema);
  }
  return schema;
}

const UNIONS = new Map<string, z.ZodType<UncertainNumber, UncertainNumber>>();

function buildUncertainNumber(field: z.ZodNumber, min: number, max: number): z.ZodType<UncertainNumber, UncertainNumber> {
  const common = { grade: gradeSchema.optional(), source: sourceSchema.optional() };
  const uniform = z
    .strictObject({ uncertain: z.literal("uniform"), low: field, high: field, ...common })
    .refine((spec) => spec.low < spec.high, { message: "low must be below high", path: ["high"], params: expectedOrder("a number above low") });
  const triangular = z
    .strictObject({ uncertain: z.literal("triangular"), low: field, mode: field, high: field, ...common })
    .refine((spec) => spec.low < spec.high, { message: "low must be below high", path: ["high"], params: expectedOrder("a number above low") })
    .refine((spec) => spec.low <= spec.mode && spec.mode <= spec.high, {
      message: "mode must lie between low and high",
      path: ["mode"],
      params: expectedOrder("a number from low to high"),
    });
  const kinds: z.ZodType[] = [uniform, triangular];
  if (min >= 0 && max <= 1) {
    kinds.push(
      z
        .strictObject({
          uncertain: z.literal("beta"),
          mean: field.gt(0).lt(1),
          sd: z.number().gt(0).max(0.5),
          ...common,
        })
        .refine((spec) => spec.sd < Math.sqrt(spec.mean * (1 - spec.mean)), {
          message: "sd is too large for a share with this mean (a beta distribution needs sd < √(mean × (1 − mean)))",
          path: ["sd"],
          params: expectedOrder("a standard deviation below √(mean × (1 − mean))"),
        }),
    );
  }
  if (min >= 0) {
    kinds.push(
      z
        .strictObject({ uncertain: z.literal("lognormal"), median: field.gt(0), p90: field.gt(0), ...common })
        .refine((spec) => spec.p90 > spec.median, { message: "p90 must be above the median", path: ["p90"], params: expectedOrder("a number above the median") })
        .refine((spec) => spec.median * Math.exp((Math.log(spec.p90 / spec.median) / Z90) * Z_TAIL) <= max, {
          message: `the distribution reaches beyond the field's maximum ${groupedNumber(max)} (its 99.95th percentile must stay within it)`,
          path: ["p90"],
          params: expectedOrder(`a p90 whose tail stays below ${groupedNumber(max)}`),
        }),
    );
  }
  const graded = z.strictObject({ value: field, grade: gradeSchema, source: sourceSchema.optional() });
  const union = z.union([field, graded, z.discriminatedUnion("uncertain", kinds as [z.ZodObject, ...z.ZodObject[]])]);
  return union as unknown as z.ZodType<UncertainNumber, UncertainNumber>;
}

/** Whether a zod schema is one `uncertainNumber` made (or a copy of it, as `.describe` makes): a union of a number, a
 * graded value and a union discriminated on `uncertain`. The JSON Schema writes their forms once, in $defs. */
export function isUncertainNumberSchema(schema: unknown): boolean {
  const def = (schema as { _zod?: { def?: { type?: string; options?: unknown[] } } } | null)?._zod?.def;
  if (def?.type !== "union" || def.options?.length !== 3) return false;
  const last = (def.options[2] as { _zod?: { def?: { type?: string; discriminator?: string } } })._zod?.def;
  return last?.type === "union" && last.discriminator === "uncertain";
}

/** The graded and uncertain forms with unbounded numbers: what the JSON Schema's $defs describe (the field's own
 * bounds on each number are checked by `parseScenario`). */
export const GENERIC_FORMS = {
  gradedNumber: z
    .strictObject({ value: z.number(), grade: gradeSchema, source: sourceSchema.optional() })
    .describe("A number with its evidence grade and source."),
  uncertainNumber: z
    .discriminatedUnion("uncertain", [
      z.strictObject({ uncertain: z.literal("uniform"), low: z.number(), high: z.number(), grade: gradeSchema.optional(), source: sourceSchema.optional() }),
      z.strictObject({ uncertain: z.literal("triangular"), low: z.number(), mode: z.number(), high: z.number(), grade: gradeSchema.optional(), source: sourceSchema.optional() }),
      z.strictObject({ uncertain: z.literal("beta"), mean: z.number(), sd: z.number(), grade: gradeSchema.optional(), source: sourceSchema.optional() }),
      z.strictObject({ uncertain: z.literal("lognormal"), median: z.number(), p90: z.number(), grade: gradeSchema.optional(), source: sourceSchema.optional() }),
    ])
    .describe("A number known as a distribution, drawn once per replication: uniform (low, high), triangular (low, mode, high), beta (mean, sd; shares) or lognormal (median, p90; positive amounts). Every number obeys the field's bounds; grade defaults to assumption."),
};

/** True when a value is an uncertain spec (a distribution), not a number or a graded number. */
export function isUncertainSpec(value: unknown): value is UncertainSpec {
  return typeof value === "object" && value !== null && typeof (value as { uncertain?: unknown }).uncertain === "string";
}

/** True when a value is a graded number `{ value, grade }`. */
export function isGradedValue(value: unknown): value is GradedValue {
  return typeof value === "object" && value !== null && typeof (value as { value?: unknown }).value === "number" && typeof (value as { grade?: unknown }).grade === "string";
}

/** The number the model uses when assumptions are fixed: a number itself, a graded value's value, a uniform's
 * midpoint, a triangular's mode, a beta's mean, a lognormal's median. */
export function centralValue(value: UncertainNumber): number {
  if (typeof value === "number") return value;
  if (!isUncertainSpec(value)) return value.value;
  switch (value.uncertain) {
    case "uniform":
      return (value.low + value.high) / 2;
    case "triangular":
      return value.mode;
    case "beta":
      return value.mean;
    case "lognormal":
      return value.median;
  }
}

/** The grade of a value: its own, else `assumption` (a plain number, an ungraded distribution). */
export function gradeOf(value: UncertainNumber): EvidenceGrade {
  return typeof value === "number" ? "assumption" : (value.grade ?? "assumption");
}

/** Short text of a value for tables and messages: `0.3`, `0.3 (measured)`, `triangular 0.2–0.3–0.4`, … */
export function describeUncertain(value: UncertainNumber): string {
  if (typeof value === "number") return String(value);
  const grade = value.grade ? `, ${value.grade}` : "";
  if (!isUncertainSpec(value)) return `${value.value} (${value.grade})`;
  switch (value.uncertain) {
    case "uniform":
      return `uniform ${value.low} to ${value.high}${grade}`;
    case "triangular":
      return `triangular ${value.low} to ${value.high}, most likely ${value.mode}${grade}`;
    case "beta":
      return `beta, mean ${value.mean}, sd ${value.sd}${grade}`;
    case "lognormal":
      return `lognormal, median ${value.median}, p90 ${value.p90}${grade}`;
  }
}

/** A default that is a distribution or a graded value: a fresh copy each parse, so no two scenarios share one. */
export function defaultOf<T extends UncertainNumber>(value: T): () => T {
  return () => (typeof value === "number" ? value : ({ ...(value as object) } as T));
}

/** A parsed value with every uncertain-capable number resolved to a plain number (what the model computes with). */
export type Resolved<T> = T extends number
  ? T
  : T extends GradedValue | UncertainSpec
    ? number
    : T extends readonly (infer U)[]
      ? Resolved<U>[]
      : T extends object
        ? { [K in keyof T]: Resolved<T[K]> }
        : T;

/**
 * `value` with every graded or uncertain number replaced by `pick(spec, path)` (path: the keys from `value` down,
 * list entries by index). Parts without any are returned as they are (the same objects), so resolving what is
 * already resolved allocates nothing. Never mutates its input.
 */
export function resolveUncertain<T>(value: T, pick: (spec: GradedValue | UncertainSpec, path: readonly (string | number)[]) => number, path: (string | number)[] = []): Resolved<T> {
  if (typeof value !== "object" || value === null) return value as Resolved<T>;
  if (isUncertainSpec(value) || isGradedValue(value)) return pick(value, path) as Resolved<T>;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item !== "object" || item === null) continue;
      path.push(i);
      const resolved = resolveUncertain(item, pick, path);
      path.pop();
      if (resolved !== item) (copy ??= value.slice())[i] = resolved;
    }
    return (copy ?? value) as Resolved<T>;
  }
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (typeof item !== "object" || item === null) continue;
    path.push(key);
    const resolved = resolveUncertain(item, pick, path);
    path.pop();
    if (resolved !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = resolved;
  }
  return (copy ?? value) as Resolved<T>;
}

/** `value` with every uncertain number at its central value (`centralValue`): the model at fixed assumptions. */
export function resolveCentral<T>(value: T): Resolved<T> {
  return resolveUncertain(value, centralValue);
}
