export type { Money } from "../schema/money.js";
export { kpiValue, spanKpiSample, type KpiSample } from "./kpiSample.js";
export {
  BENEFIT_NEEDS,
  BENEFIT_PARTS,
  complaintCount,
  customersLost,
  offlineContacts,
  onlineContacts,
  phaseDifferences,
  salesContacts,
  weeklyBenefit,
  type BenefitParts,
  type PhaseDifferences,
  type PhaseLevels,
} from "./phaseCounts.js";
export {
  benefitPriced,
  moneyReplications,
  monthOfMoment,
  priceReplication,
  totalCosts,
  WEEKS_PER_MONTH,
  weekOfMoment,
  type Costs,
  type HorizonEffects,
  type MoneyReplication,
  type PhaseKpis,
  type PricedPhase,
} from "./moneyReplications.js";
export { DECISION_METHOD, evaluateMoney, summarizeMoney, type InterventionMoney, type MoneyDraws } from "./interventionMoney.js";
export { costEffectiveness, ratio, type CostEffectiveness, type CostEffectivenessRatio, type Quadrant } from "./costEffectiveness.js";
export { benefitInputs, evidenceShares, evidenceWarning, weakestGrade, type EvidenceInput, type EvidenceShares } from "./evidence.js";
export { cohortCustomerMonths, cohortCustomersAt, keptCustomers, monthlyHazard, type RetentionPhase } from "./retention.js";
export {
  evaluateIntervention,
  evaluateInterventionAsync,
  evaluateInterventions,
  evaluateInterventionsAsync,
  evaluationJob,
  evaluationsJob,
  countRuns,
  plannedRuns,
  labelledJob,
  interventionPhases,
  runPhaseJob,
  runPhaseJobAsync,
  runKey,
  simulationKey,
  summarizeDeltas,
  summarizeSamples,
  type EvaluateOptions,
  type InterventionEvaluation,
  type InterventionPhases,
  type Phase,
  type PhaseJob,
  type PhaseResult,
  type PhaseRunRequest,
  type RunPhase,
  type RunPhaseAsync,
} from "./phases.js";
export { alignCandidateRates, createPhaseRunner, simulatePhase } from "./simulatePhase.js";
export { SampleBook } from "./sampleBook.js";
export { BASELINE_OPTION, decision, decisionDraws, type Decision, type DecisionDraws } from "./decision.js";
export { summarizeWholePeriods } from "./wholePeriods.js";
