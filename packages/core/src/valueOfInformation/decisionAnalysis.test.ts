import { describe, expect, it } from "vitest";
import { counterUniform } from "../random/counterUniform.js";
import { decisionAnalysis, type DecisionInputs } from "./decisionAnalysis.js";
import { evppi } from "./valueOfInformation.js";

// A training that keeps customers: its NPV = v·kept − 5,000, with the kept customers 20 + 40·churn gap (a loyalty
// share drawn uniform on (0, 1)), so at the central value v = 200 the expected NPV is 200·40 − 5,000 = 3,000, and
// it breaks even at v = 5,000 / 40 = 125. Its cost is also uncertain (±1,000 uniform); a second loyalty share and an
// unrelated input do nothing.
function constructed(n: number): DecisionInputs {
  const u = (lane: number) => Float64Array.from({ length: n }, (_, k) => counterUniform(77, k, lane, 0, 0));
  const gap = u(1);
  const cost = u(2).map((x) => 4000 + 2000 * x);
  const other = u(3);
  const promoters = u(4);
  const kept = gap.map((g) => 20 + 40 * g);
  const drawnValue = new Float64Array(n).fill(200);
  const npv = kept.map((c, k) => 200 * c - cost[k]!);
  const zero = new Float64Array(n);
  return {
    options: ["baseline", "training"],
    expectedNpv: [zero, npv],
    yearNpv: [zero, npv],
    yearNpvPerCustomerValue: [zero, kept],
    customerValueDrawn: drawnValue,
    customerValue: 200,
    inputs: [
      { key: "experience.loyalty.dissatisfied.churn", label: "the churn of dissatisfied customers", values: gap },
      { key: "interventions.training.costPerTrainee", label: "the cost per trainee", values: cost },
      { key: "experience.surveyResponseRate", label: "the survey response rate", values: other },
      { key: "experience.loyalty.satisfied.promoters", label: "the promoters among satisfied customers", values: promoters },
    ],
  };
}

describe("the decision analysis of a comparison's draws", () => {
  const analysis = decisionAnalysis(constructed(600));

  it("values what to measure first: the churn gap decides, the cost a little, the rest nothing; EVPI ≥ each", () => {
    // Training loses when 200(20 + 40g) − cost < 0: EVPPI(g) = E[max(cost − 200(20 + 40g), 0)] at the mean cost 5,000:
    // ∫₀^⅛ (1000 − 8000g) dg = 62.5.
    const first = analysis.evppi[0]!;
    expect(first.input).toMatch(/^(experience\.loyalty\.dissatisfied\.churn|loyalty)$/);
    const churn = analysis.evppi.find((entry) => entry.input === "experience.loyalty.dissatisfied.churn")!;
    expect(churn.ci95[0]).toBeLessThan(62.5);
    expect(churn.ci95[1]).toBeGreaterThan(62.5);
    expect(analysis.evppi.find((entry) => entry.input === "experience.surveyResponseRate")!.value).toBeLessThan(5);
    for (const entry of analysis.evppi) expect(analysis.evpi).toBeGreaterThanOrEqual(entry.value);
    expect(analysis.evppi.find((entry) => entry.input === "loyalty")!.inputs).toHaveLength(2);
  });

  it("breaks even at a kept customer's value of 125 and draws the curve to twice the central value", () => {
    expect(analysis.breakEven).toHaveLength(1);
    // Exactly where the expected NPVs cross: mean cost / mean kept (about 5,000 / 40).
    const sample = constructed(600);
    const meanCost = mean(sample.yearNpv[1]!.length ? Float64Array.from(sample.yearNpv[1]!, (v, k) => 200 * sample.yearNpvPerCustomerValue![1]![k]! - v) : []);
    expect(analysis.breakEven[0]!.customerValue).toBeCloseTo(meanCost / mean(sample.yearNpvPerCustomerValue![1]!), 9);
    expect(analysis.breakEven[0]!.customerValue).toBeGreaterThan(120);
    expect(analysis.breakEven[0]!.customerValue).toBeLessThan(130);
    expect(analysis.breakEven[0]).toMatchObject({ from: "baseline", to: "training" });
    const last = analysis.acceptability.at(-1)!;
    expect(last.customerValue).toBe(400);
    expect(last.frontier).toBe("training");
    expect(analysis.acceptability[0]!.probBest.baseline).toBe(1);
  });

  it("warns when the replications are too few for the value of information", () => {
    expect(analysis.warning).toBeNull();
    expect(decisionAnalysis(constructed(300)).warning).toMatch(/300 replications.*overstated/);
  });
});

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k]!;
  return sum / values.length;
}

describe("the decision analysis of a few replications", () => {
  it("reports what the replications can carry: a group too large for 20 replications is left out, never an error", () => {
    const small = constructed(20);
    const many = Array.from({ length: 6 }, (_, i) => ({ key: `experience.loyalty.x${i}`, label: `x${i}`, values: Float64Array.from({ length: 20 }, (_, k) => ((k * (i + 3)) % 20) / 20) }));
    const analysis = decisionAnalysis({ ...small, inputs: [...small.inputs, ...many] });
    expect(analysis.warning).toMatch(/20 replications/);
    expect(analysis.evppi.length).toBeGreaterThan(0);
    for (const entry of analysis.evppi) expect(Number.isFinite(entry.value)).toBe(true);
  });
});

describe("the screen of many inputs", () => {
  it("reports the inputs, intervals and order that screening each with evppi and refitting the first five gives, ties included", () => {
    // Duplicated inputs tie exactly (the same regressions): among equals the file's order stands, in the screen's
    // sort as in the regressions it keeps while screening.
    const base = constructed(150);
    const [churn, cost, other, promoters] = base.inputs as [DecisionInputs["inputs"][number], DecisionInputs["inputs"][number], DecisionInputs["inputs"][number], DecisionInputs["inputs"][number]];
    const copy = (input: typeof churn, key: string) => ({ ...input, key, label: key });
    const inputs = [other, copy(other, "other.2"), cost, promoters, copy(cost, "cost.2"), copy(other, "other.3"), churn, copy(cost, "cost.3"), copy(churn, "churn.2"), copy(other, "other.4")];
    const analysis = decisionAnalysis({ ...base, inputs });

    const screened = inputs.map((input) => ({ input, ...evppi([input.values], base.yearNpv, { interval: false }) }));
    screened.sort((a, b) => b.value - a.value || b.spread - a.spread);
    const expected = screened.slice(0, 5).map(({ input }) => {
      const result = evppi([input.values], base.yearNpv);
      return { input: input.key, label: input.label, value: result.value, ci95: result.ci95, inputs: [input.key] };
    });
    const loyalty = inputs.filter((input) => input.key.startsWith("experience.loyalty."));
    const group = evppi(loyalty.map((input) => input.values), base.yearNpv);
    expected.push({ input: "loyalty", label: "the loyalty shares together (churn and NPS classes)", value: group.value, ci95: group.ci95, inputs: loyalty.map((input) => input.key) });
    expected.sort((a, b) => b.value - a.value);
    expect(analysis.evppi).toEqual(expected);
    // The screen had ties to order: the three copies of the cost, and the four of the unrelated input.
    expect(new Set(screened.map((entry) => `${entry.value}/${entry.spread}`)).size).toBeLessThan(inputs.length - 4);
  });
});
