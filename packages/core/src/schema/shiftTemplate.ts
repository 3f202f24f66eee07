import { z } from "zod";
import { clockTimeSchema } from "./clockTime.js";
import { SCENARIO_LIMITS } from "./limits.js";
import { weekdaySchema } from "./weekday.js";

/** A break of a shift template: its length, and the window its start may fall in, counted from the shift's start. */
export const templateBreakSchema = z.strictObject({
  minutes: z.int().min(1).max(240).describe("Length of the break, minutes."),
  earliestAfterHours: z.number().min(0).max(24).describe("Earliest start of the break, hours after the shift starts."),
  latestAfterHours: z.number().min(0).max(24).describe("Latest start of the break, hours after the shift starts (on the template's breakStepMinutes grid from the earliest)."),
});

/**
 * A shift template: the shapes of shift the roster optimiser may use for a group. Agents may start it at any time
 * from `starts.from` to `starts.to` every `starts.stepMinutes`, on each of `days`, for `hours` hours; each of its
 * breaks starts within its window, on a `breakStepMinutes` grid, and the optimiser chooses how many agents take it
 * at each allowed time (staggered breaks). `minAgents`/`maxAgents` bound the agents starting it on one day, all
 * starts together. Break windows must follow one another without overlapping (checked with the scenario), so every
 * choice of break times makes a valid shift.
 */
export const shiftTemplateSchema = z.strictObject({
  name: z.string().min(1).max(100).describe("Name of the template, unique in its group; names the shifts made from it."),
  starts: z
    .strictObject({
      from: clockTimeSchema.describe("Earliest start, HH:MM."),
      to: clockTimeSchema.describe("Latest start, HH:MM, on the same day (at or after `from`)."),
      stepMinutes: z.int().min(5).max(1440).default(30).describe("Minutes between allowed starts. Default 30."),
    })
    .describe("When agents may start this template."),
  hours: z.number().positive().max(24).describe("Length of the shift, hours, breaks included (paid time)."),
  days: z.array(weekdaySchema).min(1).max(7).describe("Weekdays the template may be worked."),
  breaks: z.array(templateBreakSchema).max(SCENARIO_LIMITS.maxBreaksPerShift).default([]).describe("Breaks every agent on the template takes, in order; the optimiser staggers them."),
  breakStepMinutes: z.int().min(5).max(240).default(15).describe("Grid of break start times within their windows, minutes. Default 15."),
  minAgents: z.int().min(0).max(SCENARIO_LIMITS.maxAgentsPerGroup).default(0).describe("Fewest agents starting this template on each of its days (all starts together). Default 0."),
  maxAgents: z.int().min(0).max(SCENARIO_LIMITS.maxAgentsPerGroup).optional().describe("Most agents starting this template on each of its days (all starts together). Omitted: no limit."),
  costPerHour: z.number().min(0).max(10_000).optional().describe("Loaded cost of a paid hour on this template. Omitted: money.wagePerHour (without it, the optimiser minimises paid hours)."),
});

/** A parsed shift template. */
export type ShiftTemplate = z.infer<typeof shiftTemplateSchema>;
/** A parsed break of a template. */
export type TemplateBreak = z.infer<typeof templateBreakSchema>;

/** The limits of a group that the roster optimiser respects (the simulation ignores them). */
export const groupLimitFields = {
  maxAgentsAtOnce: z.int().min(0).max(SCENARIO_LIMITS.maxAgentsPerGroup).optional().describe("Roster optimiser: most agents on shift at any moment, breaks included (seats). Omitted: no limit."),
  maxWeeklyHours: z.number().positive().max(1e7).optional().describe("Roster optimiser: most paid hours the group's whole roster may use per week (its agents' contracted hours). Omitted: no limit."),
  minAgentsOnFloor: z.int().min(0).max(SCENARIO_LIMITS.maxAgentsPerGroup).optional().describe("Roster optimiser: fewest agents on the floor (after breaks and shrinkage) in any interval the group's queues are open. Omitted: no floor."),
};
