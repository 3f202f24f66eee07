import { compileScenario } from "../plan/compile.js";
import type { Plan } from "../des/plan.js";
import { grossUp } from "../queueing/solveAgents.js";
import { normalQuantile } from "../random/normalQuantile.js";
import type { Scenario } from "../schema/scenario.js";
import { SCENARIO_LIMITS } from "../schema/limits.js";
import type { Shift } from "../schema/shift.js";
import { erlangA } from "../queueing/erlangA.js";
import { erlangC } from "../queueing/erlangC.js";
import { groupQueues, type PooledQueue } from "./erlangRequirements.js";
import { intervalOutcomes, metShare, type IntervalOutcomes } from "./intervalOutcomes.js";
import { intervalStaffing, type IntervalStaffing } from "./intervalStaffing.js";
import type { SolverSession } from "./mipSolver.js";
import { buildRosterModel } from "./rosterModel.js";
import { paidHoursPerWeek, rosterGroups, withRoster, type RosterGroup } from "./rosterGroups.js";
import { RosterInputError } from "./rosterLimits.js";
import { rosterShifts } from "./rosterShifts.js";
import { solveRoster } from "./solveRoster.js";

/** KPI vectors (core's `kpiVector`) of replications `from … to − 1` of a scenario, in replication order: how the
 * optimiser simulates (the CLI runs them in worker threads, the page in Web Workers). */
export type ScenarioRunner = (scenario: Scenario, from: number, to: number, onProgress?: (done: number) => void) => Promise<Float64Array[]>;

/** Where the optimiser is, for a progress bar. */
export interface RosterProgress {
  stage: "today" | "solve" | "simulate" | "verify" | "confidence";
  /** Round of solving and simulating (1-based; 0 before the first). */
  round: number;
  /** Rough share of the work done, 0…1 (the number of rounds is not known in advance). */
  fraction: number;
  /** What is happening, for people. */
  message: string;
}

/** The defaults of {@link optimiseRoster}'s options. */
export const ROSTER_DEFAULTS = {
  confidence: 0.8,
  timeLimitSec: 10,
  mipRelGap: 0.01,
  iterations: 10,
  replications: 100,
  /** Cost of each agent missing from a 15-minute (or finer) step of the grid, as a multiple of the hourly cost: 50 is
   * more than the longest shift (24 h) could cost, so the optimiser leaves a step short only when no roster within
   * the limits covers it (assumption). */
  shortfallPenalty: 50,
  confidenceLevels: [0.5, 0.6, 0.7, 0.8, 0.9] as readonly number[],
} as const;

/** First replication of the verification runs: far from the correction runs (0 … replications − 1), so their random
 * streams are fresh. Each further verification starts another million on. */
export const VERIFY_FIRST_REPLICATION = 1_000_000;

/** One-sided 95% normal quantile, for the binomial margin. */
const Z_MARGIN = normalQuantile(0.95);
/** An interval whose requirement may be lowered: every correction replication met the target (and the goal is below 1). */
const PRUNE_SHARE = 1;

export interface RosterOptions {
  /** A validated scenario with shift templates on the groups to roster. */
  scenario: Scenario;
  /** Groups to roster, by name; default every group with templates. */
  groups?: readonly string[] | undefined;
  /** Share of simulated weeks in which each open interval must meet its service-level target. Default 0.8. */
  confidence?: number | undefined;
  /** Time limit of each solve, seconds. Default 10. */
  timeLimitSec?: number | undefined;
  /** Relative MIP gap at which a solve stops. Default 0.01. */
  mipRelGap?: number | undefined;
  /** Most rounds of solving and simulating (correction and pruning). Default 10. */
  iterations?: number | undefined;
  /** Replications per simulation (the same ones every round: common random numbers), and of each verification. Default 100. */
  replications?: number | undefined;
  /** Seed of the simulations; default the scenario's. */
  seed?: number | undefined;
  /** Optional occupancy cap of the Erlang requirement. */
  maxOccupancy?: number | undefined;
  /** Shortfall penalty as a multiple of the hourly cost per agent and grid step. Default 50. */
  shortfallPenalty?: number | undefined;
  /** Confidences of the cost-of-confidence table (empty: no table). Default 0.5, 0.6, 0.7, 0.8, 0.9. */
  confidenceLevels?: readonly number[] | undefined;
  solver: SolverSession;
  simulate: ScenarioRunner;
  onProgress?: ((progress: RosterProgress) => void) | undefined;
  /** Checked between steps: stop with an AbortError-named Error once it is aborted. */
  signal?: { readonly aborted: boolean } | undefined;
}

/** One round of solving and simulating. */
export interface RosterIteration {
  stage: "correct" | "prune" | "verify" | "confidence";
  /** The confidence the round worked towards. */
  confidence: number;
  /** Weekly cost and paid hours of the roster of this round. */
  cost: number;
  paidHours: number;
  /** Open intervals whose share of replications meeting the target was below the goal. */
  intervalsShort: number;
  solveSec: number;
  gap: number;
}

/** A roster found: the scenario running it and what it costs. */
export interface RosterCandidate {
  scenario: Scenario;
  /** The new shifts of each rostered group (locked shifts not included). */
  shifts: Map<string, Shift[]>;
  cost: number;
  /** Weekly cost per group, locked shifts included. */
  costByGroup: Map<string, number>;
  paidHours: number;
  /** The solver's bound on the weekly cost (shortfall penalties included; locked shifts added) and its relative gap
   * to the roster's objective (cost plus shortfall penalties). */
  lowerBound: number;
  gap: number;
  solveSec: number;
  status: string;
  /** Requirement per group and interval (scheduled agents) the roster was solved for. */
  required: Map<string, Float64Array>;
  /** Agents the program could not place per interval (all rostered groups; the largest shortfall of any step). */
  shortfall: Float64Array;
  staffing: Map<string, IntervalStaffing>;
}

/** Everything the optimiser found (see `rosterDocument` for its JSON form). */
export interface RosterResult {
  plan: Plan;
  days: Scenario["days"];
  groups: RosterGroup[];
  confidence: number;
  /** The binomial margin the correction adds to the confidence. */
  margin: number;
  replications: number;
  seed: number;
  timeLimitSec: number;
  mipRelGap: number;
  /** Whether each interval is open (first contacts forecast). */
  open: Uint8Array;
  today: { cost: number; paidHours: number; outcomes: IntervalOutcomes; staffing: Map<string, IntervalStaffing> };
  best: RosterCandidate;
  /** Erlang requirement per group and interval, on the load simulated for today's roster. */
  requiredErlang: Map<string, Int32Array>;
  /** The best roster simulated on fresh replications (`verifyFrom` … + replications). */
  after: IntervalOutcomes;
  verifyFrom: number;
  /** Every open interval met the target in at least `confidence` of the fresh replications. */
  verified: boolean;
  /** Today's roster is kept: it already met the confidence and the optimiser found nothing cheaper. */
  keptToday: boolean;
  iterations: RosterIteration[];
  /** Each level's roster; `met`: every open interval reached the level's goal (the asked-for confidence: verified on the
   * fresh weeks, as `verified`; the others: the level plus the margin on the correcting weeks), else `intervalsShort`
   * of them did not in the rounds allowed. */
  costOfConfidence: { confidence: number; cost: number | null; paidHours: number | null; met: boolean; intervalsShort: number }[];
}

function abortIfNeeded(signal: RosterOptions["signal"]): void {
  if (signal?.aborted) {
    const error = new Error("the roster optimisation was cancelled");
    error.name = "AbortError";
    throw error;
  }
}

/**
 * Finds the cheapest roster whose simulated service level meets each open interval's target in at least `confidence`
 * of simulated weeks, by an integer program (HiGHS) corrected by simulation:
 * 1. Today's roster is simulated; Erlang A on the load it offered (first contacts, retries, repeats) gives each
 *    interval's requirement (`erlangRequirements`), floored at the group's `minAgentsOnFloor`.
 * 2. Round after round, the program is solved for the requirements (`buildRosterModel`, `solveRoster`) and the roster
 *    simulated on the same replications every round (common random numbers, so a change between rounds is the
 *    roster's doing, not noise). An open interval that meets its target in fewer than confidence + margin of them gets
 *    its requirement raised to one above the fewest agents it had (two when far below); once every interval passes,
 *    pruning lowers the requirement by one where every replication met the target, and a pruning that breaks an
 *    interval is undone there for good. The margin is the binomial one of a one-sided 95% test of the difference of
 *    two shares at the confidence, z·√(c(1 − c)(1/n + 1/n)): what it takes for the fresh runs to agree.
 * 3. The cheapest roster that passed is simulated on fresh replications (never used to correct) and each open interval's
 *    share is reported with its Wilson interval; an interval below the confidence there is corrected once more and the
 *    result verified again on new fresh replications.
 * 4. The same correction from the final requirements gives the cost of each confidence level.
 * Inspired by Feldman, Mandelbaum, Massey & Whitt (2008), "Staffing of time-varying queues to achieve time-stable
 * performance", Management Science 54(2) (the README says where this differs).
 * @throws RosterInputError naming the field when no group can be rostered, or the limits contradict each other; an
 * Error named AbortError when `signal` is aborted.
 */
export async function optimiseRoster(options: RosterOptions): Promise<RosterResult> {
  const picked = rosterGroups(options.scenario, options.groups);
  if (!picked.ok) throw new RosterInputError(picked.problem);
  const groups = picked.groups;
  const seed = options.seed ?? options.scenario.seed;
  const scenario = { ...options.scenario, seed };
  const confidence = options.confidence ?? ROSTER_DEFAULTS.confidence;
  const timeLimitSec = options.timeLimitSec ?? ROSTER_DEFAULTS.timeLimitSec;
  const mipRelGap = options.mipRelGap ?? ROSTER_DEFAULTS.mipRelGap;
  const iterations = Math.max(1, Math.floor(options.iterations ?? ROSTER_DEFAULTS.iterations));
  const n = Math.max(1, Math.floor(options.replications ?? ROSTER_DEFAULTS.replications));
  const penaltyMultiple = options.shortfallPenalty ?? ROSTER_DEFAULTS.shortfallPenalty;
  const levels = options.confidenceLevels ?? ROSTER_DEFAULTS.confidenceLevels;
  const margin = (c: number) => Z_MARGIN * Math.sqrt(c * (1 - c) * (2 / n));
  const goalOf = (c: number) => Math.min(1, c + margin(c));

  const plan = compileScenario(scenario);
  const intervalCount = plan.intervalCount;
  const open = Uint8Array.from({ length: intervalCount }, (_, i) => (plan.queues.some((queue, q) => queue.arrivalRatePerSec[i]! > 0 && scenario.queues[q]!.channel !== "selfService") ? 1 : 0));
  const openIntervals = [...open.keys()].filter((i) => open[i] === 1);

  // Progress: today's run, the rounds, the verifications and the table, weighted by what they cost.
  const plannedUnits = 1 + iterations * 2 + 4 + levels.filter((level) => Math.abs(level - confidence) > 1e-9).length * Math.max(2, Math.ceil(iterations / 2)) * 2;
  let doneUnits = 0;
  const report = (stage: RosterProgress["stage"], round: number, message: string, within = 0) =>
    options.onProgress?.({ stage, round, message, fraction: Math.min(0.99, (doneUnits + within) / plannedUnits) });

  const evaluate = async (target: Scenario, from: number, stage: RosterProgress["stage"], round: number, message: string): Promise<IntervalOutcomes> => {
    abortIfNeeded(options.signal);
    report(stage, round, message);
    const vectors = await options.simulate(target, from, from + n, (done) => report(stage, round, message, done / n));
    doneUnits++;
    return intervalOutcomes(target === scenario ? plan : compileScenario(target), vectors);
  };

  // 1. Today's roster, and the Erlang requirement on the load it offered.
  const todayStaffing = new Map(groups.map((group) => [group.name, intervalStaffing({ shifts: group.group.shifts, days: scenario.days, intervalMinutes: scenario.intervalMinutes })]));
  const todayOutcomes = await evaluate(scenario, 0, "today", 0, "simulating today's roster");
  const pooled = groupQueues({ scenario, plan, groups: groups.map((group) => group.name), offeredPerInterval: todayOutcomes.offered, maxOccupancy: options.maxOccupancy });
  const requiredErlang = new Map([...pooled].map(([name, queue]) => [name, queue.scheduledAgents]));
  const floors = new Map(groups.map((group) => [group.name, group.group.minAgentsOnFloor === undefined ? 0 : grossUp(group.group.minAgentsOnFloor, group.group.shrinkage)]));
  const startRequirement = new Map(
    groups.map((group) => [
      group.name,
      Float64Array.from(requiredErlang.get(group.name)!, (value, i) => (open[i] ? Math.max(value, floors.get(group.name)!) : value)),
    ]),
  );
  const todayCost = groups.reduce((sum, group) => sum + paidHoursPerWeek(group.group.shifts) * group.wagePerHour, 0);
  const todayHours = groups.reduce((sum, group) => sum + paidHoursPerWeek(group.group.shifts), 0);

  let round = 0;
  const history: RosterIteration[] = [];

  const solveAll = async (required: Map<string, Float64Array>): Promise<RosterCandidate> => {
    abortIfNeeded(options.signal);
    round++;
    report("solve", round, `round ${round}: solving the roster`);
    const shifts = new Map<string, Shift[]>();
    const costByGroup = new Map<string, number>();
    const staffing = new Map<string, IntervalStaffing>();
    const shortfall = new Float64Array(intervalCount);
    let cost = 0;
    let paidHours = 0;
    let lowerBound = 0;
    let objective = 0;
    let solveSec = 0;
    let status = "optimal";
    for (const group of groups) {
      const built = buildRosterModel({
        days: scenario.days,
        intervalMinutes: scenario.intervalMinutes,
        templates: group.templates,
        costPerHour: group.costPerHour,
        locked: group.locked,
        lockedCostPerHour: group.wagePerHour,
        requiredByInterval: required.get(group.name)!,
        maxAgentsAtOnce: seatLimit(group.group.maxAgentsAtOnce, required.get(group.name)!),
        maxWeeklyHours: group.group.maxWeeklyHours,
        shortfallPenaltyPerSlot: penaltyMultiple * Math.max(group.wagePerHour, ...group.costPerHour),
      });
      const solution = await solveRoster(options.solver, built, { timeLimitSec, mipRelGap }).catch((error: unknown) => {
        if (error instanceof RosterInputError && error.issue.path === "") {
          throw new RosterInputError({ ...error.issue, path: `groups[${group.index}]`, message: `group ${JSON.stringify(group.name)}: ${error.issue.message}` });
        }
        throw error;
      });
      if (!solution.feasible) throw new Error(`group "${group.name}": HiGHS found no roster within ${timeLimitSec} s (${solution.status}); allow more time (--time-limit)`);
      const groupShifts = rosterShifts({ model: built, templates: group.templates, values: solution.values, takenNames: group.locked.map((shift) => shift.name) });
      shifts.set(group.name, groupShifts);
      let groupCost = built.lockedCostPerWeek;
      let groupHours = built.lockedHoursPerWeek;
      for (const choice of built.choices) {
        const agents = solution.values[choice.variable]!;
        groupCost += built.model.variables[choice.variable]!.cost * agents;
        groupHours += (group.templates[choice.template]!.lengthMinutes / 60) * agents;
      }
      for (const short of built.shortfalls) shortfall[short.interval] = Math.max(shortfall[short.interval]!, solution.values[short.variable]!);
      cost += groupCost;
      costByGroup.set(group.name, groupCost);
      paidHours += groupHours;
      lowerBound += solution.lowerBound + built.lockedCostPerWeek;
      objective += solution.objective + built.lockedCostPerWeek;
      solveSec += solution.solveSec;
      if (solution.status !== "optimal") status = solution.status;
      staffing.set(group.name, intervalStaffing({ shifts: [...group.locked, ...groupShifts], days: scenario.days, intervalMinutes: scenario.intervalMinutes }));
    }
    doneUnits++;
    return {
      scenario: withRoster(scenario, shifts),
      shifts,
      cost,
      costByGroup,
      paidHours,
      lowerBound,
      gap: objective > 0 ? Math.max(0, (objective - lowerBound) / objective) : 0,
      solveSec,
      status,
      required: new Map([...required].map(([name, values]) => [name, Float64Array.from(values)])),
      shortfall,
      staffing,
    };
  };

  /**
   * Raises the requirement of each failing interval above the fewest agents it had, by as many agents as should lift
   * its share of weeks meeting the target to the goal: across replications the interval's service level has a mean m
   * and a spread s, so the goal asks for a mean of about target + z(goal)·s; Erlang A at the interval's load says how
   * much one more agent adds. At least 1, at most 10 per round (the next round measures again).
   */
  const raise = (required: Map<string, Float64Array>, candidate: RosterCandidate, failing: number[], outcomes: IntervalOutcomes, goal: number) => {
    const z = normalQuantile(Math.min(0.999, Math.max(0.5, goal)));
    for (const group of groups) {
      const values = required.get(group.name)!;
      const min = candidate.staffing.get(group.name)!.min;
      const queue = pooled.get(group.name)!;
      for (const i of failing) {
        const mean = Number.isNaN(outcomes.serviceLevel[i]!) ? 0 : outcomes.serviceLevel[i]!;
        const deficit = Math.max(0, outcomes.targetServiceLevel + z * Math.max(0.03, outcomes.serviceLevelSd[i]!) - mean);
        const onPhones = Math.floor(min[i]! * (1 - queue.shrinkage));
        const perAgent = marginalServiceLevel(queue, i, onPhones) * groups.length;
        const step = Math.min(10, Math.max(1, Math.ceil(deficit / perAgent / (1 - queue.shrinkage))));
        values[i] = Math.max(values[i]!, min[i]!) + step;
      }
    }
  };

  /** Correction then pruning from `start`, towards `goal`, for at most `budget` rounds; the cheapest roster that passed. */
  const search = async (start: Map<string, Float64Array>, c: number, budget: number, stage: "correct" | "confidence") => {
    const goal = goalOf(c);
    const required = new Map([...start].map(([name, values]) => [name, Float64Array.from(values)]));
    let best: { candidate: RosterCandidate; outcomes: IntervalOutcomes } | null = null;
    let last: { candidate: RosterCandidate; outcomes: IntervalOutcomes } | null = null;
    const frozen = new Set<number>();
    let lowered: number[] = [];
    for (let step = 0; step < budget; step++) {
      const candidate = await solveAll(required);
      const outcomes = await evaluate(candidate.scenario, 0, stage === "confidence" ? "confidence" : "simulate", round, `round ${round}: simulating the roster (${n} weeks)`);
      last = { candidate, outcomes };
      const failing = openIntervals.filter((i) => metShare(outcomes, i) < goal);
      history.push({
        stage: stage === "confidence" ? "confidence" : lowered.length > 0 ? "prune" : "correct",
        confidence: c,
        cost: candidate.cost,
        paidHours: candidate.paidHours,
        intervalsShort: failing.length,
        solveSec: candidate.solveSec,
        gap: candidate.gap,
      });
      if (failing.length === 0) {
        // A pruning that left the cost where it was found nothing the shift shapes could give back: stop there.
        const stalled = lowered.length > 0 && best !== null && candidate.cost >= best.candidate.cost - 1e-9;
        if (!best || candidate.cost <= best.candidate.cost) best = { candidate, outcomes };
        if (stalled) break;
        lowered = [];
        if (goal >= PRUNE_SHARE) break;
        for (const i of openIntervals) {
          if (frozen.has(i) || metShare(outcomes, i) < PRUNE_SHARE) continue;
          let changed = false;
          for (const group of groups) {
            const values = required.get(group.name)!;
            const floor = floors.get(group.name)!;
            // Lowering a requirement the roster exceeds anyway changes nothing: only binding ones.
            if (values[i]! > floor && candidate.staffing.get(group.name)!.min[i]! <= values[i]!) {
              values[i] = Math.max(floor, values[i]! - 1);
              changed = true;
            }
          }
          if (changed) lowered.push(i);
        }
        if (lowered.length === 0) break;
      } else {
        const undo = failing.filter((i) => lowered.includes(i));
        for (const i of undo) {
          frozen.add(i);
          for (const group of groups) required.get(group.name)![i]! += 1;
        }
        raise(required, candidate, failing.filter((i) => !undo.includes(i)), outcomes, goal);
        lowered = [];
      }
    }
    return { best, last: last!, required };
  };

  // 2. Correct and prune.
  const main = await search(startRequirement, confidence, iterations, "correct");
  let chosen = main.best ?? main.last;
  let finalRequired = chosen.candidate.required;

  // 3. Verify on fresh replications; correct once more where they disagree.
  let verifyFrom = VERIFY_FIRST_REPLICATION;
  let after = await evaluate(chosen.candidate.scenario, verifyFrom, "verify", round, `verifying on ${n} fresh simulated weeks`);
  let failingFresh = openIntervals.filter((i) => metShare(after, i) < confidence);
  if (failingFresh.length > 0 && main.best) {
    const required = new Map([...finalRequired].map(([name, values]) => [name, Float64Array.from(values)]));
    raise(required, chosen.candidate, failingFresh, after, goalOf(confidence));
    const again = await search(required, confidence, Math.max(2, Math.ceil(iterations / 3)), "correct");
    if (again.best) {
      chosen = again.best;
      finalRequired = chosen.candidate.required;
      verifyFrom += VERIFY_FIRST_REPLICATION;
      after = await evaluate(chosen.candidate.scenario, verifyFrom, "verify", round, `verifying again on ${n} new fresh simulated weeks`);
      failingFresh = openIntervals.filter((i) => metShare(after, i) < confidence);
    }
  }
  let verified = failingFresh.length === 0;
  let keptToday = false;
  const todayFresh = await evaluate(scenario, verifyFrom, "verify", round, "simulating today's roster on the same fresh weeks");
  // Today's roster already meets the confidence, fresh runs included, for less: keep it.
  if (todayCost <= chosen.candidate.cost && openIntervals.every((i) => metShare(todayOutcomes, i) >= goalOf(confidence) && metShare(todayFresh, i) >= confidence)) {
    keptToday = true;
    verified = true;
    after = todayFresh;
    chosen = {
      candidate: {
        ...chosen.candidate,
        scenario,
        shifts: new Map(groups.map((group) => [group.name, group.group.shifts.filter((shift) => shift.locked !== true)])),
        cost: todayCost,
        costByGroup: new Map(groups.map((group) => [group.name, paidHoursPerWeek(group.group.shifts) * group.wagePerHour])),
        paidHours: todayHours,
        staffing: todayStaffing,
      },
      outcomes: todayOutcomes,
    };
  }

  // 4. The cost of each confidence level. Each level starts from requirements between Erlang's and the final ones, in
  // proportion to the normal quantile of its goal (Erlang staffs for about the mean, a share of 50%; the correction
  // added about z(goal)·spread / gain per agent), then corrects and prunes for a few rounds of its own.
  const costOfConfidence: RosterResult["costOfConfidence"] = [];
  const zMain = normalQuantile(Math.min(0.999, goalOf(confidence)));
  for (const level of levels) {
    if (Math.abs(level - confidence) < 1e-9) {
      // The roster reported above: what its row says is what its verification on fresh weeks said.
      costOfConfidence.push({ confidence: level, cost: chosen.candidate.cost, paidHours: chosen.candidate.paidHours, met: verified, intervalsShort: verified ? 0 : failingFresh.length });
      continue;
    }
    report("confidence", round, `the cost of ${Math.round(level * 100)}% confidence`);
    const share = zMain > 0 ? Math.max(0, normalQuantile(Math.min(0.999, Math.max(0.5, goalOf(level))))) / zMain : 1;
    const start = new Map(
      groups.map((group) => {
        const erlang = startRequirement.get(group.name)!;
        const final = finalRequired.get(group.name)!;
        return [group.name, Float64Array.from(final, (value, i) => Math.max(floors.get(group.name)! * open[i]!, Math.ceil(erlang[i]! + (value - erlang[i]!) * share)))];
      }),
    );
    const found = await search(start, level, Math.max(2, Math.ceil(iterations / 2)), "confidence");
    const pick = found.best ?? found.last;
    const short = found.best ? 0 : openIntervals.filter((i) => metShare(found.last.outcomes, i) < goalOf(level)).length;
    costOfConfidence.push({ confidence: level, cost: pick.candidate.cost, paidHours: pick.candidate.paidHours, met: found.best !== null, intervalsShort: short });
  }

  return {
    plan,
    days: scenario.days,
    groups,
    confidence,
    margin: margin(confidence),
    replications: n,
    seed,
    timeLimitSec,
    mipRelGap,
    open,
    today: { cost: todayCost, paidHours: todayHours, outcomes: todayFresh, staffing: todayStaffing },
    best: chosen.candidate,
    requiredErlang,
    after,
    verifyFrom,
    verified,
    keptToday,
    iterations: history,
    costOfConfidence,
  };
}

/**
 * The most agents on shift at once the program may schedule: the group's `maxAgentsAtOnce`, and never more than a group
 * may have (`SCENARIO_LIMITS.maxAgentsPerGroup`), so that a requirement beyond what any scenario can hold (a huge
 * `minAgentsOnFloor`) is a named shortfall rather than a roster no tool reads. The engine's limit is added only where
 * the requirement comes near it: each limit is a constraint per slot of the week.
 */
function seatLimit(maxAgentsAtOnce: number | undefined, required: Float64Array): number | undefined {
  const limit = SCENARIO_LIMITS.maxAgentsPerGroup;
  let most = 0;
  for (const value of required) most = Math.max(most, value);
  return most >= limit / 2 ? Math.min(maxAgentsAtOnce ?? limit, limit) : maxAgentsAtOnce;
}

/** Erlang's gain in service level from one more agent on the phones in interval `i` of a pooled queue (at least 0.005,
 * so a step is never infinite; 1 where nothing arrives). */
function marginalServiceLevel(queue: PooledQueue, i: number, onPhones: number): number {
  const arrivalRatePerSec = queue.arrivalRatePerSec[i]!;
  if (!(arrivalRatePerSec > 0)) return 1;
  const level = (agents: number): number => {
    if (agents <= 0) return 0;
    const inputs = { arrivalRatePerSec, ahtSec: queue.ahtSec[i]!, agents, targetAnswerSec: queue.targetAnswerSec };
    const result = queue.patienceSec === undefined ? erlangC(inputs) : erlangA({ ...inputs, patienceSec: queue.patienceSec });
    return result.serviceLevel ?? 0;
  };
  return Math.max(0.005, level(onPhones + 1) - level(onPhones));
}
