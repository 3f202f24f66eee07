import { WEEKS_PER_MONTH } from "../economics/moneyReplications.js";
import { counterUniform } from "../random/counterUniform.js";
import type { CapacityGroup, HiringClass } from "../schema/capacity.js";
import { binomialQuantile } from "./binomialQuantile.js";
import { weeklyRate } from "./weeklyRate.js";

/** One group's people in one planned week of one replication. */
export interface PeopleWeek {
  /** On the payroll this week: agents on the floor and trainees in class. */
  employed: number;
  /** In class this week (paid, not taking contacts). */
  trainees: number;
  /** On the floor (graduated or veteran), before shrinkage. */
  onFloor: number;
  /** Of those, still ramping up. */
  ramping: number;
  /** Their mean productivity (1 when none ramps). */
  rampingProductivity: number;
  /** Full-speed equivalents on the floor: Σ agents × productivity. */
  effective: number;
  /** Trainees who start a class this week. */
  hires: number;
  /** Trainees who graduate and join the floor this week. */
  graduates: number;
  /** Agents who leave at the end of this week. */
  leavers: number;
}

// Lanes of `counterUniform` for the people draws: far from the engine's (group indices), one per purpose and group.
const LEAVE_LANE = 7_340_033;
const GRADUATE_LANE = 7_340_032;
/** Cohort ids: 0 the agents employed before any recent hire, 1… the recent hires, CLASS_ID + week a class. */
const CLASS_ID = 100_000;

interface Cohort {
  id: number;
  size: number;
  /** First week on the floor (1-based; ≤ 0 for recent hires, −Infinity for veterans). */
  joinedWeek: number;
}

/**
 * One group's people week by week in replication `replication`, each replication drawing its own: leavers are
 * binomial at the weekly rate 1 − (1 − perMonth)^(12/52) (new hires at newHirePerMonth for their first newHireMonths
 * on the floor), drawn per cohort at the end of each week; a class starting in week s is in class (paid, off the
 * floor) for `classWeeks` weeks and its graduates, binomial with `graduation`, join the floor in week s + classWeeks;
 * new hires work at startProductivity + (1 − startProductivity) × t / ramp.weeks in their t-th week on the floor
 * (t = 0, 1, …), then at full speed. Recent hires joined the floor `weeksAgo` weeks before week 1.
 *
 * Every draw is a uniform of (seed, replication, purpose, group, cohort, week) turned into a binomial by its inverse
 * CDF (common random numbers): two hiring plans see the same leavers among the agents they share, and a class of
 * the same week draws the same uniforms whatever its size. Classes after the planned weeks are ignored.
 */
export function projectPeople(options: {
  group: CapacityGroup;
  classes: readonly HiringClass[];
  weeks: number;
  seed: number;
  replication: number;
  /** The group's index in the scenario: separates the groups' draws. */
  groupIndex: number;
}): PeopleWeek[] {
  const { group, classes, weeks, seed, replication, groupIndex } = options;
  const attrition = group.attrition;
  const veteranRate = weeklyRate(attrition?.perMonth ?? 0);
  const newHireRate = weeklyRate(attrition?.newHirePerMonth ?? attrition?.perMonth ?? 0);
  const newHireWeeks = (attrition?.newHireMonths ?? 0) * WEEKS_PER_MONTH;
  const ramp = group.ramp;
  const productivityAt = (weeksOnFloor: number) =>
    ramp && weeksOnFloor < ramp.weeks ? ramp.startProductivity + ((1 - ramp.startProductivity) * weeksOnFloor) / ramp.weeks : 1;
  const { classWeeks, graduation } = group.hiring;

  const recent = group.recentHires.reduce((sum, hire) => sum + hire.agents, 0);
  const cohorts: Cohort[] = [{ id: 0, size: Math.max(0, group.headcount - recent), joinedWeek: -Infinity }];
  group.recentHires.forEach((hire, i) => cohorts.push({ id: i + 1, size: hire.agents, joinedWeek: 1 - hire.weeksAgo }));

  const result: PeopleWeek[] = [];
  for (let week = 1; week <= weeks; week++) {
    let hires = 0;
    let graduates = 0;
    let trainees = 0;
    for (const entry of classes) {
      if (entry.week === week) hires += entry.size;
      const graduationWeek = entry.week + classWeeks;
      if (week >= entry.week && week < graduationWeek) trainees += entry.size;
      if (week === graduationWeek) {
        const u = counterUniform(seed, replication, GRADUATE_LANE, groupIndex, CLASS_ID + entry.week);
        const size = binomialQuantile(entry.size, graduation, u);
        graduates += size;
        cohorts.push({ id: CLASS_ID + entry.week, size, joinedWeek: week });
      }
    }
    let onFloor = 0;
    let ramping = 0;
    let rampingEffective = 0;
    let effective = 0;
    for (const cohort of cohorts) {
      const productivity = productivityAt(week - cohort.joinedWeek);
      onFloor += cohort.size;
      effective += cohort.size * productivity;
      if (productivity < 1) {
        ramping += cohort.size;
        rampingEffective += cohort.size * productivity;
      }
    }
    let leavers = 0;
    for (const cohort of cohorts) {
      if (cohort.size === 0) continue;
      const rate = week - cohort.joinedWeek < newHireWeeks ? newHireRate : veteranRate;
      const u = counterUniform(seed, replication, LEAVE_LANE + groupIndex * 2, cohort.id, week);
      const left = binomialQuantile(cohort.size, rate, u);
      cohort.size -= left;
      leavers += left;
    }
    result.push({
      employed: onFloor + trainees,
      trainees,
      onFloor,
      ramping,
      rampingProductivity: ramping > 0 ? rampingEffective / ramping : 1,
      effective,
      hires,
      graduates,
      leavers,
    });
  }
  return result;
}
