import type { Intervention, SingleIntervention } from "../schema/intervention.js";

/** How far along an intervention is during one phase of its timeline. */
export interface InterventionStage {
  /** Share of the intervention's effects in force, 0…1 (the learning or adoption curve); 1 in the steady state. */
  effect: number;
  /** Whether the trainees are in class, off the floor (training only). */
  inClass: boolean;
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
export function interventionTimeline(intervention: Intervention): InterventionPhase[] {
  if (intervention.kind !== "combined") return singleTimeline(intervention);
  const timelines = intervention.interventions.map(singleTimeline);
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

function singleTimeline(intervention: SingleIntervention): InterventionPhase[] {
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
      if (intervention.hoursOffFloor > 0) push("in class", intervention.classWeeks, { effect: 0, inClass: true });
      ramp("learning curve", intervention.learningCurveWeeks);
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
