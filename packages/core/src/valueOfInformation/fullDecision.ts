import { decision, decisionDraws, type Decision } from "../economics/decision.js";
import type { InterventionEvaluation } from "../economics/phases.js";
import type { Scenario } from "../schema/scenario.js";
import { resolveAtDraw } from "../uncertainty/draws.js";
import type { AcceptabilityPoint, BreakEven } from "./acceptability.js";
import { decisionAnalysis, type InputValue } from "./decisionAnalysis.js";

/**
 * A comparison's decision block: which option is best and how sure (`decision`), what knowing each uncertain input
 * first would be worth, and at what value of a kept customer the choice changes (`decisionAnalysis`). Amounts are in
 * the scenario's currency, NPV over the money horizon, for the population the scenario stands for.
 */
export interface FullDecision extends Decision {
  currency: string;
  /** The value of a kept customer in the scenario (its lifetime value, at its central value). */
  customerValue: number;
  /** Expected value of perfect information; 0 when no input is uncertain (assumptions fixed). */
  evpi: number;
  evppi: InputValue[];
  acceptability: AcceptabilityPoint[];
  breakEven: BreakEven[];
  valueOfInformation: { replications: number; warning: string | null; basis: string };
}

/** The decision block of priced evaluations; null without money. */
export function fullDecision(scenario: Scenario, evaluations: readonly InterventionEvaluation[]): FullDecision | null {
  const decided = decision(evaluations);
  const draws = decisionDraws(evaluations);
  const money = evaluations.find((evaluation) => evaluation.money)?.money;
  if (!decided || !draws || !money) return null;
  const customerValue = resolveAtDraw(scenario, new Map()).money?.customerLifetimeValue ?? 0;
  const analysis = decisionAnalysis({
    options: draws.options,
    expectedNpv: draws.expectedNpv,
    yearNpv: draws.yearNpv,
    yearNpvPerCustomerValue: draws.yearNpvPerCustomerValue,
    customerValueDrawn: draws.customerValue,
    customerValue,
    inputs: draws.inputs,
  });
  return {
    ...decided,
    currency: money.currency,
    customerValue,
    evpi: analysis.evpi,
    evppi: analysis.evppi,
    acceptability: analysis.acceptability,
    breakEven: analysis.breakEven,
    valueOfInformation: { replications: analysis.replications, warning: analysis.warning, basis: analysis.basis },
  };
}
