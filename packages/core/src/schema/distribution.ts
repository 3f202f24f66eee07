import { z } from "zod";
import { SCENARIO_LIMITS } from "./limits.js";
import { groupedNumber } from "./numberText.js";

/** The time units a scenario file may use for a duration distribution. The compiled plan is in seconds. */
export type DurationUnit = "Sec" | "Minutes" | "Hours";

const SECONDS_PER: Record<DurationUnit, number> = { Sec: 1, Minutes: 60, Hours: 3600 };

/** A duration distribution in seconds: what the engine's samplers are built from. */
export type DurationDistribution =
  | { dist: "exponential"; meanSec: number }
  | { dist: "lognormal"; meanSec: number; cv: number }
  | { dist: "gamma"; meanSec: number; cv: number }
  | { dist: "erlang"; meanSec: number; k: number }
  | { dist: "deterministic"; meanSec: number }
  | { dist: "empirical"; valuesSec: number[] }
  | { dist: "survival"; timesSec: number[]; survival: number[]; tailMeanSec: number };

// The type error names the field; range errors keep the default wording, which states the range.
const positive = (what: string) =>
  z
    .number({ error: (issue) => (issue.code === "invalid_type" ? `expected a number (${what})` : undefined) })
    .positive({ error: `expected ${what} > 0` })
    .finite();

/** "a week", "365 days", "12 hours": a limit in words, for messages. */
function spokenDuration(seconds: number): string {
  if (seconds === 7 * 86_400) return "a week";
  if (seconds % 86_400 === 0) return `${seconds / 86_400} days`;
  return seconds % 3600 === 0 ? `${seconds / 3600} hours` : `${seconds} s`;
}

/**
 * The zod schema of a duration distribution whose fields carry `unit` in their names
 * (`meanSec`, `meanHours`, `valuesMinutes`, …), so a file says the unit a planner thinks in.
 * Parsing yields the same shape with those names; `durationToSeconds` converts it for the plan.
 * The mean and every tabulated value are at most `maxSec` seconds (default `SCENARIO_LIMITS.maxDurationSec`,
 * a year; handle times use `maxHandleSec`, a week), expressed in `unit`.
 */
export function durationSchema<U extends DurationUnit>(unit: U, maxSec: number = SCENARIO_LIMITS.maxDurationSec): ReturnType<typeof buildDurationSchema<U>> {
  // One schema per unit and limit, shared by the fields that use it (a scenario's six duration fields need three): each
  // is ~85 zod schemas, and building zod schemas is most of what loading core costs (every process and worker thread).
  // Sharing is safe: zod schemas are immutable (describe, optional, … make new ones around them).
  const key = `${unit}|${maxSec}`;
  let schema = DURATION_SCHEMAS.get(key);
  if (!schema) {
    schema = buildDurationSchema(unit, maxSec);
    DURATION_SCHEMAS.set(key, schema);
  }
  return schema as ReturnType<typeof buildDurationSchema<U>>;
}

const DURATION_SCHEMAS = new Map<string, unknown>();

function buildDurationSchema<U extends DurationUnit>(unit: U, maxSec: number) {
  const mean = `mean${unit}` as const;
  const values = `values${unit}` as const;
  const times = `times${unit}` as const;
  const tailMean = `tailMean${unit}` as const;
  const max = maxSec / SECONDS_PER[unit];
  const tooLong = { error: `expected at most ${groupedNumber(max)} ${unit === "Sec" ? "s" : unit.toLowerCase()} (${spokenDuration(maxSec)})` };
  const meanField = { [mean]: positive(`mean in ${unit.toLowerCase()}`).max(max, tooLong) } as Record<`mean${U}`, z.ZodNumber>;
  return z.discriminatedUnion("dist", [
    z.strictObject({ dist: z.literal("exponential"), ...meanField }),
    z.strictObject({ dist: z.literal("lognormal"), ...meanField, cv: positive("coefficient of variation").max(20) }),
    z.strictObject({ dist: z.literal("gamma"), ...meanField, cv: positive("coefficient of variation").max(20) }),
    z.strictObject({ dist: z.literal("erlang"), ...meanField, k: z.number().int().min(1).max(1000) }),
    z.strictObject({ dist: z.literal("deterministic"), ...meanField }),
    z.strictObject({
      dist: z.literal("empirical"),
      [values]: z.array(z.number().nonnegative().finite().max(max, tooLong)).min(1).max(1_000_000),
    } as Record<"dist", z.ZodLiteral<"empirical">> & Record<`values${U}`, z.ZodArray<z.ZodNumber>>),
    z
      .strictObject({
        dist: z.literal("survival"),
        [times]: z
          .array(z.number().nonnegative().finite().max(max, tooLong))
          .min(1)
          .max(10_000)
          .describe(`Knots of the survival curve, ${unit.toLowerCase()}, increasing (the first may be 0: an atom there).`),
        survival: z
          .array(z.number().min(0).max(1))
          .min(1)
          .max(10_000)
          .describe("P(duration > time) at each knot, non-increasing; linear between knots, 1 at time 0."),
        [tailMean]: z
          .number()
          .nonnegative()
          .finite()
          .max(max, tooLong)
          .describe(`Mean of the exponential tail beyond the last knot, ${unit.toLowerCase()} (0: the rest ends there).`),
      } as Record<"dist", z.ZodLiteral<"survival">> &
        Record<`times${U}`, z.ZodArray<z.ZodNumber>> &
        Record<"survival", z.ZodArray<z.ZodNumber>> &
        Record<`tailMean${U}`, z.ZodNumber>)
      .superRefine((spec, context) => {
        const fields = spec as unknown as Record<string, number[]>;
        const knots = fields[times]!;
        const survival = fields.survival!;
        if (knots.length !== survival.length) {
          context.addIssue({
            code: "custom",
            path: ["survival"],
            message: `${survival.length} survival values for ${knots.length} times; expected one per time`,
          });
          return;
        }
        for (let i = 1; i < knots.length; i++) {
          if (!(knots[i]! > knots[i - 1]!)) {
            context.addIssue({ code: "custom", path: [times, i], message: `time ${knots[i]} after ${knots[i - 1]}; expected increasing times` });
            return;
          }
          if (survival[i]! > survival[i - 1]!) {
            context.addIssue({ code: "custom", path: ["survival", i], message: `survival ${survival[i]} after ${survival[i - 1]}; expected non-increasing values` });
            return;
          }
        }
      })
      .describe("A measured survival curve (Kaplan–Meier), linear between knots, with an exponential tail."),
  ]);
}

/** Converts a parsed duration distribution in any unit to seconds. */
export function durationToSeconds(spec: Record<string, unknown> & { dist: string }): DurationDistribution {
  const unit = (Object.keys(spec).find((key) => /^(mean|values|times)(Sec|Minutes|Hours)$/.test(key)) ?? "meanSec")
    .replace(/^(mean|values|times)/, "") as DurationUnit;
  const factor = SECONDS_PER[unit];
  const numberField = (name: string) => spec[name] as number;
  switch (spec.dist) {
    case "empirical":
      return { dist: "empirical", valuesSec: (spec[`values${unit}`] as number[]).map((value) => value * factor) };
    case "survival":
      return {
        dist: "survival",
        timesSec: (spec[`times${unit}`] as number[]).map((value) => value * factor),
        survival: [...(spec.survival as number[])],
        tailMeanSec: numberField(`tailMean${unit}`) * factor,
      };
    case "lognormal":
    case "gamma":
      return { dist: spec.dist, meanSec: numberField(`mean${unit}`) * factor, cv: numberField("cv") };
    case "erlang":
      return { dist: "erlang", meanSec: numberField(`mean${unit}`) * factor, k: numberField("k") };
    case "exponential":
    case "deterministic":
      return { dist: spec.dist, meanSec: numberField(`mean${unit}`) * factor };
    default:
      throw new Error(`unknown distribution: ${spec.dist}`);
  }
}
