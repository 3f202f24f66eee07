import { z } from "zod";
import { SCENARIO_LIMITS } from "./limits.js";
import { shiftSchema } from "./shift.js";

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
const factor = z.number().positive().max(100);
const agentsLimit = SCENARIO_LIMITS.maxAgentsPerGroup;

/** Add agents to every occurrence of a shift (negative removes; the shift keeps ≥ 0 agents). */
export const addAgentsSchema = z.strictObject({
  kind: z.literal("addAgents"),
  ...common,
  ...shiftRef,
  agents: z.int().min(-agentsLimit).max(agentsLimit).describe("Agents added to the shift (negative removes)."),
});

/** Remove agents from a shift (at most as many as it has). */
export const removeAgentsSchema = z.strictObject({
  kind: z.literal("removeAgents"),
  ...common,
  ...shiftRef,
  agents: z.int().min(1).max(agentsLimit).describe("Agents removed from the shift."),
});

/** Move a shift's start, breaks included, by signed minutes; crossing midnight moves its days too. */
export const moveShiftSchema = z.strictObject({
  kind: z.literal("moveShift"),
  ...common,
  ...shiftRef,
  minutes: z.int().min(-1440).max(1440).describe("Minutes later (negative: earlier)."),
});

/** Lengthen (or, negative, shorten) a shift at its end; the result stays in (0, 24] hours. */
export const lengthenShiftSchema = z.strictObject({
  kind: z.literal("lengthenShift"),
  ...common,
  ...shiftRef,
  hours: z.number().min(-24).max(24).describe("Hours added at the end of the shift (negative shortens)."),
});

/** Add a new shift to a group. */
export const addShiftSchema = z.strictObject({
  kind: z.literal("addShift"),
  ...common,
  group: shiftRef.group,
  shift: shiftSchema,
});

/** Multiply the mean handle time (all queues, or one) by a factor; the shape (cv, k) is kept. */
export const scaleAhtSchema = z.strictObject({
  kind: z.literal("scaleAht"),
  ...common,
  factor: factor.describe("Multiplier of handle times, e.g. 0.9 for 10% shorter."),
  queue: nameSchema.optional().describe("Queue to change; omitted: every queue."),
});

/** Multiply callers' patience (all queues, or one) by a factor. Infinite patience stays infinite. */
export const scalePatienceSchema = z.strictObject({
  kind: z.literal("scalePatience"),
  ...common,
  factor: factor.describe("Multiplier of patience, e.g. 1.2 for 20% more patient callers."),
  queue: nameSchema.optional().describe("Queue to change; omitted: every queue."),
});

/**
 * An intervention: a change to the scenario to compare with the baseline, discriminated on `kind`.
 * A new kind is one more schema in this list plus its transform in interventions/applyIntervention.ts
 * (the compiler insists on both).
 */
export const interventionSchema = z.discriminatedUnion("kind", [
  addAgentsSchema,
  removeAgentsSchema,
  moveShiftSchema,
  lengthenShiftSchema,
  addShiftSchema,
  scaleAhtSchema,
  scalePatienceSchema,
]);

/** A parsed intervention. */
export type Intervention = z.infer<typeof interventionSchema>;
/** The kinds of intervention. */
export type InterventionKind = Intervention["kind"];
