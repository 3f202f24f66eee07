export { ASSUMPTIONS_VIEWS, drawInputs, inputUniform, keyHash, resolveAtDraw, type AssumptionsView } from "./draws.js";
export { gradeAt, inputKey, uncertainInputs, valueAt, walkValues, type InputRole, type UncertainInput } from "./inputs.js";
export { uncertainMoments, uncertainQuantile } from "./quantile.js";
export { drawnInputs, recipeScenario, recipeScenarioAt, simulatedInputs, type ScenarioRecipe } from "./recipe.js";
export { createScenarioSimulator, type ScenarioSimulator } from "./scenarioSimulator.js";
export { inputLabel } from "./labels.js";
export { fitOnDraws, leastSquaresFit, type DrawColumn, type DrawFit } from "./regression.js";
export { firstOrderShare, testedFirstOrderShare, varianceShares, varianceSharesNote, type VarianceShare } from "./varianceShares.js";
export { shareInterval, type ShareTest } from "./shareInterval.js";
