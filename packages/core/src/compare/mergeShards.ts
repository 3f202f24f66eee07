import { z } from "zod";
import { KPI_REGISTRY, type KpiUnit } from "../kpi/registry.js";
import type { KpiVectorLayout, KpiVectorSection } from "./kpiVectorLayout.js";
import type { RunIdentity } from "./runAccumulator.js";
import { canonicalJson } from "./scenarioFingerprint.js";
import { shardDocumentSchema, type ShardDocument } from "./shardDocument.js";

/** The shards of one run put back together: feed `vectors` in order to `createRunAccumulator(merged)`. */
export interface MergedShards extends RunIdentity {
  scenarioFingerprint: string;
  replications: number;
  /** Replication k's KPI vector at index k, NaN where a KPI was undefined. */
  vectors: Float64Array[];
}

/**
 * Merges shard documents (parsed JSON, in any order) into the KPI vectors of the whole run, in replication
 * order. Refuses, with a message naming the shards (by `names`, e.g. file names, else "shard 1", "shard 2", …
 * in input order): input that is not a shard document; shards of different scenarios (fingerprint), seeds, run
 * lengths or layouts; a layout written by a version of ccplan with other KPIs; replications missing (a gap, or
 * a shard absent at either end) or present twice (an overlap). Feeding the result to `createRunAccumulator`
 * gives exactly the summary of one unsharded run: the numbers are the same and they go in the same order.
 */
export function mergeShards(documents: readonly unknown[], options?: { names?: readonly string[] }): MergedShards {
  const nameOf = (i: number) => options?.names?.[i] ?? `shard ${i + 1}`;
  if (documents.length === 0) throw new Error("no shards to merge; expected the files a sharded run wrote");
  const shards = documents.map((document, i) => {
    const parsed = shardDocumentSchema.safeParse(document);
    if (!parsed.success) throw new Error(`${nameOf(i)} is not a ccplan shard:\n${z.prettifyError(parsed.error)}`);
    return { name: nameOf(i), document: parsed.data as ShardDocument };
  });

  const first = shards[0]!;
  const layoutText = canonicalJson(first.document.layout);
  checkLayout(first.document.layout, first.name);
  for (const { name, document } of shards.slice(1)) {
    const differs = (what: string, a: unknown, b: unknown) =>
      new Error(`${name} and ${first.name} come from different runs: ${what} ${JSON.stringify(b)} in ${name} versus ${JSON.stringify(a)} in ${first.name}; merge the shards of one run only`);
    // The fields a person can read come first: the fingerprint changes with every one of them (the seed included).
    if (document.seed !== first.document.seed) throw differs("seed", first.document.seed, document.seed);
    if (document.replications !== first.document.replications) throw differs("replications", first.document.replications, document.replications);
    if (document.variant !== first.document.variant) throw differs("variant", first.document.variant ?? "the baseline", document.variant ?? "the baseline");
    if (document.scenario !== first.document.scenario) throw differs("scenario", first.document.scenario, document.scenario);
    if (document.scenarioFingerprint !== first.document.scenarioFingerprint) {
      throw differs("scenario content (same name, other data: fingerprint)", first.document.scenarioFingerprint, document.scenarioFingerprint);
    }
    if (canonicalJson(document.layout) !== layoutText) throw differs("KPI layout", "one layout", "another");
  }

  const { replications, layout } = first.document;
  const ordered = [...shards].sort((a, b) => a.document.from - b.document.from || a.document.to - b.document.to);
  const vectors: Float64Array[] = [];
  let covered = 0;
  let previous: string | null = null;
  for (const { name, document } of ordered) {
    const { from, to } = document;
    if (to < from || to > replications) throw new Error(`${name} holds replications ${from}–${to - 1}; expected a range within 0–${replications - 1}`);
    if (document.vectors.length !== to - from) {
      throw new Error(`${name} holds ${document.vectors.length} KPI vectors for replications ${from}–${to - 1}; expected ${to - from}`);
    }
    if (from > covered) {
      throw new Error(`replications ${covered}–${from - 1} are missing${previous ? ` between ${previous} and ${name}` : ` before ${name}`}; add the shard that holds them`);
    }
    if (from < covered && to > from) {
      throw new Error(`${previous} and ${name} overlap: both hold replications ${from}–${Math.min(covered, to) - 1}; merge each shard once`);
    }
    document.vectors.forEach((values, i) => {
      if (values.length !== layout.length) {
        throw new Error(`${name}: replication ${from + i} has ${values.length} values; expected ${layout.length} (its layout)`);
      }
      checkValues(values, layout, name, from + i);
      vectors.push(Float64Array.from(values, (value) => (value === null ? NaN : value)));
    });
    covered = Math.max(covered, to);
    if (to > from) previous = name;
  }
  if (covered < replications) throw new Error(`replications ${covered}–${replications - 1} are missing after ${previous}; add the shard that holds them`);
  return {
    scenario: first.document.scenario,
    scenarioFingerprint: first.document.scenarioFingerprint,
    seed: first.document.seed,
    replications,
    layout,
    vectors,
  };
}

/**
 * The values a KPI of each unit can take in one replication: fractions in [0, 1], NPS in [−100, 100], everything
 * else (times, counts, agents, money) non-negative and below 10^15, far beyond any replication within the limits.
 * A shard holding anything else was edited or damaged, and would bend every mean and CI it entered.
 */
export function kpiValueRange(unit: KpiUnit): { min: number; max: number; expected: string } {
  switch (unit) {
    case "fraction":
      return { min: 0, max: 1, expected: "a fraction in [0, 1]" };
    case "score":
      return { min: -100, max: 100, expected: "a score in [−100, 100]" };
    default:
      return { min: 0, max: 1e15, expected: `a non-negative finite ${unit === "money" ? "amount" : unit === "seconds" ? "time" : "count"} below 10^15` };
  }
}

// Ratios of sums land a rounding error outside their range at worst.
const RANGE_TOLERANCE = 1e-9;

function checkValues(values: readonly (number | null)[], layout: KpiVectorLayout, name: string, replication: number): void {
  const width = layout.kpis.length;
  const ranges = KPI_REGISTRY.map((kpi) => kpiValueRange(kpi.unit));
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === null || value === undefined) continue;
    const column = index % width;
    const range = ranges[column]!;
    const slack = RANGE_TOLERANCE * Math.max(1, Math.abs(value));
    if (value >= range.min - slack && value <= range.max + slack) continue;
    const row = Math.floor(index / width);
    const sections: [string, KpiVectorSection][] = [["span", layout.span], ["day", layout.days], ["interval", layout.intervals], ["queue", layout.queues]];
    const [section, found] = sections.find(([, candidate]) => row >= candidate.offset / width && row < candidate.offset / width + candidate.rows) ?? ["row", layout.span];
    const label = found.labels[row - found.offset / width] ?? String(row);
    const where = section === "span" ? "the span" : `${section} ${JSON.stringify(label)}`;
    throw new Error(`${name} is refused: replication ${replication}, ${where}, KPI ${layout.kpis[column]} is ${value}; expected ${range.expected}. Was the shard edited? Run it again`);
  }
}

/** The layout must describe this version's KPIs and sections that follow one another without gaps. */
function checkLayout(layout: KpiVectorLayout, name: string): void {
  const ids = KPI_REGISTRY.map((kpi) => kpi.id);
  if (layout.kpis.length !== ids.length || layout.kpis.some((id, i) => id !== ids[i])) {
    throw new Error(`${name} lists other KPIs (${layout.kpis.join(", ")}) than this version of ccplan; run the shards again with this version`);
  }
  let offset = 0;
  for (const [label, section] of [["span", layout.span], ["days", layout.days], ["intervals", layout.intervals], ["queues", layout.queues]] as [string, KpiVectorSection][]) {
    if (section.offset !== offset || section.labels.length !== section.rows) {
      throw new Error(`${name} has an inconsistent layout at ${label}; expected offset ${offset} and one label per row`);
    }
    offset += section.rows * ids.length;
  }
  if (layout.length !== offset) throw new Error(`${name} has an inconsistent layout: length ${layout.length}; expected ${offset}`);
}
