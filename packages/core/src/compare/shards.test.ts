import { describe, expect, it } from "vitest";
import { compileScenario } from "../plan/compile.js";
import full from "../schema/fixtures/full.json" with { type: "json" };
import { kpiVector } from "./kpiVector.js";
import { kpiVectorLayout } from "./kpiVectorLayout.js";
import { mergeShards } from "./mergeShards.js";
import { createRunAccumulator } from "./runAccumulator.js";
import { canonicalJson, scenarioFingerprint } from "./scenarioFingerprint.js";
import { shardDocument, type ShardDocument } from "./shardDocument.js";
import { shardRange } from "./shardRange.js";
import { replications, scenarioOf } from "./testing/runs.js";

describe("shardRange", () => {
  it("splits replications into contiguous ranges whose sizes differ by at most one", () => {
    expect([0, 1, 2].map((i) => shardRange(10, i, 3))).toEqual([[0, 3], [3, 6], [6, 10]]);
    expect(shardRange(1000, 2, 8)).toEqual([250, 375]);
    expect([0, 1, 2].map((i) => shardRange(2, i, 3))).toEqual([[0, 0], [0, 1], [1, 2]]);
  });

  it("refuses an index outside the shards and counts that are not whole numbers", () => {
    expect(() => shardRange(10, 3, 3)).toThrow("invalid shard index: 3; expected a whole number from 0 to 2");
    expect(() => shardRange(10, 0, 0)).toThrow("invalid shard count: 0");
    expect(() => shardRange(0, 0, 1)).toThrow("invalid replications: 0");
  });
});

describe("scenarioFingerprint", () => {
  it("is 64-bit FNV-1a of the canonical JSON (values computed independently in Python)", () => {
    expect(canonicalJson({ b: "été", a: [1, 2.5, null], c: undefined })).toBe('{"a":[1,2.5,null],"b":"été"}');
    expect(scenarioFingerprint({ b: "été", a: [1, 2.5, null] })).toBe("fnv1a64:d0a00d4911e9de4f");
    expect(scenarioFingerprint("a")).not.toBe(scenarioFingerprint("b"));
  });

  it("ignores key order and typed versus plain arrays, and notices any value", () => {
    const scenario = scenarioOf(full);
    const reordered = Object.fromEntries(Object.entries(scenario).reverse());
    expect(scenarioFingerprint(reordered)).toBe(scenarioFingerprint(scenario));
    expect(scenarioFingerprint({ rates: Float64Array.of(1, 2) })).toBe(scenarioFingerprint({ rates: [1, 2] }));
    expect(scenarioFingerprint({ ...scenario, seed: scenario.seed + 1 })).not.toBe(scenarioFingerprint(scenario));
  });

  it("refuses what JSON cannot hold: a compiled plan's samplers, infinite numbers", () => {
    expect(() => scenarioFingerprint(compileScenario(scenarioOf(full)))).toThrow(/cannot fingerprint a function at \$\.queues\[0\]\.handle; fingerprint the scenario/);
    expect(() => scenarioFingerprint({ a: Infinity })).toThrow("cannot fingerprint Infinity at $.a");
    expect(() => scenarioFingerprint(new Map())).toThrow("cannot fingerprint a Map at $");
  });
});

describe("shard documents and mergeShards", () => {
  const scenario = scenarioOf(full);
  const plan = compileScenario(scenario);
  const layout = kpiVectorLayout(plan);
  const total = 23;
  const vectors = replications(plan, total).map((result) => kpiVector(plan, result, layout));
  const identity = { scenario: plan.name, scenarioFingerprint: scenarioFingerprint(scenario), seed: plan.seed, replications: total, layout };
  const shard = (index: number, count: number): ShardDocument => {
    const [from, to] = shardRange(total, index, count);
    return shardDocument({ ...identity, from, to, vectors: vectors.slice(from, to) });
  };
  // What a batch job writes and `ccplan merge` reads back: JSON text.
  const throughJson = (document: unknown): unknown => JSON.parse(JSON.stringify(document));
  const shards = [0, 1, 2, 3].map((i) => throughJson(shard(i, 4)));

  it("encodes NaN as null and keeps every other number exactly through JSON", () => {
    const numbers = [0.1 + 0.2, 1 / 3, 5e-324, 1.7976931348623157e308, 2 ** -1074 * 3, 123456789.123456789];
    const vector = new Float64Array(layout.length).fill(NaN);
    vector.set(numbers);
    const document = throughJson(shardDocument({ ...identity, replications: 1, from: 0, to: 1, vectors: [vector] })) as ShardDocument;
    expect(document.vectors[0]!.slice(0, numbers.length)).toEqual(numbers);
    expect(document.vectors[0]![numbers.length]).toBeNull();
    // The merge refuses values no KPI can take (a mean wait of 1.8e308 s, an abandon rate of 123456789): left out here.
    document.vectors[0]![3] = null;
    document.vectors[0]![5] = null;
    expect(Object.is(mergeShards([document]).vectors[0]![0], 0.1 + 0.2)).toBe(true);
  });

  it("merging the shards of a run gives byte for byte the summary of the unsharded run, in any order", () => {
    const whole = createRunAccumulator(plan);
    vectors.forEach((vector, k) => whole.add(k, vector));
    const merged = mergeShards([shards[2], shards[0], shards[3], shards[1]]);
    expect(merged.vectors).toHaveLength(total);
    const accumulator = createRunAccumulator(merged);
    merged.vectors.forEach((vector, k) => accumulator.add(k, vector));
    expect(JSON.stringify(accumulator.summary())).toBe(JSON.stringify(whole.summary()));
    // Another split of the same run: the same again.
    const other = createRunAccumulator(mergeShards([0, 1, 2, 3, 4, 5, 6].map((i) => throughJson(shard(i, 7)))));
    vectors.forEach((vector, k) => other.add(k, vector));
    expect(JSON.stringify(other.summary())).toBe(JSON.stringify(whole.summary()));
  });

  it("refuses gaps, overlaps and missing ends, naming the shards", () => {
    const names = ["part1.json", "part2.json", "part3.json", "part4.json"];
    expect(() => mergeShards([shards[0], shards[2], shards[3]], { names })).toThrow(
      "replications 5–10 are missing between part1.json and part2.json; add the shard that holds them",
    );
    expect(() => mergeShards([shards[1], shards[2], shards[3]])).toThrow("replications 0–4 are missing before shard 1");
    expect(() => mergeShards([shards[0], shards[1], shards[2]])).toThrow("replications 17–22 are missing after shard 3");
    expect(() => mergeShards([...shards, shards[1]])).toThrow("shard 2 and shard 5 overlap: both hold replications 5–10; merge each shard once");
    const straddling = throughJson(shardDocument({ ...identity, from: 8, to: 12, vectors: vectors.slice(8, 12) }));
    expect(() => mergeShards([shards[0], shards[1], straddling, shards[2], shards[3]])).toThrow(/overlap: both hold replications 8–10/);
    expect(() => mergeShards([])).toThrow("no shards to merge");
  });

  it("refuses shards of different scenarios, seeds, run lengths or layouts", () => {
    const [from, to] = shardRange(total, 1, 4);
    const other = (change: Partial<typeof identity & { variant: string }>) => throughJson(shardDocument({ ...identity, ...change, from, to, vectors: vectors.slice(from, to) }));
    expect(() => mergeShards([shards[0], other({ scenarioFingerprint: "fnv1a64:0000000000000000" })])).toThrow(
      /shard 2 and shard 1 come from different runs: scenario .*fnv1a64:0000000000000000/,
    );
    expect(() => mergeShards([shards[0], other({ seed: plan.seed + 1 })])).toThrow(`come from different runs: seed ${plan.seed + 1} in shard 2 versus ${plan.seed} in shard 1`);
    // Another seed changes the fingerprint too: the seed is what the message names.
    expect(() => mergeShards([shards[0], other({ seed: plan.seed + 1, scenarioFingerprint: "fnv1a64:0000000000000000" })])).toThrow("different runs: seed");
    expect(() => mergeShards([shards[0], other({ replications: 24 })])).toThrow("come from different runs: replications 24 in shard 2 versus 23 in shard 1");
    expect(() => mergeShards([shards[0], other({ variant: "More agents" })])).toThrow('come from different runs: variant "More agents" in shard 2 versus "the baseline" in shard 1');
    expect(() => mergeShards([shards[0], other({ scenario: "Another center" })])).toThrow('come from different runs: scenario "Another center" in shard 2 versus');
    expect(() => mergeShards([shards[0], other({ layout: { ...layout, targetServiceLevel: 0.9 } })])).toThrow("come from different runs: KPI layout");
  });

  it("refuses a shard whose values no KPI can take, naming it and the value", () => {
    const names = ["part1.json", "part2.json", "part3.json", "part4.json"];
    const edited = (index: number, value: number) => {
      const copy = structuredClone(shards[1]) as ShardDocument;
      copy.vectors[2]![index] = value;
      return [shards[0], copy, shards[2], shards[3]];
    };
    const at = (kpi: string, row = 0) => layout.kpis.indexOf(kpi as never) + row * layout.kpis.length;
    expect(() => mergeShards(edited(at("serviceLevel"), 1e308), { names })).toThrow(
      "part2.json is refused: replication 7, the span, KPI serviceLevel is 1e+308; expected a fraction in [0, 1]",
    );
    expect(() => mergeShards(edited(at("offered", 1), -3), { names })).toThrow(`part2.json is refused: replication 7, day "${plan.dayLabels[0]}", KPI offered is -3`);
    expect(() => mergeShards(edited(at("nps"), 101), { names })).toThrow("KPI nps is 101; expected a score in [−100, 100]");
    expect(() => mergeShards(edited(at("asa"), 1e308), { names })).toThrow("KPI asa is 1e+308; expected a non-negative finite time below 10^15");
    // The values of a real run pass, NaN (null) included.
    expect(mergeShards(shards).vectors).toHaveLength(total);
  });

  it("refuses what is not a shard, and a shard of another version's KPIs", () => {
    expect(() => mergeShards([{ format: "something else" }], { names: ["notes.json"] })).toThrow(/^notes\.json is not a ccplan shard:\n✖/);
    const renamed = structuredClone(shards[0]) as ShardDocument;
    renamed.layout.kpis[0] = "serviceLevelOld" as "serviceLevel";
    expect(() => mergeShards([renamed])).toThrow("shard 1 lists other KPIs (serviceLevelOld, ");
    const short = structuredClone(shards[0]) as ShardDocument;
    short.vectors.pop();
    expect(() => mergeShards([short])).toThrow("shard 1 holds 4 KPI vectors for replications 0–4; expected 5");
  });
});
