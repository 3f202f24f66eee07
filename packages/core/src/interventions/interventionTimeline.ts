import type { Intervention, SingleIntervention } from "../schema/intervention.js";
import type { Scenario } from "../schema/scenario.js";
import { groupHeadcount } from "./scenarioEdits.js";

/** How far along an intervention is during one phase of its timeline. */
export interface InterventionStage {
  /** Share of the intervention's effects in force, 0…1 (the learning or adoption curve); 1 in the steady state.
   * For agents added with a ramp: how far along their ramp they are (0 at arrival, 1 fully productive). */
  effect: number;
  /** Whether trainees are in class, off the floor (training only). */
  inClass: boolean;
  /** Training in cohorts: the share of the trainees in class (omitted: all of them while `inClass`). */
  classShare?: number;
  /** Agents added with a lead time: false while they are not on the floor yet (omitted: they are). */
  present?: boolean;
  /** For `combined`: the stage of each listed intervention, in order. */
  parts?: InterventionStage[];
}

/** The stage of an intervention once every effect is in force: what `applyIntervention` uses by default. */
export const STEADY_STATE: InterventionStage = Object.freeze({ effect: 1, inClass: false });

/** One phase of an intervention's timeline: from `startWeek` for `weeks` weeks (Infinity: to the horizon's end). */
export interface InterventionPhase {
  /** What happens, for labels: "in class", "learning curve 25%", "steady state", … */
  label: string;
  startWeek: number;
  weeks: number;
  stage: InterventionStage;
}

/** Most pieces a learning or adoption curve is cut into: each piece is one more simulated phase. */
export const MAX_RAMP_PIECES = 3;

/**
 * The phases an intervention goes through, in order from week 0, the last one (the steady state) lasting to the
 * end of the horizon. Staffing changes take effect at once (one phase). Training: `classWeeks` in class (effects
 * 0, the trainees' hours off the floor as extra shrinkage), then its learning curve, then the steady state. A
 * process change: `implementationWeeks` with no effect, then the steady state. Channel shifts and feedback
 * channels: their adoption ramp, then the steady state.
 *
 * A linear ramp of `w` weeks is cut into n = min(3, ⌈w / 2⌉) equal pieces, each simulated at the mean effect
 * over it, (i + ½)/n: exact for whatever responds linearly to the effect, and at most three more simulated phases.
 * `combined` cuts the weeks at every component's phase boundary; each of its phases carries every component's
 * stage (in `parts`). Phases with zero weeks are left out.
 */
export function interventionTimeline(intervention: Intervention, scenario?: Scenario): InterventionPhase[] {
  if (intervention.kind !== "combined") return singleTimeline(intervention, scenario);
  const timelines = intervention.interventions.map((part) => singleTimeline(part, scenario));
  const starts = [...new Set(timelines.flatMap((phases) => phases.map((phase) => phase.startWeek)))].sort((a, b) => a - b);
  return starts.map((startWeek, index) => {
    const end = starts[index + 1] ?? Infinity;
    const current = timelines.map((phases) => phaseAt(phases, startWeek));
    const moving = current.flatMap((phase, i) => (phase.label === STEADY_LABEL ? [] : [`${intervention.interventions[i]!.name}: ${phase.label}`]));
    return {
      label: moving.length === 0 ? STEADY_LABEL : moving.join("; "),
      startWeek,
      weeks: end - startWeek,
      stage: { effect: 1, inClass: false, parts: current.map((phase) => phase.stage) },
    };
  });
}

const STEADY_LABEL = "steady state";

// The phase in force at `week`: the last one starting at or before it (the first starts at week 0).
function phaseAt(phases: InterventionPhase[], week: number): InterventionPhase {
  let found = phases[0]!;
  for (const phase of phases) if (phase.startWeek <= week) found = phase;
  return found;
}

function singleTimeline(intervention: SingleIntervention, scenario: Scenario | undefined): InterventionPhase[] {
  const phases: InterventionPhase[] = [];
  let week = 0;
  const push = (label: string, weeks: number, stage: InterventionStage) => {
    if (!(weeks > 0)) return;
    phases.push({ label, startWeek: week, weeks, stage });
    week += weeks;
  };
  const ramp = (label: string, weeks: number) => {
    if (!(weeks > 0)) return;
    const pieces = Math.min(MAX_RAMP_PIECES, Math.ceil(weeks / 2));
    for (let i = 0; i < pieces; i++) {
      const effect = (i + 0.5) / pieces;
      push(`${label} ${Math.round(effect * 100)}%`, weeks / pieces, { effect, inClass: false });
    }
  };
  switch (intervention.kind) {
    case "training":
      if (intervention.cohorts) {
        // Cohorts overlap class and learning curve: the transition, cut into pieces at their mean stage.
        const span = transitionWeeks(intervention, scenario);
        const pieces = Math.min(MAX_COHORT_PIECES, Math.max(1, Math.ceil(span / 2)));
        for (let i = 0; i < pieces; i++) {
          const stage = averageStage(intervention, scenario, (span * i) / pieces, (span * (i + 1)) / pieces);
          push(`cohorts: ${Math.round((stage.classShare ?? 0) * 100)}% in class, effect ${Math.round(stage.effect * 100)}%`, span / pieces, stage);
        }
        // The pieces' lengths add up to the span only up to rounding (6 × 14/6 = 14.000000000000002): the steady state
        // starts at the span itself, the week the last cohort reaches full effect, which pages and tables print.
        week = span;
        break;
      }
      if (intervention.hoursOffFloor > 0) push("in class", intervention.classWeeks, { effect: 0, inClass: true });
      ramp("learning curve", intervention.learningCurveWeeks);
      break;
    case "addAgents":
      if ((intervention.leadWeeks ?? 0) > 0 && intervention.agents > 0) push("recruiting", intervention.leadWeeks!, { effect: 0, inClass: false, present: false });
      if (intervention.agents > 0) ramp("ramp-up", intervention.rampWeeks ?? 0);
      break;
    case "processChange":
      push("implementation", intervention.implementationWeeks, { effect: 0, inClass: false });
      break;
    case "channelShift":
    case "feedbackChannels":
      ramp("adoption", intervention.rampWeeks);
      break;
    default:
      break;
  }
  phases.push({ label: STEADY_LABEL, startWeek: week, weeks: Infinity, stage: STEADY_STATE });
  return phases;
}

/** Most pieces the transition of a training in cohorts is cut into. */
export const MAX_COHORT_PIECES = 6;

type Training = Extract<SingleIntervention, { kind: "training" }>;

/** The cohorts of a training: when each starts class (weeks from the start) and its share of the trainees. */
export function trainingCohorts(training: Training, scenario?: Scenario): { startWeek: number; share: number }[] {
  const cohorts = training.cohorts;
  if (!cohorts || (cohorts.agents === undefined && cohorts.share === undefined)) return [{ startWeek: 0, share: 1 }];
  let perWeek: number;
  if (cohorts.share !== undefined) perWeek = cohorts.share;
  else {
    // A number of agents a week: their share of the trained groups' headcount (all groups when none are named).
    const trained = scenario?.groups.filter((group) => !training.groups || training.groups.includes(group.name)) ?? [];
    const headcount = trained.reduce((sum, group) => sum + groupHeadcount(group), 0);
    perWeek = headcount > 0 ? Math.min(1, cohorts.agents! / headcount) : 1;
  }
  const count = Math.ceil(1 / perWeek - 1e-9);
  return Array.from({ length: count }, (_, i) => ({ startWeek: i, share: Math.min(perWeek, 1 - perWeek * i) }));
}

// Class weeks that take trainees off the floor: none when the training takes no hours.
const classWeeksOf = (training: Training) => (training.hoursOffFloor > 0 ? training.classWeeks : 0);

/** Weeks from the start until the last cohort reaches the full effect. */
function transitionWeeks(training: Training, scenario: Scenario | undefined): number {
  const cohorts = trainingCohorts(training, scenario);
  return cohorts[cohorts.length - 1]!.startWeek + classWeeksOf(training) + training.learningCurveWeeks;
}

/** ∫₀ᵗ of a ramp that is 0 before `start`, grows linearly to 1 over `length` weeks and stays 1 (a step when 0). */
function rampIntegral(start: number, length: number, t: number): number {
  if (t <= start) return 0;
  if (length <= 0 || t >= start + length) return t - start - (length > 0 ? length / 2 : 0);
  return (t - start) ** 2 / (2 * length);
}

/** Mean over [from, to) of the ramp of `rampIntegral`. */
function rampMean(start: number, length: number, from: number, to: number): number {
  return (rampIntegral(start, length, to) - rampIntegral(start, length, from)) / (to - from);
}

/** Share of [from, to) inside [start, end). */
function overlapShare(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from)) / (to - from);
}

/** A training's stage averaged over [from, to) weeks from its start: share of trainees in class, share of effect. */
function averageStage(training: Training, scenario: Scenario | undefined, from: number, to: number): InterventionStage {
  const classWeeks = classWeeksOf(training);
  let classShare = 0;
  let effect = 0;
  for (const cohort of trainingCohorts(training, scenario)) {
    classShare += cohort.share * overlapShare(cohort.startWeek, cohort.startWeek + classWeeks, from, to);
    effect += cohort.share * rampMean(cohort.startWeek + classWeeks, training.learningCurveWeeks, from, to);
  }
  return classShare > 0 ? { effect, inClass: true, classShare } : { effect, inClass: false };
}

/**
 * The stage of an intervention in week `week` (from `week` to `week + 1`, counted from its start at week 0), each
 * share averaged over the week: the projection's week-by-week view of what `interventionTimeline` cuts into phases.
 * Training: the share of trainees in class and of the effect (cohort by cohort); a process change: its effect from
 * `implementationWeeks`; channel shifts and feedback channels: their adoption ramp; agents added: absent for
 * `leadWeeks` (from the first week boundary at or after it they are on the floor), then their ramp. Before week 0
 * nothing is in force. `scenario` sizes cohorts given as a number of agents.
 */
export function interventionStageAtWeek(intervention: Intervention, week: number, scenario?: Scenario): InterventionStage {
  if (intervention.kind === "combined") {
    return { effect: 1, inClass: false, parts: intervention.interventions.map((part) => interventionStageAtWeek(part, week, scenario)) };
  }
  const from = week;
  const to = week + 1;
  if (to <= 0) return intervention.kind === "addAgents" ? { effect: 0, inClass: false, present: false } : { effect: 0, inClass: false };
  switch (intervention.kind) {
    case "training":
      return averageStage(intervention, scenario, from, to);
    case "processChange":
      return { effect: overlapShare(intervention.implementationWeeks, Infinity, from, to), inClass: false };
    case "channelShift":
    case "feedbackChannels":
      return { effect: rampMean(0, intervention.rampWeeks, from, to), inClass: false };
    case "addAgents": {
      if (intervention.agents <= 0) return STEADY_STATE;
      const lead = intervention.leadWeeks ?? 0;
      if (from < lead - 1e-9) return { effect: 0, inClass: false, present: false };
      const arrival = Math.ceil(lead - 1e-9);
      return { effect: rampMean(arrival, intervention.rampWeeks ?? 0, from, to), inClass: false };
    }
    default:
      return STEADY_STATE;
  }
}
