import { DECISION_METHOD, type MoneyDraws } from "./interventionMoney.js";
import type { InterventionEvaluation } from "./phases.js";

/** Which option is best, and how sure that is: what a comparison's money adds up to. */
export interface Decision {
  /** Per option ("baseline" and each intervention), the share of replications in which its NPV is the highest (ties
   * shared); they sum to 1. Null when no option prices a benefit (the cheapest would always win: see cost-effectiveness). */
  probBest: Record<string, number> | null;
  /** How it is made, in words. */
  basis: string;
}

/** The baseline's name among a decision's options. */
export const BASELINE_OPTION = "baseline";

/**
 * The probability each option is best: in each replication, the option with the highest NPV of a year at that
 * replication's draws (`MoneyDraws.yearNpv`; the baseline's is 0) wins it. Null without money.
 */
export function decision(evaluations: readonly InterventionEvaluation[]): Decision | null {
  const priced = evaluations.filter((evaluation) => evaluation.money && evaluation.draws);
  if (priced.length === 0) return null;
  if (!priced.some((evaluation) => evaluation.money!.benefitPriced)) {
    return { probBest: null, basis: "no benefit is priced, so the cheapest option would always win: compare what each buys (cost-effectiveness)" };
  }
  const count = Math.min(...priced.map((evaluation) => evaluation.draws!.yearNpv.length));
  const names = [BASELINE_OPTION, ...priced.map((evaluation) => evaluation.name)];
  const wins = new Array<number>(names.length).fill(0);
  for (let k = 0; k < count; k++) {
    const values = [0, ...priced.map((evaluation) => evaluation.draws!.yearNpv[k]!)];
    const best = Math.max(...values);
    const tolerance = 1e-9 * Math.max(1, ...values.map(Math.abs));
    const tied = values.flatMap((value, i) => (value >= best - tolerance ? [i] : []));
    for (const i of tied) wins[i]! += 1 / tied.length;
  }
  return {
    probBest: Object.fromEntries(names.map((name, i) => [name, count > 0 ? wins[i]! / count : 0])),
    basis: `the share of replications in which each option has the highest NPV, where ${DECISION_METHOD}`,
  };
}

/**
 * The draws behind a decision, in one shape for a value-of-information analysis (EVPI, EVPPI by regression on the
 * draws, acceptability curves): every uncertain input drawn for any option (a key's values are the same for every
 * option, since a draw is keyed by seed, replication and path), and per option ("baseline" first, at 0) its NPV
 * expected given the draws and its NPV of a year, replication by replication. Null without money.
 */
export interface DecisionDraws {
  replications: number;
  inputs: MoneyDraws["inputs"];
  options: string[];
  expectedNpv: Float64Array[];
  yearNpv: Float64Array[];
  /** Per option, what each unit of a kept customer's value adds to its year NPV (the baseline's: 0), and the value each
   * replication was priced at. */
  yearNpvPerCustomerValue: Float64Array[];
  customerValue: Float64Array;
}

export function decisionDraws(evaluations: readonly InterventionEvaluation[]): DecisionDraws | null {
  const priced = evaluations.filter((evaluation) => evaluation.draws);
  if (priced.length === 0) return null;
  const replications = Math.min(...priced.map((evaluation) => evaluation.draws!.npv.length));
  const inputs = new Map<string, MoneyDraws["inputs"][number]>();
  for (const evaluation of priced) for (const input of evaluation.draws!.inputs) if (!inputs.has(input.key)) inputs.set(input.key, input);
  return {
    replications,
    inputs: [...inputs.values()].map((input) => ({ ...input, values: input.values.slice(0, replications) })),
    options: [BASELINE_OPTION, ...priced.map((evaluation) => evaluation.name)],
    expectedNpv: [new Float64Array(replications), ...priced.map((evaluation) => evaluation.draws!.expectedNpv.slice(0, replications))],
    yearNpv: [new Float64Array(replications), ...priced.map((evaluation) => evaluation.draws!.yearNpv.slice(0, replications))],
    yearNpvPerCustomerValue: [new Float64Array(replications), ...priced.map((evaluation) => evaluation.draws!.yearNpvPerCustomerValue.slice(0, replications))],
    customerValue: priced[0]!.draws!.customerValue.slice(0, replications),
  };
}
