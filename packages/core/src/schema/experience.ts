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
    .describe("Relative change of satisfaction for each 10% cut in the mean resolution time (0.08 = +8%), compounding: satisfaction ∝ (resolution time)^(−ln 1.08 / ln(1/0.9)). Relative, not points. Default 0.08: article 000_84b7cbeb28961648."),
  // Assumption: a day, a common promise for back-office work.
  referenceHours: z
    .number()
    .positive()
    .max(8760)
    .default(24)
    .describe("Mean resolution time (hours) at which the resolution-time effect is nil: a scenario with a longer mean time is less satisfied, a shorter one more. Default 24 (assumption)."),
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
    .describe("How the complaint propensity grows with the contact's own resolution time: odds ∝ (resolution time / reference)^elasticity. Default 0.1 (assumption: ten times as long, about 1.26 times the odds)."),
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
    .describe("Abandoned contacts in CSAT: surveyed like the others and counted dissatisfied (default), or left out of the survey. NPS, churn and complaints always count them as dissatisfied."),
  wait: waitSchema.prefault({}).describe("How waiting lowers satisfaction."),
  resolutionTime: resolutionTimeSchema.prefault({}).describe("How the mean resolution time (resolution.resolutionTime) moves satisfaction."),
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
/** A wait curve's name. */
export type WaitCurve = (typeof WAIT_CURVES)[number];

/** The defaults of every field: what a scenario without an `experience` section runs with. */
export const DEFAULT_EXPERIENCE: Experience = experienceSchema.parse({});
