import { z } from "zod";
import { SCENARIO_LIMITS } from "./limits.js";
import { shiftSchema } from "./shift.js";
import { defaultOf, uncertainNumber, type Resolved, type UncertainNumber } from "./uncertain.js";

const nameSchema = z.string().min(1).max(100);

// Every intervention has a name (unique in the scenario; it labels the comparison) and may say why.
const common = {
  name: nameSchema.describe("Label of this intervention in comparisons; unique in the scenario."),
  description: z.string().max(2000).optional(),
};
const shiftRef = {
  group: nameSchema.describe("Name of the agent group."),
  shift: nameSchema.describe("Name of the shift in that group."),
};
// Each kind has an id, so the JSON Schema defines it once (in $defs) for the list and for `combined`.
const factor = uncertainNumber(z.number().positive().max(100));
const agentsLimit = SCENARIO_LIMITS.maxAgentsPerGroup;

/**
 * Add agents to every occurrence of a shift (negative removes; the shift keeps ≥ 0 agents). Hires may take
 * `leadWeeks` to arrive (recruiting and class: no agents, no wages yet) and `rampWeeks` to reach full speed (their
 * productivity grows linearly from `rampStartProductivity`; each contact they answer takes 1/productivity as long).
 */
export const addAgentsSchema = z.strictObject({
  kind: z.literal("addAgents"),
  ...common,
  ...shiftRef,
  agents: z.int().min(-agentsLimit).max(agentsLimit).describe("Agents added to the shift (negative removes)."),
  leadWeeks: z
    .number()
    .min(0)
    .max(104)
    .optional()
    .describe("Weeks until the added agents are on the floor (recruiting and class); no agents and no wages before. Omitted: 0, at once."),
  rampWeeks: z
    .number()
    .min(0)
    .max(104)
    .optional()
    .describe("Weeks after they arrive until they are fully productive, growing linearly. Omitted: 0, fully productive at once."),
  // Assumption: half as productive in the first week on the floor (as capacity's ramp).
  rampStartProductivity: z
    .number()
    .min(0.05)
    .max(1)
    .optional()
    .describe("Their productivity when they arrive, as a share of a fully productive agent's. Omitted: 0.5 (assumption)."),
}).meta({ id: "addAgentsIntervention" });

/** Remove agents from a shift (at most as many as it has). */
export const removeAgentsSchema = z.strictObject({
  kind: z.literal("removeAgents"),
  ...common,
  ...shiftRef,
  agents: z.int().min(1).max(agentsLimit).describe("Agents removed from the shift."),
}).meta({ id: "removeAgentsIntervention" });

/** Move a shift's start, breaks included, by signed minutes; crossing midnight moves its days too. */
export const moveShiftSchema = z.strictObject({
  kind: z.literal("moveShift"),
  ...common,
  ...shiftRef,
  minutes: z.int().min(-1440).max(1440).describe("Minutes later (negative: earlier)."),
}).meta({ id: "moveShiftIntervention" });

/** Lengthen (or, negative, shorten) a shift at its end; the result stays in (0, 24] hours. */
export const lengthenShiftSchema = z.strictObject({
  kind: z.literal("lengthenShift"),
  ...common,
  ...shiftRef,
  hours: z.number().min(-24).max(24).describe("Hours added at the end of the shift (negative shortens)."),
}).meta({ id: "lengthenShiftIntervention" });

/** Add a new shift to a group. */
export const addShiftSchema = z.strictObject({
  kind: z.literal("addShift"),
  ...common,
  group: shiftRef.group,
  shift: shiftSchema,
}).meta({ id: "addShiftIntervention" });

/** Multiply the mean handle time (all queues, or one) by a factor; the shape (cv, k) is kept. */
export const scaleAhtSchema = z.strictObject({
  kind: z.literal("scaleAht"),
  ...common,
  factor: factor.describe("Multiplier of handle times, e.g. 0.9 for 10% shorter."),
  queue: nameSchema.optional().describe("Queue to change; omitted: every queue."),
}).meta({ id: "scaleAhtIntervention" });

/** Multiply callers' patience (all queues, or one) by a factor. Infinite patience stays infinite. */
export const scalePatienceSchema = z.strictObject({
  kind: z.literal("scalePatience"),
  ...common,
  factor: factor.describe("Multiplier of patience, e.g. 1.2 for 20% more patient callers."),
  queue: nameSchema.optional().describe("Queue to change; omitted: every queue."),
}).meta({ id: "scalePatienceIntervention" });

// Effect sizes below come with their source; a file may name its own in `source`. Every effect size and cost may be
// uncertain (schema/uncertain.ts): a number, a graded number or a range. No effect defaults to an article's outcome:
// an effect the model would then "predict" would only be the figure entered (the articles' figures are presets,
// see interventions/effectPresets.ts).
const sourceField = z
  .string()
  .max(500)
  .optional()
  .describe('Where this intervention\'s effect sizes come from (e.g. "vendor proposal 2026", "pilot in team B"); omitted: the defaults\' sources.');
const cost = (what: string) => uncertainNumber(z.number().min(-1e9).max(1e9)).default(0).describe(`${what} Default 0 (assumption: enter your own).`);
const oneOffCost = cost("One-off cost at the start (project, licences, set-up), in the scenario's currency.");
const perMonthCost = cost("Recurring cost per month (licences, extra staff outside the simulated groups), in the scenario's currency.");
const rampWeeks = (what: string) => z.number().min(0).max(104).describe(what);

/**
 * A training programme for one or more agent groups. While in class, each trainee is off the floor for
 * `hoursOffFloor` hours spread over `classWeeks` (modelled as extra shrinkage of the trained groups in those
 * weeks); then the effects grow linearly over `learningCurveWeeks` to their full size.
 */
export const trainingSchema = z.strictObject({
  kind: z.literal("training"),
  ...common,
  groups: z
    .array(nameSchema)
    .min(1)
    .max(SCENARIO_LIMITS.maxGroups)
    .optional()
    .describe("Agent groups trained (every agent of each); omitted: every group."),
  // Assumption: no default gain; journeys.md's vendor claim is AHT −8%, FCR +5 points.
  ahtChange: uncertainNumber(z.number().gt(-0.9).max(1))
    .default(0)
    .describe("Relative change of the trained agents' handle time at full effect, e.g. −0.08 for 8% shorter. Default 0 (assumption: enter the programme's claim or your pilot's figure, as a range if you doubt it)."),
  fcrChange: uncertainNumber(z.number().min(-1).max(1))
    .default(0)
    .describe("Change of first-contact resolution in points at full effect, e.g. 0.05 for +5 points (78% → 83%). Default 0 (assumption)."),
  // No default effect: the +12% of article 000_84b7cbeb28961648 is that training's outcome (a preset, graded article).
  satisfactionChange: uncertainNumber(z.number().min(-1).max(10))
    .default(0)
    .describe("Relative change of satisfaction of answered contacts at full effect, beyond what the AHT, FCR and wait changes bring (0.12 = +12%). Default 0: no effect beyond them (an article's outcome is not an input; the +12% of article 000_84b7cbeb28961648's manufacturer case is a preset, graded article, with a range)."),
  // Assumption: two days of class.
  hoursOffFloor: z
    .number()
    .min(0)
    .max(2000)
    .default(16)
    .describe("Hours each trainee spends in class instead of on the floor. Default 16, two days (assumption)."),
  // Assumption: the class takes one week.
  classWeeks: z
    .number()
    .positive()
    .max(52)
    .default(1)
    .describe("Weeks over which the class hours are spread (every trainee loses hoursOffFloor / classWeeks hours a week). Default 1 (assumption)."),
  // Assumption: a month to full proficiency.
  learningCurveWeeks: rampWeeks("Weeks after class until the effects reach their full size, growing linearly. Default 4 (assumption).").default(4),
  cohorts: z
    .strictObject({
      agents: z.int().min(1).max(agentsLimit).optional().describe("Trainees who start class each week."),
      share: z.number().gt(0).max(1).optional().describe("Share of the trained agents who start class each week (0.25: a quarter)."),
    })
    .optional()
    .describe("Train in weekly cohorts, a number or a share of the trainees each week, so that fewer agents are off the floor at once (give one of agents and share). Omitted: everyone in the same weeks."),
  costPerTrainee: uncertainNumber(z.number().min(0).max(1e7))
    .default(0)
    .describe("Cost per trainee (course fee, materials, trainer time), one-off; wages in class are not added: they are paid anyway, and the lost time shows as worse service. Default 0 (assumption: enter your own)."),
  oneOffCost: oneOffCost,
  source: sourceField,
}).meta({ id: "trainingIntervention" });

/** A process change that shortens the time to resolve a problem (fewer approval steps, a fast lane). */
export const processChangeSchema = z.strictObject({
  kind: z.literal("processChange"),
  ...common,
  // No effect by default: the article's −30% (000_84b7cbeb28961648: fewer approval steps cut resolution time by 30%)
  // is one case's outcome, so it is a preset (EFFECT_PRESETS), never a default input.
  resolutionTimeChange: uncertainNumber(z.number().gt(-1).max(10))
    .default(0)
    .describe("Relative change of the resolution time (resolution.resolutionTime), e.g. −0.3 for 30% shorter. Default 0 (assumption: no change until you enter the process's claim or your pilot's figure, as a range if you doubt it; the article's −30% (fewer approval steps, article 000_84b7cbeb28961648) is a preset, graded article, with a range)."),
  fcrChange: uncertainNumber(z.number().min(-1).max(1)).default(0).describe("Change of first-contact resolution in points (0.05 = +5 points). Default 0 (assumption)."),
  ahtChange: uncertainNumber(z.number().gt(-0.9).max(1)).default(0).describe("Relative change of handle time of every queue (e.g. −0.05). Default 0 (assumption)."),
  implementationWeeks: rampWeeks("Weeks from the start (when the costs begin) until the change takes effect. Default 0 (assumption).").default(0),
  oneOffCost: oneOffCost,
  perMonthCost: perMonthCost,
  source: sourceField,
}).meta({ id: "processChangeIntervention" });

/** Move a share of one queue's contacts to another queue (phone to chat, email or self-service). */
export const channelShiftSchema = z.strictObject({
  kind: z.literal("channelShift"),
  ...common,
  from: nameSchema.describe("Queue whose contacts move (e.g. the phone line)."),
  to: nameSchema.describe("Queue that receives them (e.g. chat or a self-service queue); its own handle time and profile apply."),
  share: uncertainNumber(z.number().gt(0).max(1)).describe("Share of the `from` queue's contacts that move, e.g. 0.2 for 20%."),
  rampWeeks: rampWeeks("Weeks over which customers adopt the new channel (the moved share grows linearly). Default 0: at once (assumption).").default(0),
  oneOffCost: oneOffCost,
  perMonthCost: perMonthCost,
  source: sourceField,
}).meta({ id: "channelShiftIntervention" });

/** More feedback channels (phone, chat, email, surveys): customers are heard where they are. */
export const feedbackChannelsSchema = z.strictObject({
  kind: z.literal("feedbackChannels"),
  ...common,
  // No default effect: the +15% of article 000_84b7cbeb28961648 is that mechanism's outcome (a preset, graded article).
  satisfactionChange: uncertainNumber(z.number().min(-1).max(10))
    .default(0)
    .describe("Relative change of satisfaction of answered contacts (0.15 = +15%). Default 0: no effect of its own (an article's outcome is not an input; the +15% of article 000_84b7cbeb28961648's multi-channel feedback case is a preset, graded article, with a range)."),
  surveyResponseChange: uncertainNumber(z.number().gt(-1).max(10))
    .default(0)
    .describe("Relative change of the survey response rate (0.3 = 30% more answers). Default 0 (assumption)."),
  rampWeeks: rampWeeks("Weeks until the effect reaches its full size, growing linearly. Default 0 (assumption).").default(0),
  oneOffCost: oneOffCost,
  perMonthCost: perMonthCost,
  source: sourceField,
}).meta({ id: "feedbackChannelsIntervention" });

/** The interventions a `combined` one may list: every kind but `combined`. */
/** Replace all of a group's shifts by a given roster (the roster optimiser's answer, `ccplan roster`). */
export const rosterSchema = z.strictObject({
  kind: z.literal("roster"),
  ...common,
  group: shiftRef.group,
  shifts: z.array(shiftSchema).max(SCENARIO_LIMITS.maxShiftsPerGroup).describe("The group's new shifts; they replace all of its shifts."),
  costPerWeek: z
    .number()
    .min(0)
    .max(1e9)
    .optional()
    .describe("Weekly wage cost of the new roster as the optimiser priced it (each template at its own cost per hour). Omitted: its paid hours × money.wagePerHour."),
}).meta({ id: "rosterIntervention" });

export const singleInterventionSchema = z.discriminatedUnion("kind", [
  addAgentsSchema,
  removeAgentsSchema,
  moveShiftSchema,
  lengthenShiftSchema,
  addShiftSchema,
  scaleAhtSchema,
  scalePatienceSchema,
  trainingSchema,
  processChangeSchema,
  channelShiftSchema,
  feedbackChannelsSchema,
  rosterSchema,
]);

/** Several interventions applied in order, compared as one option (e.g. "training + hiring"). */
export const combinedSchema = z.strictObject({
  kind: z.literal("combined"),
  ...common,
  interventions: z
    .array(singleInterventionSchema)
    .min(1)
    .max(20)
    .describe("The interventions, applied in this order; their costs add up and their learning curves run side by side from week 0."),
}).meta({ id: "combinedIntervention" });

/**
 * An intervention: a change to the scenario to compare with the baseline, discriminated on `kind`.
 * A new kind is one more schema in this list plus its transform in interventions/applyIntervention.ts
 * (the compiler insists on both).
 */
export const interventionSchema = z.discriminatedUnion("kind", [...singleInterventionSchema.options, combinedSchema]);

/** A parsed intervention; its effect sizes and costs may still be uncertain (see `ResolvedIntervention`). */
export type Intervention = z.infer<typeof interventionSchema>;
/** An intervention other than `combined`. */
export type SingleIntervention = z.infer<typeof singleInterventionSchema>;
/** An intervention with every number resolved: what its transform computes with. */
export type ResolvedIntervention = Resolved<Intervention>;
/** The kinds of intervention. */
export type InterventionKind = Intervention["kind"];
