import { benefitPriced, WEEKS_PER_MONTH } from "../economics/moneyReplications.js";
import { resolveCentral } from "../schema/uncertain.js";
import { BENEFIT_PARTS, weeklyBenefit } from "../economics/phaseCounts.js";
import { applyIntervention } from "../interventions/applyIntervention.js";
import { interventionStageAtWeek, type InterventionStage } from "../interventions/interventionTimeline.js";
import type { Scenario } from "../schema/scenario.js";
import { summarize, type KpiSummary } from "../stats/summary.js";
import { summarizeWholePeriods } from "../economics/wholePeriods.js";
import { capacityCalendar } from "./capacityCalendar.js";
import { CAPACITY_FIELD, CAPACITY_FIELDS } from "./capacityReplication.js";
import { WEEK_KPIS } from "./simulateWeek.js";

/** The KPIs a trainer follows week by week. */
export const TRAJECTORY_KPIS = ["serviceLevel", "csat", "aht", "fcr"] as const;
export type TrajectoryKpi = (typeof TRAJECTORY_KPIS)[number];

/** One planned week of an intervention's trajectory. */
export interface TrajectoryWeek {
  week: number;
  start: string | null;
  /** Where the intervention stands this week (null before it starts). */
  stage: InterventionStage | null;
  /** Each KPI with the intervention, without it, and the paired change (intervention − baseline, replication by
   * replication, on the same people and customers), summarised across replications. */
  kpis: Record<TrajectoryKpi, { baseline: KpiSummary; intervention: KpiSummary; delta: KpiSummary }>;
  /** The week's benefit (customers kept, complaints avoided, sales, contacts moved online: `weeklyBenefit`) and its
   * cost lines' share, in the scenario's currency; the cumulative net (benefit − cost) from the start to this week. */
  benefit: KpiSummary;
  cost: number;
  cumulativeNet: KpiSummary;
}

/** An intervention's week-by-week trajectory against the same plan without it: what a trainer reads. */
export interface Trajectory {
  intervention: string;
  startWeek: number;
  weeks: TrajectoryWeek[];
  /** First week from which the cumulative net stays ≥ 0 to the last planned week, over the replications that get
   * there (n says how many); null statistics when none does, or without money. P10, P50 and P90 are whole weeks some
   * replication reached (`summarizeWholePeriods`), never an interpolation between two weeks. */
  breakEvenWeek: KpiSummary;
  /** Share of replications that break even within the planned weeks. */
  breakEvenShare: number;
  /** Why there is no break-even week to look for, in words (as the money's payback): "no benefit is priced", "it costs
   * nothing extra", "the scenario has no money section"; null when there is one to look for. */
  noBreakEven: string | null;
  /** Benefits valued in `money` whose KPIs the engine does not report (not counted). */
  notCounted: string[];
}

const sample = (row: Float64Array, base: number): Record<string, number | null> =>
  Object.fromEntries(WEEK_KPIS.map((id, i) => [id, Number.isNaN(row[base + CAPACITY_FIELD.serviceLevel + i]!) ? null : row[base + CAPACITY_FIELD.serviceLevel + i]!]));

/**
 * The trainer's trajectory from two projections of the same capacity run on the same replications (common random
 * numbers): without the intervention (`baselineRows`) and with it from `startWeek` on (`interventionRows`,
 * `CapacityRun.intervention`). Per week: service level, CSAT, AHT and FCR with and without it and the paired change;
 * the week's benefit (`weeklyBenefit`, the simulated week standing for one week of operation) and the week's share of
 * the intervention's cost lines (one-off costs in its first week, weekly ones from their `fromWeek`, monthly ones at
 * 12/52 a week); the cumulative net, and the break-even week per replication. Without `money` there is no benefit nor
 * cost: the KPIs alone.
 */
export function trainerTrajectory(options: {
  scenario: Scenario;
  intervention: { name: string; startWeek: number };
  baselineRows: readonly Float64Array[];
  interventionRows: readonly Float64Array[];
}): Trajectory {
  const { scenario, baselineRows, interventionRows } = options;
  const capacity = scenario.capacity;
  if (!capacity) throw new Error(`scenario "${scenario.name}" has no capacity plan`);
  const intervention = scenario.interventions.find((candidate) => candidate.name === options.intervention.name);
  if (!intervention) throw new Error(`unknown intervention ${JSON.stringify(options.intervention.name)}`);
  if (baselineRows.length !== interventionRows.length) {
    throw new Error(`${baselineRows.length} baseline and ${interventionRows.length} intervention replications; expected the same, paired`);
  }
  const { startWeek } = options.intervention;
  const width = CAPACITY_FIELDS.length;
  // Amounts at their central values (a range in the money section is the comparison's business, not the trajectory's).
  const money = scenario.money && resolveCentral(scenario.money);
  const costLines = money ? applyIntervention({ ...scenario, interventions: [] }, intervention).costLines : [];
  const weekCost = (offset: number) => {
    if (offset < 0) return 0;
    let cost = 0;
    for (const line of costLines) {
      if (line.kind === "oneOff") cost += offset === 0 ? line.amount : 0;
      else if (offset >= (line.fromWeek ?? 0)) cost += line.kind === "perWeek" ? line.amount : line.amount / WEEKS_PER_MONTH;
    }
    return cost;
  };
  const notCounted = new Set<string>();
  const cumulative = baselineRows.map(() => 0);
  const nets: number[][] = baselineRows.map(() => []);
  const weeks = capacityCalendar(capacity).map((entry, w): TrajectoryWeek => {
    const base = w * width;
    const offset = entry.week - startWeek;
    const kpis = Object.fromEntries(
      TRAJECTORY_KPIS.map((id) => {
        const field = CAPACITY_FIELD[id];
        const before = baselineRows.map((row) => row[base + field]!);
        const after = interventionRows.map((row) => row[base + field]!);
        return [id, { baseline: summarize(before), intervention: summarize(after), delta: summarize(after.map((value, k) => value - before[k]!)) }];
      }),
    ) as TrajectoryWeek["kpis"];
    const cost = weekCost(offset);
    const benefits = baselineRows.map((row, k) => {
      if (!money || offset < 0) return 0;
      const found = weeklyBenefit({ money, baseline: sample(row, base), intervention: sample(interventionRows[k]!, base), spanWeeks: 1 });
      found.notCounted.forEach((part) => notCounted.add(part));
      return BENEFIT_PARTS.reduce((sum, part) => sum + found.parts[part], 0);
    });
    benefits.forEach((benefit, k) => {
      cumulative[k]! += benefit - cost;
      nets[k]!.push(cumulative[k]!);
    });
    return {
      week: entry.week,
      start: entry.start,
      stage: offset >= 0 ? interventionStageAtWeek(intervention, offset, scenario) : null,
      kpis,
      benefit: summarize(benefits),
      cost,
      cumulativeNet: summarize([...cumulative]),
    };
  });
  // As the money's payback: nothing to break even on without a priced benefit or a cost (a net of 0 is not a payback).
  const totalCost = weeks.reduce((sum, week) => sum + week.cost, 0);
  const noBreakEven = !money ? "the scenario has no money section" : !benefitPriced(money) ? "no benefit is priced" : totalCost <= 0 ? "it costs nothing extra" : null;
  const breakEven = nets.map((series) => (noBreakEven === null ? breakEvenWeek(series, startWeek) : null));
  const reached = breakEven.filter((week): week is number => week !== null);
  return {
    intervention: intervention.name,
    startWeek,
    weeks,
    breakEvenWeek: summarizeWholePeriods(reached),
    breakEvenShare: nets.length > 0 ? reached.length / nets.length : 0,
    noBreakEven,
    notCounted: [...notCounted],
  };
}

/** The first planned week (1-based, at or after the start) from which the cumulative net stays ≥ 0 to the end, or null. */
function breakEvenWeek(cumulative: readonly number[], startWeek: number): number | null {
  let first: number | null = null;
  for (let w = cumulative.length - 1; w >= startWeek - 1; w--) {
    if (cumulative[w]! >= -1e-9) first = w + 1;
    else break;
  }
  return first;
}
