import { trainingSchema } from "../schema/intervention.js";
import type { Scenario } from "../schema/scenario.js";
import { MAX_CLASS_SHRINKAGE } from "./applyTraining.js";
import { interventionStageAtWeek, trainingCohorts } from "./interventionTimeline.js";
import { groupAgentHoursPerWeek, groupHeadcount } from "./scenarioEdits.js";
import type { Intervention } from "../schema/intervention.js";

type Training = Extract<Intervention, { kind: "training" }>;

/**
 * Most of a trained group's paid hours a class template takes off the floor in one week: 5%. An assumption (a
 * planner's training allowance within shrinkage, kept small so that the class weeks dip rather than collapse);
 * `trainingTemplate` sizes its weekly cohorts to stay within it.
 */
export const CLASS_HOURS_ALLOWANCE = 0.05;

/** What a training takes off the floor, per trained group, in its busiest class week. */
export interface ClassLoad {
  groups: {
    group: string;
    headcount: number;
    /** Paid hours a week per agent its shifts give (agent-hours ÷ headcount). */
    paidHoursPerAgent: number;
    /** Largest share of the group's paid hours in class in one week (the extra shrinkage `applyTraining` adds). */
    peakShareInClass: number;
    /** The group's shrinkage, and what it becomes in that week. */
    shrinkage: number;
    shrinkageInPeakWeek: number;
  }[];
  /** Weeks in which someone is in class (from the start), and how many weekly cohorts there are. */
  classWeeks: number;
  cohorts: number;
  /** The largest `peakShareInClass` of the trained groups. */
  peakShareInClass: number;
}

/**
 * A training's class load on the scenario's groups, week by week as the projection counts it
 * (`interventionStageAtWeek`): each trainee loses `hoursOffFloor / classWeeks` hours a week of its paid hours, times the
 * share of trainees in class that week; the largest share over the class weeks, and the shrinkage it makes
 * (s' = 1 − (1 − s)(1 − x), at most 0.95, as `applyTraining`). What a trainer must see before a run: a class of the
 * whole team in one week takes a third to a half of its hours off the floor.
 */
export function trainingClassLoad(scenario: Scenario, training: Training): ClassLoad {
  const names = training.groups ?? scenario.groups.map((group) => group.name);
  const cohorts = trainingCohorts(training, scenario);
  const lastWeek = cohorts[cohorts.length - 1]!.startWeek + Math.ceil(training.classWeeks);
  let peakClassShare = 0;
  let classWeeks = 0;
  for (let week = 0; training.hoursOffFloor > 0 && week < lastWeek + 1; week++) {
    const stage = interventionStageAtWeek(training, week, scenario);
    if (!stage.inClass) continue;
    classWeeks++;
    peakClassShare = Math.max(peakClassShare, stage.classShare ?? 1);
  }
  const groups = scenario.groups
    .filter((group) => names.includes(group.name))
    .map((group) => {
      const headcount = groupHeadcount(group);
      const paidHoursPerAgent = headcount > 0 ? groupAgentHoursPerWeek(group) / headcount : 0;
      const perTrainee = paidHoursPerAgent > 0 ? Math.min(MAX_CLASS_SHRINKAGE, training.hoursOffFloor / training.classWeeks / paidHoursPerAgent) : 0;
      const peakShareInClass = perTrainee * peakClassShare;
      const shrinkageInPeakWeek = Math.max(group.shrinkage, Math.min(MAX_CLASS_SHRINKAGE, 1 - (1 - group.shrinkage) * (1 - peakShareInClass)));
      return { group: group.name, headcount, paidHoursPerAgent, peakShareInClass, shrinkage: group.shrinkage, shrinkageInPeakWeek };
    });
  return { groups, classWeeks, cohorts: cohorts.length, peakShareInClass: Math.max(0, ...groups.map((group) => group.peakShareInClass)) };
}

/**
 * A new training programme for the scenario, as a scenario file writes it: the schema's defaults (16 hours off the
 * floor in one class week, a 4-week learning curve, no effect until one is entered, each an assumption named in its
 * help), trained in weekly cohorts of whole agents sized so that no week takes more than `CLASS_HOURS_ALLOWANCE` of a
 * trained group's paid hours off the floor, as a planner would schedule a class; no cohorts when the whole team fits.
 * Everyone in one week, as the defaults alone would have it, costs a tight center most of a week's service level.
 */
export function trainingTemplate(scenario: Scenario, name: string): { kind: "training"; name: string; cohorts?: { agents: number } } {
  const training = trainingSchema.parse({ kind: "training", name }) as Training;
  const load = trainingClassLoad(scenario, training);
  const headcount = load.groups.reduce((sum, group) => sum + group.headcount, 0);
  if (load.peakShareInClass <= CLASS_HOURS_ALLOWANCE || headcount === 0) return { kind: "training", name };
  const weeks = Math.ceil(load.peakShareInClass / CLASS_HOURS_ALLOWANCE - 1e-9);
  return { kind: "training", name, cohorts: { agents: Math.max(1, Math.floor(headcount / weeks)) } };
}
