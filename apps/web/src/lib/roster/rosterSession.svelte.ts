import { ROSTER_DEFAULTS, type RosterDocument } from "@ccplan/core";
import { TaskRun } from "../run/taskRun.svelte";

/** The roster optimiser's settings, its run and what it said last: kept for the page's life, so switching tabs
 * (which unmounts the view) loses neither a run in progress nor its result. */
class RosterSession {
  confidence = $state<number>(ROSTER_DEFAULTS.confidence);
  replications = $state(50);
  iterations = $state(8);
  timeLimitSec = $state<number>(ROSTER_DEFAULTS.timeLimitSec);
  withTable = $state(true);
  /** What the optimiser is doing (its last progress message). */
  message = $state("");
  /** What "Add as an intervention" did, for the status line. */
  added = $state("");
  readonly run = new TaskRun<RosterDocument>();
}

export const rosterSession = new RosterSession();
