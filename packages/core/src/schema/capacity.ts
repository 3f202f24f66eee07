import { z } from "zod";
import { SCENARIO_LIMITS } from "./limits.js";

// The year ahead: how many agents the center employs week by week (attrition, hiring classes, ramp-up) and how
// demand moves (growth, seasonality). Every default below is an assumption, named as such; enter your own.

const agents = z.int().min(0).max(SCENARIO_LIMITS.maxAgentsPerGroup);
const money = z.number().min(0).max(1e9);
/** Most weeks a capacity plan covers: three years. */
export const MAX_CAPACITY_WEEKS = 156;

const recentHireSchema = z.strictObject({
  weeksAgo: z.int().min(0).max(520).describe("Weeks since these agents left their class and joined the floor (0: this week)."),
  agents: agents.describe("How many."),
});

const attritionSchema = z.strictObject({
  perMonth: z.number().min(0).max(1).default(0).describe("Share of agents who leave in a month (0.03: 3%). Default 0 (assumption: enter your own)."),
  newHirePerMonth: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe("Share of new hires who leave in a month during their first newHireMonths on the floor (new hires leave more often). Omitted: perMonth."),
  // Assumption: a probation period of three months.
  newHireMonths: z.number().min(0).max(60).default(3).describe("Months on the floor during which an agent counts as a new hire. Default 3 (assumption)."),
});

const rampSchema = z.strictObject({
  weeks: z.number().min(0).max(104).describe("Weeks after the class until a new hire is fully productive; productivity grows linearly."),
  // Assumption: half as productive in the first week on the floor.
  startProductivity: z
    .number()
    .min(0.05)
    .max(1)
    .default(0.5)
    .describe("Productivity in the first week on the floor, as a share of a fully productive agent's (each contact takes 1/productivity as long). Default 0.5 (assumption)."),
});

const classSchema = z.strictObject({
  week: z.int().min(1).max(MAX_CAPACITY_WEEKS).describe("Week the class starts (1 = the first planned week); recruiting began leadWeeks earlier. Trainees are paid from this week."),
  size: agents.describe("Trainees who start the class."),
  committed: z
    .boolean()
    .default(false)
    .describe("A class already decided (recruiting under way): the hiring plan keeps it. Default false: the hiring plan may replace it."),
});

const hiringSchema = z.strictObject({
  // Assumptions: the example, six weeks to recruit and three weeks of class.
  leadWeeks: z.int().min(0).max(52).default(6).describe("Weeks from the start of recruiting to the start of the class. Default 6 (assumption)."),
  classWeeks: z.int().min(0).max(52).default(3).describe("Weeks in class before joining the floor (paid, not taking contacts). Default 3 (assumption)."),
  graduation: z.number().min(0).max(1).default(0.9).describe("Share of a class that graduates and joins the floor (drop-outs in class included). Default 0.9 (assumption)."),
  classSize: z
    .strictObject({
      min: z.int().min(1).max(SCENARIO_LIMITS.maxAgentsPerGroup).default(1).describe("Fewest trainees a class runs with. Default 1 (assumption)."),
      // Assumption: one trainer's class.
      max: z.int().min(1).max(SCENARIO_LIMITS.maxAgentsPerGroup).default(20).describe("Most trainees a class takes. Default 20 (assumption: one trainer)."),
    })
    .prefault({})
    .describe("Class sizes the hiring plan may choose."),
  costPerHire: money.optional().describe("One-off cost of recruiting and onboarding one trainee, paid when the class starts. Omitted: money.hiringCostPerAgent (else 0)."),
  budget: money
    .optional()
    .describe("Most the hiring plan may spend on hiring over the planned weeks: cost per hire plus the trainees' wages while in class. Omitted: no limit."),
  classes: z.array(classSchema).max(MAX_CAPACITY_WEEKS).default([]).describe("Classes planned or committed, at most one per week."),
});

/** One agent group's people over the planned weeks; keyed by the group's name in `capacity.groups`. */
export const capacityGroupSchema = z.strictObject({
  headcount: agents.describe("Agents employed at the start (recent hires included; trainees in class not)."),
  recentHires: z.array(recentHireSchema).max(200).default([]).describe("Of those, the ones still ramping up: when they joined the floor."),
  attrition: attritionSchema.optional().describe("Who leaves, and how often. Omitted: nobody leaves."),
  ramp: rampSchema.optional().describe("How new hires ramp up after their class. Omitted: fully productive from their first week on the floor."),
  hiring: hiringSchema.prefault({}).describe("Hiring classes: lead time, class length, graduation, sizes, cost, budget and the classes planned."),
});

const monthly = (what: string, value: z.ZodNumber) =>
  z
    .array(value)
    .max(12)
    .describe(`${what}, one per month from the month of \`start\` (12 entries; an empty list: none).`);

/**
 * The capacity plan: the planned weeks from `start`, how demand moves over them (growth and a monthly index on the
 * scenario's forecast, which stands for the week at the start), monthly shrinkage, and per agent group the people
 * (headcount, recent hires, attrition, ramp-up, hiring classes). The scenario's shifts are the roster of the starting
 * headcount; each week's roster scales them to the agents available.
 */
export const capacitySchema = z
  .strictObject({
    start: z.iso.date().optional().describe("Date of the first planned week's first day (YYYY-MM-DD). Omitted: weeks are numbered and month 1 is their first 52/12 weeks."),
    weeks: z.int().min(1).max(MAX_CAPACITY_WEEKS).describe("Weeks to plan."),
    volume: z
      .strictObject({
        growthPerYear: z.number().min(-0.9).max(10).default(0).describe("Growth of the volume over a year (0.08: +8%), compounded month by month. Default 0 (assumption)."),
        monthlyIndex: monthly("Seasonal index of the volume (1 = the scenario's forecast)", z.number().min(0).max(10)).default([]),
      })
      .prefault({})
      .describe("How the scenario's forecast moves over the weeks."),
    shrinkageByMonth: monthly("Shrinkage of every group (replacing its own)", z.number().min(0).lt(1)).default([]),
    groups: z
      .record(z.string().min(1).max(100), capacityGroupSchema)
      .describe("People per agent group, keyed by the scenario's group names; a group left out keeps its roster all year."),
  })
  .meta({ id: "capacity" });

/** The capacity plan, parsed. */
export type Capacity = z.infer<typeof capacitySchema>;
/** One group's people, parsed. */
export type CapacityGroup = z.infer<typeof capacityGroupSchema>;
/** One hiring class, parsed. */
export type HiringClass = z.infer<typeof classSchema>;
