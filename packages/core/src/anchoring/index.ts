export {
  ANCHOR_METHOD,
  ANCHOR_REPLICATIONS,
  anchoredScenario,
  anchoredValue,
  anchorToCenter,
  checkCenterFigures,
  type AnchoredFigure,
  type AnchoredParameter,
  type Anchoring,
  type AnchorFit,
  type CenterFigures,
  type ObservedFigure,
} from "./anchorToCenter.js";
