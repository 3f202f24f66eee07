import { describe, expect, it } from "vitest";
import { ratio } from "./costEffectiveness.js";
import { decision } from "./decision.js";
import { benefitInputs, evidenceShares, evidenceWarning, weakestGrade, type EvidenceInput } from "./evidence.js";
import type { InterventionEvaluation } from "./phases.js";
import { parseScenario } from "../schema/parseScenario.js";
import defaultScenario from "../../../../scenarios/default.json" with { type: "json" };

describe("cost-effectiveness ratios", () => {
  const costs = [100, 110, 90, 105, 95, 100];
  it("costPerGain: cost per unit of effect, with a paired-bootstrap interval around the ratio of means", () => {
    const result = ratio(costs, [2, 2.2, 1.8, 2.1, 1.9, 2])!;
    expect(result.quadrant).toBe("costPerGain");
    expect(result.mean).toBeCloseTo(50, 9);
    expect(result.ci95![0]).toBeLessThanOrEqual(50);
    expect(result.ci95![1]).toBeGreaterThanOrEqual(50);
    // Paired: cost and effect move together here, so the ratio is nearly constant and its interval narrow.
    expect(result.ci95![1] - result.ci95![0]).toBeLessThan(2);
  });

  it("dominant, dominated and savingPerLoss where a ratio means nothing or the reverse", () => {
    expect(ratio(costs.map((c) => -c), [2, 2, 2, 2, 2, 2])).toEqual({ mean: null, ci95: null, quadrant: "dominant" });
    expect(ratio(costs, [-1, -1, -1, -1, -1, -1])).toEqual({ mean: null, ci95: null, quadrant: "dominated" });
    expect(ratio([0, 0, 0], [-1, -2, -1])).toEqual({ mean: null, ci95: null, quadrant: "dominated" });
    const saving = ratio(costs.map((c) => -c), [-4, -4, -4, -4, -4, -4])!;
    expect(saving).toMatchObject({ quadrant: "savingPerLoss", mean: 25 });
  });

  it("gives no interval when the effect's own reaches zero (the ratio is unbounded), and no ratio for no effect", () => {
    const noisy = ratio(costs, [3, -2, 2, -1, 1, 0.2])!;
    expect(noisy.quadrant).toBe("costPerGain");
    expect(noisy.ci95).toBeNull();
    expect(ratio(costs, [0, 0, 0, 0, 0, 0])).toBeNull();
  });
});

describe("decision: the probability each option is best", () => {
  const evaluation = (name: string, yearNpv: number[], priced = true) =>
    ({ name, money: { benefitPriced: priced }, draws: { yearNpv: Float64Array.from(yearNpv) } }) as unknown as InterventionEvaluation;

  it("counts the replications each option has the highest NPV in, the baseline at 0, ties shared; they sum to 1", () => {
    const result = decision([evaluation("A", [10, -5, 3, 0]), evaluation("B", [5, -1, 7, 0])])!;
    expect(result.probBest).toEqual({ baseline: (1 + 1 / 3) / 4, A: (1 + 1 / 3) / 4, B: (1 + 1 / 3) / 4 });
    expect(Object.values(result.probBest!).reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
    expect(result.basis).toMatch(/regression of the simulated differences on the draws/);
  });

  it("says nothing is decided by money when no option prices a benefit, and is null without money", () => {
    expect(decision([evaluation("A", [-5, -5], false)])!.probBest).toBeNull();
    expect(decision([{ name: "A", money: null, draws: null } as unknown as InterventionEvaluation])).toBeNull();
  });
});

describe("evidence grades", () => {
  const input = (key: string, grade: EvidenceInput["grade"]): EvidenceInput => ({ key, label: key, grade });

  it("grades a benefit by the weakest input it multiplies and splits the expected benefit by grade", () => {
    expect(weakestGrade([input("a", "measured"), input("b", "article")])).toBe("article");
    expect(weakestGrade([input("a", "measured"), input("b", "literature")])).toBe("literature");
    const inputs = {
      retention: [input("money.customerLifetimeValue", "measured"), input("experience.loyalty.dissatisfied.churn", "assumption")],
      complaints: [input("money.costPerComplaint", "measured"), input("experience.complaints.dissatisfiedPropensity", "literature")],
      sales: [],
      channelSubstitution: [],
    };
    const shares = evidenceShares({ retention: 300, complaints: -100, sales: 0, channelSubstitution: 0 }, inputs)!;
    expect(shares).toEqual({ measured: 0, literature: 0.25, article: 0, assumption: 0.75 });
    const warning = evidenceWarning(shares, { retention: 300, complaints: -100, sales: 0, channelSubstitution: 0 }, inputs, [
      { input: "experience.loyalty.dissatisfied.churn", share: 0.6 },
    ]);
    expect(warning).toBe("most of this benefit rests on experience.loyalty.dissatisfied.churn, an assumption; enter your own figure");
    expect(evidenceShares({ retention: 0, complaints: 0, sales: 0, channelSubstitution: 0 }, inputs)).toBeNull();
  });

  it("takes each input's grade from the file: the defaults' own, assumption for a plain number, the grade given", () => {
    const parsed = parseScenario({
      ...defaultScenario,
      money: { ...defaultScenario.money, customerLifetimeValue: { value: 900, grade: "measured", source: "CRM" }, costPerComplaint: 40 },
      interventions: [{ kind: "training", name: "Coaching", ahtChange: { uncertain: "uniform", low: -0.1, high: -0.02, grade: "literature" } }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const inputs = benefitInputs(parsed.scenario, parsed.scenario.interventions[0]!);
    const grades = Object.fromEntries(inputs.retention.map((entry) => [entry.key, entry.grade]));
    expect(grades).toMatchObject({
      "money.customerLifetimeValue": "measured",
      "experience.loyalty.dissatisfied.churn": "assumption",
      "interventions[Coaching].ahtChange": "literature",
      "experience.wait.changePerMinute": "article",
    });
    expect(inputs.complaints.find((entry) => entry.key === "money.costPerComplaint")!.grade).toBe("assumption");
    expect(weakestGrade(inputs.retention)).toBe("assumption");
  });
});

describe("decisionDraws: the data a value-of-information analysis takes", () => {
  it("puts every option's NPVs beside the union of the draws, the baseline first at 0", async () => {
    const { decisionDraws } = await import("./decision.js");
    const draws = (keys: string[], npv: number[]) => ({
      inputs: keys.map((key) => ({ key, label: key, role: "experience", grade: "assumption", values: Float64Array.from(npv, (_, k) => k / 10) })),
      npv: Float64Array.from(npv),
      expectedNpv: Float64Array.from(npv, (v) => v + 1),
      yearNpv: Float64Array.from(npv, (v) => v + 2),
      yearNpvPerCustomerValue: Float64Array.from(npv, (v) => v / 100),
      customerValue: Float64Array.from(npv, () => 300),
    });
    const result = decisionDraws([
      { name: "A", money: {}, draws: draws(["x", "y"], [1, 2, 3]) } as unknown as InterventionEvaluation,
      { name: "B", money: {}, draws: draws(["y", "z"], [4, 5, 6]) } as unknown as InterventionEvaluation,
    ])!;
    expect(result.options).toEqual(["baseline", "A", "B"]);
    expect(result.inputs.map((input) => input.key)).toEqual(["x", "y", "z"]);
    expect(Array.from(result.expectedNpv[0]!)).toEqual([0, 0, 0]);
    expect(Array.from(result.expectedNpv[2]!)).toEqual([5, 6, 7]);
    expect(Array.from(result.yearNpv[1]!)).toEqual([3, 4, 5]);
    expect(Array.from(result.yearNpvPerCustomerValue[0]!)).toEqual([0, 0, 0]);
    expect(Array.from(result.yearNpvPerCustomerValue[2]!)).toEqual([0.04, 0.05, 0.06]);
    expect(Array.from(result.customerValue)).toEqual([300, 300, 300]);
  });
});
