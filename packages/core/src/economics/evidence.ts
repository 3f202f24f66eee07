import type { Intervention } from "../schema/intervention.js";
import type { Scenario } from "../schema/scenario.js";
import { centralValue, EVIDENCE_GRADES, gradeOf, isGradedValue, isUncertainSpec, type EvidenceGrade, type UncertainNumber } from "../schema/uncertain.js";
import { gradeAt, inputKey } from "../uncertainty/inputs.js";
import { inputLabel } from "../uncertainty/labels.js";
import { BENEFIT_PARTS, type BenefitParts } from "./phaseCounts.js";

/** Shares of an option's expected benefit by the evidence grade it rests on (they sum to 1). */
export type EvidenceShares = Record<EvidenceGrade, number>;

/** An input a benefit multiplies, with its grade. */
export interface EvidenceInput {
  key: string;
  label: string;
  grade: EvidenceGrade;
}

// The satisfaction model's rules: every change of satisfaction an option makes goes through one of them.
const SATISFACTION_RULES = ["experience.wait.changePerMinute", "experience.repeats.changePerFivePointsFewer", "experience.resolutionTime.changePerTenPercentCut"];
// What each benefit multiplies besides the option's own effect sizes (its money values first, then the model's shares).
const MULTIPLIES: Record<keyof BenefitParts, { paths: string[]; satisfaction: boolean }> = {
  retention: {
    paths: ["money.customerLifetimeValue", "money.customerLifetimeMonths", "money.journeysPerCustomer", "experience.loyalty.dissatisfied.churn", "experience.loyalty.satisfied.churn"],
    satisfaction: true,
  },
  complaints: { paths: ["money.costPerComplaint", "experience.complaints.dissatisfiedPropensity"], satisfaction: true },
  sales: { paths: ["money.revenuePerAnsweredContact"], satisfaction: false },
  channelSubstitution: { paths: ["money.costPerContactOffline", "money.costPerContactOnline"], satisfaction: false },
};
// An intervention's effect sizes (not its costs, nor its agents, shifts and weeks, which are the plan, not estimates).
const EFFECT_FIELDS = ["ahtChange", "fcrChange", "satisfactionChange", "resolutionTimeChange", "share", "surveyResponseChange", "factor"];

const rank = (grade: EvidenceGrade) => EVIDENCE_GRADES.indexOf(grade);

/**
 * The inputs each benefit of an option multiplies, with their grades: its money values, the model's shares it goes
 * through (churn by satisfaction for retention, the complaint propensity for complaints), for retention and complaints
 * the satisfaction rules, and the option's own effect sizes that are not zero. A benefit's grade is the weakest of them.
 */
export function benefitInputs(scenario: Scenario, intervention: Intervention): Record<keyof BenefitParts, EvidenceInput[]> {
  const index = scenario.interventions.findIndex((candidate) => candidate.name === intervention.name);
  const effects: EvidenceInput[] = [];
  const collect = (value: unknown, path: (string | number)[]) => {
    if (typeof value !== "object" || value === null) return;
    for (const [field, item] of Object.entries(value as Record<string, unknown>)) {
      if (field === "interventions" && Array.isArray(item)) item.forEach((part, i) => collect(part, [...path, "interventions", i]));
      else if (EFFECT_FIELDS.includes(field) && (typeof item === "number" || isGradedValue(item) || isUncertainSpec(item))) {
        if (centralValue(item as UncertainNumber) === 0 && !isUncertainSpec(item)) continue;
        const key = index >= 0 ? inputKey(scenario, [...path, field]) : `interventions[${intervention.name}].${field}`;
        effects.push({ key, label: inputLabel(key), grade: gradeOf(item as UncertainNumber) });
      }
    }
  };
  collect(intervention, ["interventions", index]);
  const of = (paths: string[]) =>
    paths.flatMap((key): EvidenceInput[] => {
      const grade = gradeAt(scenario, key.split("."));
      return grade ? [{ key, label: inputLabel(key), grade }] : [];
    });
  return Object.fromEntries(
    BENEFIT_PARTS.map((part) => {
      const spec = MULTIPLIES[part];
      return [part, [...of(spec.paths), ...effects, ...(spec.satisfaction ? of(SATISFACTION_RULES) : [])]];
    }),
  ) as Record<keyof BenefitParts, EvidenceInput[]>;
}

/** The weakest grade of a list (a benefit's grade); `assumption` for an empty one. */
export function weakestGrade(inputs: readonly EvidenceInput[]): EvidenceGrade {
  return inputs.reduce<EvidenceGrade>((weakest, input) => (rank(input.grade) > rank(weakest) ? input.grade : weakest), inputs.length > 0 ? "measured" : "assumption");
}

/**
 * Shares of the expected benefit by grade: each benefit's expected amount (by magnitude: a loss rests on its inputs
 * as much as a gain) counts for its own grade. Null when the option's expected benefit is nil (nothing priced).
 */
export function evidenceShares(expected: BenefitParts, inputs: Record<keyof BenefitParts, EvidenceInput[]>): EvidenceShares | null {
  const shares: EvidenceShares = { measured: 0, literature: 0, article: 0, assumption: 0 };
  let total = 0;
  for (const part of BENEFIT_PARTS) {
    const amount = Math.abs(expected[part]);
    if (!(amount > 0)) continue;
    shares[weakestGrade(inputs[part])] += amount;
    total += amount;
  }
  if (!(total > 0)) return null;
  for (const grade of EVIDENCE_GRADES) shares[grade] /= total;
  return shares;
}

/**
 * The plain-words warning when more than half of the expected benefit rests on assumptions: it names the assumed input
 * that matters most (the largest variance share among the assumed inputs of the benefits graded `assumption`, else
 * the first of them, the money value or the model's share each benefit multiplies first). Null otherwise.
 */
export function evidenceWarning(
  shares: EvidenceShares | null,
  expected: BenefitParts,
  inputs: Record<keyof BenefitParts, EvidenceInput[]>,
  varianceShares: readonly { input: string; share: number }[],
): string | null {
  if (!shares || !(shares.assumption > 0.5)) return null;
  const assumed = BENEFIT_PARTS.filter((part) => Math.abs(expected[part]) > 0 && weakestGrade(inputs[part]) === "assumption")
    .sort((a, b) => Math.abs(expected[b]) - Math.abs(expected[a]))
    .flatMap((part) => inputs[part].filter((input) => input.grade === "assumption"));
  if (assumed.length === 0) return null;
  const shareOf = (key: string) => varianceShares.find((entry) => entry.input === key)?.share ?? 0;
  const named = assumed.reduce((best, input) => (shareOf(input.key) > shareOf(best.key) ? input : best), assumed[0]!);
  return `most of this benefit rests on ${named.label}, an assumption; enter your own figure`;
}
