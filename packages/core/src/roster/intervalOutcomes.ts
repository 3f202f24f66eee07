import { kpiVectorLayout, type KpiVectorLayout } from "../compare/kpiVectorLayout.js";
import { targetMet, type TargetMet } from "../compare/targetMet.js";
import type { Plan } from "../des/plan.js";

/** Per interval of the span, over a set of replications: what the roster optimiser reads from a simulation. */
export interface IntervalOutcomes {
  /** Replications summarised. */
  replications: number;
  /** Mean service level (mean of the replications' values; NaN where nothing was offered in any). */
  serviceLevel: Float64Array;
  /** Standard deviation of the replications' service levels (0 with fewer than two). */
  serviceLevelSd: Float64Array;
  /** Replications whose service level reached the target, and those in which it was defined. */
  met: Int32Array;
  defined: Int32Array;
  /** Mean contacts offered (first contacts, retries and repeats). */
  offered: Float64Array;
  /** The service level an interval must reach (the strictest queue target). */
  targetServiceLevel: number;
}

/**
 * Summarises KPI vectors (core's `kpiVector`, one per replication, all of one plan) per interval: the mean service
 * level, how many replications met the target and the mean offered contacts. Intervals are those of the plan's span
 * (the layout's counted intervals; a plan without warm-up counts them all).
 */
export function intervalOutcomes(plan: Plan, vectors: readonly Float64Array[], layout: KpiVectorLayout = kpiVectorLayout(plan)): IntervalOutcomes {
  const rows = layout.intervals.rows;
  const width = layout.kpis.length;
  const slColumn = layout.kpis.indexOf("serviceLevel");
  const offeredColumn = layout.kpis.indexOf("offered");
  const serviceLevel = new Float64Array(rows);
  const squares = new Float64Array(rows);
  const met = new Int32Array(rows);
  const defined = new Int32Array(rows);
  const offered = new Float64Array(rows);
  const target = layout.targetServiceLevel;
  for (const vector of vectors) {
    for (let row = 0; row < rows; row++) {
      const base = layout.intervals.offset + row * width;
      const level = vector[base + slColumn]!;
      offered[row]! += vector[base + offeredColumn]!;
      if (Number.isNaN(level)) continue;
      defined[row]!++;
      serviceLevel[row]! += level;
      squares[row]! += level * level;
      if (level >= target) met[row]!++; // as the comparison's target-met count (vectorStatistics)
    }
  }
  const serviceLevelSd = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const k = defined[row]!;
    serviceLevel[row] = k > 0 ? serviceLevel[row]! / k : NaN;
    serviceLevelSd[row] = k > 1 ? Math.sqrt(Math.max(0, (squares[row]! - k * serviceLevel[row]! ** 2) / (k - 1))) : 0;
    offered[row] = vectors.length > 0 ? offered[row]! / vectors.length : 0;
  }
  return { replications: vectors.length, serviceLevel, serviceLevelSd, met, defined, offered, targetServiceLevel: target };
}

/** The probability of meeting the target in interval `row` (met / defined; 1 where nothing was ever offered). */
export function metShare(outcomes: IntervalOutcomes, row: number): number {
  const n = outcomes.defined[row]!;
  return n === 0 ? 1 : outcomes.met[row]! / n;
}

/** `TargetMet` (share, Wilson 95% interval, counts) of interval `row`. */
export function intervalTargetMet(outcomes: IntervalOutcomes, row: number): TargetMet {
  return targetMet(outcomes.met[row]!, outcomes.defined[row]!);
}

/** Joins two sets of outcomes of the same plan (more replications; the larger of the two standard deviations). */
export function joinOutcomes(a: IntervalOutcomes, b: IntervalOutcomes): IntervalOutcomes {
  const rows = a.serviceLevel.length;
  const serviceLevel = new Float64Array(rows);
  const offered = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const na = a.defined[row]!;
    const nb = b.defined[row]!;
    const sa = Number.isNaN(a.serviceLevel[row]!) ? 0 : a.serviceLevel[row]! * na;
    const sb = Number.isNaN(b.serviceLevel[row]!) ? 0 : b.serviceLevel[row]! * nb;
    serviceLevel[row] = na + nb > 0 ? (sa + sb) / (na + nb) : NaN;
    const total = a.replications + b.replications;
    offered[row] = total > 0 ? (a.offered[row]! * a.replications + b.offered[row]! * b.replications) / total : 0;
  }
  const serviceLevelSd = Float64Array.from(a.serviceLevelSd, (sd, row) => Math.max(sd, b.serviceLevelSd[row]!));
  return {
    replications: a.replications + b.replications,
    serviceLevel,
    serviceLevelSd,
    met: Int32Array.from(a.met, (value, row) => value + b.met[row]!),
    defined: Int32Array.from(a.defined, (value, row) => value + b.defined[row]!),
    offered,
    targetServiceLevel: a.targetServiceLevel,
  };
}
