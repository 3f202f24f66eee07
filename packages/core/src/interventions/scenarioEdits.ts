import type { Scenario, ScenarioGroup } from "../schema/scenario.js";
import type { Shift } from "../schema/shift.js";

// Small pure edits shared by the transforms. Each returns a new object and shares what it does not change.

/** Throws the error every transform throws on an intervention the scenario cannot take. */
export function fail(intervention: { name: string }, problem: string): never {
  throw new Error(`invalid intervention "${intervention.name}": ${problem}`);
}

const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(", ");

export function findGroup(scenario: Scenario, target: { name: string }, groupName: string): ScenarioGroup {
  const group = scenario.groups.find((candidate) => candidate.name === groupName);
  if (!group) fail(target, `unknown group "${groupName}"; expected one of ${quoted(scenario.groups.map((g) => g.name))}`);
  return group;
}

export function findQueueIndex(scenario: Scenario, target: { name: string }, queueName: string): number {
  const index = scenario.queues.findIndex((queue) => queue.name === queueName);
  if (index < 0) fail(target, `unknown queue "${queueName}"; expected one of ${quoted(scenario.queues.map((q) => q.name))}`);
  return index;
}

/** Distinct weekdays a shift works. */
export const weeklyDays = (shift: Shift) => new Set(shift.days).size;

/** Paid agent-hours a group's shifts add up to in a week (breaks included). */
export function groupAgentHoursPerWeek(group: ScenarioGroup): number {
  return group.shifts.reduce((sum, shift) => sum + shift.agents * shift.hours * weeklyDays(shift), 0);
}

/** People in a group: the agents of its shifts added up (each shift's agents are different people; an assumption). */
export function groupHeadcount(group: ScenarioGroup): number {
  return group.shifts.reduce((sum, shift) => sum + shift.agents, 0);
}

/** The FCR moved by `points` (0.05 = +5 points), kept within (0, 1]. */
export function withFcrChange(scenario: Scenario, points: number): Scenario {
  if (points === 0) return scenario;
  const fcr = Math.min(1, Math.max(MIN_FCR, scenario.resolution.fcr + points));
  return { ...scenario, resolution: { ...scenario.resolution, fcr } };
}

/** Smallest FCR an intervention can leave: the schema needs FCR > 0 and the engine a finite number of repeats. */
export const MIN_FCR = 0.01;

/** An additional effect on satisfaction, as the experience model reads it from `experience.effects`. */
export interface SatisfactionEffect {
  name: string;
  /** Relative change of satisfaction: 0.12 = +12%. */
  relativeChange: number;
  source: string;
}

type WithExperience = { experience?: { effects?: SatisfactionEffect[]; surveyResponseRate?: unknown } };

/**
 * The scenario with one more satisfaction effect in `experience.effects`. A scenario without an `experience`
 * section (no satisfaction model) is returned unchanged: there is nothing the effect could act on.
 */
export function withSatisfactionEffect(scenario: Scenario, effect: SatisfactionEffect): Scenario {
  const experience = (scenario as WithExperience).experience;
  if (!experience || effect.relativeChange === 0) return scenario;
  return { ...scenario, experience: { ...experience, effects: [...(experience.effects ?? []), effect] } } as Scenario;
}

/** The survey response rate (`experience.surveyResponseRate`) times (1 + change), at most 1; unchanged without one. */
export function withSurveyResponseChange(scenario: Scenario, change: number): Scenario {
  const experience = (scenario as WithExperience).experience;
  const rate = experience?.surveyResponseRate;
  if (!experience || typeof rate !== "number" || change === 0) return scenario;
  return { ...scenario, experience: { ...experience, surveyResponseRate: Math.min(1, Math.max(0, rate * (1 + change))) } } as Scenario;
}

/** A duration distribution with its time scaled by `factor`: means, observed values, a survival curve's knots and
 * tail mean multiply, shape parameters (cv, k, survival probabilities) stay, so the same uniform gives a duration
 * `factor` times as long. */
export function scaleDuration<T extends { dist: string }>(spec: T, factor: number): T {
  const scaled: Record<string, unknown> = { ...spec };
  for (const [key, value] of Object.entries(spec)) {
    if ((key.startsWith("mean") || key.startsWith("tailMean")) && typeof value === "number") scaled[key] = value * factor;
    else if ((key.startsWith("values") || key.startsWith("times")) && Array.isArray(value)) scaled[key] = value.map((entry: number) => entry * factor);
  }
  return scaled as T;
}
