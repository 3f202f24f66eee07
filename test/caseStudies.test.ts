// The article case studies (scenarios/*.json, one per row of the case table in the project's domain notes) run
// with their fixed seed, and the projected 'after' is checked against the article's outcome. Each claim is a band
// around the article's figure; the test asserts that the 95% confidence interval of the simulated mean lies inside
// it, so a claim holds only when the simulation is precise enough to support it (the tolerance comes from the CI,
// never widened to pass). Why each case lands where it does is in the scenario's description and below.
import { readFileSync } from "node:fs";
import {
  createPhaseRunner,
  parseScenarioText,
  scenarioVariants,
  summarizeDeltas,
  summarizeSamples,
  type KpiSample,
  type KpiSummary,
  type Scenario,
} from "@ccplan/core";
import { describe, expect, it } from "vitest";

const REPLICATIONS = 20;

function load(file: string): Scenario {
  const parsed = parseScenarioText(readFileSync(new URL(`../scenarios/${file}`, import.meta.url), "utf8"));
  if (!parsed.ok) throw new Error(`scenarios/${file} does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}

/** The baseline and the scenario's first intervention in its steady state, on paired replications. */
function beforeAndAfter(file: string) {
  const scenario = load(file);
  const [baseline, first] = scenarioVariants(scenario);
  const run = createPhaseRunner();
  const pairedWith = [baseline!.scenario, first!.scenario];
  const before = run({ scenario: baseline!.scenario, replications: REPLICATIONS, pairedWith });
  const after = run({ scenario: first!.scenario, replications: REPLICATIONS, pairedWith });
  return { scenario, intervention: first!.name, before: summarizeSamples(before), after: summarizeSamples(after), delta: summarizeDeltas(before, after), samples: { before, after } };
}

/** Runs once, on first use inside a test (not while vitest collects the tests). */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** The 95% CI of the mean lies inside [low, high]: the claim holds at the simulation's precision. */
function expectWithin(summary: KpiSummary | undefined, low: number, high: number, what: string) {
  expect(summary, `${what}: not reported`).toBeDefined();
  const ci = summary!.ci95!;
  expect(ci, `${what}: no confidence interval`).not.toBeNull();
  expect(ci[0], `${what}: 95% CI [${ci[0]}, ${ci[1]}] should lie in [${low}, ${high}]`).toBeGreaterThanOrEqual(low);
  expect(ci[1], `${what}: 95% CI [${ci[0]}, ${ci[1]}] should lie in [${low}, ${high}]`).toBeLessThanOrEqual(high);
}

const reported = (samples: readonly KpiSample[], id: string) => samples.every((sample) => typeof sample[id] === "number");

describe("online education: a workflow fix cuts the average response from 5 to 2 minutes", () => {
  const result = lazy(() => beforeAndAfter("online-education-response.json"));

  it("is the article's intervention first", () => expect(result().intervention).toBe("Workflow fix"));

  // The center is sized to the article's 'before' (5 minutes): within ±30 s.
  it("answers in 5 minutes on average before (±30 s)", () => expectWithin(result().before.asa, 270, 330, "ASA before"));

  // The 12% shorter handle time is an assumption sized to the outcome; the queue is so close to its capacity
  // that the model puts the response at about 2.1 minutes: the article's 2 minutes within ±30 s.
  it("answers in 2 minutes on average after (±30 s)", () => expectWithin(result().after.asa, 90, 150, "ASA after"));
});

describe("marketplace merchant: re-rostering for the peak lifts the response rate by 15 points", () => {
  const result = lazy(() => beforeAndAfter("marketplace-peak-rostering.json"));

  it("is the article's intervention first", () => expect(result().intervention).toBe("Peak rostering"));

  // The 'before' is an assumption (the article says only 'below the industry average'): about 71%.
  it("responds to about 70% of chats within 30 s before (±3 points)", () => expectWithin(result().before.serviceLevel, 0.67, 0.73, "service level before"));

  // Moving the middle shift onto the evening peak, at no cost, gains about 14 points: the article's +15 within
  // ±3 points (read as points; as a relative +15%, 70% → 80.5%, the move overshoots).
  it("gains 15 points of response rate (±3 points)", () => expectWithin(result().delta.serviceLevel, 0.12, 0.18, "service level gain"));
});

describe("internet company: resolution-quality training halves repeat contacts, 20% to 10%", () => {
  const result = lazy(() => beforeAndAfter("repeat-contacts.json"));

  it("is the article's intervention first", () => expect(result().intervention).toBe("Resolution-quality training and review"));

  // FCR 78% with repeats about 8 hours later gives a measured repeat rate of about 20% (the week's edges and the
  // retries keep it under 1 − FCR = 22%).
  it("has 20% repeat contacts before (±1.5 points)", () => expectWithin(result().before.repeatRate, 0.185, 0.215, "repeat rate before"));

  // FCR +11 points (sized to the outcome) brings it to about 10.3%: the article's 10% within ±1.5 points.
  it("has 10% repeat contacts after (±1.5 points)", () => expectWithin(result().after.repeatRate, 0.085, 0.115, "repeat rate after"));

  it("reports CSAT once the experience model does", () => {
    if (!reported(result().samples.before, "csat")) return;
    expect(result().delta.csat!.mean).toBeGreaterThan(0);
  });
});
