import type { ResolvedIntervention } from "../schema/intervention.js";
import type { Scenario, ScenarioGroup } from "../schema/scenario.js";
import type { AppliedIntervention } from "./applyIntervention.js";
import type { InterventionStage } from "./interventionTimeline.js";
import { statedCostLines } from "./pricing.js";
import {
  findGroup,
  groupAgentHoursPerWeek,
  groupHeadcount,
  scaleDuration,
  withFcrChange,
  withSatisfactionEffect,
} from "./scenarioEdits.js";

type Training = Extract<ResolvedIntervention, { kind: "training" }>;

/** Most of a group's time the class may take in a week: the floor is never left empty by a class. */
export const MAX_CLASS_SHRINKAGE = 0.95;

/**
 * A training programme at one stage of its timeline (see `interventionTimeline`).
 *
 * - In class: each trained group loses `hoursOffFloor / classWeeks` hours a week per agent in class, out of the paid
 *   hours per agent its shifts give (agent-hours a week / headcount), times the share of its agents in class
 *   (`stage.classShare`: training in cohorts; all of them otherwise); that share x is added to its shrinkage,
 *   s' = 1 − (1 − s)(1 − x), at most 0.95. The engine draws shrinkage per interval, so the lost time is
 *   spread over the week, as a rota of trainees would be.
 * - With a share f of the effect in force (the learning curve): handle time of each queue × (1 + ahtChange · f
 *   · q), q the trained share of the agent-hours of the groups serving that queue; FCR + fcrChange · f · t
 *   points and a satisfaction effect satisfactionChange · f · t (appended to `experience.effects`), t the
 *   trained share of all agent-hours. Contacts are assumed to be answered in proportion to agent-hours; the
 *   engine's FCR and satisfaction effects are scenario-wide, so a partial training moves them by its share.
 * - Cost: headcount of the trained groups × costPerTrainee, one-off, plus its `oneOffCost`. Wages in class
 *   are paid anyway; their cost shows as worse service in the class weeks, not as a cost line.
 */
export function applyTraining(scenario: Scenario, intervention: Training, stage: InterventionStage): AppliedIntervention {
  const names = intervention.groups ?? scenario.groups.map((group) => group.name);
  const trained = new Set<ScenarioGroup>(names.map((name) => findGroup(scenario, intervention, name)));
  const hours = new Map(scenario.groups.map((group) => [group, groupAgentHoursPerWeek(group)]));
  const trainedShare = (groups: ScenarioGroup[]) => {
    const all = groups.reduce((sum, group) => sum + hours.get(group)!, 0);
    return all > 0 ? groups.filter((group) => trained.has(group)).reduce((sum, group) => sum + hours.get(group)!, 0) / all : 0;
  };

  let result = scenario;
  if (stage.inClass) {
    result = {
      ...result,
      groups: result.groups.map((group) => {
        const headcount = groupHeadcount(group);
        if (!trained.has(group) || headcount === 0 || intervention.hoursOffFloor === 0) return group;
        const perTrainee = Math.min(MAX_CLASS_SHRINKAGE, intervention.hoursOffFloor / intervention.classWeeks / (hours.get(group)! / headcount));
        // In cohorts, only a share of the group is in class this week.
        const lost = perTrainee * (stage.classShare ?? 1);
        const shrinkage = Math.min(MAX_CLASS_SHRINKAGE, 1 - (1 - group.shrinkage) * (1 - lost));
        return { ...group, shrinkage: Math.max(group.shrinkage, shrinkage) };
      }),
    };
  }
  const effect = stage.effect;
  if (effect > 0) {
    if (intervention.ahtChange !== 0) {
      result = {
        ...result,
        queues: result.queues.map((queue) => {
          const share = trainedShare(scenario.groups.filter((group) => group.serves.includes(queue.name)));
          const factor = 1 + intervention.ahtChange * effect * share;
          return factor === 1 ? queue : { ...queue, handle: scaleDuration(queue.handle, factor) };
        }),
      };
    }
    const share = trainedShare(scenario.groups);
    result = withFcrChange(result, intervention.fcrChange * effect * share);
    result = withSatisfactionEffect(result, {
      name: intervention.name,
      relativeChange: intervention.satisfactionChange * effect * share,
      source: intervention.source ?? "scenario file",
    });
  }

  const trainees = [...trained].reduce((sum, group) => sum + groupHeadcount(group), 0);
  const costLines = statedCostLines(scenario, intervention.name, { oneOffCost: intervention.oneOffCost });
  if (scenario.money && trainees > 0 && intervention.costPerTrainee > 0) {
    costLines.unshift({
      label: `${intervention.name}: ${trainees} trainees × ${intervention.costPerTrainee}`,
      kind: "oneOff",
      amount: trainees * intervention.costPerTrainee,
      currency: scenario.money.currency,
    });
  }
  return { scenario: result, costLines };
}
