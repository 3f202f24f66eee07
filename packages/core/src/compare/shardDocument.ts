import { z } from "zod";
import type { KpiVectorLayout } from "./kpiVectorLayout.js";

export const SHARD_FORMAT = "ccplan-shard";
export const SHARD_VERSION = 1;

const section = z.strictObject({
  offset: z.int().min(0),
  rows: z.int().min(0),
  labels: z.array(z.string()),
});

/** What a shard file must look like; `mergeShards` checks every input against it. */
export const shardDocumentSchema = z.strictObject({
  format: z.literal(SHARD_FORMAT),
  version: z.literal(SHARD_VERSION),
  scenario: z.string(),
  variant: z.string().optional(),
  scenarioFingerprint: z.string().min(1),
  seed: z.number(),
  replications: z.int().min(1),
  from: z.int().min(0),
  to: z.int().min(0),
  layout: z.strictObject({
    kpis: z.array(z.string()).min(1),
    span: section,
    days: section,
    intervals: section.extend({ first: z.int().min(0) }),
    queues: section,
    length: z.int().min(0),
    targetServiceLevel: z.number().min(0).max(1),
  }),
  vectors: z.array(z.array(z.number().nullable())),
});

/**
 * One shard of a run as plain JSON data: which run (scenario name and fingerprint, seed, total replications),
 * which replications ([from, to)), the KPI vector layout, and one KPI vector per replication in order, NaN
 * written as null. Every other number survives JSON.stringify and JSON.parse exactly (JSON's shortest
 * round-trip form), so merged shards give exactly the numbers of one run; −0 would come back as 0, which
 * no KPI produces.
 */
export interface ShardDocument {
  format: typeof SHARD_FORMAT;
  version: typeof SHARD_VERSION;
  scenario: string;
  /** The intervention run instead of the baseline (`simulate --variant`); omitted: the baseline. */
  variant?: string;
  scenarioFingerprint: string;
  seed: number;
  replications: number;
  from: number;
  to: number;
  layout: KpiVectorLayout;
  vectors: (number | null)[][];
}

/**
 * Builds a shard document from replications `from … to − 1` of a run of `replications` (their KPI vectors in
 * order). Throws when the vectors do not match the range or the layout, or hold an infinite value.
 */
export function shardDocument(options: {
  scenario: string;
  variant?: string;
  scenarioFingerprint: string;
  seed: number;
  replications: number;
  from: number;
  to: number;
  layout: KpiVectorLayout;
  vectors: readonly ArrayLike<number>[];
}): ShardDocument {
  const { from, to, replications, layout, vectors } = options;
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= replications)) {
    throw new Error(`invalid shard range ${from}–${to}; expected whole numbers with 0 ≤ from ≤ to ≤ ${replications}`);
  }
  if (vectors.length !== to - from) throw new Error(`shard ${from}–${to} has ${vectors.length} KPI vectors; expected ${to - from}`);
  return {
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    scenario: options.scenario,
    ...(options.variant !== undefined && { variant: options.variant }),
    scenarioFingerprint: options.scenarioFingerprint,
    seed: options.seed,
    replications,
    from,
    to,
    layout,
    vectors: vectors.map((vector, i) => {
      if (vector.length !== layout.length) {
        throw new Error(`replication ${from + i} has a KPI vector of ${vector.length} values; expected ${layout.length}`);
      }
      return Array.from(vector, (value, j) => {
        if (Number.isNaN(value)) return null;
        if (!Number.isFinite(value)) throw new Error(`replication ${from + i} has ${value} at index ${j}; KPI values are finite or NaN`);
        return value;
      });
    }),
  };
}
