import { describe, expect, it } from "vitest";
import { counterUniform } from "../random/counterUniform.js";
import { decisionAnalysis, type DecisionInputs } from "./decisionAnalysis.js";
import { decisionSentence, partialValueNote } from "./decisionSentence.js";

// An option that wins in every future: its NPV is 10,000 + 1,000·(θ − ½) with θ uniform, against a baseline at 0.
// Knowing θ can never change the choice, so every value of information is 0, at any number of replications.
function alwaysWins(n: number): DecisionInputs {
  const theta = Float64Array.from({ length: n }, (_, k) => counterUniform(5, k, 1, 0, 0));
  const npv = theta.map((t) => 10_000 + 1_000 * (t - 0.5));
  const zero = new Float64Array(n);
  return {
    options: ["baseline", "coaching"],
    expectedNpv: [zero, npv],
    yearNpv: [zero, npv],
    yearNpvPerCustomerValue: null,
    customerValueDrawn: null,
    customerValue: 0,
    inputs: [{ key: "money.discountRatePerYear", label: "the discount rate", values: theta }],
  };
}
// A decision the input does change: the option wins only when θ > 0.3, so knowing θ is worth E[max(0, −NPV)] > 0.
function depends(n: number): DecisionInputs {
  const inputs = alwaysWins(n);
  const theta = inputs.inputs[0]!.values as Float64Array;
  const npv = theta.map((t) => 10_000 * (t - 0.3));
  return { ...inputs, expectedNpv: [inputs.expectedNpv[0]!, npv], yearNpv: [inputs.yearNpv[0]!, npv] };
}
const money = (value: number) => `EUR ${Math.round(value).toLocaleString("en-US")}`;
const sentenceOf = (inputs: DecisionInputs) => {
  const analysis = decisionAnalysis(inputs);
  return { analysis, sentence: decisionSentence({ probBest: { baseline: 0.02, coaching: 0.98 }, evppi: analysis.evppi, valueOfInformation: analysis }, money) };
};

describe("what the decision says of a value of information at nothing", () => {
  it("with few replications, says they did not tell it apart from 0 and how many the method needs, never \"0 to 0\"", () => {
    const { analysis, sentence } = sentenceOf(alwaysWins(40));
    const entry = analysis.evppi[0]!;
    expect(entry.ci95).toEqual([0, 0]);
    expect(partialValueNote(entry, 40)).toBe("not told apart from 0 by 40 replications");
    expect(sentence).toBe('"coaching" is the best buy in 98% of futures; with 40 replications no input\'s value can be told apart from 0 (the value of information needs about 500).');
  });

  it("with enough replications, says that knowing it would not change the choice", () => {
    const { analysis, sentence } = sentenceOf(alwaysWins(600));
    expect(analysis.evppi[0]!.ci95).toEqual([0, 0]);
    expect(partialValueNote(analysis.evppi[0]!, 600)).toBe("none: the best option is the same at every value drawn");
    expect(sentence).toBe('"coaching" is the best buy in 98% of futures; no single input is worth finding out first: the choice hardly depends on them.');
  });

  it("leaves a value with an interval above nothing to its figures, and names the input worth knowing", () => {
    const { analysis, sentence } = sentenceOf(depends(600));
    const entry = analysis.evppi[0]!;
    // E[max(0, 10,000·(0.3 − θ))] = 10,000 · 0.3² / 2 = 450.
    expect(entry.ci95[0]).toBeLessThan(450);
    expect(entry.ci95[1]).toBeGreaterThan(450);
    expect(partialValueNote(entry, 600)).toBeNull();
    expect(sentence).toBe(`"coaching" is the best buy in 98% of futures; knowing the discount rate is worth up to ${money(entry.value)} before you decide.`);
  });

  it("says nothing without a probability of being best", () => {
    expect(decisionSentence({ probBest: null, evppi: [], valueOfInformation: { replications: 40 } }, money)).toBeNull();
  });
});
