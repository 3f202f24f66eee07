import type { Intervention, InterventionKind } from "../schema/intervention.js";
import { isGradedValue, isUncertainSpec, type UncertainNumber } from "../schema/uncertain.js";

/**
 * What an intervention can change in the model once it is at full effect:
 * - `staffing`: agents on the floor (shifts, rosters, hires);
 * - `handleTime`: how long a contact takes;
 * - `firstContactResolution`: the share of problems resolved at the first contact, and so the repeat contacts;
 * - `patience`: how long callers wait before hanging up;
 * - `contactRouting`: which queue contacts go to (a channel shift);
 * - `satisfaction`: how satisfied an answered contact is, beyond its wait and resolution;
 * - `resolutionTime`: the time to resolve a problem beyond the conversation;
 * - `surveyResponse`: how many customers answer the survey.
 */
export const LEVERS = [
  "staffing",
  "handleTime",
  "firstContactResolution",
  "patience",
  "contactRouting",
  "satisfaction",
  "resolutionTime",
  "surveyResponse",
] as const;
export type Lever = (typeof LEVERS)[number];

/**
 * The levers the simulated queue depends on. The others are read off each contact after it is answered or abandons
 * (its satisfaction, its problem's resolution time, whether it answers the survey) and never change when anyone is
 * answered: an intervention that moves only them runs the same queue as the baseline, replication by replication
 * (des/simulate.ts: "changes only experience settings draws the same numbers and leaves every service counter as it
 * was"), so its service level, waits and abandonment are the baseline's exactly.
 */
export const QUEUE_LEVERS: ReadonlySet<Lever> = new Set<Lever>(["staffing", "handleTime", "firstContactResolution", "patience", "contactRouting"]);

/** One lever an intervention's kind can move: whether it reaches the queue, and whether this one moves it as entered. */
export interface InterventionLever {
  lever: Lever;
  reachesQueue: boolean;
  /** False when every value the field may take (a number, or every point of its range) leaves the lever as it was. */
  moves: boolean;
}

type Of<K extends InterventionKind> = Extract<Intervention, { kind: K }>;
type LeverReader<K extends InterventionKind> = (intervention: Of<K>) => [Lever, boolean][];

// Per kind, the levers it can move at full effect and whether this one does. Class time off the floor (a training)
// and a hire's lead and ramp are not levers at full effect: they are the weeks before it.
const READERS: { [K in InterventionKind]: LeverReader<K> } = {
  addAgents: (intervention) => [["staffing", intervention.agents !== 0]],
  removeAgents: () => [["staffing", true]],
  moveShift: (intervention) => [["staffing", intervention.minutes !== 0]],
  lengthenShift: (intervention) => [["staffing", intervention.hours !== 0]],
  addShift: () => [["staffing", true]],
  roster: () => [["staffing", true]],
  scaleAht: (intervention) => [["handleTime", mayDiffer(intervention.factor, 1)]],
  scalePatience: (intervention) => [["patience", mayDiffer(intervention.factor, 1)]],
  training: (intervention) => [
    ["handleTime", mayDiffer(intervention.ahtChange, 0)],
    ["firstContactResolution", mayDiffer(intervention.fcrChange, 0)],
    ["satisfaction", mayDiffer(intervention.satisfactionChange, 0)],
  ],
  processChange: (intervention) => [
    ["handleTime", mayDiffer(intervention.ahtChange, 0)],
    ["firstContactResolution", mayDiffer(intervention.fcrChange, 0)],
    ["resolutionTime", mayDiffer(intervention.resolutionTimeChange, 0)],
  ],
  channelShift: () => [["contactRouting", true]],
  feedbackChannels: (intervention) => [
    ["satisfaction", mayDiffer(intervention.satisfactionChange, 0)],
    ["surveyResponse", mayDiffer(intervention.surveyResponseChange, 0)],
  ],
  combined: (intervention) => {
    const moves = new Map<Lever, boolean>();
    for (const part of intervention.interventions) {
      for (const { lever, moves: moved } of interventionLevers(part as Intervention)) moves.set(lever, (moves.get(lever) ?? false) || moved);
    }
    return [...moves];
  },
};

/**
 * The levers `intervention` can move at full effect (see `LEVERS`), in `LEVERS` order, each with whether it reaches
 * the queue and whether this intervention moves it as entered: a training entered with satisfaction +12% and no
 * handle-time or FCR change moves satisfaction only, which no queue figure depends on. A reading of the parsed
 * intervention (its uncertain fields as ranges), not a simulation.
 */
export function interventionLevers(intervention: Intervention): InterventionLever[] {
  const reader = READERS[intervention.kind] as LeverReader<InterventionKind>;
  const moves = new Map(reader(intervention));
  return LEVERS.filter((lever) => moves.has(lever)).map((lever) => ({ lever, reachesQueue: QUEUE_LEVERS.has(lever), moves: moves.get(lever)! }));
}

/** True unless every value `value` may take is `neutral` (a plain or graded number equal to it, or a range that is
 * that one point). */
function mayDiffer(value: UncertainNumber, neutral: number): boolean {
  if (typeof value === "number") return value !== neutral;
  if (isGradedValue(value)) return value.value !== neutral;
  if (!isUncertainSpec(value)) return true;
  switch (value.uncertain) {
    case "uniform":
      return value.low !== neutral || value.high !== neutral;
    case "triangular":
      return value.low !== neutral || value.mode !== neutral || value.high !== neutral;
    case "beta":
      return value.mean !== neutral || value.sd !== 0;
    case "lognormal":
      return value.median !== neutral || value.p90 !== neutral;
  }
}
