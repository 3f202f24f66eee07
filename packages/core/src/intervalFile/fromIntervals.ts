import type { DurationSampler, Plan } from "../des/plan.js";
import { inverseCdf } from "../random/distributions.js";
import type { DurationDistribution } from "../schema/distribution.js";
import { calibratedPlan, type CalibratedModel } from "../calibration/calibratedModel.js";
import type { IntervalTable } from "./intervalTable.js";

/** How handle times and patience are distributed around each row's mean when a planner runs an interval file. */
export interface IntervalPlanOptions {
  name: string;
  seed: number;
  /** Mean handle time for rows without `aht_seconds`, seconds. */
  ahtSec?: number;
  handleDist: "exponential" | "lognormal" | "gamma";
  /** Coefficient of variation of handle times (lognormal and gamma). */
  handleCv: number;
  /** Mean patience for rows without `patience_seconds`; omitted = infinite patience (unless a row gives one). */
  patienceSec?: number;
  patienceDist: "exponential" | "lognormal" | "gamma";
  patienceCv: number;
  targetAnswerSec: number;
  /** A calibrated model (`ccplan calibrate`): handle times from its fitted shape plus its after-call-work allowance,
   * with each row's `aht_seconds` read as the interval's mean talk time (the model's where absent), patience from
   * its survival curve, and its priority class. The options' handle and patience settings are then unused. */
  calibration?: CalibratedModel;
}

function unitSampler(dist: IntervalPlanOptions["handleDist"], cv: number): DurationSampler {
  const spec: DurationDistribution = dist === "exponential" ? { dist, meanSec: 1 } : { dist, meanSec: 1, cv };
  return inverseCdf(spec);
}

/**
 * Builds a plan from an interval table: Poisson arrivals with each row's mean, one queue, one group whose agents on
 * the floor follow the `agents` column (already net of shrinkage). A fractional value is a time average, realised as
 * the ceiling for that fraction of the interval and the floor for the rest. Per-row means override the defaults;
 * the distributions are scale families, so a unit-mean sampler is scaled per interval. Returns an error message
 * (for the user) when a row needs a mean that neither the file nor the options give.
 */
export function planFromIntervals(table: IntervalTable, options: IntervalPlanOptions): { ok: true; plan: Plan } | { ok: false; error: string } {
  if (options.calibration) return calibratedIntervalPlan(table, options, options.calibration);
  const { rows, intervalSec } = table;
  const count = rows.length;
  const arrivalRatePerSec = new Float64Array(count);
  const handleScale = new Float64Array(count);
  const patienceScale = new Float64Array(count);
  let anyPatience = false;
  for (let index = 0; index < count; index++) {
    const row = rows[index]!;
    arrivalRatePerSec[index] = row.contacts / intervalSec;
    const aht = row.ahtSec ?? options.ahtSec;
    if (aht === undefined) return { ok: false, error: `line ${row.line}: no aht_seconds in the file and no --aht given; expected one of them` };
    handleScale[index] = aht;
    const patience = row.patienceSec ?? options.patienceSec;
    patienceScale[index] = patience ?? Number.POSITIVE_INFINITY;
    if (patience !== undefined) anyPatience = true;
  }
  const staffing = staffingSteps(rows.map((row) => row.agents), intervalSec);
  const peakRate = arrivalRatePerSec.reduce((max, rate) => Math.max(max, rate), 0);
  const dayLabels = table.dated
    ? [...new Set(rows.map((row) => row.start.slice(0, 10)))]
    : ["day 1"];
  const plan: Plan = {
    name: options.name,
    seed: options.seed,
    intervalSec,
    intervalsPerDay: Math.round(86_400 / intervalSec),
    intervalCount: count,
    intervalLabels: rows.map((row) => row.start),
    dayLabels,
    warmupSec: 0,
    queues: [
      {
        name: "contacts",
        arrivalRatePerSec,
        candidateRatePerSec: peakRate,
        dailyVolumeCv: 0,
        handle: unitSampler(options.handleDist, options.handleCv),
        handleMeanSec: handleScale.reduce((sum, value, index) => sum + value * rows[index]!.contacts, 0) /
          Math.max(1e-12, rows.reduce((sum, row) => sum + row.contacts, 0)) || handleScale[0]!,
        handleScaleByInterval: handleScale,
        patience: anyPatience ? unitSampler(options.patienceDist, options.patienceCv) : null,
        patienceScaleByInterval: anyPatience ? patienceScale : undefined,
        targetAnswerSec: options.targetAnswerSec,
        fcr: 1,
        repeatDelay: () => 0,
        retryProbability: 0,
        retryDelay: () => 0,
      },
    ],
    groups: [
      {
        name: "agents",
        serves: Int32Array.of(0),
        shrinkage: 0,
        staffingTimesSec: staffing.timesSec,
        staffingCounts: staffing.counts,
      },
    ],
  };
  return { ok: true, plan };
}

/**
 * Agents on the floor per interval (a fraction is a time average) as the engine's staffing steps: the ceiling for
 * that fraction of the interval, from its start, then the floor; equal neighbouring steps merged.
 */
export function staffingSteps(agents: ArrayLike<number>, intervalSec: number): { timesSec: Float64Array; counts: Int32Array } {
  const times: number[] = [];
  const counts: number[] = [];
  const push = (timeSec: number, count: number) => {
    if (counts.length > 0 && counts[counts.length - 1] === count) return;
    times.push(timeSec);
    counts.push(count);
  };
  for (let index = 0; index < agents.length; index++) {
    const startSec = index * intervalSec;
    const floor = Math.floor(agents[index]!);
    const fraction = agents[index]! - floor;
    if (fraction > 0) {
      push(startSec, floor + 1);
      push(startSec + fraction * intervalSec, floor);
    } else push(startSec, floor);
  }
  if (times.length === 0) push(0, 0);
  return { timesSec: Float64Array.from(times), counts: Int32Array.from(counts) };
}

/** An interval table run with a calibrated model (see `IntervalPlanOptions.calibration`). A row's patience_seconds
 * would contradict the calibrated patience curve: it is refused. */
function calibratedIntervalPlan(table: IntervalTable, options: IntervalPlanOptions, model: CalibratedModel): { ok: true; plan: Plan } | { ok: false; error: string } {
  const withPatience = table.rows.find((row) => row.patienceSec !== undefined);
  if (withPatience) {
    return { ok: false, error: `line ${withPatience.line}: patience_seconds with a calibration; expected the column empty or absent (the calibration's patience curve is used)` };
  }
  const dayLabels = table.dated ? [...new Set(table.rows.map((row) => row.start.slice(0, 10)))] : ["day 1"];
  const plan = calibratedPlan({
    name: options.name,
    seed: options.seed,
    intervalSec: table.intervalSec,
    intervalLabels: table.rows.map((row) => row.start),
    dayLabels,
    contacts: table.rows.map((row) => row.contacts),
    agents: table.rows.map((row) => row.agents),
    talkSec: table.rows.map((row) => row.ahtSec ?? null),
    priorityShare: null,
    model: { ...model, targetAnswerSec: options.targetAnswerSec },
  });
  return { ok: true, plan };
}
