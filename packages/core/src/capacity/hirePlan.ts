import { WEEKS_PER_MONTH } from "../economics/moneyReplications.js";
import { resolveCentral } from "../schema/uncertain.js";
import { groupAgentHoursPerWeek, groupHeadcount } from "../interventions/scenarioEdits.js";
import { LpModel } from "../roster/lpModel.js";
import type { SolverSession } from "../roster/mipSolver.js";
import type { CapacityGroup, HiringClass } from "../schema/capacity.js";
import type { Scenario } from "../schema/scenario.js";
import { capacityCalendar } from "./capacityCalendar.js";
import { CAPACITY_FIELD, CAPACITY_FIELDS, type CapacityRun } from "./capacityReplication.js";
import { weekTargetServiceLevel } from "./simulateWeek.js";
import { weeklyRate } from "./weeklyRate.js";

/** A planned week the hiring plan leaves below its confidence, and why. */
export interface WeekAtRisk {
  week: number;
  /** Share of replications meeting the target in that week, under the plan. */
  probTargetMet: number;
  reason: string;
}

/** What `findHiringPlan` returns. */
export interface HiringPlan {
  /** Every group's classes under the plan: its committed ones and the planned ones, by week. */
  classes: Record<string, HiringClass[]>;
  /** The classes the plan adds (the committed ones aside). */
  planned: { group: string; week: number; size: number }[];
  /** The plan's projection, one row per replication (`capacityReplication`), replications 0 … R − 1. */
  rows: Float64Array[];
  /** Per week, agents needed on the floor in full-speed equivalents (all the plan's groups), as last corrected. */
  requiredAgents: number[];
  /** The first week a class recruited now can join the floor: 1 + leadWeeks + classWeeks (the earliest group's). */
  firstGraduationWeek: number;
  /** Weeks whose probability of meeting the target stays below the confidence, with the reason. */
  atRisk: WeekAtRisk[];
  /** The planned classes' cost over the planned weeks: cost per hire, and wages (in class, then of those who
   * graduate and stay, as expected); `budgetUsed` is what counts against `hiring.budget` (cost per hire and wages
   * in class). */
  cost: { hiring: number; wages: number; total: number; budgetUsed: number };
  /** Simulation rounds that corrected the requirements after the first solve. */
  corrections: number;
  /** Projections run: the baseline, the probe and one per solve. */
  projections: number;
}

/** A projection of the scenario with other classes (and, for the probe, extra agents); rows of replications 0 … R − 1. */
export type ProjectRun = (changes: Pick<CapacityRun, "classes" | "extraAgents">) => Promise<Float64Array[]>;

/** Most simulation rounds that correct the requirements (a round whose plan is unchanged costs no simulation). */
export const MAX_CORRECTIONS = 10;
/** Least a requirement rises by in one correction, agents (so that every round makes progress). */
const MIN_CORRECTION = 0.34;
const SOLVE = { timeLimitSec: 20, mipRelGap: 0.0005 };

interface Candidate {
  group: string;
  week: number;
  /** Expected full-speed agents one trainee adds in each planned week (index w − 1). */
  contribution: Float64Array;
  /** Cost per hire plus the expected wages from the class start to the last planned week. */
  costPerTrainee: number;
  costPerHire: number;
  /** What a trainee takes from the budget: cost per hire and wages in class. */
  budgetPerTrainee: number;
  minSize: number;
  maxSize: number;
}

/**
 * The hiring plan: class start weeks and sizes, per group, that keep the probability of meeting the service-level
 * target at or above `confidence` in every week from the first possible graduation on, at least cost, within each
 * group's lead time (a class recruited now starts after `leadWeeks`), class sizes (`classSize`) and `budget`.
 * Committed classes are kept; the others in the file are replaced.
 *
 * 1. Requirements from the simulation: the projection with the committed classes only (the baseline) and a probe
 *    with Δ more full-speed agents on the floor (10% of the headcount) give, per week, how the service level answers
 *    to agents (the month's mean slope) and, per replication, how many more agents it would have needed; the
 *    `confidence`-quantile of those needs across replications (headcount and queue randomness together) is the
 *    week's requirement above the baseline's mean agents.
 * 2. An integer program over weeks (HiGHS): whole trainees per candidate class (zero, or between the class-size
 *    limits), each adding its expected agents to later weeks (graduation, then attrition at the new-hire and then the
 *    usual rate, ramp-up at its productivity), covering each week's requirement at least cost: cost per hire plus the
 *    expected wages from the class start to the last planned week. A week that cannot be covered (lead time, class
 *    sizes, budget) takes a slack at a penalty, so the plan still covers what it can.
 * 3. Corrected by simulation: the plan is projected on the same replications (common random numbers); each week
 *    still below the confidence raises its requirement by its remaining need (at least a third of an agent) and the
 *    program is solved again, keeping at least the trainees of the last plan (a correction adds, so it never undoes
 *    what the last round met), up to `MAX_CORRECTIONS` times.
 * Groups are pooled in the requirement: an agent of any of the plan's groups counts for the week.
 */
export async function findHiringPlan(options: {
  scenario: Scenario;
  confidence: number;
  replications: number;
  project: ProjectRun;
  solver: SolverSession;
  maxCorrections?: number;
  onStep?: (step: string) => void;
}): Promise<HiringPlan> {
  const { scenario, confidence, replications, project, solver } = options;
  const capacity = scenario.capacity;
  if (!capacity) throw new Error(`scenario "${scenario.name}" has no capacity plan`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`invalid confidence: ${confidence}; expected a probability between 0 and 1`);
  if (!(Number.isInteger(replications) && replications >= 2)) throw new RangeError(`invalid replications: ${replications}; expected a whole number ≥ 2`);
  const weeks = capacity.weeks;
  const width = CAPACITY_FIELDS.length;
  const target = weekTargetServiceLevel(scenario);
  const names = Object.keys(capacity.groups);
  const committed = Object.fromEntries(names.map((name) => [name, capacity.groups[name]!.hiring.classes.filter((entry) => entry.committed)]));
  const column = (rows: readonly Float64Array[], w: number, field: number) => rows.map((row) => row[w * width + field]!);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

  options.onStep?.("baseline: the committed classes only");
  const baseline = await project({ classes: committed });
  const extraAgents = Object.fromEntries(names.map((name) => [name, Math.max(1, Math.round(0.1 * capacity.groups[name]!.headcount))]));
  const delta = Object.values(extraAgents).reduce((a, b) => a + b, 0);
  options.onStep?.(`probe: ${delta} more agents on the floor every week`);
  const probe = await project({ classes: committed, extraAgents });

  // How the service level answers to agents, by month (weeks of a month share their demand and shrinkage).
  const calendar = capacityCalendar(capacity);
  const weekSlope = calendar.map((_, w) => mean(column(probe, w, CAPACITY_FIELD.serviceLevel).map((level, k) => (level - baseline[k]![w * width + CAPACITY_FIELD.serviceLevel]!) / delta)));
  const slope = calendar.map((week) => {
    const same = calendar.flatMap((other, w) => (other.monthOffset === week.monthOffset && Number.isFinite(weekSlope[w]!) ? [weekSlope[w]!] : []));
    return Math.max(1e-4, same.length > 0 ? mean(same) : 1e-4);
  });
  // The agents week w still lacks in the confidence-quantile replication (negative: to spare).
  const lacking = (rows: readonly Float64Array[], w: number) => {
    const needs = column(rows, w, CAPACITY_FIELD.serviceLevel)
      .map((level) => (Number.isNaN(level) ? 0 : (target - level) / slope[w]!))
      .sort((a, b) => a - b);
    return needs[Math.min(needs.length - 1, Math.ceil(confidence * needs.length) - 1)]!;
  };
  const baseAgents = calendar.map((_, w) => mean(column(baseline, w, CAPACITY_FIELD.effective)));
  const required = calendar.map((_, w) => baseAgents[w]! + lacking(baseline, w));

  const candidates = names.flatMap((name) => classCandidates({ scenario, name, group: capacity.groups[name]!, weeks, taken: committed[name]! }));
  const firstGraduationWeek = Math.min(...names.map((name) => 1 + capacity.groups[name]!.hiring.leadWeeks + capacity.groups[name]!.hiring.classWeeks));
  const budget = budgetOf(capacity.groups, names, scenario.money?.currency ?? null);

  let corrections = 0;
  let projections = 2;
  // After the first plan, corrections only add trainees (to its classes or in new ones): with common random numbers
  // more trainees never mean fewer agents in any replication, so a correction never undoes what the last one met.
  let floor: number[] | null = null;
  for (;;) {
    options.onStep?.(corrections === 0 ? "solving the hiring plan" : `correction ${corrections}: solving again`);
    const solved = await solveClasses({ solver, candidates, required, baseAgents, firstGraduationWeek, weeks, budget, floor });
    floor = solved.sizes;
    const classes = Object.fromEntries(
      names.map((name) => [
        name,
        [...committed[name]!, ...solved.planned.filter((entry) => entry.group === name).map((entry) => ({ week: entry.week, size: entry.size, committed: false }))].sort((a, b) => a.week - b.week),
      ]),
    );
    options.onStep?.(`checking the plan by simulation (${solved.planned.length} classes)`);
    const rows = await project({ classes });
    projections++;
    const probability = calendar.map((_, w) => {
      const levels = column(rows, w, CAPACITY_FIELD.serviceLevel).filter((level) => !Number.isNaN(level));
      return levels.length === 0 ? 1 : levels.filter((level) => level >= target).length / levels.length;
    });
    const short = calendar.flatMap((_, w) => (w + 1 >= firstGraduationWeek && probability[w]! < confidence && solved.slack[w]! <= 1e-6 ? [w] : []));
    if (short.length === 0 || corrections >= (options.maxCorrections ?? MAX_CORRECTIONS)) {
      const atRisk = calendar.flatMap((week, w): WeekAtRisk[] =>
        probability[w]! >= confidence
          ? []
          : [{ week: week.week, probTargetMet: probability[w]!, reason: riskReason({ week: week.week, firstGraduationWeek, slack: solved.slack[w]!, budget, solved, corrections }) }],
      );
      return { classes, planned: solved.planned, rows, requiredAgents: required, firstGraduationWeek, atRisk, cost: solved.cost, corrections, projections };
    }
    for (const w of short) required[w]! += Math.max(MIN_CORRECTION, lacking(rows, w));
    corrections++;
  }
}

/** The classes a group may start: from its lead time on, graduating within the planned weeks, not in a week that
 * already has a committed class; each with what one trainee adds, costs and takes from the budget. */
function classCandidates(options: { scenario: Scenario; name: string; group: CapacityGroup; weeks: number; taken: readonly HiringClass[] }): Candidate[] {
  const { scenario, name, group, weeks, taken } = options;
  const { leadWeeks, classWeeks, graduation } = group.hiring;
  const scenarioGroup = scenario.groups.find((candidate) => candidate.name === name)!;
  const people = groupHeadcount(scenarioGroup);
  const hours = people > 0 ? groupAgentHoursPerWeek(scenarioGroup) / people : 40;
  // Amounts at their central values (a range in the money section is the comparison's business, not the plan's).
  const money = scenario.money && resolveCentral(scenario.money);
  const wagePerWeek = (money?.wagePerHour ?? 0) * hours;
  const costPerHire = group.hiring.costPerHire ?? money?.hiringCostPerAgent ?? 0;
  const veteranRate = weeklyRate(group.attrition?.perMonth ?? 0);
  const newHireRate = weeklyRate(group.attrition?.newHirePerMonth ?? group.attrition?.perMonth ?? 0);
  const newHireWeeks = (group.attrition?.newHireMonths ?? 0) * WEEKS_PER_MONTH;
  const ramp = group.ramp;
  const productivity = (t: number) => (ramp && t < ramp.weeks ? ramp.startProductivity + ((1 - ramp.startProductivity) * t) / ramp.weeks : 1);
  const busy = new Set(taken.map((entry) => entry.week));
  const candidates: Candidate[] = [];
  for (let start = 1 + leadWeeks; start + classWeeks <= weeks; start++) {
    if (busy.has(start)) continue;
    const graduationWeek = start + classWeeks;
    const contribution = new Float64Array(weeks);
    let survival = graduation;
    let paidWeeks = classWeeks;
    for (let week = graduationWeek; week <= weeks; week++) {
      const t = week - graduationWeek;
      contribution[week - 1] = survival * productivity(t);
      paidWeeks += survival;
      survival *= 1 - (t < newHireWeeks ? newHireRate : veteranRate);
    }
    candidates.push({
      group: name,
      week: start,
      contribution,
      costPerTrainee: costPerHire + wagePerWeek * paidWeeks,
      costPerHire,
      budgetPerTrainee: costPerHire + wagePerWeek * classWeeks,
      minSize: group.hiring.classSize.min,
      maxSize: group.hiring.classSize.max,
    });
  }
  return candidates;
}

interface Budget {
  /** The plan's budget: the sum of the groups' (null when any group has none, or none has one). */
  amount: number | null;
  /** The scenario's currency (its money section's), to say the amount in; null without one. */
  currency: string | null;
}

function budgetOf(groups: Record<string, CapacityGroup>, names: string[], currency: string | null): Budget {
  const budgets = names.map((name) => groups[name]!.hiring.budget);
  return { amount: budgets.every((budget) => budget !== undefined) ? budgets.reduce((a, b) => a + b!, 0) : null, currency };
}

interface Solved {
  planned: { group: string; week: number; size: number }[];
  /** Per week, agents the plan could not cover (0 where covered). */
  slack: number[];
  cost: { hiring: number; wages: number; total: number; budgetUsed: number };
  /** Whether some class is at its largest size (for the reasons of weeks left short). */
  atMaxSize: boolean;
  /** Trainees of each candidate class (0: not held). */
  sizes: number[];
  /** What the cheapest trainee takes from the budget. */
  leastBudgetPerTrainee: number;
}

async function solveClasses(options: {
  solver: SolverSession;
  candidates: readonly Candidate[];
  required: readonly number[];
  baseAgents: readonly number[];
  firstGraduationWeek: number;
  weeks: number;
  budget: Budget;
  /** Least size of each candidate class (the last plan's), or null. */
  floor: readonly number[] | null;
}): Promise<Solved> {
  const { solver, candidates, required, baseAgents, firstGraduationWeek, weeks, budget, floor } = options;
  const model = new LpModel();
  const sizes = candidates.map((candidate, i) => {
    const least = floor?.[i] ?? 0;
    const size = model.addVariable(`x${i}`, { cost: candidate.costPerTrainee, lower: least, upper: Math.max(least, candidate.maxSize), integer: true });
    const open = model.addVariable(`y${i}`, { lower: least > 0 ? 1 : 0, upper: 1, integer: true });
    model.addConstraint(`min${i}`, [[size, 1], [open, -candidate.minSize]], { lower: 0 });
    model.addConstraint(`max${i}`, [[size, 1], [open, -candidate.maxSize]], { upper: 0 });
    return size;
  });
  // A week left short costs far more than any class could: slack is the last resort.
  const penalty = 1000 * Math.max(1, ...candidates.map((candidate) => candidate.costPerTrainee));
  const slack = new Array<number | null>(weeks).fill(null);
  for (let w = firstGraduationWeek - 1; w < weeks; w++) {
    const need = required[w]! - baseAgents[w]!;
    if (!(need > 1e-9)) continue;
    const variable = model.addVariable(`s${w + 1}`, { cost: penalty });
    slack[w] = variable;
    const terms: [number, number][] = candidates.flatMap((candidate, i) => (candidate.contribution[w]! > 0 ? [[sizes[i]!, candidate.contribution[w]!] as [number, number]] : []));
    model.addConstraint(`cover${w + 1}`, [...terms, [variable, 1]], { lower: need });
  }
  if (budget.amount !== null && candidates.length > 0) {
    model.addConstraint("budget", candidates.map((candidate, i) => [sizes[i]!, candidate.budgetPerTrainee] as [number, number]), { upper: budget.amount });
  }
  const solution = candidates.length > 0 || slack.some((s) => s !== null) ? await solver.solve(model, SOLVE) : null;
  if (solution && !solution.feasible) throw new Error(`the hiring plan's integer program has no solution (HiGHS: ${solution.status})`);
  const value = (variable: number) => (solution ? solution.values[variable]! : 0);
  const planned = candidates.flatMap((candidate, i) => {
    const size = Math.round(value(sizes[i]!));
    return size > 0 ? [{ group: candidate.group, week: candidate.week, size }] : [];
  });
  const chosen = candidates.map((_, i) => Math.round(value(sizes[i]!)));
  const cost = { hiring: 0, wages: 0, total: 0, budgetUsed: 0 };
  candidates.forEach((candidate, i) => {
    cost.hiring += chosen[i]! * candidate.costPerHire;
    cost.wages += chosen[i]! * (candidate.costPerTrainee - candidate.costPerHire);
    cost.budgetUsed += chosen[i]! * candidate.budgetPerTrainee;
  });
  cost.total = cost.hiring + cost.wages;
  return {
    planned,
    slack: slack.map((variable) => (variable === null ? 0 : value(variable))),
    cost,
    atMaxSize: candidates.some((candidate, i) => chosen[i]! >= candidate.maxSize),
    sizes: chosen,
    leastBudgetPerTrainee: Math.min(...candidates.map((candidate) => candidate.budgetPerTrainee)),
  };
}

/** Why a week stays below the confidence under the plan. */
function riskReason(options: { week: number; firstGraduationWeek: number; slack: number; budget: Budget; solved: Solved; corrections: number }): string {
  const { week, firstGraduationWeek, slack, budget, solved, corrections } = options;
  if (week < firstGraduationWeek) {
    return `inside the lead time: a class recruited now joins the floor in week ${firstGraduationWeek} at the earliest (recruiting, then class)`;
  }
  if (slack > 1e-6) {
    if (budget.amount !== null && budget.amount - solved.cost.budgetUsed < solved.leastBudgetPerTrainee) {
      const amount = `${Math.round(budget.amount).toLocaleString("en-US")}${budget.currency ? ` ${budget.currency}` : ""}`;
      return `the hiring budget (${amount}) is spent, not enough left for one more trainee: ${slack.toFixed(1)} agents short`;
    }
    if (solved.atMaxSize) return `classes at their largest size cannot cover it: ${slack.toFixed(1)} agents short`;
    return `no class within the lead time and class sizes can cover it: ${slack.toFixed(1)} agents short`;
  }
  return `still short of the confidence after ${corrections} corrections by simulation`;
}
