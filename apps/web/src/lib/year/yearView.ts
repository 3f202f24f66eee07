// What the Year view draws, as core computed it: per week the mean and P10–P90 of each figure (typed arrays, cheap to
// send from the year worker), the classes, the hiring plan and the trainer's trajectory. The page only formats.
import {
  capacityCalendar,
  capacityReport,
  runClasses,
  summarizeCapacity,
  TRAJECTORY_KPIS,
  type CapacityReport,
  type CapacityRun,
  type HiringPlan,
  type KpiSummary,
  type Scenario,
  type Trajectory,
  type TrajectoryKpi,
} from "@ccplan/core";

/** A figure by week: mean and the P10–P90 spread of outcomes across replications (NaN where undefined). */
export interface WeekSeries {
  mean: Float64Array;
  p10: Float64Array;
  p90: Float64Array;
}

/** A tick of the week axis: the first week of a month. */
export interface WeekTick {
  index: number;
  label: string;
}

export interface YearView {
  scenarioName: string;
  currency: string;
  replications: number;
  targetServiceLevel: number;
  weekLabels: string[];
  /** The first day of each week ("1 Feb 2027"), or null where the plan has no start date. */
  weekDates: (string | null)[];
  ticks: WeekTick[];
  headcount: WeekSeries;
  trainees: WeekSeries;
  available: WeekSeries;
  serviceLevel: WeekSeries;
  contacts: WeekSeries;
  cost: WeekSeries;
  probTargetMet: Float64Array;
  /** The hiring plan's corrected requirement (full-speed agents on the floor), or null without a plan. */
  required: Float64Array | null;
  classes: { group: string; week: number; size: number; committed: boolean }[];
  totals: { hires: number; cost: KpiSummary; paidHours: KpiSummary };
  /** Weeks the run asked for and the distinct ones it had to simulate (the rest were shared or cached). */
  weeksAsked: number;
  weeksSimulated: number;
  plan: {
    confidence: number;
    firstGraduationWeek: number;
    /** The classes the plan adds, with the week recruiting for each must start (its lead time before). */
    planned: (HiringPlan["planned"][number] & { recruitWeek: number })[];
    cost: HiringPlan["cost"];
    atRisk: HiringPlan["atRisk"];
    corrections: number;
  } | null;
  /** `ccplan capacity --json`'s report of the same run, for the JSON download. */
  report: CapacityReport;
}

const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function series(weeks: readonly { figures: Record<string, KpiSummary> }[], field: string): WeekSeries {
  const pick = (key: "mean" | "p10" | "p90") => Float64Array.from(weeks, (week) => week.figures[field]?.[key] ?? Number.NaN);
  return { mean: pick("mean"), p10: pick("p10"), p90: pick("p90") };
}

/** Week labels ("Week 5 · 1 Feb 2027"), each week's first day ("1 Feb 2027", null without dates) and month ticks from
 * core's calendar. */
export function weekAxis(scenario: Scenario): { weekLabels: string[]; weekDates: (string | null)[]; ticks: WeekTick[] } {
  const calendar = capacityCalendar(scenario.capacity!);
  const weekDates = calendar.map((week) => {
    if (!week.start) return null;
    const [year, month, day] = week.start.split("-");
    return `${Number(day)} ${SHORT_MONTHS[Number(month) - 1]} ${year}`;
  });
  const weekLabels = calendar.map((week, w) => (weekDates[w] ? `Week ${week.week} · ${weekDates[w]}` : `Week ${week.week}`));
  const firstMonth = calendar[0]?.start ? Number(calendar[0].start.split("-")[1]) - 1 : null;
  const ticks: WeekTick[] = [];
  calendar.forEach((week, w) => {
    if (w > 0 && week.monthOffset === calendar[w - 1]!.monthOffset) return;
    // The month the week counts in (by its middle day), as core's calendar puts it.
    const month = firstMonth === null ? `M${week.monthOffset + 1}` : SHORT_MONTHS[(firstMonth + week.monthOffset) % 12]!;
    ticks.push({ index: w, label: month });
  });
  return { weekLabels, weekDates, ticks };
}

/** The view of a projection's rows (and of the hiring plan that made them, when there is one). */
export function yearView(options: {
  run: CapacityRun;
  rows: Float64Array[];
  targetServiceLevel: number;
  weeksAsked: number;
  weeksSimulated: number;
  plan?: { plan: HiringPlan; confidence: number };
}): YearView {
  const { run, rows, targetServiceLevel } = options;
  const scenario = run.scenario;
  const summary = summarizeCapacity({ capacity: scenario.capacity!, rows, targetServiceLevel });
  const plan = options.plan?.plan;
  const classes = plan?.classes ?? runClasses(run);
  const report = capacityReport({ summary, classes, requiredAgents: plan?.requiredAgents ?? null });
  return {
    scenarioName: scenario.name,
    currency: scenario.money?.currency ?? "",
    replications: rows.length,
    targetServiceLevel,
    ...weekAxis(scenario),
    headcount: series(summary.weeks, "employed"),
    trainees: series(summary.weeks, "trainees"),
    available: series(summary.weeks, "effective"),
    serviceLevel: series(summary.weeks, "serviceLevel"),
    contacts: series(summary.weeks, "offered"),
    cost: series(summary.weeks, "cost"),
    probTargetMet: Float64Array.from(summary.weeks, (week) => week.probTargetMet.mean ?? Number.NaN),
    required: plan ? Float64Array.from(plan.requiredAgents) : null,
    classes: Object.entries(classes)
      .flatMap(([group, list]) => list.map((entry) => ({ group, week: entry.week, size: entry.size, committed: entry.committed })))
      .sort((a, b) => a.week - b.week),
    totals: summary.totals,
    weeksAsked: options.weeksAsked,
    weeksSimulated: options.weeksSimulated,
    plan: plan
      ? {
          confidence: options.plan!.confidence,
          firstGraduationWeek: plan.firstGraduationWeek,
          planned: plan.planned.map((entry) => ({ ...entry, recruitWeek: entry.week - (scenario.capacity!.groups[entry.group]?.hiring.leadWeeks ?? 0) })),
          cost: plan.cost,
          atRisk: plan.atRisk,
          corrections: plan.corrections,
        }
      : null,
    report,
  };
}

/** The trainer's trajectory as the page draws it: per KPI, both plans' series and the paired change. */
export interface TrajectoryView {
  intervention: string;
  startWeek: number;
  currency: string;
  weekLabels: string[];
  /** The first day of each week ("1 Feb 2027"), or null where the plan has no start date. */
  weekDates: (string | null)[];
  ticks: WeekTick[];
  kpis: Record<TrajectoryKpi, { baseline: WeekSeries; intervention: WeekSeries; delta: WeekSeries }>;
  /** Share of trainees in class and share of the effect in force, by week (NaN before the start). */
  classShare: Float64Array;
  effect: Float64Array;
  cumulativeNet: WeekSeries;
  breakEvenWeek: KpiSummary;
  /** Index of the median break-even week (to mark it), or null when no future breaks even. */
  breakEvenIndex: number | null;
  breakEvenShare: number;
  /** Why no break-even week is looked for (core's words), or null. */
  noBreakEven: string | null;
  notCounted: string[];
  hasMoney: boolean;
  weeksSimulated: number;
}

export function trajectoryView(scenario: Scenario, trajectory: Trajectory, weeksSimulated: number): TrajectoryView {
  const of = (pick: (week: Trajectory["weeks"][number]) => KpiSummary): WeekSeries => ({
    mean: Float64Array.from(trajectory.weeks, (week) => pick(week).mean ?? Number.NaN),
    p10: Float64Array.from(trajectory.weeks, (week) => pick(week).p10 ?? Number.NaN),
    p90: Float64Array.from(trajectory.weeks, (week) => pick(week).p90 ?? Number.NaN),
  });
  const kpis = Object.fromEntries(
    TRAJECTORY_KPIS.map((id) => [id, { baseline: of((week) => week.kpis[id].baseline), intervention: of((week) => week.kpis[id].intervention), delta: of((week) => week.kpis[id].delta) }]),
  ) as TrajectoryView["kpis"];
  return {
    intervention: trajectory.intervention,
    startWeek: trajectory.startWeek,
    currency: scenario.money?.currency ?? "",
    ...weekAxis(scenario),
    kpis,
    classShare: Float64Array.from(trajectory.weeks, (week) => (week.stage ? (week.stage.inClass ? (week.stage.classShare ?? 1) : 0) : Number.NaN)),
    effect: Float64Array.from(trajectory.weeks, (week) => (week.stage ? week.stage.effect : Number.NaN)),
    cumulativeNet: of((week) => week.cumulativeNet),
    breakEvenWeek: trajectory.breakEvenWeek,
    breakEvenIndex: trajectory.breakEvenWeek.p50 === null ? null : Math.round(trajectory.breakEvenWeek.p50) - 1,
    breakEvenShare: trajectory.breakEvenShare,
    // A trajectory kept from before the reason was given carries none.
    noBreakEven: trajectory.noBreakEven ?? null,
    notCounted: trajectory.notCounted,
    hasMoney: scenario.money !== undefined,
    weeksSimulated,
  };
}
