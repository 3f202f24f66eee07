import { z } from "zod";
import { INTRADAY_PROFILE_NAMES } from "../plan/intradayProfiles.js";
import { capacitySchema } from "./capacity.js";
import { durationSchema } from "./distribution.js";
import { experienceSchema } from "./experience.js";
import { interventionSchema } from "./intervention.js";
import { moneySchema } from "./money.js";
import { SCENARIO_LIMITS } from "./limits.js";
import { shiftSchema } from "./shift.js";
import type { Resolved } from "./uncertain.js";
import { groupLimitFields, shiftTemplateSchema } from "./shiftTemplate.js";
import { WEEKDAYS, weekdaySchema, type Weekday } from "./weekday.js";

/** The scenario format this version of ccplan reads and writes. Older files are upgraded by `migrate`. */
export const SCENARIO_VERSION = 1;

const nameSchema = z.string().min(1).max(100);
const contacts = z.number().min(0).max(SCENARIO_LIMITS.maxContactsPerReplication);
const dailyCv = z.number().min(0).max(2).default(0).describe("Day-level over-dispersion: coefficient of variation of a gamma multiplier on each day's volume (0 = plain Poisson).");

/** How a day's contacts spread over its intervals: a built-in profile, or one weight (≥ 0) per interval of a day. */
export const intradayProfileSchema = z.union([z.enum(INTRADAY_PROFILE_NAMES), z.array(z.number().min(0).max(1e9)).min(1).max(96)]);

const dailyForecastSchema = z.strictObject({
  dailyContacts: z.array(contacts).min(1).max(SCENARIO_LIMITS.maxSpanDays).describe("Expected new contacts on each simulated day, one per entry of `days` (repeats and retries come on top)."),
  intradayProfile: intradayProfileSchema.describe("How a day's contacts spread over its intervals: a built-in profile, or one weight per interval of a day (normalised)."),
  intradayProfileByWeekday: z
    .strictObject(Object.fromEntries(WEEKDAYS.map((day) => [day, intradayProfileSchema.optional()])) as Record<Weekday, z.ZodOptional<typeof intradayProfileSchema>>)
    .optional()
    .describe('Profiles for particular weekdays, overriding intradayProfile on those days (e.g. {"sat": "retail-weekend", "sun": "retail-weekend"}).'),
  dailyCv,
});

const intervalForecastSchema = z.strictObject({
  intervalContacts: z
    .array(contacts)
    .min(1)
    .max(SCENARIO_LIMITS.maxSpanDays * 96)
    .describe("Expected contacts in each interval of the whole span, in order."),
  dailyCv,
});

/** A queue's forecast: contacts per day with an intraday profile, or contacts per interval of the span. */
export const forecastSchema = z.union([dailyForecastSchema, intervalForecastSchema]);

/** The channels a queue may be: phone and chat need an agent at once, email is a backlog, self-service needs no agent. */
export const CHANNELS = ["phone", "chat", "email", "selfService"] as const;
/** Channels whose contacts are served online (article 004_49af8e83df4febe5's online substitution rate). */
export const ONLINE_CHANNELS: readonly Channel[] = ["chat", "email", "selfService"];
export type Channel = (typeof CHANNELS)[number];

/** Chat settings: concurrent sessions per agent and their cost in handle time. */
export const chatSchema = z.strictObject({
  // Assumption: two concurrent chats per agent is a common setting.
  maxSessions: z.int().min(1).max(10).default(2).describe("Chat sessions an agent holds at once. Default 2 (assumption)."),
  // Assumption: each extra session lengthens every session's handle time by a quarter.
  handleGrowthPerSession: z
    .number()
    .min(0)
    .max(2)
    .default(0.25)
    .describe("Relative growth of a session's handle time per other session its agent already holds (0.25: ×1.25 beside one other, ×1.5 beside two). Default 0.25 (assumption)."),
});

/** Email settings: a backlog with a response target in hours. */
export const emailSchema = z.strictObject({
  // Assumption: "we reply within one business day" is the common promise.
  responseTargetHours: z
    .number()
    .positive()
    .max(336)
    .default(24)
    .describe("Response target, hours: an email's service level is answered within it (replaces targetAnswerSec). Default 24 (assumption)."),
  priority: z
    .enum(["lowest", "asListed"])
    .default("lowest")
    .describe("lowest (default): every group serving this queue works it only when its other queues are empty, whatever the order of its `serves`; asListed: the order of `serves` decides."),
  // Assumption: customers measure an email reply in hours where a caller counts minutes.
  satisfactionMinutesPerHourLate: z
    .number()
    .min(0)
    .max(60)
    .default(1)
    .describe("For satisfaction, each hour past the response target counts as this many minutes of a phone wait (the wait curve of experience.wait). Default 1 (assumption)."),
});

/** A priority class of a queue: a share of its contacts who wait as if they had arrived `headStartSec` earlier. */
export const priorityClassSchema = z.strictObject({
  name: nameSchema.default("priority").describe("Name of the class (e.g. the customer segment)."),
  share: z.number().min(0).max(1).describe("Share of the queue's contacts in the class (a fraction)."),
  headStartSec: z
    .number()
    .min(0)
    .max(86_400)
    .describe("Seconds by which the class is served as if it had arrived earlier: 0 is first come first served; beyond the longest wait it is strict (non-preemptive) priority."),
  patience: durationSchema("Sec")
    .optional()
    .describe("The class's own patience, seconds (the queue's patience is then that of the rest); omitted: the queue's."),
});

/** A queue: one type of contact (a line, a channel), with its forecast, handle times and callers' patience. */
export const queueSchema = z.strictObject({
  name: nameSchema.describe("Name of the queue, unique in the scenario."),
  description: z.string().max(2000).optional(),
  forecast: forecastSchema,
  handle: durationSchema("Sec", SCENARIO_LIMITS.maxHandleSec).describe("Handle time per contact (talk, hold and wrap-up), seconds; at most a week."),
  patience: durationSchema("Sec").optional().describe("How long a caller waits before hanging up, seconds; omitted: nobody abandons."),
  retry: z
    .strictObject({
      probability: z.number().min(0).max(1).describe("Probability that a caller who abandoned tries again."),
      delay: durationSchema("Sec").describe("Time from hanging up to trying again, seconds."),
    })
    .optional(),
  targetAnswerSec: z.number().min(0).max(86_400).default(20).describe("Service-level target: answered within this many seconds."),
  targetServiceLevel: z.number().min(0).max(1).default(0.8).describe("Share of contacts to answer within the target (0.8 for 80/20)."),
  channel: z
    .enum(CHANNELS)
    .default("phone")
    .describe("phone (default) or chat: answered by an agent while the customer waits; email: a backlog answered when agents are free, with a target in hours; selfService: served online at once, no agent (groups do not serve it)."),
  chat: chatSchema.optional().describe("Chat queues: sessions per agent and their handle-time cost; omitted: the defaults."),
  email: emailSchema.optional().describe("Email queues: response target and priority; omitted: the defaults."),
  priorityClass: priorityClassSchema
    .optional()
    .describe("A class of the queue's contacts served ahead of the rest by a head start (e.g. priority customers); omitted: first come first served."),
});

/** An agent group: agents who serve the same queues, in priority order, on the same shifts. */
export const groupSchema = z.strictObject({
  name: nameSchema.describe("Name of the group, unique in the scenario."),
  description: z.string().max(2000).optional(),
  serves: z.array(nameSchema).min(1).max(SCENARIO_LIMITS.maxQueues).describe("Queue names this group answers, highest priority first."),
  shrinkage: z.number().min(0).lt(1).default(0).describe("Share of scheduled time lost beyond the explicit breaks (absence, meetings, coaching)."),
  shifts: z.array(shiftSchema).max(SCENARIO_LIMITS.maxShiftsPerGroup).default([]).describe("The roster the simulation runs: shifts with their agents and breaks."),
  shiftTemplates: z
    .array(shiftTemplateSchema)
    .max(SCENARIO_LIMITS.maxTemplatesPerGroup)
    .optional()
    .describe("Shapes of shift the roster optimiser (ccplan roster) may use for this group; the simulation runs `shifts`."),
  ...groupLimitFields,
});

const DEFAULT_REPEAT_DELAY = { dist: "exponential", meanHours: 24 } as const;

/** What happens after a contact is answered: resolution at first contact, and when the unresolved call back. */
export const resolutionSchema = z.strictObject({
  fcr: z.number().positive().max(1).default(1).describe("First-contact resolution: probability an answered contact is resolved (> 0)."),
  repeatDelay: durationSchema("Hours").describe("Time from an unresolved contact to its repeat contact, hours."),
  resolutionTime: durationSchema("Hours").optional().describe("Time from first contact to resolution, hours (used by the satisfaction model)."),
});

/**
 * A whole scenario file, version 1: what the center looks like (queues, agent groups and their shifts)
 * and which interventions to compare with it. Fields carry their unit in their names; the compiled plan
 * is in seconds. Every object is strict (an unknown key such as `agent` for `agents` is an error) except
 * for a top-level `$schema`, which editors use for autocompletion.
 *
 * This schema checks structure, types and ranges only. `parseScenario` is the full check: it adds the
 * cross-references (queue, group and shift names), list lengths that depend on other fields and the
 * size limits, and lists every problem with its path.
 */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe("JSON Schema of this file, for editors (e.g. ./schema.json)."),
    version: z.literal(SCENARIO_VERSION).describe("Scenario format version."),
    name: nameSchema.describe("Title of the scenario."),
    description: z.string().max(10_000).optional().describe("What the scenario represents and where its numbers come from."),
    seed: z.int().default(1).describe("Seed of the random streams; comparisons reuse it (common random numbers)."),
    intervalMinutes: z.literal([15, 30, 60]).describe("Length of a reporting interval, minutes."),
    days: z.array(weekdaySchema).min(1).max(SCENARIO_LIMITS.maxSpanDays).describe("The simulated days in order; repeat the week for several weeks."),
    startDate: z.iso.date().optional().describe("Date of the first simulated day (YYYY-MM-DD); then days must follow the calendar and labels are dates."),
    queues: z.array(queueSchema).min(1).max(SCENARIO_LIMITS.maxQueues),
    groups: z.array(groupSchema).min(1).max(SCENARIO_LIMITS.maxGroups),
    resolution: resolutionSchema.default({ fcr: 1, repeatDelay: DEFAULT_REPEAT_DELAY }),
    experience: experienceSchema.prefault({}).describe("Customer experience: satisfaction, CSAT survey, complaints, NPS and churn; omitted: the articles' defaults."),
    money: moneySchema.optional(),
    interventions: z.array(interventionSchema).max(SCENARIO_LIMITS.maxInterventions).default([]),
    capacity: capacitySchema.optional().describe("The year ahead: planned weeks, demand growth and seasonality, and per group headcount, attrition, ramp-up and hiring classes (ccplan capacity, the Year view). Omitted: no capacity plan."),
  })
  .meta({ title: "ccplan scenario", description: "A contact-center scenario for ccplan, format version 1." });

/** A parsed scenario, defaults filled in: what compile, interventions and the UI receive. */
export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario with every uncertain-capable number (experience, money, interventions' effects and costs) a plain number:
 * one concrete world, as `resolveCentral` or a draw (core's uncertainty/) makes it. */
export type ResolvedScenario = Resolved<Scenario>;
/** What a scenario file may contain (defaults optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A parsed queue. */
export type ScenarioQueue = Scenario["queues"][number];
/** A parsed agent group. */
export type ScenarioGroup = Scenario["groups"][number];
/** A parsed forecast. */
export type Forecast = ScenarioQueue["forecast"];
/** Parsed chat settings. */
export type ChatSettings = z.infer<typeof chatSchema>;
/** Parsed email settings. */
export type EmailSettings = z.infer<typeof emailSchema>;
/** A parsed intraday profile: a built-in name or weights per interval of a day. */
export type IntradayProfile = z.infer<typeof intradayProfileSchema>;
