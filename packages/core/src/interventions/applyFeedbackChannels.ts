import type { ResolvedIntervention } from "../schema/intervention.js";
import type { Scenario } from "../schema/scenario.js";
import type { AppliedIntervention } from "./applyIntervention.js";
import type { InterventionStage } from "./interventionTimeline.js";
import { statedCostLines } from "./pricing.js";
import { withSatisfactionEffect, withSurveyResponseChange } from "./scenarioEdits.js";

type FeedbackChannels = Extract<ResolvedIntervention, { kind: "feedbackChannels" }>;

/**
 * More feedback channels with a share f of the effect in force: a satisfaction effect satisfactionChange · f
 * (appended to `experience.effects`) and the survey response rate × (1 + surveyResponseChange · f). Without an
 * `experience` section there is nothing to act on and the scenario is unchanged. Cost: its one-off and monthly
 * amounts.
 */
export function applyFeedbackChannels(scenario: Scenario, intervention: FeedbackChannels, stage: InterventionStage): AppliedIntervention {
  const effect = stage.effect;
  let result = scenario;
  if (effect > 0) {
    result = withSatisfactionEffect(result, {
      name: intervention.name,
      relativeChange: intervention.satisfactionChange * effect,
      source: intervention.source ?? "scenario file",
    });
    result = withSurveyResponseChange(result, intervention.surveyResponseChange * effect);
  }
  return { scenario: result, costLines: statedCostLines(scenario, intervention.name, intervention) };
}
