import { exactStatistics, type KpiStatistics, type KpiStatisticsByKpi } from "../compare/kpiStatistics.js";
import type { DeltaStatistics, DeltaStatisticsByKpi } from "../compare/pairedAccumulator.js";
import { KPI_REGISTRY, type KpiDefinition, type KpiId } from "../kpi/registry.js";
import { studentTQuantile } from "../stats/studentTQuantile.js";

/** One run of a scenario as a later comparison needs it: its span statistics and, when kept, every replication's
 * span values (the paired comparison's input). */
export interface RunSide {
  seed: number;
  replications: number;
  kpis: KpiStatisticsByKpi;
  /** Span KPI values of each replication, row k holding the registry's KPIs in registry order
   * (`spanSamples[k × KPI_REGISTRY.length + column]`, NaN where undefined); null when not kept. */
  spanSamples: Float64Array | null;
}

/** The change from one run to another in every KPI, and how it was measured. */
export interface RunDeltas {
  /** True: paired on common random numbers (same seed, the same replications, every replication's values kept):
   * the CIs are those of the per-replication differences. False: the two runs' means compared as independent
   * samples (Welch's t interval), wider. */
  paired: boolean;
  deltas: DeltaStatisticsByKpi;
}

const registry = KPI_REGISTRY as readonly KpiDefinition[];

/**
 * Each KPI's change from `before` to `after` (after − before) with its 95% CI, marked better or worse where that
 * CI excludes zero (the registry's `higherIsBetter`), as a comparison's deltas are. When both runs used the same
 * seed and the same number of replications and kept their per-replication values, replication k of each met the
 * same callers wherever the scenarios agree (common random numbers), so the change is measured pairwise (Law,
 * Simulation Modeling and Analysis, §10.2.1). Otherwise the two means are compared as independent samples with
 * Welch's t interval (Welch 1947, "The generalization of Student's problem when several different population
 * variances are involved", Biometrika 34), which needs only each KPI's mean, variance and n; its P10–P90 of
 * per-replication changes does not exist and is null.
 */
export function compareRuns(before: RunSide, after: RunSide): RunDeltas {
  const width = registry.length;
  const paired =
    before.seed === after.seed &&
    before.replications === after.replications &&
    before.spanSamples !== null &&
    after.spanSamples !== null &&
    before.spanSamples.length === before.replications * width &&
    after.spanSamples.length === after.replications * width;
  const deltas = {} as DeltaStatisticsByKpi;
  registry.forEach((kpi, column) => {
    deltas[kpi.id as KpiId] = paired
      ? pairedDelta(kpi, column, before.spanSamples!, after.spanSamples!, before.replications)
      : welchDelta(kpi, before.kpis[kpi.id as KpiId], after.kpis[kpi.id as KpiId]);
  });
  return { paired, deltas };
}

function verdict(kpi: KpiDefinition, statistics: KpiStatistics, varianceReduction: number | null): DeltaStatistics {
  const ci = statistics.ci95;
  const significant = ci !== null && (ci[0] > 0 || ci[1] < 0);
  const direction = kpi.higherIsBetter;
  const effect = significant && direction !== null ? ((statistics.mean! > 0) === direction ? "better" : "worse") : null;
  return { ...statistics, significant, effect, varianceReduction };
}

function pairedDelta(kpi: KpiDefinition, column: number, before: Float64Array, after: Float64Array, replications: number): DeltaStatistics {
  const width = registry.length;
  const differences = new Float64Array(replications);
  const a: number[] = [];
  const b: number[] = [];
  for (let k = 0; k < replications; k++) {
    const x = before[k * width + column]!;
    const y = after[k * width + column]!;
    differences[k] = Number.isNaN(x) || Number.isNaN(y) ? Number.NaN : y - x;
    if (!Number.isNaN(differences[k]!)) {
      a.push(x);
      b.push(y);
    }
  }
  const statistics = exactStatistics(differences);
  const independent = sampleVariance(a) + sampleVariance(b);
  const reduction = statistics.variance !== null && statistics.variance > 1e-24 * (independent + 1e-300) && a.length >= 2 ? independent / statistics.variance : null;
  return verdict(kpi, statistics, reduction);
}

function welchDelta(kpi: KpiDefinition, before: KpiStatistics | undefined, after: KpiStatistics | undefined): DeltaStatistics {
  const none: KpiStatistics = { mean: null, ci95: null, p10: null, p50: null, p90: null, n: 0, variance: null };
  if (!before || !after || before.mean === null || after.mean === null) return verdict(kpi, none, null);
  const mean = after.mean - before.mean;
  const n = Math.min(before.n, after.n);
  let ci95: [number, number] | null = null;
  if (before.n >= 2 && after.n >= 2 && before.variance !== null && after.variance !== null) {
    const a = before.variance / before.n;
    const b = after.variance / after.n;
    const se = Math.sqrt(a + b);
    if (se === 0) ci95 = [mean, mean];
    else {
      // Welch–Satterthwaite degrees of freedom.
      const df = (a + b) ** 2 / (a ** 2 / (before.n - 1) + b ** 2 / (after.n - 1));
      const half = studentTQuantile(0.975, df) * se;
      ci95 = [mean - half, mean + half];
    }
  }
  return verdict(kpi, { mean, ci95, p10: null, p50: null, p90: null, n, variance: null }, null);
}

function sampleVariance(values: number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  return values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
}
