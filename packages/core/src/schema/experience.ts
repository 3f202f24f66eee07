import { z } from "zod";
import { centralValue, defaultOf, resolveCentral, uncertainNumber, type Resolved, type UncertainNumber } from "./uncertain.js";

// Every default below names its source, in a comment and in the help text the UI shows. "Article 000" is
// article 000_84b7cbeb28961648 (KPI dimensions, with its effect sizes); "article 004" is 004_49af8e83df4febe5
// (valuing a contact center: NPS, retention, LTV). The models behind these numbers are in core's experience/.
// Every number may be uncertain (schema/uncertain.ts). The articles' rules default to their figure, graded
// "article"; every default graded "assumption" comes with a range centred on it (its central value is the old
// point default), wide enough to say how little is known, and each description says why.
const ARTICLE_000 = "article 000_84b7cbeb28961648";
const article = (value: number) => defaultOf<UncertainNumber>({ value, grade: "article", source: ARTICLE_000 });
const triangular = (low: number, mode: number, high: number, source: string) =>
  defaultOf<UncertainNumber>({ uncertain: "triangular", low, mode, high, grade: "assumption", source });
const beta = (mean: number, sd: number, source: string) => defaultOf<UncertainNumber>({ uncertain: "beta", mean, sd, grade: "assumption", source });

/** An additional effect on the satisfaction of answered contacts (training, feedback channels, …). */
export const satisfactionEffectSchema = z.strictObject({
  name: z.string().min(1).max(200).describe("What causes the effect (e.g. the intervention's name)."),
  relativeChange: uncertainNumber(z.number().gt(-1).max(10))
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
  changePerMinute: uncertainNumber(z.number().min(-1).max(0))
    .default(article(-0.05))
    .describe("Relative change of satisfaction per minute of waiting (−0.05 = −5% of its level per minute; relative, not points). Default −0.05, graded article: article 000_84b7cbeb28961648."),
  // Assumption: waiting alone never takes away more than 80% of a contact's satisfaction.
  floor: uncertainNumber(z.number().min(0).max(1))
    .default(triangular(0.1, 0.2, 0.3, "assumption: waiting alone never takes away more than 70% to 90% of a contact's satisfaction"))
    .describe("Lowest share of its no-wait satisfaction a contact keeps however long it waits (0.2: never below 20% of it). Default 0.2, triangular 0.1 to 0.3 (assumption: no source measures it; the range halves and doubles what is left of a long wait's satisfaction around 20%)."),
  // Assumption: callers start to mind the wait after a few minutes.
  midpointMinutes: uncertainNumber(z.number().positive().max(600))
    .default(triangular(2, 3, 4, "assumption: callers start to mind the wait after a few minutes"))
    .describe("Logistic curve only: the wait (minutes) at which satisfaction falls fastest, at the article's rate. Default 3, triangular 2 to 4 (assumption: callers start to mind the wait after a few minutes; no source gives the minute)."),
});

const resolutionTimeSchema = z.strictObject({
  // Article 000_84b7cbeb28961648: "each 10% cut in resolution time raises satisfaction by 8%" (relative).
  changePerTenPercentCut: uncertainNumber(z.number().min(0).max(1))
    .default(article(0.08))
    .describe("Relative change of satisfaction for each 10% cut in the mean resolution time (0.08 = +8%), compounding: satisfaction ∝ (resolution time)^(−ln 1.08 / ln(1/0.9)). Relative, not points. Default 0.08, graded article: article 000_84b7cbeb28961648."),
  // Assumption: a day, a common promise for back-office work.
  referenceHours: uncertainNumber(z.number().positive().max(8760))
    .default(triangular(18, 24, 30, "assumption: a day, a common promise for back-office work"))
    .describe("Mean resolution time (hours) at which the resolution-time effect is nil: a scenario with a longer mean time is less satisfied, a shorter one more. Default 24, triangular 18 to 30 (assumption: a day is a common promise for back-office work; the range is kept to a quarter either side because the article's rule compounds over it, so a wider one would move every scenario's CSAT level more than its reference CSAT's own range)."),
});

const repeatsSchema = z.strictObject({
  // Article 000_84b7cbeb28961648: "each 5-point drop in the repeat-contact rate raises satisfaction by 6%".
  changePerFivePointsFewer: uncertainNumber(z.number().min(0).max(0.12))
    .default(article(0.06))
    .describe("Relative change of CSAT when the repeat-contact rate falls by 5 points (0.06 = +6%; the repeat rate in points, satisfaction relative). Calibrates the log-odds penalty of an unresolved contact and of a repeat contact. Default 0.06, graded article: article 000_84b7cbeb28961648."),
  // Assumption: a typical repeat-contact rate (first-contact resolution around 80%).
  referenceRepeatRate: uncertainNumber(z.number().min(0.05).max(0.9))
    .default(triangular(0.1, 0.2, 0.3, "assumption: first-contact resolution around 80% is typical"))
    .describe("Repeat-contact rate of the reference center at which the articles' rules are calibrated. Default 0.2, triangular 0.1 to 0.3 (assumption: first-contact resolution around 80% is typical, and centers report 70% to 90%)."),
});

const complaintsSchema = z.strictObject({
  // Assumption after the often-quoted TARP finding that about 1 in 25 dissatisfied customers complains.
  dissatisfiedPropensity: uncertainNumber(z.number().min(0).max(1))
    .default(beta(0.04, 0.015, "assumption, after the often-quoted TARP finding that about 1 in 25 dissatisfied customers complains"))
    .describe("Probability that a dissatisfied customer complains when the resolution time is at its reference (an abandoned contact: always). Default 0.04, beta with sd 0.015, about 1 in 50 to 1 in 16 in 80% of draws (assumption, after the often-quoted TARP finding that about 1 in 25 dissatisfied customers complains: a second-hand figure from other industries and decades)."),
  // Assumption: a problem that takes ten times as long makes a dissatisfied customer ~1.26 times as likely to complain.
  resolutionTimeElasticity: uncertainNumber(z.number().min(0).max(3))
    .default(triangular(0, 0.1, 0.2, "assumption: ten times as long, about 1.26 times the odds"))
    .describe("How the complaint propensity grows with the contact's own resolution time: odds ∝ (resolution time / reference)^elasticity. Default 0.1, triangular 0 to 0.2 (assumption: ten times as long, about 1.26 times the odds; no source measures it, so the range runs from no effect to twice it)."),
});

type Share = { mean: number; sd: number };
const PLACEHOLDER = "assumption: a placeholder (article 004_49af8e83df4febe5 ties satisfaction to NPS and retention without coefficients)";
const share = z.number().min(0).max(1);
const loyaltyClassSchema = (defaults: { promoters: Share; detractors: Share; churn: Share }, who: string) => {
  const range = (what: Share) => `beta with mean ${what.mean} and sd ${what.sd}`;
  return z
    .strictObject({
      promoters: uncertainNumber(share)
        .default(beta(defaults.promoters.mean, defaults.promoters.sd, PLACEHOLDER))
        .describe(`Share of ${who} customers who are promoters (would recommend: 9–10). Default ${defaults.promoters.mean}, ${range(defaults.promoters)} (${PLACEHOLDER}: replace it with your survey's).`),
      detractors: uncertainNumber(share)
        .default(beta(defaults.detractors.mean, defaults.detractors.sd, PLACEHOLDER))
        .describe(`Share of ${who} customers who are detractors (0–6). Default ${defaults.detractors.mean}, ${range(defaults.detractors)} (${PLACEHOLDER}).`),
      churn: uncertainNumber(share)
        .default(beta(defaults.churn.mean, defaults.churn.sd, PLACEHOLDER))
        .describe(`Share of ${who} customers who leave within the financial horizon. Default ${defaults.churn.mean}, ${range(defaults.churn)}, wide because no source gives it (${PLACEHOLDER}: most of a service's retention benefit rests on it; enter your own churn by satisfaction).`),
    })
    .refine((shares) => centralValue(shares.promoters) + centralValue(shares.detractors) <= 1, { message: "promoters + detractors must not exceed 1" });
};

// Assumptions: article 004_49af8e83df4febe5 ties CSAT to NPS and retention (to be estimated by regression on a
// center's own data) but gives no coefficients; these shares are placeholders a planner should replace.
const loyaltySchema = z.strictObject({
  satisfied: loyaltyClassSchema(
    { promoters: { mean: 0.55, sd: 0.1 }, detractors: { mean: 0.1, sd: 0.05 }, churn: { mean: 0.1, sd: 0.04 } },
    "satisfied",
  ).prefault({}),
  dissatisfied: loyaltyClassSchema(
    { promoters: { mean: 0.05, sd: 0.03 }, detractors: { mean: 0.7, sd: 0.1 }, churn: { mean: 0.3, sd: 0.1 } },
    "dissatisfied",
  ).prefault({}),
});

/**
 * The customer-experience model: satisfaction per contact (wait, resolution time, first-contact resolution,
 * repeat contacts and additional effects on a bounded log-odds scale), the CSAT survey, complaints, NPS and churn.
 * Every field has a default, so a file without this section runs the model with the articles' figures.
 */
export const experienceSchema = z.strictObject({
  // Assumption: the middle of the CSAT levels article 000_84b7cbeb28961648 reports (70% before, 85% after).
  referenceCsat: uncertainNumber(z.number().min(0.05).max(0.95))
    .default(triangular(0.65, 0.75, 0.85, "assumption: between the 70% and 85% of article 000_84b7cbeb28961648"))
    .describe("CSAT of the reference center (answering at once, resolution time at its reference, repeat rate at its reference), where the articles' relative rules hold exactly; away from it they hold on the log-odds scale. Default 0.75, triangular 0.65 to 0.85 (assumption: between the 70% and 85% of article 000_84b7cbeb28961648; the range spans both)."),
  // Assumption: post-contact survey response rates are typically 5–30%.
  surveyResponseRate: uncertainNumber(z.number().min(0).max(1))
    .default(triangular(0.05, 0.15, 0.25, "assumption: post-contact survey response rates are typically 5–30%"))
    .describe("Share of contacts that answer the satisfaction survey (CSAT = satisfied / surveyed). Default 0.15, triangular 0.05 to 0.25 (assumption: post-contact survey response rates are typically 5–30%). It moves the survey's sampling noise, not expected satisfaction."),
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

/** Parsed experience settings, defaults filled in; any number may still be uncertain (see `Experience`). */
export type ExperienceSpec = z.infer<typeof experienceSchema>;
/** Experience settings with every number resolved: what the model computes with. */
export type Experience = Resolved<ExperienceSpec>;
/** One additional satisfaction effect, resolved (interventions' `SatisfactionEffect` has the same shape). */
export type ExperienceEffect = Resolved<z.infer<typeof satisfactionEffectSchema>>;
/** A wait curve's name. */
export type WaitCurve = (typeof WAIT_CURVES)[number];

/** The defaults of every field: what a scenario without an `experience` section holds, ranges included. */
export const DEFAULT_EXPERIENCE_SPEC: ExperienceSpec = experienceSchema.parse({});
/** The defaults at their central values: what a plan without an experience model runs with. */
export const DEFAULT_EXPERIENCE: Experience = resolveCentral(DEFAULT_EXPERIENCE_SPEC);
