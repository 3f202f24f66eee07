import { z } from "zod";
import { clockTimeSchema } from "./clockTime.js";
import { SCENARIO_LIMITS } from "./limits.js";
import { weekdaySchema } from "./weekday.js";

/** A break every agent of a shift takes at the same time: off the floor for `minutes` from `start`. */
export const shiftBreakSchema = z.strictObject({
  start: clockTimeSchema.describe("Time of day the break starts, HH:MM (after midnight if the shift crosses it)."),
  minutes: z.int().min(1).max(240).describe("Length of the break, minutes."),
});

/** Some of a shift's agents who work slower than the rest: new hires still ramping up after their class. */
export const rampingAgentsSchema = z.strictObject({
  agents: z.int().min(1).max(SCENARIO_LIMITS.maxAgentsPerGroup).describe("How many of the shift's agents work at this productivity."),
  productivity: z
    .number()
    .min(0.05)
    .max(1)
    .describe("Their output as a share of a fully productive agent's (0.6: 60%); each contact they answer takes 1/productivity as long."),
});

/**
 * A shift: `agents` agents work from `start` for `hours` hours on each of `days`. A shift may run past
 * midnight into the next day. Breaks must fall inside the shift and must not overlap (checked with the
 * scenario).
 */
export const shiftSchema = z.strictObject({
  name: z.string().min(1).max(100).describe("Name of the shift, unique in its group."),
  start: clockTimeSchema.describe("Time of day the shift starts, HH:MM."),
  hours: z.number().positive().max(24).describe("Length of the shift, hours, breaks included."),
  days: z.array(weekdaySchema).min(1).max(7).describe("Weekdays the shift works."),
  agents: z.int().min(0).max(SCENARIO_LIMITS.maxAgentsPerGroup).describe("Agents on this shift each day it works."),
  breaks: z.array(shiftBreakSchema).max(SCENARIO_LIMITS.maxBreaksPerShift).default([]).describe("Breaks, taken by all the shift's agents at once."),
  ramping: z
    .array(rampingAgentsSchema)
    .max(10)
    .optional()
    .describe("Of the shift's agents, those still ramping up, with their productivity; the rest work at full speed. Omitted: all at full speed."),
  locked: z.boolean().optional().describe("Kept as it is when the roster is optimised (a contract): the optimiser adds shifts around it."),
});

/** A parsed shift. */
export type Shift = z.infer<typeof shiftSchema>;
/** Ramping agents of a shift, parsed. */
export type RampingAgents = z.infer<typeof rampingAgentsSchema>;
/** A parsed break. */
export type ShiftBreak = z.infer<typeof shiftBreakSchema>;
