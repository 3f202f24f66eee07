import { acceptabilityCurve, breakEvens, customerValueGrid, type AcceptabilityPoint, type BreakEven, type LinearNetBenefit } from "./acceptability.js";
import { evpi, evppiOf, evppiRegressions, FEW_DRAWS, type EvppiRegressions } from "./valueOfInformation.js";

/**
 * What a decision among options needs beyond which is best: what knowing each uncertain input would be worth before
 * deciding, and at what value of a kept customer the choice changes. Options are "baseline" (its NPV 0) and each
 * intervention; a replication is one draw of the uncertain inputs (and one simulated future at it).
 */
export interface DecisionInputs {
  /** Option names, the baseline first. */
  options: string[];
  /** Per option, each replication's NPV expected given its draws (the simulation's noise removed by regression). */
  expectedNpv: readonly ArrayLike<number>[];
  /** Per option, each replication's NPV of a year at its draws (expected plus a year's noise). */
  yearNpv: readonly ArrayLike<number>[];
  /** Per option, what each unit of a kept customer's value adds to `yearNpv` in each replication (null: nothing
   * priced depends on it), and the value each replication was priced at (the drawn or set lifetime value). */
  yearNpvPerCustomerValue: readonly ArrayLike<number>[] | null;
  customerValueDrawn: ArrayLike<number> | null;
  /** The value of a kept customer at its central value (the scenario's lifetime value). */
  customerValue: number;
  /** Every uncertain input, its draw in each replication. */
  inputs: readonly { key: string; label: string; values: ArrayLike<number> }[];
}

export interface InputValue {
  /** An input's key, or `loyalty` for the loyalty shares together. */
  input: string;
  label: string;
  /** Expected value of partial perfect information, in the scenario's currency over the horizon. */
  value: number;
  ci95: [number, number];
  /** The inputs it covers (one, or several for a group). */
  inputs: string[];
}

export interface DecisionAnalysis {
  replications: number;
  /** Expected value of perfect information: learning every uncertain input before deciding. */
  evpi: number;
  /** The five inputs whose perfect knowledge is worth most, and the loyalty shares together; largest first. */
  evppi: InputValue[];
  /** The probability each option is best at each value of a kept customer, and the frontier. */
  acceptability: AcceptabilityPoint[];
  /** Where the option with the highest expected NPV changes, over the values drawn. */
  breakEven: BreakEven[];
  /** Null, or why the figures above are to be read with care (few replications). */
  warning: string | null;
  /** How it is made, in words. */
  basis: string;
}

/** How many single inputs `evppi` reports. */
export const EVPPI_REPORTED = 5;
/** The loyalty shares, valued together. */
const LOYALTY_PREFIX = "experience.loyalty.";

export const DECISION_ANALYSIS_METHOD =
  "EVPI from the NPVs expected given the draws (a regression on the draws, so the simulation's noise is not counted as learnable); EVPPI by regression of each option's NPV on the input (Strong & Oakley 2013) or inputs (Strong, Oakley & Brennan 2014), a penalised spline chosen by generalised cross-validation, with a 95% interval from the fit's uncertainty and a bootstrap of the replications; the acceptability curve re-prices each replication at each value of a kept customer";

/** Value of information and acceptability for a decision among the options. */
export function decisionAnalysis(inputs: DecisionInputs): DecisionAnalysis {
  const n = inputs.yearNpv[0]?.length ?? 0;
  const value = evpi(inputs.expectedNpv);
  const varying = inputs.inputs.filter((input) => varies(input.values));
  // Every input screened by its estimate (largest first; among equal ones, often 0, the one that moves the NPVs most),
  // then the interval computed for the ones reported, from the same regressions: those of the best so far are kept
  // (a regression holds its design, n rows by up to 20 columns, for each option), the others dropped as they fall out.
  type Screened = { input: (typeof varying)[number]; regressions: EvppiRegressions | null; value: number; spread: number };
  const rank = (a: Screened, b: Screened) => b.value - a.value || b.spread - a.spread;
  const screened: Screened[] = [];
  const kept: Screened[] = [];
  for (const input of varying) {
    const regressions = fitted([input.values], inputs.yearNpv);
    const result = regressions ? partialValue(regressions, false) : null;
    if (!result) continue;
    const entry: Screened = { input, regressions, value: result.value, spread: result.spread };
    screened.push(entry);
    // A stable sort, as the screen's below: among equals, the later input ranks after the earlier, there and here.
    kept.push(entry);
    kept.sort(rank);
    if (kept.length > EVPPI_REPORTED) kept.pop()!.regressions = null;
  }
  screened.sort(rank);
  const singles: InputValue[] = screened.slice(0, EVPPI_REPORTED).flatMap(({ input, regressions }) => {
    const from = regressions ?? fitted([input.values], inputs.yearNpv);
    const result = from ? partialValue(from, true) : null;
    return result ? [{ input: input.key, label: input.label, value: result.value, ci95: result.ci95, inputs: [input.key] }] : [];
  });
  const order = (a: InputValue, b: InputValue) => b.value - a.value;
  const reported = singles.slice(0, EVPPI_REPORTED);
  const loyalty = varying.filter((input) => input.key.startsWith(LOYALTY_PREFIX));
  const loyaltyRegressions = loyalty.length > 1 ? fitted(loyalty.map((input) => input.values), inputs.yearNpv) : null;
  const group = loyaltyRegressions && partialValue(loyaltyRegressions, true);
  if (group) {
    const result = group;
    reported.push({ input: "loyalty", label: "the loyalty shares together (churn and NPS classes)", value: result.value, ci95: result.ci95, inputs: loyalty.map((input) => input.key) });
    reported.sort(order);
  }

  const linear = linearNetBenefits(inputs);
  let breakEven: BreakEven[] = [];
  let acceptability: AcceptabilityPoint[] = [];
  if (linear) {
    // The curve spans twice the central value, or further to show every break-even up to ten times it.
    const central = Math.max(0, inputs.customerValue);
    const reach = central > 0 ? 10 * central : 1e9;
    const all = breakEvens(linear, reach);
    const upTo = Math.max(central > 0 ? 2 * central : 0, ...all.map((b) => 1.25 * b.customerValue));
    breakEven = all.filter((b) => b.customerValue <= upTo);
    acceptability = upTo > 0 ? acceptabilityCurve(linear, customerValueGrid(upTo, breakEven)) : [];
  }
  return {
    replications: n,
    // Perfect information on everything is worth at least as much as on any part: where the smoother on one input
    // finds a little more than the joint regression, the larger estimate stands for both.
    evpi: Math.max(value, ...reported.map((entry) => entry.value)),
    evppi: reported,
    acceptability,
    breakEven,
    warning:
      n < FEW_DRAWS
        ? `from ${n} replications: the value of information is overstated with fewer than about ${FEW_DRAWS} (run more replications)`
        : null,
    basis: DECISION_ANALYSIS_METHOD,
  };
}

/** Each option's year NPV as a + v·b in the value v of a kept customer: a = NPV − v_drawn·b. */
function linearNetBenefits(inputs: DecisionInputs): LinearNetBenefit[] | null {
  const { yearNpvPerCustomerValue: perValue, customerValueDrawn: drawn } = inputs;
  if (!perValue || !drawn) return null;
  if (!perValue.some((option) => varies(option) || (option.length > 0 && option[0] !== 0))) return null;
  return inputs.options.map((option, d) => ({
    option,
    atZero: Float64Array.from({ length: inputs.yearNpv[d]!.length }, (_, k) => inputs.yearNpv[d]![k]! - drawn[k]! * perValue[d]![k]!),
    perCustomerValue: perValue[d]!,
  }));
}

/** The regressions of an EVPPI, or null where the replications are too few for them (the EVPPI is then not reported). */
function fitted(parameters: readonly ArrayLike<number>[], netBenefit: readonly ArrayLike<number>[]): EvppiRegressions | null {
  try {
    return evppiRegressions(parameters, netBenefit);
  } catch {
    return null;
  }
}

/** The EVPPI of `fitted` regressions, or null where it cannot be computed (it is then not reported). */
function partialValue(regressions: EvppiRegressions, interval: boolean) {
  try {
    return evppiOf(regressions, { interval });
  } catch {
    return null;
  }
}

function varies(values: ArrayLike<number>): boolean {
  for (let k = 1; k < values.length; k++) if (values[k] !== values[0]) return true;
  return false;
}
