export type { Money } from "../schema/money.js";
export { kpiValue, spanKpiSample, type KpiSample } from "./kpiSample.js";
export {
  BENEFIT_NEEDS,
  BENEFIT_PARTS,
  complaintCount,
  customersLost,
  onlineContacts,
  weeklyBenefit,
  type BenefitParts,
} from "./weeklyBenefit.js";
export { moneyReplications, WEEKS_PER_MONTH, type MoneyReplication, type PhaseKpis } from "./moneyReplications.js";
export { interventionMoney, summarizeMoney, type InterventionMoney } from "./interventionMoney.js";
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
