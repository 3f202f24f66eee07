// The article case studies (scenarios/*.json, one per row of the case table in the project's domain notes) run
// with their fixed seed, and each of the article's figures is checked against what ccplan projects. Every claim is
// labelled:
// - input: the article's figure is entered in the scenario (the claim checks what the model makes of it);
// - sized: the scenario was sized so that the figure comes out (a check that the sizing still holds);
// - predicted: the figure follows from mechanisms not tuned to it (a test of the model).
// Each band is fixed from the article's rounding, before running: a percentage the article states as a multiple of 5
// (30%, 85%, 15 points) is read as rounded to 5, so ±2.5; any other whole figure (12%, 2 minutes, 3 days) as rounded
// to its unit, so ±0.5 of it. A claim agrees when the 95% confidence interval of the simulated mean lies inside the
// band and disagrees when it lies wholly outside; the test asserts the verdict recorded here, so that where the model
// disagrees with an article the disagreement is on record (and in the README's table) instead of a band or a scenario
// moved to pass. A CI across the band's edge fails as inconclusive: more replications, never a wider band.
import { readFileSync } from "node:fs";
import {
  createPhaseRunner,
  evaluateIntervention,
  groupHeadcount,
  MAX_COHORT_PIECES,
  parseScenarioText,
  scenarioVariants,
  summarize,
  summarizeDeltas,
  summarizeSamples,
  type KpiSample,
  type KpiSummary,
  type Scenario,
} from "@ccplan/core";
import { describe, expect, it } from "vitest";
import { expectReadmeBlock } from "./readmeBlock.js";

// 20 paired replications (a simulated week each) per case, shared by all its claims.
const REPLICATIONS = 20;
const DAY_SEC = 86_400;

function load(file: string): Scenario {
  const parsed = parseScenarioText(readFileSync(new URL(`../scenarios/${file}`, import.meta.url), "utf8"));
  if (!parsed.ok) throw new Error(`scenarios/${file} does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}

/**
 * The baseline and the scenario's first intervention in its steady state, on paired replications, with every uncertain
 * input at its central value: a claim is about what the model predicts from its central assumptions (the spread the
 * assumptions add is the money's business, not the claim's).
 */
function beforeAndAfter(file: string) {
  const scenario = load(file);
  const [baseline, first] = scenarioVariants(scenario);
  const run = createPhaseRunner();
  const pairedWith = [baseline!.scenario, first!.scenario];
  const fixed = (intervention?: string) => ({ scenario, ...(intervention !== undefined && { intervention }), assumptions: "fixed" as const });
  const before = run({ scenario: baseline!.scenario, replications: REPLICATIONS, pairedWith, recipe: fixed() });
  const after = run({ scenario: first!.scenario, replications: REPLICATIONS, pairedWith, recipe: fixed(first!.name) });
  return { scenario, intervention: first!.name, before: summarizeSamples(before), after: summarizeSamples(after), delta: summarizeDeltas(before, after), samples: { before, after } };
}
type CaseResult = ReturnType<typeof beforeAndAfter>;

/** Runs once, on first use inside a test (not while vitest collects the tests). */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Per replication, after / before − 1 of a KPI: its relative change, summarised (paired, same seeds). */
function relativeChange(result: CaseResult, id: string): KpiSummary {
  const { before, after } = result.samples as { before: readonly KpiSample[]; after: readonly KpiSample[] };
  return summarize(before.map((sample, k) => (after[k]![id] as number) / (sample[id] as number) - 1));
}

type Label = "input" | "sized" | "predicted";
type Verdict = "agrees" | "disagrees";
/** How a claim's figures are shown: a share in percent, a relative change in percent, a change in points, minutes
 * or days. */
type Unit = "percent" | "change" | "points" | "minutes" | "days";

interface Claim {
  claim: string;
  label: Label;
  /** The article's figure as the article states it. */
  article: string;
  /** The band, in the KPI's own unit (fractions, seconds). */
  band: [number, number];
  unit: Unit;
  /** The verdict recorded for the model at this build: a test fails when it changes. */
  verdict: Verdict;
  /** Why the label, and for a disagreement what the model does instead. */
  note: string;
  measure: (result: CaseResult) => KpiSummary | undefined;
}

interface CaseStudy {
  title: string;
  file: string;
  /** The article's intervention, first in the file. */
  intervention: string;
  claims: Claim[];
}

const half = (figure: number, by: number): [number, number] => [figure - by, figure + by];

const CASES: CaseStudy[] = [
  {
    title: "Online education: a workflow fix cuts the average response from 5 to 2 minutes",
    file: "online-education-response.json",
    intervention: "Workflow fix",
    claims: [
      {
        claim: "average response before",
        label: "sized",
        article: "5 minutes",
        band: half(300, 30),
        unit: "minutes",
        verdict: "agrees",
        note: "the desk's load and agents are sized to it",
        measure: (result) => result.before.asa,
      },
      {
        claim: "average response after",
        label: "sized",
        article: "2 minutes",
        band: half(120, 30),
        unit: "minutes",
        verdict: "agrees",
        note: "the 12% shorter handle time is an assumption sized to it",
        measure: (result) => result.after.asa,
      },
      {
        claim: "complaints",
        label: "predicted",
        article: "−30%",
        band: half(-0.3, 0.025),
        unit: "change",
        verdict: "agrees",
        note: "from the shorter waits and the fewer hang-ups, an abandoner as dissatisfied as its wait makes it",
        measure: (result) => relativeChange(result, "complaintRate"),
      },
      {
        claim: "customers lost (read from 'retention +20%')",
        label: "predicted",
        article: "−20%",
        band: half(-0.2, 0.025),
        unit: "change",
        verdict: "disagrees",
        note: "the model's churn falls by about a tenth: the placeholder loyalty shares tie churn to satisfaction only loosely",
        measure: (result) => relativeChange(result, "churnRate"),
      },
    ],
  },
  {
    title: "Marketplace merchant: re-rostering for the peak lifts the response rate by 15 points",
    file: "marketplace-peak-rostering.json",
    intervention: "Peak rostering",
    claims: [
      {
        claim: "response rate before: below the industry's (80% within the promised 30 s)",
        label: "sized",
        article: "below average",
        band: [0, 0.8],
        unit: "percent",
        verdict: "agrees",
        note: "the article gives no figure; the desk is sized to about 71%",
        measure: (result) => result.before.serviceLevel,
      },
      {
        claim: "response rate gain (read as points)",
        label: "sized",
        article: "+15%",
        band: half(0.15, 0.025),
        unit: "points",
        verdict: "agrees",
        note: "the desk and its roster were built together with this claim",
        measure: (result) => result.delta.serviceLevel,
      },
    ],
  },
  {
    title: "E-commerce company: more agents and training lift CSAT from 70% to 85%",
    file: "ecommerce-csat.json",
    intervention: "More agents + training",
    claims: [
      {
        claim: "CSAT before",
        label: "sized",
        article: "70%",
        band: half(0.7, 0.025),
        unit: "percent",
        verdict: "disagrees",
        note: "sized to 69% when each problem's resolution time did not yet move its own customer; now about 73%",
        measure: (result) => result.before.csat,
      },
      {
        claim: "CSAT after",
        label: "sized",
        article: "85%",
        band: half(0.85, 0.025),
        unit: "percent",
        verdict: "agrees",
        note: "the agents added were chosen in the commit that added this claim; the training's +12% comes from another case",
        measure: (result) => result.after.csat,
      },
    ],
  },
  {
    title: "Finance company: a fast lane cuts resolution from 3 days to 1 and complaints by half",
    file: "finance-resolution.json",
    intervention: "Cross-department fast lane",
    claims: [
      {
        claim: "resolution time before",
        label: "input",
        article: "3 days",
        band: half(3 * DAY_SEC, DAY_SEC / 2),
        unit: "days",
        verdict: "agrees",
        note: "72 hours beyond the call entered; the KPI adds the calls and repeat contacts around it",
        measure: (result) => result.before.resolutionTime,
      },
      {
        claim: "resolution time after",
        label: "input",
        article: "1 day",
        band: half(DAY_SEC, DAY_SEC / 2),
        unit: "days",
        verdict: "agrees",
        note: "the fast lane's two-thirds cut entered",
        measure: (result) => result.after.resolutionTime,
      },
      {
        claim: "complaints",
        label: "predicted",
        article: "−50%",
        band: half(-0.5, 0.025),
        unit: "change",
        verdict: "disagrees",
        note: "the complaint model, fed each problem's shorter time, predicts a fall of a little more than half",
        measure: (result) => relativeChange(result, "complaintRate"),
      },
    ],
  },
  {
    title: "Manufacturer: product-knowledge training raises CSAT by 12%",
    file: "product-training.json",
    intervention: "Product-knowledge training",
    claims: [
      {
        claim: "CSAT change",
        label: "input",
        article: "+12%",
        band: half(0.12, 0.005),
        unit: "change",
        verdict: "disagrees",
        note: "+12% is entered, which holds at the reference center; here problems take from hours to days, many customers are sure to be satisfied or not whatever the training, and CSAT rises by about 7%",
        measure: (result) => relativeChange(result, "csat"),
      },
    ],
  },
  {
    title: "Multi-channel feedback raises CSAT by 15%",
    file: "multichannel-feedback.json",
    intervention: "Phone, chat and email feedback",
    claims: [
      {
        claim: "CSAT change",
        label: "input",
        article: "+15%",
        band: half(0.15, 0.025),
        unit: "change",
        verdict: "disagrees",
        note: "+15% is entered, which holds at the reference center; this center's spread of resolution times dilutes it to about +10%",
        measure: (result) => relativeChange(result, "csat"),
      },
    ],
  },
  {
    title: "Internet company: resolution-quality training halves repeat contacts, 20% to 10%",
    file: "repeat-contacts.json",
    intervention: "Resolution-quality training and review",
    claims: [
      {
        claim: "repeat-contact rate before",
        label: "sized",
        article: "20%",
        band: half(0.2, 0.025),
        unit: "percent",
        verdict: "agrees",
        note: "FCR 78% and repeats 8 hours later are sized to it",
        measure: (result) => result.before.repeatRate,
      },
      {
        claim: "repeat-contact rate after",
        label: "sized",
        article: "10%",
        band: half(0.1, 0.025),
        unit: "percent",
        verdict: "agrees",
        note: "the FCR gain of 11 points is sized to it",
        measure: (result) => result.after.repeatRate,
      },
      {
        claim: "CSAT change",
        label: "predicted",
        article: "+10%",
        band: half(0.1, 0.025),
        unit: "change",
        verdict: "agrees",
        note: "from the repeat rule (+12% for 10 points at the reference center), the shorter problems and the shorter waits",
        measure: (result) => relativeChange(result, "csat"),
      },
    ],
  },
];

const runs = new Map(CASES.map((study) => [study.file, lazy(() => beforeAndAfter(study.file))]));
const resultOf = (study: CaseStudy) => runs.get(study.file)!();

/** The verdict of a summary against a band: agrees, disagrees, or null when its CI crosses an edge of the band. */
function verdictOf(summary: KpiSummary, band: [number, number]): Verdict | null {
  const [low, high] = summary.ci95!;
  if (low >= band[0] && high <= band[1]) return "agrees";
  if (high < band[0] || low > band[1]) return "disagrees";
  return null;
}

for (const study of CASES) {
  describe(study.title, () => {
    it("is the article's intervention first", () => expect(resultOf(study).intervention).toBe(study.intervention));
    it("labels its claims in the scenario's description", () => {
      const description = load(study.file).description ?? "";
      const claims = description.slice(description.indexOf("Claims (test/caseStudies.test.ts"));
      expect(claims, `${study.file}: its description should end with its labelled claims`).toMatch(/^Claims \(test\/caseStudies\.test\.ts/);
      for (const claim of study.claims) expect(claims).toContain(` ${claim.label} (${claim.verdict === "agrees" ? "agree" : "disagree"}`);
    });
    for (const claim of study.claims) {
      it(`${claim.claim}: ${claim.label}, article ${claim.article}, ${claim.verdict}`, () => {
        const summary = claim.measure(resultOf(study));
        expect(summary?.ci95, `${claim.claim}: not reported`).toBeTruthy();
        const shown = `${show(summary!, claim.unit)} against the band ${showBand(claim.band, claim.unit)}`;
        const verdict = verdictOf(summary!, claim.band);
        expect(verdict, `${claim.claim}: inconclusive, ${shown}: more replications, never a wider band`).not.toBeNull();
        expect(verdict, `${claim.claim}: ${shown}`).toBe(claim.verdict);
      });
    }
  });
}

describe("what the cases check besides the claims", () => {
  it("the e-commerce case is priced over a year, phase by phase: its cohorts in class and learning, then the steady state", () => {
    const scenario = load("ecommerce-csat.json");
    const combined = scenario.interventions[0]! as Extract<Scenario["interventions"][number], { kind: "combined" }>;
    const training = combined.interventions.find((part) => part.kind === "training")! as Extract<Scenario["interventions"][number], { kind: "training" }>;
    const evaluation = evaluateIntervention({ scenario, intervention: combined, replications: 6, runPhase: createPhaseRunner() });
    // The training runs in weekly cohorts of the file's team (its agents a week); the last cohort starts in week
    // cohorts − 1 and reaches full effect after its class and learning curve, which is when the steady state starts.
    // Until then, the cohorts' class and learning curve overlap, cut into equal pieces (at most MAX_COHORT_PIECES).
    const headcount = scenario.groups.reduce((sum, group) => sum + groupHeadcount(group), 0);
    const cohorts = Math.ceil(headcount / training.cohorts!.agents!);
    const span = cohorts - 1 + training.classWeeks + training.learningCurveWeeks;
    const pieces = Math.min(MAX_COHORT_PIECES, Math.ceil(span / 2));
    expect(evaluation.phases.map((phase) => [phase.startWeek, phase.weeks])).toEqual([
      ...Array.from({ length: pieces }, (_, i) => [(span * i) / pieces, span / pieces]),
      [span, null],
    ]);
    // Each piece says its share of trainees in class and the effect reached: the first a cohort in class, the last
    // with every class over, the effect growing piece by piece.
    const stages = evaluation.phases.slice(0, -1).map((phase) => {
      const match = /^Service training: cohorts: (\d+)% in class, effect (\d+)%$/.exec(phase.label);
      expect(match, phase.label).not.toBeNull();
      return { inClass: Number(match![1]), effect: Number(match![2]) };
    });
    expect(stages[0]!.inClass).toBe(Math.round(100 / cohorts));
    expect(stages.at(-1)!.inClass).toBe(0);
    for (let i = 1; i < stages.length; i++) expect(stages[i]!.effect).toBeGreaterThan(stages[i - 1]!.effect);
    expect(evaluation.phases.at(-1)!.label).toBe("steady state");
    // Wages of 11 agents (4 × 8 h × 5 days × 2 shifts + 3 × 12 h × 2 days, at 35 CNY) for 52 weeks, hiring them
    // (4,000 CNY each), their seats (300 CNY a month each) and 86 trainees at 1,200 CNY.
    const money = evaluation.money!;
    expect(money.totalCost.mean).toBeCloseTo(13_720 * 52 + 11 * 4000 + 11 * 300 * 12 + 86 * 1200, 6);
    expect(money.months).toHaveLength(12);
    // The class weeks cost service: the gain in service level is smaller while the trainees are away.
    expect(evaluation.phases[0]!.deltas.serviceLevel!.mean!).toBeLessThan(evaluation.phases.at(-1)!.deltas.serviceLevel!.mean!);
    expect(money.notCounted).toHaveLength(0);
  });

  it("the product training changes nothing else the engine measures", () => {
    const result = resultOf(CASES.find((study) => study.file === "product-training.json")!);
    expect(result.delta.serviceLevel).toMatchObject({ mean: 0, ci95: [0, 0] });
    expect(result.delta.aht).toMatchObject({ mean: 0, ci95: [0, 0] });
  });

  it("the README's table of case-study claims is this file's, with the model's figures", () =>
    expectReadmeBlock(TABLE_START, TABLE_END, claimTable()));
});

const TABLE_START = "<!-- case-claims:start (generated by test/caseStudies.test.ts; UPDATE_GOLDEN=1 rewrites it) -->";
const TABLE_END = "<!-- case-claims:end -->";

/** The README's table: case, claim, label, the article's figure, the model's with its 95% CI, and the verdict. */
function claimTable(): string {
  const rows = CASES.flatMap((study) =>
    study.claims.map((claim) => {
      const summary = claim.measure(resultOf(study))!;
      return `| ${study.file.replace(/\.json$/, "")} | ${claim.claim} | ${claim.label} | ${claim.article} | ${show(summary, claim.unit)} | ${claim.verdict}: ${claim.note} |`;
    }),
  );
  return ["| case | claim | label | article | model (95% CI) | verdict |", "|---|---|---|---|---|---|", ...rows].join("\n");
}

function format(value: number, unit: Unit): string {
  const sign = value < 0 ? "−" : value > 0 ? "+" : "";
  switch (unit) {
    case "percent":
      return `${value < 0 ? "−" : ""}${Math.abs(100 * value).toFixed(1)}%`;
    case "change":
      return `${sign}${Math.abs(100 * value).toFixed(1)}%`;
    case "points":
      return `${sign}${Math.abs(100 * value).toFixed(1)} points`;
    case "minutes":
      return `${(value / 60).toFixed(2)} min`;
    case "days":
      return `${(value / DAY_SEC).toFixed(2)} days`;
  }
}

function show(summary: KpiSummary, unit: Unit): string {
  const [low, high] = summary.ci95!;
  return `${format(summary.mean!, unit)} (${format(low, unit)} to ${format(high, unit)})`;
}

function showBand(band: [number, number], unit: Unit): string {
  return `[${format(band[0], unit)}, ${format(band[1], unit)}]`;
}
