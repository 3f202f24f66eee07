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
    .describe("Relative change of satisfaction for each 10% cut in resolution time (0.08 = +8%), compounding. Applied to each contact by the time its problem takes in the simulation (from its first contact, through waits and repeat contacts, to the end of the conversation plus resolution.resolutionTime), and calibrated so that cutting every problem's time by 10% raises the reference center's CSAT by exactly this. Relative, not points. Default 0.08, graded article: article 000_84b7cbeb28961648."),
  // Assumption: a day, a common promise for back-office work.
  referenceHours: uncertainNumber(z.number().positive().max(8760))
    .default(triangular(18, 24, 30, "assumption: a day, a common promise for back-office work"))
    .describe("Resolution time (hours) of a problem at which it neither raises nor lowers its customer's satisfaction: the reference center's. A contact whose problem takes longer (its waits, repeat contacts and resolution.resolutionTime) is less satisfied, a shorter one more. Applies only to scenarios that set resolution.resolutionTime. Default 24, triangular 18 to 30 (assumption: a day is a common promise for back-office work; the range is kept to a quarter either side because the article's rule compounds over it, so a wider one would move such a scenario's CSAT level more than its reference CSAT's own range)."),
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
  // Assumption: at the reference center an unresolved customer calls back the same working day.
  referenceDelayHours: uncertainNumber(z.number().min(0).max(8760))
    .default(triangular(2, 6, 10, "assumption: an unresolved customer calls back the same working day"))
    .describe("How much later a problem resolved at a repeat contact is resolved at the reference center (the repeat's delay), hours: the repeat rule and the resolution-time rule are calibrated together with it, so that a repeat's longer resolution time and its repeat penalty add up to the article's +6% per 5 points, not more (an unresolved problem is not penalised twice). 0: repeats do not lengthen problems there. Shortened when both rules cannot hold with it (a high reference CSAT or repeat rate). Default 6, triangular 2 to 10 (assumption: an unresolved customer calls back the same working day, anywhere from a couple of hours later to the end of a day)."),
});

const complaintsSchema = z.strictObject({
  // Assumption after the often-quoted TARP finding that about 1 in 25 dissatisfied customers complains.
  dissatisfiedPropensity: uncertainNumber(z.number().min(0).max(1))
    .default(beta(0.04, 0.015, "assumption, after the often-quoted TARP finding that about 1 in 25 dissatisfied customers complains"))
    .describe("Probability that a dissatisfied customer complains when the resolution time is at its reference (an abandoned contact: always). Default 0.04, beta with sd 0.015, about 1 in 50 to 1 in 16 in 80% of draws (assumption, after the often-quoted TARP finding that about 1 in 25 dissatisfied customers complains: a second-hand figure from other industries and decades)."),
  // Assumption: a problem that takes ten times as long makes a dissatisfied customer ~1.26 times as likely to complain.
  resolutionTimeElasticity: uncertainNumber(z.number().min(0).max(3))
    .default(triangular(0, 0.1, 0.2, "assumption: ten times as long, about 1.26 times the odds"))
    .describe("How the complaint propensity grows with the time the contact's problem takes (as the simulation runs it, waits and repeat contacts included): odds ∝ (resolution time / reference)^elasticity. Default 0.1, triangular 0 to 0.2 (assumption: ten times as long, about 1.26 times the odds; no source measures it, so the range runs from no effect to twice it)."),
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

/** Parsed experience settings, defaults filled in; any number may still be uncertain (see `Experience`). */
export type ExperienceSpec = z.infer<typeof experienceSchema>;
/** Experience settings with every number resolved: what the model computes with. */
export type Experience = Resolved<ExperienceSpec>;
/** One additional satisfaction effect, resolved (interventions' `SatisfactionEffect` has the same shape). */
export type ExperienceEffect = Resolved<z.infer<typeof satisfactionEffectSchema>>;
/** How an abandoned contact's satisfaction is set (experience.abandonedSatisfaction.curve). */
export type AbandonedCurve = (typeof ABANDONED_CURVES)[number];
/** A wait curve's name. */
export type WaitCurve = (typeof WAIT_CURVES)[number];

/** The defaults of every field: what a scenario without an `experience` section holds, ranges included. */
export const DEFAULT_EXPERIENCE_SPEC: ExperienceSpec = experienceSchema.parse({});
/** The defaults at their central values: what a plan without an experience model runs with. */
export const DEFAULT_EXPERIENCE: Experience = resolveCentral(DEFAULT_EXPERIENCE_SPEC);
