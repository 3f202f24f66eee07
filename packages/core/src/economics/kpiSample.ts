import { KPI_REGISTRY } from "../kpi/registry.js";

/**
 * One replication's KPI values over the counted span, keyed by registry id (`serviceLevel`, `answered`,
 * `complaints`, …); null (or NaN) where the KPI is undefined in that replication, absent where the engine does
 * not report it. What a phase runner returns, one per replication, in replication order.
 */
export type KpiSample = Readonly<Record<string, number | null | undefined>>;

/**
 * The span row of a KPI vector (`kpiVector`, as workers and shard files carry it) as a `KpiSample`: the vector's
 * first row holds every registry KPI in registry order. NaN (undefined) becomes null.
 */
export function spanKpiSample(vector: ArrayLike<number>): KpiSample {
  const sample: Record<string, number | null> = {};
  KPI_REGISTRY.forEach((kpi, column) => {
    const value = vector[column];
    sample[kpi.id] = value === undefined || Number.isNaN(value) ? null : value;
  });
  return sample;
}

/** A KPI's value as a number: undefined where the engine does not report it, null where it is undefined. */
export function kpiValue(sample: KpiSample, id: string): number | null | undefined {
  const value = sample[id];
  if (value === undefined) return undefined;
  return value === null || Number.isNaN(value) ? null : value;
}
