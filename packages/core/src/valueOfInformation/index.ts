export { bSplineBasis, drawFit, penalizedSplineFit, ranks, segmentsFor, type SplineFit } from "./penalizedSpline.js";
export { evpi, evppi, FEW_DRAWS, type PartialValue } from "./valueOfInformation.js";
export {
  acceptabilityCurve,
  breakEvens,
  customerValueGrid,
  type AcceptabilityPoint,
  type BreakEven,
  type LinearNetBenefit,
} from "./acceptability.js";
export {
  decisionAnalysis,
  DECISION_ANALYSIS_METHOD,
  EVPPI_REPORTED,
  type DecisionAnalysis,
  type DecisionInputs,
  type InputValue,
} from "./decisionAnalysis.js";
export { fullDecision, type FullDecision } from "./fullDecision.js";
export { decisionSentence, partialValueNote } from "./decisionSentence.js";
