/**
 * Sizes beyond which a scenario is refused rather than attempted: the engine keeps every contact of a
 * replication in typed arrays, and a planner who asks for more has almost always made a typo.
 */
export const SCENARIO_LIMITS = {
  /** Expected contacts in one replication (forecast × allowance for repeats and retries). */
  maxContactsPerReplication: 5_000_000,
  /** Scheduled agents of one group at any moment. */
  maxAgentsPerGroup: 20_000,
  /** Simulated days. */
  maxSpanDays: 92,
  /** Entries of the lists a scenario holds (queues, groups, shifts per group, interventions). */
  maxQueues: 50,
  maxGroups: 50,
  maxShiftsPerGroup: 2000,
  maxBreaksPerShift: 12,
  maxInterventions: 100,
  /** Longest mean (or tabulated value) of a handle time, seconds: a week. A longer one is a unit slip
   * (hours typed as seconds), and its square would no longer be a finite variance. */
  maxHandleSec: 7 * 86_400,
  /** Longest mean (or tabulated value) of every other duration (patience, retry and repeat delays, resolution
   * time), seconds: a year, beyond any span the engine simulates. */
  maxDurationSec: 365 * 86_400,
  /** Shift templates of one group, and the choices (start × day × break time) the optimiser weighs for a group. */
  maxTemplatesPerGroup: 20,
  maxRosterChoices: 60_000,
} as const;
