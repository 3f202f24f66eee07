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
