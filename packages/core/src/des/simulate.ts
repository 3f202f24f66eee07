import { compileExperience } from "../experience/compileExperience.js";
import { logisticTabulated, logTabulated } from "../experience/tabulated.js";
import { dayVolumeMultiplier } from "../random/gammaMultiplier.js";
import { DEFAULT_EXPERIENCE } from "../schema/experience.js";
import { stream, type StreamPurpose } from "../random/streams.js";
import { AgentGroup } from "./agentGroup.js";
import { ArrivalSource } from "./arrivals.js";
import { AttributeDraws, RETURN_LANE_OFFSET, unusedPurposes } from "./attributeDraws.js";
import {
  CONTACT_INT_FIELDS,
  CONTACT_REAL_FIELDS,
  ContactInt,
  ContactKind,
  ContactPool,
  ContactReal,
  ContactState,
} from "./contactPool.js";
import { fillAbsences } from "./shrinkage.js";
import { buildControlTimeline, ControlKind, initialScheduled, type ControlTimeline } from "./controlTimeline.js";
import { EventHeap } from "./eventHeap.js";
import { closedSpans, heldReturnSec, type ClosedSpans } from "./openHours.js";
import type { DurationSampler, Plan, PlanExperience } from "./plan.js";
import { validatePlan } from "./validatePlan.js";
import {
  GROUP_COUNTER_COUNT,
  GroupCounter,
  QUEUE_COUNTER_COUNT,
  QueueCounter,
  type ReplicationResult,
} from "./result.js";
import { WaitingLine } from "./waitingLine.js";
import { WAIT_BIN_COUNT, waitBin } from "./waitHistogram.js";

/** Options of one replication run; none changes the result (only whether it is allowed to finish). */
export interface SimulationOptions {
  /** Called with the fraction of the simulated span done (0…1), at most once every 65,536 events, so a
   * worker can report progress from inside a long replication. Costs one decrement per event otherwise. */
  onProgress?: (fractionOfSpanDone: number) => void;
  /** Refuse a replication that offers more contacts than this (first contacts, retries and repeats), with
   * a RangeError, instead of running on: a plan whose contacts return at once and forever (FCR 0 with zero
   * repeat delay) would otherwise never finish. Default 50 million. */
  maxArrivals?: number;
  /** An earlier result of this simulator that the caller has done with: its arrays are zeroed and filled again
   * (and belong to the new result), instead of fresh ones — for a caller that reduces each result at once (to its
   * KPI vector) and keeps nothing of it. Saves allocating and collecting a wait histogram per interval per
   * replication; the simulator itself still keeps no replication's arrays between runs. The numbers are the same.
   * Ignored when its arrays are not of this plan's shape. */
  recycle?: ReplicationResult;
}

/** A simulator bound to one plan: reuses its internal buffers across replications. */
export interface Simulator {
  /** Replication `replication` of the plan (see `simulateReplication`); the result arrays are fresh. */
  run(replication: number, options?: SimulationOptions): ReplicationResult;
  /**
   * Runs the following replications with another experience model for the same queues (a replication's draw of
   * uncertain satisfaction, complaint and loyalty inputs: core's uncertainty/): only its tables are rebuilt, in well
   * under a millisecond, where a new simulator would compile the whole plan again. Every random number stays.
   */
  setExperience(experience: PlanExperience): void;
}

// Event payloads in the heap: contact id × 4 + kind.
const DEPARTURE = 0;
const ABANDONMENT = 1;
const RETURN = 2;
const PROGRESS_EVERY = 1 << 16;
const DEFAULT_MAX_ARRIVALS = 50_000_000;
// Field offsets read by the per-answer counting, as module constants: the same numbers, in less bytecode than
// property loads, so that the whole of it fits V8's inlining budget of `startService`.
const INT_COUNTER_BASE = ContactInt.counterBase;
const INT_KIND = ContactInt.kind;
const INT_INTERVAL = ContactInt.interval;
const EMPTY = new Float64Array(0);
const KIND_REPEAT = ContactKind.repeat;
const QC_ANSWERED = QueueCounter.answered;
const QC_ANSWERED_WITHIN_TARGET = QueueCounter.answeredWithinTarget;
const QC_HANDLE_SUM_SEC = QueueCounter.handleSumSec;
const QC_JOURNEY_SATISFIED_EXPECTED = QueueCounter.journeySatisfiedExpected;
const QC_RESOLUTION_TIME_SUM_SEC = QueueCounter.resolutionTimeSumSec;
const QC_RESOLVED = QueueCounter.resolved;
const QC_SATISFIED_EXPECTED = QueueCounter.satisfiedExpected;
const QC_SURVEYED = QueueCounter.surveyed;
const QC_SURVEYED_SATISFIED = QueueCounter.surveyedSatisfied;
const QC_WAIT_ANSWERED_SUM_SEC = QueueCounter.waitAnsweredSumSec;
const REAL_PROBLEM_START_SEC = ContactReal.problemStartSec;
const REAL_SATISFACTION = ContactReal.satisfaction;
const REAL_U_SATISFACTION = ContactReal.uSatisfaction;
const REAL_U_SURVEY = ContactReal.uSurvey;
const REAL_PRIORITY_CLASS = ContactReal.priorityClass;

/**
 * Replication `replication` of a plan: a pure function of (plan, replication). Same inputs, same result,
 * bit for bit, whatever ran before it.
 *
 * Semantics (each a deliberate choice; see also arrivals.ts, agentGroup.ts, attributeDraws.ts):
 * - Random streams: `stream(plan.seed, replication, purpose, queueIndex)` for "arrivals", "accept",
 *   "dispersion", "handle", "patience", "fcr", "repeatDelay", "retry", "retryDelay", "satisfaction", "survey",
 *   "resolution". Every candidate arrival draws one uniform from each attribute stream (handle, patience, fcr,
 *   retry, retryDelay, repeatDelay, satisfaction, survey, resolution) in arrival order, used or not, accepted by
 *   thinning or not. Retries and repeats are new
 *   contacts of the same queue whose attributes come from the same purposes on lane
 *   `RETURN_LANE_OFFSET + queueIndex`, drawn when they come back, so they never shift first-contact draws.
 * - Arrivals: non-homogeneous Poisson by thinning (arrivals.ts); the next external arrival of each queue is
 *   kept outside the event heap. With `dailyVolumeCv` > 0, each simulated day d of queue q scales its
 *   candidate rate by `dayVolumeMultiplier(u_d, cv)`, u_d the d-th uniform of the "dispersion" stream (drawn
 *   for every day at the start of the replication), so day volumes are negative binomial.
 * - Routing: an arriving contact goes to an idle agent of the first group (plan order) that serves its
 *   queue; else it waits in its queue's FCFS line. A freed agent takes the head of the first non-empty queue
 *   in its group's `serves` (priority order).
 * - Priority class (PlanQueue.priority): a first contact is of the class when its "priority" uniform (a tenth
 *   attribute stream, drawn per candidate only in such queues) is below the interval's share; a retry or repeat
 *   keeps the class. The class waits in its own FIFO line; an agent taking from the queue compares the two heads by
 *   virtual arrival time (arrival, minus the head start for the class; a tie goes to the class), so no heap is
 *   needed. The class may have its own patience (PlanPriority.patience). Counters `priority*` count the class apart.
 *   Queues without a class take none of this path.
 * - Channels (PlanQueue.channel): phone is the above. Chat: a group serving chat queues counts its agents in
 *   sessions (slots; `agentGroup.ts`): a session takes one slot, a call or an email a whole agent's; a session's
 *   handle time grows by `chatHandleGrowthPerSession` for each other session its agent holds, taken as the group's
 *   sessions per agent on the floor when it starts (least-loaded routing); free slots wait for a higher-priority
 *   contact that needs more of them (a call) rather than go to a lower-priority chat. Email: a queue like any
 *   other (compile gives it a target in hours, no patience unless the file sets one, and the lowest priority in
 *   its groups), so its backlog is worked when agents are free and carries over. Self-service: answered at once
 *   on arrival with no wait, no handle time and no agent (a service start and a departure are counted); it is
 *   resolved or repeats as others. Email and self-service returns are never held for opening hours.
 * - Staffing: counts per group (agentGroup.ts). The scheduled count steps at `staffingTimesSec`; new agents
 *   take waiting contacts at once; when the target drops, idle agents leave at once and busy ones when their
 *   contact ends.
 * - Speeds: an agent of a group with `handleMultiplier` m takes m times as long over each contact it answers
 *   (the contact's handle draw times m; m = 1/productivity for an agent still ramping up). Agents of several
 *   speeds are several groups serving the same queues; the router offers a contact to them in plan order, so
 *   with the slower parts listed last (as compile lists them), full-speed agents are offered work first.
 * - Abandonment: a waiting contact abandons at arrival + patience (patience scaled by the interval's
 *   `patienceScaleByInterval`, Infinity or a null sampler = never). Abandonment events are cancelled
 *   lazily. An abandoner retries with `retryProbability` after `retryDelay`.
 * - Resolution: an answered contact is resolved when its fcr uniform is below `fcr` (decided, and counted,
 *   when service starts); otherwise it returns as a repeat contact `repeatDelay` after its service ends.
 *   Retries and repeats that would come back at or after the end of the span are not generated.
 * - Opening hours: customers call back when the center is open. A retry or repeat whose return time falls where
 *   no group serving its queue has anyone scheduled (shifts and breaks, before shrinkage) is held until one next
 *   does, and the held ones come back over the first two hours after the opening in the order they were due
 *   (`heldReturnSec`; the closed spans are precomputed per queue); when the queue never opens again before the
 *   end of the span, it is not generated. First contacts come when the forecast says, open or not.
 * - Experience (plan.experience, or its defaults; see experience/compileExperience.ts): when a contact is answered,
 *   its wait, whether it is resolved (FCR is drawn at service start) and whether it is a repeat are known, and so
 *   is its resolution time (from its "resolution" uniform); the handle time does not enter. So its probability p of
 *   being satisfied is decided then, which is the same as deciding it when the contact ends and costs less:
 *   σ(answeredLogOdds + wait term), tabulated per outcome every 5 s of wait (a lookup and an interpolation). An
 *   abandoned contact's p is the experience's abandoned table at its counted wait (as satisfied as an unresolved
 *   contact answered after that wait, by default); in CSAT, when surveyed, it counts as dissatisfied. A contact
 *   answers the survey when its "survey" uniform is below the response rate, and says it is satisfied when its
 *   "satisfaction" uniform is below p (CSAT);
 *   the engine also sums p (a lower-variance estimate), the complaint probabilities (1 − p) × propensity, the
 *   resolution time of each resolved problem (from its first contact to the end of the resolving conversation
 *   plus the resolution time beyond it), and, per customer journey that ends (resolved, or not coming back within
 *   the span), the last contact's p, from which promoters, detractors and customers lost follow at the end of the
 *   run. An intervention that changes only experience settings draws the same numbers and leaves every service
 *   counter as it was.
 * - Cost: each interval's scheduled agent-seconds of each group are shared among the queues it serves by the
 *   handle time it started for them in that interval (`agentSec`); the wage per hour rides along in the result.
 * - Time: the span is [0, intervalCount × intervalSec). No external arrivals after it; contacts still in
 *   the system drain with the staffing in force at the end. A contact that is never answered nor abandons
 *   (no agent, infinite patience) is counted `unfinished`.
 * - Counting: a contact counts in the interval it arrived in (its answer, wait, abandonment and handle
 *   time too, even when they happen later); time integrals (queue length, agent-seconds) are split exactly
 *   at interval boundaries. Contacts arriving before `plan.warmupSec` are simulated but not counted, and
 *   time integrals start at `warmupSec`. `waitAnsweredSumSec` over `answered` is ASA; "answered within
 *   target" means a wait ≤ `targetAnswerSec`.
 * - `eventCount`: arrivals (first, retry, repeat), service starts, departures and abandonments each count
 *   one; a cancelled abandonment, a thinned-out candidate or a control event (interval or staffing) does not.
 * - Performance: nothing is allocated per event (a binary heap over typed arrays, contacts as
 *   structure-of-arrays rows with a free list, ring-buffer lines, agents as counts); one queue with one group
 *   is routed without looking at lists. Buffers are kept across replications by `createSimulator`.
 * Throws on an invalid plan (validatePlan) and a RangeError past `options.maxArrivals`.
 */
export function simulateReplication(plan: Plan, replication: number, options?: SimulationOptions): ReplicationResult {
  return createSimulator(plan).run(replication, options);
}

/** A simulator for one plan that reuses its heap, contact pool and lines across replications. */
export function createSimulator(plan: Plan): Simulator {
  validatePlan(plan);
  const engine = new Engine(plan);
  // The options are read here, and the engine takes their values: the callers' options objects come in several shapes
  // (with or without `recycle`, `onProgress`), and read inside `run` each new shape deoptimised it ("wrong map").
  // Named apart from the engine's `run`, so that V8's traces (--trace-opt, --trace-deopt) tell the two apart.
  const runReplication = (replication: number, options?: SimulationOptions) =>
    engine.run(replication, options?.recycle, options?.maxArrivals ?? DEFAULT_MAX_ARRIVALS, options?.onProgress);
  return { run: runReplication, setExperience: (experience) => engine.useExperience(experience) };
}

/** The default experience model for a plan that carries none (hand-built plans, interval files). */
function defaultExperience(plan: Plan): PlanExperience {
  return compileExperience({
    experience: DEFAULT_EXPERIENCE,
    queues: plan.queues.map((queue) => ({ ...queue, waitGraceSec: queue.targetAnswerSec })),
  });
}

/**
 * One gamma volume multiplier (mean 1, CV `dailyVolumeCv`) per simulated day of queue q, drawn in day order
 * from the queue's "dispersion" stream: the day's candidate rate, hence its expected volume, is scaled by it.
 */
function dayMultipliers(plan: Plan, replication: number, q: number): Float64Array {
  const random = stream(plan.seed, replication, "dispersion", q);
  const cv = plan.queues[q]!.dailyVolumeCv;
  const days = Math.ceil(plan.intervalCount / plan.intervalsPerDay);
  const multipliers = new Float64Array(days);
  for (let d = 0; d < days; d++) multipliers[d] = dayVolumeMultiplier(random(), cv);
  return multipliers;
}

/**
 * A replication's result as the engine returns it: a `ReplicationResult` made by a constructor rather than an object
 * literal. A literal's second execution makes its boilerplate, which widens the literal's field types (the arrays'
 * fields from "Float64Array" to any value), and `run` is first compiled after the first replication, against the
 * narrow ones: that compile was thrown away ("Bailed out due to dependency change") in a fresh worker thread.
 */
class EngineResult implements ReplicationResult {
  declare wagePerHour?: number;
  constructor(
    readonly replication: number,
    readonly intervalCount: number,
    readonly intervalSec: number,
    readonly queueCount: number,
    readonly groupCount: number,
    readonly queueCounters: Float64Array,
    readonly groupCounters: Float64Array,
    readonly waitHistogram: Float64Array,
    readonly queueWaitHistogram: Float64Array,
    readonly eventCount: number,
  ) {}
}

class Engine {
  private readonly plan: Plan;
  private readonly queueCount: number;
  private readonly groupCount: number;
  private readonly endSec: number;
  private readonly timeline: ControlTimeline;
  private readonly heap = new EventHeap(256);
  private readonly pool = new ContactPool(1024);
  private readonly lines: WaitingLine[];
  private readonly groups: AgentGroup[];
  /** Groups serving each queue, in plan order (where an arriving contact looks for an idle agent). */
  private readonly groupsServing: Int32Array[];
  private readonly serves: Int32Array[];
  private readonly handle: DurationSampler[];
  private readonly patience: (DurationSampler | null)[];
  private readonly handleScale: (Float64Array | null)[];
  private readonly patienceScale: (Float64Array | null)[];
  private readonly targetSec: Float64Array;
  private readonly fcr: Float64Array;
  private readonly retryProbability: Float64Array;
  /** One queue served by one group: the common case, routed without looking at lists. */
  private readonly single: boolean;
  /** Per queue with a priority class, the class's FIFO line (beside `lines[q]`, the rest), its head start and its
   * share by interval; null and 0 for queues without one. `anyPriority` is false when no queue has a class, so
   * that plans without one pay a single test. */
  private readonly priorityLines: (WaitingLine | null)[];
  private readonly headStartSec: Float64Array;
  private readonly priorityShare: (Float64Array | null)[];
  /** Per queue, the priority class's patience (its own, or the queue's when the class has none). */
  private readonly priorityPatience: (DurationSampler | null)[];
  private readonly anyPriority: boolean;
  /** Per queue: 1 when its channel is online (chat, email, self-service), and when it is self-service. */
  private readonly online: Uint8Array;
  private readonly selfService: Uint8Array;
  /** Slots a contact of queue q takes in group g, [q × groupCount + g]: 1 for chat, else the group's slots per agent. */
  private readonly slots: Int32Array;
  /** Per queue: chat handle-time growth per other session of the agent (0 for other channels). */
  private readonly chatGrowth: Float64Array;
  /** Per group: the factor on handle times of the contacts its agents answer (1/productivity; 1 for most). */
  private readonly handleMultiplier: Float64Array;
  /** Per group with shrinkage, absent slots among the first n this interval (see shrinkage.ts); else null. */
  private readonly absentBelow: (Int32Array | null)[];
  /** Per queue, when nobody serving it is scheduled (returns are held until it opens); null when never closed. */
  private readonly closed: (ClosedSpans | null)[];
  // The experience model, unpacked for the hot path (see PlanExperience); replaced by `useExperience`.
  private experience!: PlanExperience;
  /** Satisfaction by outcome and counted wait, [(q × 4 + outcome) × waitSteps + step]: σ(answeredLogOdds + the wait
   * table), so a contact costs a lookup and a linear interpolation, not an exp. */
  private satisfactionByWait!: Float64Array;
  private waitSteps!: number;
  private waitPerStep!: number;
  private waitGraceSec!: Float64Array;
  private waitScale!: Float64Array;
  private surveyRate!: number;
  private readonly resolutionTime: (DurationSampler | null)[];
  /** Per queue: 1 when every answered contact has the same complaint propensity (no resolution time), so that the
   * expected complaints follow from the counters at the end (linear in the satisfaction summed). */
  private readonly constantComplaints: Uint8Array;
  /** h₀ and, for queues with a resolution time, logit h₀ and the elasticity e (0 when the propensity is constant). */
  private complaintPropensity!: number;
  private complaintLogOdds!: number;
  private complaintElasticity!: number;
  /** The resolution-time shift by ln(T / reference) (see PlanExperience), unpacked. */
  private logReferenceSec!: number;
  private resolutionShift!: Float64Array;
  private resolutionMin!: number;
  private resolutionStepsPerUnit!: number;
  /** The last answered contact's problem time T (seconds) and ln(T / reference), set with its satisfaction in a queue
   * with a resolution time, read by `countResolutionTime`. */
  private lastProblemSec = 0;
  private lastLogRatio = 0;
  /** An abandoned contact's satisfaction by counted wait: two rows (first or retry, repeat) of `abandonedSteps`. */
  private abandonedSatisfaction!: Float64Array;
  /** The loyalty model's promoters, detractors and churn per satisfied journey, then per dissatisfied one: numbers in
   * one array, not read from the experience's objects, whose maps differ between experiences (a field holding 0 in
   * one and 0.05 in another), so that the variants of a comparison, simulated in one thread, do not deoptimise
   * `finishCounters` in turn ("wrong map"). */
  private readonly loyalty = new Float64Array(6);
  private abandonedSteps!: number;
  /** Handle seconds each group started for each queue in the current interval, [g × queueCount + q] (cost shares). */
  private readonly handleByGroupQueue: Float64Array;
  /** Per queue, the attribute purposes its contacts never read (not drawn; see `unusedPurposes`). */
  private readonly unused: StreamPurpose[][];

  // Per-run state.
  private queueCounters: Float64Array = new Float64Array(0);
  private groupCounters: Float64Array = new Float64Array(0);
  private waitHistogram: Float64Array = new Float64Array(0);
  private queueWaitHistogram: Float64Array = new Float64Array(0);
  /** Per queue, the arrival source, its first-contact attribute streams and its returning contacts' (null when none
   * return). Made once, with their arrays, and restarted by `run` for each replication (`ArrivalSource.start`), not made
   * anew: in a fresh worker thread, per-replication objects and arrays changed maps under code already optimised for
   * the first ones (an array `Array.prototype.map` returns is PACKED_ELEMENTS from the builtin but HOLEY_ELEMENTS when
   * an optimised caller inlined the map; each class's maps settle after its first few instances), and each change
   * threw away the compiled `run` ("wrong map"; about 50 ms to compile it again). */
  private readonly sources: ArrivalSource[] = [];
  private readonly firstDraws: AttributeDraws[] = [];
  private readonly returnDraws: (AttributeDraws | null)[] = [];
  private replication = 0;
  /** Scheduled agents per group now (before absences). */
  private readonly scheduled: Int32Array;
  private staffingChanged = false;
  private interval = 0;
  /** The time of the event being handled. The handlers read it (and an answer's wait and handle time) from fields
   * rather than take them as arguments: a number passed to a call the compiler does not inline is boxed, an
   * allocation per event, while a number field is updated in place. */
  private nowSec = 0;
  private answerWaitSec = 0;
  private answerHandleSec = 0;
  private eventCount = 0;
  private arrivalCount = 0;
  /** The event loop's state between calls of `eventsBefore`: the next control event's time (it stops before), the next
   * external arrival and its queue, the events left before the next progress report, and where reports go. */
  private untilSec = Infinity;
  private nextArrivalSec = Infinity;
  private arrivalQueue = 0;
  private progressCountdown = PROGRESS_EVERY;
  private onProgress: ((fractionOfSpanDone: number) => void) | undefined = undefined;
  private maxArrivals = DEFAULT_MAX_ARRIVALS;

  constructor(plan: Plan) {
    this.plan = plan;
    this.queueCount = plan.queues.length;
    this.groupCount = plan.groups.length;
    this.endSec = plan.intervalCount * plan.intervalSec;
    this.timeline = buildControlTimeline(plan);
    this.lines = plan.queues.map(() => new WaitingLine(64));
    this.priorityLines = plan.queues.map((queue) => (queue.priority ? new WaitingLine(64) : null));
    this.headStartSec = Float64Array.from(plan.queues, (queue) => queue.priority?.headStartSec ?? 0);
    this.priorityShare = plan.queues.map((queue) => queue.priority?.shareByInterval ?? null);
    this.priorityPatience = plan.queues.map((queue) => (queue.priority?.patience !== undefined ? queue.priority.patience : queue.patience));
    this.anyPriority = plan.queues.some((queue) => queue.priority !== undefined);
    // A group's slots per agent: the most sessions of the chat queues it serves (1 without chat).
    const slotsPerAgent = plan.groups.map((group) =>
      Array.from(group.serves).reduce((most, q) => {
        const queue = plan.queues[q]!;
        return queue.channel === "chat" ? Math.max(most, queue.chatMaxSessions ?? 1) : most;
      }, 1),
    );
    this.groups = slotsPerAgent.map((slots) => new AgentGroup(slots));
    this.serves = plan.groups.map((group) => Int32Array.from(group.serves));
    this.groupsServing = plan.queues.map((_, q) =>
      Int32Array.from(plan.groups.flatMap((group, g) => (group.serves.includes(q) ? [g] : []))),
    );
    this.handle = plan.queues.map((queue) => queue.handle);
    this.patience = plan.queues.map((queue) => queue.patience);
    this.handleScale = plan.queues.map((queue) => queue.handleScaleByInterval ?? null);
    this.patienceScale = plan.queues.map((queue) => queue.patienceScaleByInterval ?? null);
    this.targetSec = Float64Array.from(plan.queues, (queue) => queue.targetAnswerSec);
    this.fcr = Float64Array.from(plan.queues, (queue) => queue.fcr);
    this.retryProbability = Float64Array.from(plan.queues, (queue) => queue.retryProbability);
    this.scheduled = new Int32Array(this.groupCount);
    this.online = Uint8Array.from(plan.queues, (queue) => (queue.channel === "chat" || queue.channel === "email" || queue.channel === "selfService" ? 1 : 0));
    this.selfService = Uint8Array.from(plan.queues, (queue) => (queue.channel === "selfService" ? 1 : 0));
    this.slots = new Int32Array(this.queueCount * this.groupCount);
    plan.queues.forEach((queue, q) => {
      for (let g = 0; g < this.groupCount; g++) this.slots[q * this.groupCount + g] = queue.channel === "chat" ? 1 : slotsPerAgent[g]!;
    });
    this.chatGrowth = Float64Array.from(plan.queues, (queue) => (queue.channel === "chat" ? (queue.chatHandleGrowthPerSession ?? 0) : 0));
    this.handleMultiplier = Float64Array.from(plan.groups, (group) => group.handleMultiplier ?? 1);
    // The single path has no group lookups, so it also takes no handle multiplier: a group of slower agents, or a
    // ramping part compiled as a group of its own, goes the general way (the common case pays nothing for it).
    this.single =
      this.queueCount === 1 &&
      this.groupCount === 1 &&
      this.serves[0]!.length === 1 &&
      slotsPerAgent[0] === 1 &&
      plan.queues[0]!.channel !== "selfService" &&
      this.handleMultiplier[0] === 1 &&
      !this.anyPriority;
    this.absentBelow = plan.groups.map((group) =>
      group.shrinkage > 0 ? new Int32Array(group.staffingCounts.reduce((max, n) => Math.max(max, n), 0) + 1) : null,
    );
    // Email and self-service customers write or click at any hour: only phone and chat returns are held.
    this.closed = plan.queues.map((queue, q) => {
      if (queue.channel === "email" || queue.channel === "selfService") return null;
      const spans = closedSpans(plan, q);
      return spans.count > 0 ? spans : null;
    });
    this.useExperience(plan.experience ?? defaultExperience(plan));
    this.resolutionTime = plan.queues.map((queue) => queue.resolutionTime ?? null);
    this.constantComplaints = Uint8Array.from(plan.queues, (queue) => (queue.resolutionTime ? 0 : 1));
    this.handleByGroupQueue = new Float64Array(this.groupCount * this.queueCount);
    this.unused = plan.queues.map((queue) => unusedPurposes(queue));
    // Pushed into the arrays' literals, each array keeps one elements kind (PACKED_ELEMENTS) whoever runs this.
    const { intervalSec, intervalCount, intervalsPerDay, seed } = plan;
    plan.queues.forEach((queue, q) => {
      const attributes = new AttributeDraws(seed, 0, q, queue.priority !== undefined, this.unused[q]);
      this.sources.push(new ArrivalSource(queue, { seed, lane: q, intervalSec, intervalCount, intervalsPerDay, attributes }));
      this.firstDraws.push(attributes);
      this.returnDraws.push(
        queue.fcr < 1 || queue.retryProbability > 0 ? new AttributeDraws(seed, 0, RETURN_LANE_OFFSET + q, false, this.unused[q]) : null,
      );
    });
  }

  /** Unpacks an experience model for the hot path (the constructor's, or a replication's: `Simulator.setExperience`). */
  useExperience(experience: PlanExperience): void {
    if (experience === this.experience) return;
    if (experience.answeredLogOdds.length !== this.queueCount * 4 || experience.waitGraceSecByQueue.length !== this.queueCount) {
      throw new Error(`invalid experience model: made for ${experience.waitGraceSecByQueue.length} queues; expected ${this.queueCount}`);
    }
    this.experience = experience;
    const waitSteps = experience.waitLogOdds.length;
    this.waitSteps = waitSteps;
    this.waitPerStep = 1 / experience.waitStepSec;
    const table = new Float64Array(experience.answeredLogOdds.length * waitSteps);
    experience.answeredLogOdds.forEach((logOdds, outcome) => {
      for (let step = 0; step < waitSteps; step++) table[outcome * waitSteps + step] = 1 / (1 + Math.exp(-logOdds - experience.waitLogOdds[step]!));
    });
    this.satisfactionByWait = table;
    this.waitGraceSec = experience.waitGraceSecByQueue;
    this.waitScale = experience.waitScaleByQueue;
    this.surveyRate = experience.surveyResponseRate;
    const h0 = experience.complaintPropensity;
    const variableComplaints = h0 > 0 && h0 < 1 && experience.complaintElasticity > 0;
    this.complaintPropensity = h0;
    this.complaintLogOdds = variableComplaints ? Math.log(h0 / (1 - h0)) : 0;
    this.complaintElasticity = variableComplaints ? experience.complaintElasticity : 0;
    this.logReferenceSec = Math.log(experience.resolutionReferenceSec);
    this.resolutionShift = experience.resolutionShiftByLogRatio;
    this.resolutionMin = experience.resolutionLogRatioMin;
    this.resolutionStepsPerUnit = experience.resolutionStepsPerUnit;
    this.abandonedSatisfaction = experience.abandonedSatisfactionByWait;
    const { satisfied, dissatisfied } = experience.loyalty;
    this.loyalty.set([satisfied.promoters, satisfied.detractors, satisfied.churn, dissatisfied.promoters, dissatisfied.detractors, dissatisfied.churn]);
    this.abandonedSteps = experience.abandonedWaitSteps;
  }

  /** Replication `replication` (see `simulateReplication`), with `SimulationOptions`' values. */
  run(
    replication: number,
    recycle: ReplicationResult | undefined,
    maxArrivals: number,
    onProgress: ((fractionOfSpanDone: number) => void) | undefined,
  ): ReplicationResult {
    const { plan, queueCount, groupCount, heap, pool, lines, groups, timeline } = this;
    const { intervalCount, intervalSec } = plan;
    // Waits per interval (all queues) and, with several queues, per queue over the span: what the KPIs read, in a
    // fraction of the memory of a histogram per interval and queue (50 queues × 92 days of 15 minutes: 38 MB, not 1.9 GB).
    const queueCounterCount = intervalCount * queueCount * QUEUE_COUNTER_COUNT;
    const groupCounterCount = intervalCount * groupCount * GROUP_COUNTER_COUNT;
    const waitBinCount = intervalCount * WAIT_BIN_COUNT;
    const queueWaitBinCount = queueCount > 1 ? queueCount * WAIT_BIN_COUNT : 0;
    const old = recycle;
    if (
      old !== undefined &&
      old.queueCounters.length === queueCounterCount &&
      old.groupCounters.length === groupCounterCount &&
      old.waitHistogram.length === waitBinCount &&
      old.queueWaitHistogram.length === queueWaitBinCount
    ) {
      this.queueCounters = old.queueCounters.fill(0);
      this.groupCounters = old.groupCounters.fill(0);
      this.waitHistogram = old.waitHistogram.fill(0);
      this.queueWaitHistogram = old.queueWaitHistogram.fill(0);
    } else {
      this.queueCounters = new Float64Array(queueCounterCount);
      this.groupCounters = new Float64Array(groupCounterCount);
      this.waitHistogram = new Float64Array(waitBinCount);
      this.queueWaitHistogram = new Float64Array(queueWaitBinCount);
    }
    this.replication = replication;
    this.interval = 0;
    this.nowSec = 0;
    this.eventCount = 0;
    this.arrivalCount = 0;
    this.maxArrivals = maxArrivals;
    this.handleByGroupQueue.fill(0);
    heap.clear();
    pool.reset();
    for (const line of lines) line.reset();
    for (const line of this.priorityLines) line?.reset();
    for (const group of groups) group.reset();

    const { sources, firstDraws, returnDraws } = this;
    for (let q = 0; q < queueCount; q++) {
      const queue = plan.queues[q]!;
      sources[q]!.start(replication, queue.dailyVolumeCv > 0 ? dayMultipliers(plan, replication, q) : null);
      returnDraws[q]?.restart(replication);
    }

    plan.groups.forEach((planGroup, g) => {
      this.scheduled[g] = initialScheduled(planGroup.staffingTimesSec, planGroup.staffingCounts);
      if (intervalCount > 0) this.drawAbsences(g, 0);
    });
    this.applyStaffing(0);

    let arrivalQueue = 0;
    let nextArrivalSec = Infinity;
    for (let q = 0; q < queueCount; q++) {
      if (sources[q]!.nextSec < nextArrivalSec) {
        nextArrivalSec = sources[q]!.nextSec;
        arrivalQueue = q;
      }
    }
    this.arrivalQueue = arrivalQueue;
    this.nextArrivalSec = nextArrivalSec;
    this.progressCountdown = PROGRESS_EVERY;
    this.onProgress = onProgress;
    let control = 0;
    let nextControlSec = timeline.count > 0 ? timeline.timesSec[0]! : Infinity;

    // The events between control events go through `eventsBefore`, called once per control event (an interval start,
    // a staffing change) rather than looping here for the whole span. Why: a function's first call runs before V8 has
    // allocated its type-feedback vector, and a function that spends that call in one long loop is compiled as soon
    // as it is called again — with no feedback for its first lines, which the compiled code then hit and threw away
    // ("Insufficient type feedback"), and with a separate on-stack-replacement compile of the loop besides. Called
    // dozens of times a replication, `eventsBefore` is compiled once, with feedback for all of it, and `run` is not hot.
    for (;;) {
      this.untilSec = nextControlSec;
      if (this.eventsBefore()) break;
      if (nextControlSec === Infinity) break;
      const atSec = nextControlSec;
      this.nowSec = atSec;
      this.control(control, atSec);
      control++;
      nextControlSec = control < timeline.count ? timeline.timesSec[control]! : Infinity;
      if (this.staffingChanged && nextControlSec !== atSec) this.applyStaffing(atSec);
    }
    this.countUnfinished();
    this.finishCounters();
    if (onProgress) onProgress(1);
    this.onProgress = undefined;
    const result = new EngineResult(
      replication,
      intervalCount,
      intervalSec,
      queueCount,
      groupCount,
      this.queueCounters,
      this.groupCounters,
      this.waitHistogram,
      this.queueWaitHistogram,
      this.eventCount,
    );
    if (plan.wagePerHour !== undefined) result.wagePerHour = plan.wagePerHour;
    // The result owns its arrays: a simulator kept in a cache holds no replication's counters between runs.
    this.queueCounters = this.groupCounters = this.waitHistogram = this.queueWaitHistogram = EMPTY;
    return result;
  }

  /**
   * Handles the arrivals and heap events due before the next control event (`untilSec`; a control event goes first at
   * the same instant) and returns; true when nothing can happen any more (no event and no arrival to come).
   */
  private eventsBefore(): boolean {
    const { heap, pool, sources, firstDraws, queueCount } = this;
    const untilSec = this.untilSec;
    let nextArrivalSec = this.nextArrivalSec;
    let arrivalQueue = this.arrivalQueue;
    let progressCountdown = this.progressCountdown;
    let over = false;
    for (;;) {
      const heapSec = heap.topTime();
      if (untilSec <= heapSec && untilSec <= nextArrivalSec) break;
      if (heapSec <= nextArrivalSec) {
        if (heapSec === Infinity) {
          over = true;
          break;
        }
        const payload = heap.pop();
        const id = payload >> 2;
        const kind = payload & 3;
        this.nowSec = heapSec;
        if (kind === DEPARTURE) this.depart(id);
        else if (kind === ABANDONMENT) this.abandon(id);
        else this.comeBack(id);
      } else {
        const q = arrivalQueue;
        this.nowSec = nextArrivalSec;
        const id = pool.allocate();
        firstDraws[q]!.drawInto(pool.real, id);
        if (this.anyPriority) this.assignClass(id, q);
        this.arrive(id, q, ContactKind.first);
        sources[q]!.next();
        if (queueCount === 1) {
          nextArrivalSec = sources[0]!.nextSec;
        } else {
          nextArrivalSec = Infinity;
          for (let r = 0; r < queueCount; r++) {
            if (sources[r]!.nextSec < nextArrivalSec) {
              nextArrivalSec = sources[r]!.nextSec;
              arrivalQueue = r;
            }
          }
        }
      }
      if (--progressCountdown === 0) {
        progressCountdown = PROGRESS_EVERY;
        const onProgress = this.onProgress;
        if (onProgress) onProgress(this.endSec > 0 ? Math.min(1, this.nowSec / this.endSec) : 1);
      }
    }
    this.nextArrivalSec = nextArrivalSec;
    this.arrivalQueue = arrivalQueue;
    this.progressCountdown = progressCountdown;
    return over;
  }

  /** Decides whether first contact `id` of queue q is of the queue's priority class (0 in a queue without one). */
  private assignClass(id: number, q: number): void {
    const share = this.priorityShare[q] ?? null;
    const row = id * CONTACT_REAL_FIELDS;
    this.pool.real[row + REAL_PRIORITY_CLASS] = share !== null && this.pool.real[row + ContactReal.uPriority]! < share[this.interval]! ? 1 : 0;
  }

  /** A contact arrives (first contact, retry or repeat); its attribute uniforms are already in its row. */
  private arrive(id: number, q: number, kind: number): void {
    const nowSec = this.nowSec;
    if (++this.arrivalCount > this.maxArrivals) {
      throw new RangeError(
        `too many arrivals: more than ${this.maxArrivals} in one replication; expected a plan whose retries and repeats die out`,
      );
    }
    this.eventCount++;
    const pool = this.pool;
    const real = pool.real;
    const int = pool.int;
    const row = id * CONTACT_INT_FIELDS;
    const realRow = id * CONTACT_REAL_FIELDS;
    const interval = this.interval;
    const cell = nowSec >= this.plan.warmupSec ? interval * this.queueCount + q : -1;
    int[row + ContactInt.queue] = q;
    int[row + ContactInt.counterBase] = cell;
    int[row + ContactInt.interval] = interval;
    int[row + ContactInt.kind] = kind;
    real[realRow + ContactReal.arrivalSec] = nowSec;
    if (kind === ContactKind.first) real[realRow + ContactReal.problemStartSec] = nowSec;
    if (cell >= 0) {
      const counters = this.queueCounters;
      const base = cell * QUEUE_COUNTER_COUNT;
      counters[base + QueueCounter.offered]!++;
      if (kind === ContactKind.retry) counters[base + QueueCounter.retryOffered]!++;
      else if (kind === ContactKind.repeat) counters[base + QueueCounter.repeatOffered]!++;
      if (this.anyPriority && real[realRow + REAL_PRIORITY_CLASS] === 1) counters[base + QueueCounter.priorityOffered]!++;
    }
    if (this.single) {
      const group = this.groups[0]!;
      if (group.capacity > group.busy) {
        group.startService(nowSec);
        this.startService(id, 0);
        return;
      }
    } else {
      if (this.selfService[q]) {
        this.serveOnline(id, q);
        return;
      }
      const serving = this.groupsServing[q]!;
      for (let i = 0; i < serving.length; i++) {
        const g = serving[i]!;
        const group = this.groups[g]!;
        const slots = this.slots[q * this.groupCount + g]!;
        if (group.capacity - group.busy >= slots && (group.slotsPerAgent === 1 || !this.waitsBefore(g, q))) {
          group.startService(nowSec, slots);
          this.startService(id, g);
          return;
        }
      }
    }
    int[row + ContactInt.state] = ContactState.waiting;
    const priority = this.anyPriority && real[realRow + REAL_PRIORITY_CLASS] === 1;
    const line = priority ? this.priorityLines[q]! : this.lines[q]!;
    int[row + ContactInt.linePosition] = line.push(id, nowSec);
    if (cell >= 0) this.queueCounters[cell * QUEUE_COUNTER_COUNT + QueueCounter.delayed]!++;
    let deadline = Infinity;
    const patience = priority ? this.priorityPatience[q]! : this.patience[q];
    if (patience) {
      const scale = this.patienceScale[q];
      const factor = scale ? scale[interval]! : 1;
      if (factor !== Infinity) deadline = nowSec + patience(real[realRow + ContactReal.uPatience]!) * factor;
      if (deadline < Infinity) this.heap.push(deadline, id * 4 + ABANDONMENT);
    }
    real[realRow + ContactReal.deadlineSec] = deadline;
  }

  /** An agent of group g (already counted busy) answers contact `id`. */
  private startService(id: number, g: number): void {
    const nowSec = this.nowSec;
    this.eventCount++;
    const real = this.pool.real;
    const int = this.pool.int;
    const row = id * CONTACT_INT_FIELDS;
    const realRow = id * CONTACT_REAL_FIELDS;
    const q = int[row + ContactInt.queue]!;
    const scale = this.handleScale[q];
    let handleSec = this.handle[q]!(real[realRow + ContactReal.uHandle]!);
    if (scale) handleSec *= scale[int[row + ContactInt.interval]!]!;
    const resolved = real[realRow + ContactReal.uFcr]! < this.fcr[q]! ? 1 : 0;
    int[row + ContactInt.state] = ContactState.inService;
    int[row + ContactInt.group] = g;
    int[row + ContactInt.resolved] = resolved;
    if (!this.single) {
      if (this.anyPriority && real[realRow + REAL_PRIORITY_CLASS] === 1) this.countPriorityAnswer(int[row + INT_COUNTER_BASE]!, q, nowSec - real[realRow + ContactReal.arrivalSec]!);
      handleSec *= this.handleMultiplier[g]!;
      this.handleByGroupQueue[g * this.queueCount + q]! += handleSec;
      const growth = this.chatGrowth[q]!;
      if (growth > 0) {
        // The session's agent already holds the group's average load in other sessions (least-loaded routing).
        const group = this.groups[g]!;
        const others = Math.min(group.slotsPerAgent - 1, Math.floor((group.busy - 1) / group.present));
        handleSec *= 1 + growth * others;
      }
    }
    this.answerWaitSec = nowSec - real[realRow + ContactReal.arrivalSec]!;
    this.answerHandleSec = handleSec;
    this.countAnswer(id, q, resolved);
    this.heap.push(nowSec + handleSec, id * 4 + DEPARTURE);
  }

  /** The priority-class counters of an answered contact of the class (counter cell `cell`, −1 in the warm-up). */
  private countPriorityAnswer(cell: number, q: number, waitSec: number): void {
    if (cell < 0) return;
    const counters = this.queueCounters;
    const base = cell * QUEUE_COUNTER_COUNT;
    counters[base + QueueCounter.priorityAnswered]!++;
    counters[base + QueueCounter.priorityWaitAnsweredSumSec]! += waitSec;
    if (waitSec <= this.targetSec[q]!) counters[base + QueueCounter.priorityAnsweredWithinTarget]!++;
  }

  /** Satisfaction and the counters of contact `id` of queue q, answered now after `waitSec`. */
  private countAnswer(id: number, q: number, resolved: number): void {
    const nowSec = this.nowSec;
    const waitSec = this.answerWaitSec;
    const handleSec = this.answerHandleSec;
    const real = this.pool.real;
    const int = this.pool.int;
    const row = id * CONTACT_INT_FIELDS;
    // Satisfaction: the outcome (unresolved +1, repeat +2) picks the no-wait value; a counted wait adds its term.
    const outcome = q * 4 + (1 - resolved) + (int[row + INT_KIND] === KIND_REPEAT ? 2 : 0);
    const countedWaitSec = waitSec - this.waitGraceSec[q]!;
    const resolutionTime = this.resolutionTime[q] ?? null;
    const satisfaction =
      resolutionTime !== null
        ? this.satisfactionWithResolution(id, outcome, countedWaitSec * this.waitScale[q]!, nowSec + handleSec, resolutionTime)
        : countedWaitSec > 0
          ? this.satisfactionAfter(outcome, countedWaitSec * this.waitScale[q]!)
          : this.satisfactionByWait[outcome * this.waitSteps]!;
    real[id * CONTACT_REAL_FIELDS + REAL_SATISFACTION] = satisfaction;
    const cell = int[row + INT_COUNTER_BASE]!;
    if (cell >= 0) {
      const counters = this.queueCounters;
      const base = cell * QUEUE_COUNTER_COUNT;
      counters[base + QC_ANSWERED]!++;
      counters[base + QC_WAIT_ANSWERED_SUM_SEC]! += waitSec;
      if (waitSec <= this.targetSec[q]!) counters[base + QC_ANSWERED_WITHIN_TARGET]!++;
      counters[base + QC_HANDLE_SUM_SEC]! += handleSec;
      counters[base + QC_RESOLVED]! += resolved;
      // One queue: the interval's row is the cell's. Several: the interval's row and the queue's, apart.
      if (this.queueCount === 1) this.waitHistogram[cell * WAIT_BIN_COUNT + waitBin(waitSec)]!++;
      else this.countWaitOfQueue(int[row + INT_INTERVAL]!, q, waitSec);
      this.countAnsweredExperience(id, q, base, satisfaction, resolved, nowSec + handleSec);
    }
  }

  /** With several queues: an answered wait in its interval's row (all queues) and in its queue's row (the span). */
  private countWaitOfQueue(interval: number, q: number, waitSec: number): void {
    const bin = waitBin(waitSec);
    this.waitHistogram[interval * WAIT_BIN_COUNT + bin]!++;
    this.queueWaitHistogram[q * WAIT_BIN_COUNT + bin]!++;
  }

  /** The experience counters of an answered contact (its row and satisfaction known; `endSec` its conversation's end). */
  private countAnsweredExperience(id: number, q: number, base: number, satisfaction: number, resolved: number, endSec: number): void {
    const counters = this.queueCounters;
    const real = this.pool.real;
    const realRow = id * CONTACT_REAL_FIELDS;
    counters[base + QC_SATISFIED_EXPECTED]! += satisfaction;
    // Without branches: which contacts answer the survey is as random as can be, so a branch would mispredict.
    const surveyed = +(real[realRow + REAL_U_SURVEY]! < this.surveyRate);
    counters[base + QC_SURVEYED]! += surveyed;
    counters[base + QC_SURVEYED_SATISFIED]! += surveyed & +(real[realRow + REAL_U_SATISFACTION]! < satisfaction);
    if (this.resolutionTime[q]) {
      this.countResolutionTime(base, satisfaction, resolved);
    } else if (resolved) {
      counters[base + QC_RESOLUTION_TIME_SUM_SEC]! += endSec - real[realRow + REAL_PROBLEM_START_SEC]!;
    }
    if (resolved) counters[base + QC_JOURNEY_SATISFIED_EXPECTED]! += satisfaction;
  }

  /** The complaint and resolution-time counters of an answered contact of a queue with a resolution time, from the
   * problem time `satisfactionWithResolution` kept (out of `countAnsweredExperience`, so that the common case stays
   * small enough to be inlined). */
  private countResolutionTime(base: number, satisfaction: number, resolved: number): void {
    const counters = this.queueCounters;
    const elasticity = this.complaintElasticity;
    const propensity = elasticity > 0 ? logisticTabulated(this.complaintLogOdds + elasticity * this.lastLogRatio) : this.complaintPropensity;
    counters[base + QueueCounter.complaintsExpected]! += (1 - satisfaction) * propensity;
    if (resolved) counters[base + QueueCounter.resolutionTimeSumSec]! += this.lastProblemSec;
  }

  /**
   * Satisfaction of contact `id` of a queue with a resolution time, answered with outcome `outcome` after `countedSec`
   * of counted wait (≤ 0: none), its conversation ending at `endSec`: σ(no-wait log-odds + the wait's shift + the
   * shift of the time its problem takes, T = endSec − the problem's first arrival + its resolution time beyond the
   * conversation), from tables. Keeps T and ln(T / reference) for `countResolutionTime`.
   */
  private satisfactionWithResolution(id: number, outcome: number, countedSec: number, endSec: number, resolutionTime: DurationSampler): number {
    const real = this.pool.real;
    const realRow = id * CONTACT_REAL_FIELDS;
    const problemSec = endSec - real[realRow + REAL_PROBLEM_START_SEC]! + resolutionTime(real[realRow + ContactReal.uResolution]!);
    const logRatio = logTabulated(problemSec > 1 ? problemSec : 1) - this.logReferenceSec;
    this.lastProblemSec = problemSec;
    this.lastLogRatio = logRatio;
    let logOdds = this.experience.answeredLogOdds[outcome]!;
    if (countedSec > 0) logOdds += this.waitShiftAfter(countedSec);
    const table = this.resolutionShift;
    const position = (logRatio - this.resolutionMin) * this.resolutionStepsPerUnit;
    if (!(position > 0)) logOdds += table[0]!;
    else if (!(position < table.length - 1)) logOdds += table[table.length - 1]!;
    else {
      const i = position | 0;
      const low = table[i]!;
      logOdds += low + (position - i) * (table[i + 1]! - low);
    }
    return logisticTabulated(logOdds);
  }

  /** The wait's log-odds shift after `countedSec` seconds of counted wait (> 0): the table, linear in between. */
  private waitShiftAfter(countedSec: number): number {
    const table = this.experience.waitLogOdds;
    const position = countedSec * this.waitPerStep;
    if (!(position < table.length - 1)) return table[table.length - 1]!;
    const i = position | 0;
    const low = table[i]!;
    return low + (position - i) * (table[i + 1]! - low);
  }

  /** Satisfaction of outcome `outcome` after `countedSec` seconds of counted wait (> 0): the table, linear in between
   * (its 5-second steps are fine on the scale of the curves, minutes), the last entry beyond it. */
  private satisfactionAfter(outcome: number, countedSec: number): number {
    const steps = this.waitSteps;
    const table = this.satisfactionByWait;
    const base = outcome * steps;
    const position = countedSec * this.waitPerStep;
    if (!(position < steps - 1)) return table[base + steps - 1]!;
    const i = position | 0;
    const low = table[base + i]!;
    return low + (position - i) * (table[base + i + 1]! - low);
  }

  /** Satisfaction of an abandoned contact of row `repeat` (0 first or retry, 1 repeat) after `countedSec` of counted
   * wait: the table, linear in between, its first entry at or below 0, its last beyond it. */
  private abandonedAfter(repeat: number, countedSec: number): number {
    const steps = this.abandonedSteps;
    const table = this.abandonedSatisfaction;
    const base = repeat * steps;
    if (!(countedSec > 0)) return table[base]!;
    const position = countedSec * this.waitPerStep;
    if (!(position < steps - 1)) return table[base + steps - 1]!;
    const i = position | 0;
    const low = table[base + i]!;
    return low + (position - i) * (table[base + i + 1]! - low);
  }

  /** A journey ends unresolved with contact `id` (it will not come back): counts its customer for NPS and churn.
   * (Resolved journeys are the `resolved` counter; `finishCounters` adds them in.) */
  private endJourney(id: number): void {
    const cell = this.pool.int[id * CONTACT_INT_FIELDS + ContactInt.counterBase]!;
    if (cell < 0) return;
    const base = cell * QUEUE_COUNTER_COUNT;
    this.queueCounters[base + QueueCounter.journeysEnded]!++;
    this.queueCounters[base + QueueCounter.journeySatisfiedExpected]! += this.pool.real[id * CONTACT_REAL_FIELDS + ContactReal.satisfaction]!;
  }

  private depart(id: number): void {
    const nowSec = this.nowSec;
    this.eventCount++;
    const pool = this.pool;
    const row = id * CONTACT_INT_FIELDS;
    const g = pool.int[row + ContactInt.group]!;
    if (pool.int[row + ContactInt.resolved] === 0) {
      const q = pool.int[row + ContactInt.queue]!;
      const delay = this.plan.queues[q]!.repeatDelay(pool.real[id * CONTACT_REAL_FIELDS + ContactReal.uRepeatDelay]!);
      this.scheduleReturn(id, nowSec + delay, ContactKind.repeat);
    } else {
      pool.release(id);
    }
    const group = this.groups[g]!;
    if (group.slotsPerAgent > 1) {
      // Chat slots: free this contact's slots, then let the group take whatever now fits.
      group.endService(nowSec, this.slots[pool.int[row + ContactInt.queue]! * this.groupCount + g]!);
      this.dispatch(g);
      return;
    }
    if (group.present <= group.target) {
      const next = this.takeNext(g, 1, nowSec);
      if (next >= 0) {
        this.startService(next, g);
        return;
      }
    }
    group.endService(nowSec);
  }

  /** A self-service contact is served online at once: no agent, no wait, no handle time; it is resolved (or comes
   * back as a repeat) as any other. Counts a service start and a departure. */
  private serveOnline(id: number, q: number): void {
    const nowSec = this.nowSec;
    this.eventCount += 2;
    const pool = this.pool;
    const row = id * CONTACT_INT_FIELDS;
    const realRow = id * CONTACT_REAL_FIELDS;
    const resolved = pool.real[realRow + ContactReal.uFcr]! < this.fcr[q]! ? 1 : 0;
    pool.int[row + ContactInt.state] = ContactState.inService;
    pool.int[row + ContactInt.resolved] = resolved;
    this.answerWaitSec = 0;
    this.answerHandleSec = 0;
    this.countAnswer(id, q, resolved);
    if (resolved) {
      pool.release(id);
    } else {
      const delay = this.plan.queues[q]!.repeatDelay(pool.real[realRow + ContactReal.uRepeatDelay]!);
      this.scheduleReturn(id, nowSec + delay, ContactKind.repeat);
    }
  }

  private abandon(id: number): void {
    const nowSec = this.nowSec;
    const pool = this.pool;
    const row = id * CONTACT_INT_FIELDS;
    const realRow = id * CONTACT_REAL_FIELDS;
    if (pool.int[row + ContactInt.state] !== ContactState.waiting) return;
    if (pool.real[realRow + ContactReal.deadlineSec] !== nowSec) return;
    this.eventCount++;
    const q = pool.int[row + ContactInt.queue]!;
    const priority = this.anyPriority && pool.real[realRow + REAL_PRIORITY_CLASS] === 1;
    (priority ? this.priorityLines[q]! : this.lines[q]!).remove(pool.int[row + ContactInt.linePosition]!, nowSec);
    const cell = pool.int[row + ContactInt.counterBase]!;
    const waitSec = nowSec - pool.real[realRow + ContactReal.arrivalSec]!;
    // Its satisfaction (for NPS, churn and complaints) by how long it waited, counted as an answered contact's wait.
    const satisfaction = this.abandonedAfter(pool.int[row + INT_KIND] === KIND_REPEAT ? 1 : 0, (waitSec - this.waitGraceSec[q]!) * this.waitScale[q]!);
    if (cell >= 0) {
      const counters = this.queueCounters;
      const base = cell * QUEUE_COUNTER_COUNT;
      counters[base + QueueCounter.abandoned]!++;
      if (priority) counters[base + QueueCounter.priorityAbandoned]!++;
      counters[base + QueueCounter.waitAbandonedSumSec]! += waitSec;
      if (waitSec <= this.targetSec[q]!) counters[base + QueueCounter.abandonedWithinTarget]!++;
      counters[base + QueueCounter.complaintsExpected]! += (1 - satisfaction) * this.experience.abandonedComplaintPropensity;
      // In CSAT only when the scenario surveys abandoners, and then as dissatisfied.
      if (this.experience.surveyAbandoned && pool.real[realRow + ContactReal.uSurvey]! < this.surveyRate) {
        counters[base + QueueCounter.surveyed]!++;
      }
    }
    pool.real[realRow + ContactReal.satisfaction] = satisfaction;
    if (pool.real[realRow + ContactReal.uRetry]! < this.retryProbability[q]!) {
      const delay = this.plan.queues[q]!.retryDelay(pool.real[realRow + ContactReal.uRetryDelay]!);
      this.scheduleReturn(id, nowSec + delay, ContactKind.retry);
    } else {
      this.endJourney(id);
      pool.release(id);
    }
  }

  /** A retry or repeat of contact `id` comes back at `atSec`, or when its queue next opens after that. */
  private scheduleReturn(id: number, atSec: number, kind: number): void {
    const row = id * CONTACT_INT_FIELDS;
    const closed = this.closed[this.pool.int[row + ContactInt.queue]!];
    if (closed) atSec = heldReturnSec(closed, atSec);
    if (!(atSec < this.endSec)) {
      this.endJourney(id);
      this.pool.release(id);
      return;
    }
    this.pool.int[row + ContactInt.state] = ContactState.pendingReturn;
    this.pool.int[row + ContactInt.kind] = kind;
    this.heap.push(atSec, id * 4 + RETURN);
  }

  /** A retry or repeat comes back: a new contact of the same queue, with attributes from the return lane. */
  private comeBack(id: number): void {
    const row = id * CONTACT_INT_FIELDS;
    const q = this.pool.int[row + ContactInt.queue]!;
    this.returnDraws[q]!.drawInto(this.pool.real, id);
    this.arrive(id, q, this.pool.int[row + ContactInt.kind]!);
  }

  /** The head of the highest-priority non-empty queue group g serves, or −1. When that contact needs more than
   * `freeSlots` (a call while chat sessions hold part of an agent), −1: the slots wait for it rather than go to a
   * lower-priority queue, so a busy chat line cannot starve the calls a group puts first. */
  private takeNext(g: number, freeSlots: number, nowSec: number): number {
    if (this.single) {
      const line = this.lines[0]!;
      return line.count > 0 ? line.shift(nowSec) : -1;
    }
    const serves = this.serves[g]!;
    const groupCount = this.groupCount;
    for (let i = 0; i < serves.length; i++) {
      const q = serves[i]!;
      const line = this.lines[q]!;
      if (this.anyPriority) {
        const priorityLine = this.priorityLines[q] ?? null;
        if (priorityLine !== null && priorityLine.count > 0) {
          return this.slots[q * groupCount + g]! <= freeSlots ? this.takeEarlierHead(q, line, priorityLine, nowSec) : -1;
        }
      }
      if (line.count > 0) return this.slots[q * groupCount + g]! <= freeSlots ? line.shift(nowSec) : -1;
    }
    return -1;
  }

  /** Of queue q's two lines (the priority class's is not empty), the head that arrived first once the class's head
   * start is taken off its arrival; a tie goes to the class. */
  private takeEarlierHead(q: number, line: WaitingLine, priorityLine: WaitingLine, nowSec: number): number {
    if (line.count === 0) return priorityLine.shift(nowSec);
    const real = this.pool.real;
    const standardSec = real[line.peek() * CONTACT_REAL_FIELDS + ContactReal.arrivalSec]!;
    const prioritySec = real[priorityLine.peek() * CONTACT_REAL_FIELDS + ContactReal.arrivalSec]! - this.headStartSec[q]!;
    return prioritySec <= standardSec ? priorityLine.shift(nowSec) : line.shift(nowSec);
  }

  /** Contacts of queue q waiting, in both its lines. */
  private waitingIn(q: number): number {
    const priorityLine = this.priorityLines[q] ?? null;
    return this.lines[q]!.count + (priorityLine !== null ? priorityLine.count : 0);
  }

  /** Whether a contact of a queue group g puts before q is waiting (for free chat slots kept for a call). */
  private waitsBefore(g: number, q: number): boolean {
    const serves = this.serves[g]!;
    for (let i = 0; i < serves.length && serves[i] !== q; i++) if (this.waitingIn(serves[i]!) > 0) return true;
    return false;
  }

  /** Free slots of group g take waiting contacts until one side runs out. */
  private dispatch(g: number): void {
    const nowSec = this.nowSec;
    const group = this.groups[g]!;
    for (;;) {
      const free = group.capacity - group.busy;
      if (free <= 0) return;
      const next = this.takeNext(g, free, nowSec);
      if (next < 0) return;
      group.startService(nowSec, this.slots[this.pool.int[next * CONTACT_INT_FIELDS + ContactInt.queue]! * this.groupCount + g]!);
      this.startService(next, g);
    }
  }

  /**
   * Handles control event `index`. Staffing takes effect once every control event of the same instant is in
   * (`staffingChanged`, applied by the loop), so that a shift end and a new interval's absences at one instant
   * never let an agent start a contact that a second, simultaneous change would cut short.
   */
  private control(index: number, nowSec: number): void {
    const timeline = this.timeline;
    const kind = timeline.kinds[index]!;
    if (kind === ControlKind.intervalStart) {
      this.closeInterval(timeline.values[index]!, nowSec);
    } else if (kind === ControlKind.warmupEnd) {
      for (const line of this.lines) line.takeArea(nowSec);
      for (const line of this.priorityLines) line?.takeArea(nowSec);
      for (const group of this.groups) {
        group.advance(nowSec);
        group.clearAreas();
      }
    } else {
      this.scheduled[timeline.groups[index]!] = timeline.values[index]!;
      this.staffingChanged = true;
    }
  }

  /** Sets every group's on-floor target from its scheduled count and this interval's absences; newly idle
   * agents take waiting contacts. */
  private applyStaffing(nowSec: number): void {
    this.staffingChanged = false;
    for (let g = 0; g < this.groupCount; g++) {
      const scheduled = this.scheduled[g]!;
      if (this.groups[g]!.setStaffing(nowSec, scheduled, this.onFloorTarget(g, scheduled)) > 0) this.dispatch(g);
    }
  }

  /** Scheduled minus absent this interval. */
  private onFloorTarget(g: number, scheduled: number): number {
    const absentBelow = this.absentBelow[g];
    return absentBelow ? scheduled - absentBelow[Math.min(scheduled, absentBelow.length - 1)]! : scheduled;
  }

  private drawAbsences(g: number, interval: number): void {
    const absentBelow = this.absentBelow[g];
    if (!absentBelow) return;
    const { seed, groups } = this.plan;
    fillAbsences(absentBelow, { seed, replication: this.replication, group: g, interval, shrinkage: groups[g]!.shrinkage });
  }

  /** Writes the time integrals of the interval that ends at `nowSec` and moves to interval `next`. */
  private closeInterval(next: number, nowSec: number): void {
    const closed = next - 1;
    const counted = nowSec > this.plan.warmupSec;
    const queueCount = this.queueCount;
    for (let q = 0; q < queueCount; q++) {
      const priorityLine = this.priorityLines[q] ?? null;
      const area = this.lines[q]!.takeArea(nowSec) + (priorityLine !== null ? priorityLine.takeArea(nowSec) : 0);
      if (counted) this.queueCounters[(closed * queueCount + q) * QUEUE_COUNTER_COUNT + QueueCounter.queueLengthSec] = area;
    }
    const groupCount = this.groupCount;
    for (let g = 0; g < groupCount; g++) {
      const group = this.groups[g]!;
      group.advance(nowSec);
      if (counted) {
        const base = (closed * groupCount + g) * GROUP_COUNTER_COUNT;
        this.groupCounters[base + GroupCounter.scheduledSec] = group.scheduledAreaSec;
        this.groupCounters[base + GroupCounter.availableSec] = group.presentAreaSec;
        this.groupCounters[base + GroupCounter.busySec] = group.busyAreaSec / group.slotsPerAgent;
        this.allocateAgentTime(closed, g, group.scheduledAreaSec);
      }
      group.clearAreas();
    }
    this.handleByGroupQueue.fill(0);
    this.interval = next;
    if (next >= this.plan.intervalCount) return;
    for (let g = 0; g < groupCount; g++) {
      if (!this.absentBelow[g]) continue;
      this.drawAbsences(g, next);
      this.staffingChanged = true;
    }
  }

  /** Shares group g's scheduled agent-seconds of interval `interval` among its queues (see QueueCounter.agentSec). */
  private allocateAgentTime(interval: number, g: number, scheduledSec: number): void {
    if (scheduledSec === 0) return;
    const queueCount = this.queueCount;
    const counters = this.queueCounters;
    const cellOf = (q: number) => (interval * queueCount + q) * QUEUE_COUNTER_COUNT + QueueCounter.agentSec;
    if (this.single) {
      counters[cellOf(0)]! += scheduledSec;
      return;
    }
    const serves = this.serves[g]!;
    if (serves.length === 0) return;
    let handleSec = 0;
    for (let i = 0; i < serves.length; i++) handleSec += this.handleByGroupQueue[g * queueCount + serves[i]!]!;
    for (let i = 0; i < serves.length; i++) {
      const q = serves[i]!;
      const share = handleSec > 0 ? this.handleByGroupQueue[g * queueCount + q]! / handleSec : 1 / serves.length;
      counters[cellOf(q)]! += scheduledSec * share;
    }
  }

  /** The loyalty and channel counters that follow from others, per interval and queue, once the run is over. */
  private finishCounters(): void {
    const counters = this.queueCounters;
    const loyalty = this.loyalty;
    const queueCount = this.queueCount;
    for (let interval = 0; interval < this.plan.intervalCount; interval++) {
      for (let q = 0; q < queueCount; q++) {
        const base = (interval * queueCount + q) * QUEUE_COUNTER_COUNT;
        // Every answered contact is evaluated, abandoned ones when surveyed; resolved problems end journeys too.
        counters[base + QueueCounter.satisfactionEvaluated] =
          counters[base + QueueCounter.answered]! + (this.experience.surveyAbandoned ? counters[base + QueueCounter.abandoned]! : 0);
        counters[base + QueueCounter.journeysEnded]! += counters[base + QueueCounter.resolved]!;
        const journeys = counters[base + QueueCounter.journeysEnded]!;
        const satisfiedJourneys = counters[base + QueueCounter.journeySatisfiedExpected]!;
        const dissatisfiedJourneys = journeys - satisfiedJourneys;
        counters[base + QueueCounter.promotersExpected] = satisfiedJourneys * loyalty[0]! + dissatisfiedJourneys * loyalty[3]!;
        counters[base + QueueCounter.detractorsExpected] = satisfiedJourneys * loyalty[1]! + dissatisfiedJourneys * loyalty[4]!;
        counters[base + QueueCounter.customersLostExpected] = satisfiedJourneys * loyalty[2]! + dissatisfiedJourneys * loyalty[5]!;
        const answered = counters[base + QueueCounter.answered]!;
        // Complaints: (1 − p) × propensity per answered contact (summed as they came when it varies; abandoned
        // contacts' were summed as they hung up).
        if (this.constantComplaints[q]) {
          const answeredSatisfied = counters[base + QueueCounter.satisfiedExpected]!;
          counters[base + QueueCounter.complaintsExpected]! += (answered - answeredSatisfied) * this.complaintPropensity;
        }
        counters[base + QueueCounter.answeredOnline] = this.online[q] ? answered : 0;
        counters[base + QueueCounter.selfServed] = this.selfService[q] ? answered : 0;
      }
    }
  }

  /** Contacts still waiting or in service (an infinite handle time) when nothing else can happen. */
  private countUnfinished(): void {
    const int = this.pool.int;
    const highWater = this.pool.highWater;
    for (let id = 0; id < highWater; id++) {
      const row = id * CONTACT_INT_FIELDS;
      const state = int[row + ContactInt.state]!;
      const cell = int[row + ContactInt.counterBase]!;
      if ((state === ContactState.waiting || state === ContactState.inService) && cell >= 0) {
        this.queueCounters[cell * QUEUE_COUNTER_COUNT + QueueCounter.unfinished]!++;
      }
    }
  }
}
