import { describe, expect, it } from "vitest";
import defaultScenario from "../../../../scenarios/default.json" with { type: "json" };
import { parseScenario } from "../schema/parseScenario.js";
import type { Scenario } from "../schema/scenario.js";
import type { UncertainSpec } from "../schema/uncertain.js";
import { drawInputs, drawInputsByReplication, inputUniform, resolveAtDraw } from "./draws.js";
import { uncertainInputs } from "./inputs.js";
import { inputLabel } from "./labels.js";
import { uncertainMoments, uncertainQuantile } from "./quantile.js";
import { recipeScenarioAt, simulatedInputs } from "./recipe.js";

function scenario(extra: Record<string, unknown> = {}): Scenario {
  const parsed = parseScenario({ ...defaultScenario, ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

describe("uncertainQuantile", () => {
  // 4,000 stratified uniforms: the sample mean and sd of each distribution are within 1% of the analytic ones.
  const u = Array.from({ length: 4000 }, (_, i) => (i + 0.5) / 4000);
  const specs: UncertainSpec[] = [
    { uncertain: "uniform", low: 2, high: 5 },
    { uncertain: "triangular", low: 0.1, mode: 0.2, high: 0.6 },
    { uncertain: "beta", mean: 0.3, sd: 0.1 },
    { uncertain: "beta", mean: 0.04, sd: 0.015 },
  ];
  for (const spec of specs) {
    it(`${spec.uncertain}: its draws have the distribution's mean and sd`, () => {
      const values = u.map((p) => uncertainQuantile(spec, p));
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
      const expected = uncertainMoments(spec);
      expect(Math.abs(mean / expected.mean - 1)).toBeLessThan(0.01);
      expect(Math.abs(sd / expected.sd - 1)).toBeLessThan(0.01);
    });
  }

  it("lognormal: the median and the 90th percentile are the ones given", () => {
    const spec: UncertainSpec = { uncertain: "lognormal", median: 36, p90: 60 };
    expect(uncertainQuantile(spec, 0.5)).toBeCloseTo(36, 9);
    expect(uncertainQuantile(spec, 0.9)).toBeCloseTo(60, 9);
  });
});

describe("draws keyed by (seed, replication, input path)", () => {
  it("lists the defaults' ranges as inputs, with their grade, role and central value", () => {
    const inputs = uncertainInputs(scenario());
    const churn = inputs.find((input) => input.key === "experience.loyalty.dissatisfied.churn")!;
    expect(churn).toMatchObject({ grade: "assumption", role: "experience", central: 0.3, intervention: null });
    expect(inputs.find((input) => input.key === "money.discountRatePerYear")).toMatchObject({ role: "money", central: 0.08 });
    // Money values whose 0 means "not counted" have no range.
    expect(inputs.some((input) => input.key === "money.customerLifetimeValue")).toBe(false);
    // Every default range has a plain-words name for the variance shares and the evidence warning.
    expect(inputs.filter((input) => inputLabel(input.key) === input.key).map((input) => input.key)).toEqual([]);
  });

  it("draws the same value for an input whatever else the file holds, and another one in another replication", () => {
    const plain = scenario();
    const withMore = scenario({
      interventions: [
        ...defaultScenario.interventions,
        { kind: "training", name: "Coaching", ahtChange: { uncertain: "uniform", low: -0.1, high: 0 } },
      ],
    });
    const key = "experience.loyalty.dissatisfied.churn";
    const a = drawInputs(uncertainInputs(plain), 1, 7).get(key);
    const b = drawInputs(uncertainInputs(withMore), 1, 7).get(key);
    expect(a).toBe(b);
    expect(drawInputs(uncertainInputs(plain), 1, 8).get(key)).not.toBe(a);
    expect(drawInputs(uncertainInputs(plain), 2, 7).get(key)).not.toBe(a);
    expect(inputUniform(1, 7, key)).toBe(inputUniform(1, 7, key));
    expect(withMore.interventions.length).toBe(plain.interventions.length + 1);
  });

  it("gives the baseline, every intervention and every phase the same draw of the shared inputs", () => {
    const file = scenario({
      interventions: [
        ...defaultScenario.interventions,
        { kind: "training", name: "Coaching", hoursOffFloor: 8, satisfactionChange: { uncertain: "triangular", low: 0.02, mode: 0.05, high: 0.1 } },
      ],
    });
    for (const k of [0, 5, 11]) {
      const recipes = [
        { scenario: file },
        { scenario: file, intervention: "+4 agents on Late" },
        { scenario: file, intervention: "Coaching", stage: { effect: 0, inClass: true } },
        { scenario: file, intervention: "Coaching", stage: { effect: 0.5, inClass: false } },
      ];
      const experiences = recipes.map((recipe) => recipeScenarioAt(recipe, simulatedInputs(recipe), k).experience);
      for (const experience of experiences) {
        expect(experience.loyalty).toEqual(experiences[0]!.loyalty);
        expect(experience.referenceCsat).toBe(experiences[0]!.referenceCsat);
        expect(experience.wait).toEqual(experiences[0]!.wait);
      }
      // Only the training draws its own effect, and it scales with the stage.
      expect(experiences[0]!.effects).toEqual([]);
      expect(experiences[2]!.effects).toEqual([]);
      expect(experiences[3]!.effects).toHaveLength(1);
    }
  });

  it("repairs a draw that breaks a rule the schema checks on central values: promoters + detractors ≤ 1", () => {
    const file = scenario();
    const values = new Map([
      ["experience.loyalty.satisfied.promoters", 0.8],
      ["experience.loyalty.satisfied.detractors", 0.4],
    ]);
    const loyalty = resolveAtDraw(file, values).experience.loyalty.satisfied;
    expect(loyalty.promoters + loyalty.detractors).toBeCloseTo(1, 12);
    expect(loyalty.promoters / loyalty.detractors).toBeCloseTo(2, 12);
  });
});

describe("drawInputsByReplication", () => {
  it("gives drawInputs' draws of every replication, kept draws included: more replications, other inputs, another seed", () => {
    const base = scenario();
    const inputs = uncertainInputs(base);
    expect(inputs.length).toBeGreaterThan(3);
    const expected = (of: Scenario, chosen: typeof inputs, count: number) => Array.from({ length: count }, (_, k) => drawInputs(chosen, of.seed, k));
    // First a few replications of some inputs, then more of all of them (the kept ones grown), then fewer (a prefix).
    expect(drawInputsByReplication(base, inputs.slice(0, 2), 5)).toEqual(expected(base, inputs.slice(0, 2), 5));
    expect(drawInputsByReplication(base, inputs, 40)).toEqual(expected(base, inputs, 40));
    expect(drawInputsByReplication(base, inputs.slice(1), 7)).toEqual(expected(base, inputs.slice(1), 7));
    // The seed belongs to the scenario: another seed draws anew.
    const reseeded = { ...base, seed: base.seed + 1 };
    expect(drawInputsByReplication(reseeded, inputs, 10)).toEqual(expected(reseeded, inputs, 10));
    expect(drawInputsByReplication(reseeded, inputs, 10)).not.toEqual(expected(base, inputs, 10));
    // The same key with another distribution is drawn from it.
    const other = (spec: UncertainSpec): UncertainSpec =>
      spec.uncertain === "beta"
        ? { ...spec, sd: spec.sd * 0.9 }
        : spec.uncertain === "lognormal"
          ? { ...spec, p90: spec.p90 * 1.1 }
          : { ...spec, high: spec.high + (spec.high - spec.low) / 10 };
    const widened = inputs.map((input) => ({ ...input, spec: other(input.spec) }));
    expect(widened).not.toEqual(inputs);
    expect(drawInputsByReplication(base, widened, 10)).toEqual(expected(base, widened, 10));
    expect(drawInputsByReplication(base, [], 3)).toEqual([new Map(), new Map(), new Map()]);
  });
});
