import type { ResolvedIntervention } from "../schema/intervention.js";
import type { Scenario } from "../schema/scenario.js";
import type { AppliedIntervention } from "./applyIntervention.js";
import type { InterventionStage } from "./interventionTimeline.js";
import { statedCostLines } from "./pricing.js";
import { fail, scaleDuration, withFcrChange } from "./scenarioEdits.js";

type ProcessChange = Extract<ResolvedIntervention, { kind: "processChange" }>;

/**
 * A process change with a share f of its effect in force: resolution time (`resolution.resolutionTime`, which
 * the satisfaction and complaint models read) × (1 + resolutionTimeChange · f), FCR + fcrChange · f points,
 * handle time of every queue × (1 + ahtChange · f). Cost: its one-off and monthly amounts. Throws when the
 * scenario has no resolution time to change and the change is not zero.
 */
export function applyProcessChange(scenario: Scenario, intervention: ProcessChange, stage: InterventionStage): AppliedIntervention {
  const costLines = statedCostLines(scenario, intervention.name, intervention);
  const effect = stage.effect;
  let result = scenario;
  const resolutionTime = scenario.resolution.resolutionTime;
  if (intervention.resolutionTimeChange !== 0) {
    if (!resolutionTime) fail(intervention, "the scenario has no resolution.resolutionTime to change; add one (hours, e.g. {\"dist\": \"lognormal\", \"meanHours\": 72, \"cv\": 1})");
    if (effect > 0) {
      result = { ...result, resolution: { ...result.resolution, resolutionTime: scaleDuration(resolutionTime, 1 + intervention.resolutionTimeChange * effect) } };
    }
  }
  if (effect > 0) {
    result = withFcrChange(result, intervention.fcrChange * effect);
    const factor = 1 + intervention.ahtChange * effect;
    if (factor !== 1) result = { ...result, queues: result.queues.map((queue) => ({ ...queue, handle: scaleDuration(queue.handle, factor) })) };
  }
  return { scenario: result, costLines };
}
