/**
 * The compiled plan: everything the engine needs, in seconds, with no trace of the scenario file's shape.
 * `compile(scenario)` builds it once per scenario; `simulateReplication(plan, k)` runs it.
 * Plain data plus sampler functions; never mutated by the engine.
 */

/** Inverse CDF of a duration distribution: a uniform on [0, 1) in, a duration in seconds out.
 * Built by `inverseCdf(spec)` in random/distributions.ts. Using the inverse CDF keeps common random
 * numbers meaningful: a 10% shorter mean turns the same uniform into a 10% shorter duration. */
export type DurationSampler = (uniform: number) => number;

/** A queue's channel (see the scenario's `queues[].channel`). */
export type PlanChannel = "phone" | "chat" | "email" | "selfService";

/**
 * The customer-experience model, compiled (see experience/compileExperience.ts for how each number is made).
 * A contact's satisfaction is σ(L): L = `answeredLogOdds[q × 4 + (unresolved ? 1 : 0) + (repeat ? 2 : 0)]` plus the
 * wait term; an abandoned contact's satisfaction is `abandonedSatisfactionByWait` at its wait. Tables, so the engine
 * does lookups and interpolations, no `exp`, per contact.
 */
export interface PlanExperience {
  /** Probability that a contact answers the survey. */
  surveyResponseRate: number;
  /** Whether abandoned contacts are surveyed (and count as dissatisfied in CSAT). */
  surveyAbandoned: boolean;
  /** Log-odds of satisfaction of an answered contact with no wait, per queue and outcome (4 per queue). */
  answeredLogOdds: Float64Array;
  /** Log-odds shift of the wait, sampled every `waitStepSec` seconds of counted wait from 0 (linear in between;
   * the last entry beyond the table). */
  waitLogOdds: Float64Array;
  waitStepSec: number;
  /** Per queue: the wait that does not count (email: the response target), seconds, and the factor on the rest
   * (email: hours late counted as minutes); phone and chat: 0 and 1. */
  waitGraceSecByQueue: Float64Array;
  waitScaleByQueue: Float64Array;
  /** Queues with a resolution time: a contact whose problem takes T seconds in the simulation (from its first
   * contact to the end of this conversation, plus the queue's resolution time from this contact's "resolution"
   * uniform, at least a second) adds the shift at x = ln(T / `resolutionReferenceSec`) in
   * `resolutionShiftByLogRatio` (entry i at x = `resolutionLogRatioMin` + i / `resolutionStepsPerUnit`, linear in
   * between, the ends beyond); queues without one add nothing (their repeats' share is in `answeredLogOdds`). */
  resolutionReferenceSec: number;
  resolutionShiftByLogRatio: Float64Array;
  resolutionLogRatioMin: number;
  resolutionStepsPerUnit: number;
  /** Complaint propensity h₀ of a dissatisfied answered contact whose problem takes the reference time, and the
   * elasticity e of its odds in that time: logit h = logit h₀ + e × x (queues with a resolution time; else h₀). */
  complaintPropensity: number;
  complaintElasticity: number;
  /** Complaint propensity of an abandoned contact (its complaint probability is (1 − its satisfaction) × this). */
  abandonedComplaintPropensity: number;
  /** Satisfaction of an abandoned contact by its counted wait (as answered contacts count it: the queue's grace and
   * scale), sampled every `waitStepSec` from 0, linear in between, the last entry beyond: two rows of
   * `abandonedWaitSteps` entries, a first contact or retry ([0, steps)) and a repeat contact ([steps, 2 × steps)). */
  abandonedSatisfactionByWait: Float64Array;
  abandonedWaitSteps: number;
  /** NPS classes and churn of satisfied and dissatisfied customers (linear in satisfaction). */
  loyalty: {
    satisfied: { promoters: number; detractors: number; churn: number };
    dissatisfied: { promoters: number; detractors: number; churn: number };
  };
}

export interface PlanQueue {
  name: string;
  /** Expected arrivals per second in each interval of the simulated span (length = plan.intervalCount). */
  arrivalRatePerSec: Float64Array;
  /** Rate of the candidate stream that thinning draws from (arrivals per second, ≥ every entry of
   * `arrivalRatePerSec`). Comparisons may raise it to a common value so that every scenario thins the
   * same candidates (see design.md, common random numbers). */
  candidateRatePerSec: number;
  /** Coefficient of variation of a day-level gamma multiplier on the volume (0 = plain Poisson). */
  dailyVolumeCv: number;
  handle: DurationSampler;
  /** Mean handle time in seconds (for reporting and Erlang comparisons). */
  handleMeanSec: number;
  /** Optional per-interval factor on the handle draw, by the interval a contact arrives in (interval files give
   * each row its own AHT; the samplers are scale families, so a unit-mean sampler times the row's mean is exact). */
  handleScaleByInterval?: Float64Array;
  /** null = infinite patience (nobody abandons). */
  patience: DurationSampler | null;
  /** Optional per-interval factor on the patience draw (Infinity = that interval's callers never abandon). */
  patienceScaleByInterval?: Float64Array;
  /** Answer-time target for service level, seconds. */
  targetAnswerSec: number;
  /** Share of contacts to answer within `targetAnswerSec` (0.8 for 80/20): the bar an interval must clear to
   * count as "target met" in comparisons (`kpiVectorLayout`). Omitted: 0.8. */
  targetServiceLevel?: number;
  /** First-contact resolution probability; an unresolved contact comes back as a repeat contact. */
  fcr: number;
  repeatDelay: DurationSampler;
  /** Probability that a caller who abandoned tries again, and after how long. */
  retryProbability: number;
  retryDelay: DurationSampler;
  /** Time from the end of the resolving conversation to the problem's resolution, from the contact's "resolution"
   * uniform; omitted or null: resolved when the conversation ends. */
  resolutionTime?: DurationSampler | null;
  /** Mean of `resolutionTime`, seconds (the satisfaction model reads it); needed when `resolutionTime` is set. */
  resolutionTimeMeanSec?: number;
  /** Omitted: phone. Email and selfService returns are not held while the line is closed; selfService needs no agent. */
  channel?: PlanChannel;
  /** Chat only: sessions an agent holds at once (default 1) and the relative growth of a session's handle time per
   * other session its agent holds (default 0). */
  chatMaxSessions?: number;
  chatHandleGrowthPerSession?: number;
  /** Omitted: one class, FCFS. Otherwise a priority class with a head start: its contacts wait in a second FIFO line
   * and are served as if they had arrived `headStartSec` earlier (an agent compares the two heads by that virtual
   * arrival time; headStartSec 0 is FCFS, a very large one non-preemptive priority). A first contact arriving in
   * interval i is of the class with probability `shareByInterval[i]` (its "priority" uniform below it); a retry or
   * repeat keeps its first contact's class. */
  priority?: PlanPriority;
}

/** A queue's priority class (see `PlanQueue.priority`). */
export interface PlanPriority {
  /** Name of the class, for output ("priority"). */
  name: string;
  /** Seconds earlier than its arrival that a contact of the class counts as having arrived, ≥ 0. */
  headStartSec: number;
  /** Probability that a first contact arriving in each interval is of the class (length = plan.intervalCount). */
  shareByInterval: Float64Array;
  /** The class's own patience (null: it never abandons); omitted: the queue's. The queue's `patience` is then that of
   * the rest. Scaled by the queue's `patienceScaleByInterval` like the rest. */
  patience?: DurationSampler | null;
}

export interface PlanGroup {
  name: string;
  /** Queue indices this group serves, highest priority first. */
  serves: Int32Array;
  /** Probability that a scheduled agent is unavailable for a whole interval (beyond explicit breaks). */
  shrinkage: number;
  /** Scheduled agents (on shift and not on a break) as a step function of time: at `staffingTimesSec[i]`
   * the scheduled count becomes `staffingCounts[i]`. Sorted by time; the first entry is at time 0.
   * Breaks and shift ends appear here; an agent whose break or shift end falls mid-contact finishes it first. */
  staffingTimesSec: Float64Array;
  staffingCounts: Int32Array;
  /** Factor on the handle time of every contact this group's agents answer: 1/productivity, e.g. 2 for agents
   * working at half speed while they ramp up after their class. Omitted: 1. A scenario group whose shifts hold
   * agents of several speeds compiles to one plan group per speed (see `compileScenario`). */
  handleMultiplier?: number;
}

export interface Plan {
  name: string;
  seed: number;
  /** Length of a reporting interval, seconds (900, 1800 or 3600). */
  intervalSec: number;
  intervalsPerDay: number;
  /** Intervals in the simulated span (days × intervalsPerDay, or the rows of an interval file). */
  intervalCount: number;
  /** Start of each interval as a label for output: "HH:MM" or an ISO date-time. */
  intervalLabels: string[];
  /** Day labels ("mon", "2026-11-23", …), one per simulated day. */
  dayLabels: string[];
  /** Contacts arriving before this time are simulated but not counted (warm-up), seconds. */
  warmupSec: number;
  queues: PlanQueue[];
  groups: PlanGroup[];
  /** The customer-experience model; omitted: its defaults for these queues (`compileExperience`). */
  experience?: PlanExperience;
  /** Loaded wage of an agent's scheduled hour, for `costPerContact`; omitted: cost per contact is not reported. */
  wagePerHour?: number;
}
