import { z } from "zod";

// Every default below names its source, in a comment and in the help text the UI shows. "Article 000" is
// article 000_84b7cbeb28961648 (KPI dimensions, with its effect sizes); "article 004" is 004_49af8e83df4febe5
// (valuing a contact center: NPS, retention, LTV). The models behind these numbers are in core's experience/.

/** An additional effect on the satisfaction of answered contacts (training, feedback channels, …). */
export const satisfactionEffectSchema = z.strictObject({
  name: z.string().min(1).max(200).describe("What causes the effect (e.g. the intervention's name)."),
  relativeChange: z
    .number()
    .gt(-1)
    .max(10)
    .describe("Relative change of satisfaction, as the articles state effects: 0.12 = +12% CSAT. Applied on the log-odds scale, calibrated at the reference center (see referenceCsat), so satisfaction stays within [0, 1]."),
  source: z.string().min(1).max(500).describe('Where the figure comes from (e.g. "article 000_84b7cbeb28961648", "pilot in team B").'),
});

/** The curves a wait may lower satisfaction by. */
export const WAIT_CURVES = ["linear", "exponential", "logistic"] as const;

const waitSchema = z.strictObject({
  curve: z
    .enum(WAIT_CURVES)
    .default("linear")
    .describe("How satisfaction falls with the wait: linear (the article's rule as stated, down to the floor), exponential (the same initial slope, decaying towards the floor) or logistic (little effect for short waits, the article's slope at midpointMinutes, then the floor). Default linear (article 000_84b7cbeb28961648 states a constant rate per minute)."),
  // Article 000_84b7cbeb28961648: "each extra minute a customer waits lowers satisfaction by 5%" (relative).
  changePerMinute: z
    .number()
    .min(-1)
    .max(0)
    .default(-0.05)
    .describe("Relative change of satisfaction per minute of waiting (−0.05 = −5% of its level per minute; relative, not points). Default −0.05: article 000_84b7cbeb28961648."),
  // Assumption: waiting alone never takes away more than 80% of a contact's satisfaction.
  floor: z
    .number()
    .min(0)
    .max(1)
    .default(0.2)
    .describe("Lowest share of its no-wait satisfaction a contact keeps however long it waits (0.2: never below 20% of it). Default 0.2 (assumption)."),
  // Assumption: callers start to mind the wait after a few minutes.
  midpointMinutes: z
    .number()
    .positive()
    .max(600)
    .default(3)
    .describe("Logistic curve only: the wait (minutes) at which satisfaction falls fastest, at the article's rate. Default 3 (assumption)."),
});

const resolutionTimeSchema = z.strictObject({
  // Article 000_84b7cbeb28961648: "each 10% cut in resolution time raises satisfaction by 8%" (relative).
  changePerTenPercentCut: z
    .number()
    .min(0)
    .max(1)
    .default(0.08)
    .describe("Relative change of satisfaction for each 10% cut in resolution time (0.08 = +8%), compounding. Applied to each contact by the time its problem takes in the simulation (from its first contact, through waits and repeat contacts, to the end of the conversation plus resolution.resolutionTime), and calibrated so that cutting every problem's time by 10% raises the reference center's CSAT by exactly this. Relative, not points. Default 0.08: article 000_84b7cbeb28961648."),
  // Assumption: a day, a common promise for back-office work.
  referenceHours: z
    .number()
    .positive()
    .max(8760)
    .default(24)
    .describe("Resolution time (hours) of a problem at which it neither raises nor lowers its customer's satisfaction: the reference center's. A contact whose problem takes longer (its waits, repeat contacts and resolution.resolutionTime) is less satisfied, a shorter one more. Applies only to scenarios that set resolution.resolutionTime. Default 24 (assumption)."),
});

const repeatsSchema = z.strictObject({
  // Article 000_84b7cbeb28961648: "each 5-point drop in the repeat-contact rate raises satisfaction by 6%".
  changePerFivePointsFewer: z
    .number()
    .min(0)
    .max(0.12)
    .default(0.06)
    .describe("Relative change of CSAT when the repeat-contact rate falls by 5 points (0.06 = +6%; the repeat rate in points, satisfaction relative). Calibrates the log-odds penalty of an unresolved contact and of a repeat contact. Default 0.06: article 000_84b7cbeb28961648."),
  // Assumption: a typical repeat-contact rate (first-contact resolution around 80%).
  referenceRepeatRate: z
    .number()
    .min(0.05)
    .max(0.9)
    .default(0.2)
    .describe("Repeat-contact rate of the reference center at which the articles' rules are calibrated. Default 0.2 (assumption: first-contact resolution around 80% is typical)."),
  // Assumption: at the reference center an unresolved customer calls back the same working day.
  referenceDelayHours: z
    .number()
    .min(0)
    .max(8760)
    .default(6)
    .describe("How much later a problem resolved at a repeat contact is resolved at the reference center (the repeat's delay), hours: the repeat rule and the resolution-time rule are calibrated together with it, so that a repeat's longer resolution time and its repeat penalty add up to the article's +6% per 5 points, not more (an unresolved problem is not penalised twice). 0: repeats do not lengthen problems there. Shortened when both rules cannot hold with it (a high reference CSAT or repeat rate). Default 6 (assumption: an unresolved customer calls back the same working day)."),
});

const complaintsSchema = z.strictObject({
  // Assumption after the often-quoted TARP finding that about 1 in 25 dissatisfied customers complains.
  dissatisfiedPropensity: z
    .number()
    .min(0)
    .max(1)
    .default(0.04)
    .describe("Probability that a dissatisfied customer complains when the resolution time is at its reference (an abandoned contact: always). Default 0.04 (assumption, after the often-quoted TARP finding that about 1 in 25 dissatisfied customers complains)."),
  // Assumption: a problem that takes ten times as long makes a dissatisfied customer ~1.26 times as likely to complain.
  resolutionTimeElasticity: z
    .number()
    .min(0)
    .max(3)
    .default(0.1)
    .describe("How the complaint propensity grows with the time the contact's problem takes (as the simulation runs it, waits and repeat contacts included): odds ∝ (resolution time / reference)^elasticity. Default 0.1 (assumption: ten times as long, about 1.26 times the odds)."),
});

const loyaltyClassSchema = (defaults: { promoters: number; detractors: number; churn: number }, who: string) =>
  z
    .strictObject({
      promoters: z.number().min(0).max(1).default(defaults.promoters).describe(`Share of ${who} customers who are promoters (would recommend: 9–10). Default ${defaults.promoters} (assumption).`),
      detractors: z.number().min(0).max(1).default(defaults.detractors).describe(`Share of ${who} customers who are detractors (0–6). Default ${defaults.detractors} (assumption).`),
      churn: z.number().min(0).max(1).default(defaults.churn).describe(`Share of ${who} customers who leave within the financial horizon. Default ${defaults.churn} (assumption; article 004_49af8e83df4febe5 links satisfaction to retention without a figure).`),
    })
    .refine((shares) => shares.promoters + shares.detractors <= 1, { message: "promoters + detractors must not exceed 1" });

// Assumptions: article 004_49af8e83df4febe5 ties CSAT to NPS and retention (to be estimated by regression on a
// center's own data) but gives no coefficients; these shares are placeholders a planner should replace.
const loyaltySchema = z.strictObject({
  satisfied: loyaltyClassSchema({ promoters: 0.55, detractors: 0.1, churn: 0.1 }, "satisfied").prefault({}),
  dissatisfied: loyaltyClassSchema({ promoters: 0.05, detractors: 0.7, churn: 0.3 }, "dissatisfied").prefault({}),
});

/** The shapes an abandoned contact's satisfaction may take as a function of its wait. */
export const ABANDONED_CURVES = ["unresolved", "dissatisfied", "points"] as const;

const abandonedPointSchema = z.strictObject({
  waitMinutes: z.number().min(0).max(720).describe("Wait before hanging up, minutes."),
  satisfaction: z.number().min(0).max(1).describe("Probability that a customer who hung up after this wait is satisfied (for NPS, churn and complaints)."),
});

// Assumption: a caller who hangs up has had nothing resolved, so they are as satisfied as a contact answered after the
// same wait whose problem stays unresolved; no source measures it (surveys rarely reach callers who hung up).
const abandonedSatisfactionSchema = z
  .strictObject({
    curve: z
      .enum(ABANDONED_CURVES)
      .default("unresolved")
      .describe("How satisfied a customer who hung up is, by how long they waited (for NPS, churn and complaints; CSAT follows experience.abandoned): \"unresolved\" as a contact answered after the same wait whose problem stays unresolved, by the wait curve, so a 5-second hang-up is far less dissatisfied than a 30-minute one (default; assumption: a hang-up resolves nothing, and no source measures abandoners' satisfaction); \"dissatisfied\" never satisfied, however short the wait; \"points\" your own curve (e.g. from a survey of callers who hung up)."),
    points: z
      .array(abandonedPointSchema)
      .min(1)
      .max(50)
      .optional()
      .describe("Curve \"points\" only: the satisfaction of a customer who hung up after each wait (minutes ascending), linear in between, flat before the first and after the last."),
  })
  .superRefine((settings, context) => {
    const points = settings.points ?? [];
    if (settings.curve === "points" && points.length === 0) {
      context.addIssue({ code: "custom", path: ["points"], message: 'curve "points" needs at least one point {waitMinutes, satisfaction}' });
    }
    for (let i = 1; i < points.length; i++) {
      if (!(points[i]!.waitMinutes > points[i - 1]!.waitMinutes)) {
        context.addIssue({ code: "custom", path: ["points", i, "waitMinutes"], message: `waits must ascend: ${points[i]!.waitMinutes} after ${points[i - 1]!.waitMinutes}` });
      }
    }
  });

/**
 * The customer-experience model: satisfaction per contact (wait, resolution time, first-contact resolution,
 * repeat contacts and additional effects on a bounded log-odds scale), the CSAT survey, complaints, NPS and churn.
 * Every field has a default, so a file without this section runs the model with the articles' figures.
 */
export const experienceSchema = z.strictObject({
  // Assumption: the middle of the CSAT levels article 000_84b7cbeb28961648 reports (70% before, 85% after).
  referenceCsat: z
    .number()
    .min(0.05)
    .max(0.95)
    .default(0.75)
    .describe("CSAT of the reference center (answering at once, resolution time at its reference, repeat rate at its reference), where the articles' relative rules hold exactly; away from it they hold on the log-odds scale. Default 0.75 (assumption: between the 70% and 85% of article 000_84b7cbeb28961648)."),
  // Assumption: post-contact survey response rates are typically 5–30%.
  surveyResponseRate: z
    .number()
    .min(0)
    .max(1)
    .default(0.15)
    .describe("Share of contacts that answer the satisfaction survey (CSAT = satisfied / surveyed). Default 0.15 (assumption)."),
  abandoned: z
    .enum(["dissatisfied", "excluded"])
    .default("dissatisfied")
    .describe("Abandoned contacts in CSAT: surveyed like the others and counted dissatisfied (default), or left out of the survey. For NPS, churn and complaints their satisfaction follows abandonedSatisfaction."),
  abandonedSatisfaction: abandonedSatisfactionSchema.prefault({}).describe("How satisfied a customer who hung up is, by how long they waited (NPS, churn, complaints)."),
  wait: waitSchema.prefault({}).describe("How waiting lowers satisfaction."),
  resolutionTime: resolutionTimeSchema.prefault({}).describe("How the time a problem takes to resolve moves its customer's satisfaction (scenarios with resolution.resolutionTime)."),
  repeats: repeatsSchema.prefault({}).describe("How unresolved and repeat contacts lower satisfaction."),
  effects: z
    .array(satisfactionEffectSchema)
    .max(50)
    .default([])
    .describe("Additional effects on the satisfaction of contacts answered by agents (training, feedback channels, …); interventions append to it."),
  complaints: complaintsSchema.prefault({}).describe("Who complains: dissatisfied customers, more so the longer their problem takes."),
  loyalty: loyaltySchema.prefault({}).describe("NPS classes and churn of satisfied and dissatisfied customers (linear in satisfaction)."),
});

/** Parsed experience settings, defaults filled in. */
export type Experience = z.infer<typeof experienceSchema>;
/** One additional satisfaction effect (interventions' `SatisfactionEffect` has the same shape). */
export type ExperienceEffect = z.infer<typeof satisfactionEffectSchema>;
/** How an abandoned contact's satisfaction is set (experience.abandonedSatisfaction.curve). */
export type AbandonedCurve = (typeof ABANDONED_CURVES)[number];
/** A wait curve's name. */
export type WaitCurve = (typeof WAIT_CURVES)[number];

/** The defaults of every field: what a scenario without an `experience` section runs with. */
export const DEFAULT_EXPERIENCE: Experience = experienceSchema.parse({});
