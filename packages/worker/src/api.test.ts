import { compileScenario, createScenarioSimulator, createSimulator, kpiVector, parseScenario, scenarioVariants, stationaryPlan, type ReplicationResult } from "@ccplan/core";
import { transfer } from "comlink";
import { describe, expect, it, vi } from "vitest";
import { compileSource, runCapacityWeeks, runChunk, runKpiVectors, runReplications } from "./api.js";
import { describeSource, type PlanSource } from "./planSource.js";
import { smallCenter } from "../test/fixtures/smallCenter.js";

// comlink's `transfer`, watched: the api must never mark a result for transfer (see api.ts).
vi.mock("comlink", async (original) => {
  const actual = await original<typeof import("comlink")>();
  return { ...actual, transfer: vi.fn(actual.transfer) };
});

const small = { arrivalsPerHour: 120, ahtSec: 180, agents: 7, patienceSec: 300, hours: 4, seed: 3 };
const stationary: PlanSource = { kind: "stationary", options: small };

const scenario = smallCenter();

/** Every number of a result, as bytes: equal bytes mean the same result, bit for bit. */
function bytes(result: ReplicationResult): string {
  const { queueCounters, groupCounters, waitHistogram, ...scalars } = result;
  const hex = (array: Float64Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("hex");
  return `${JSON.stringify(scalars)}|${hex(queueCounters)}|${hex(groupCounters)}|${hex(waitHistogram)}`;
}

describe("runReplications", () => {
  it("returns replications from … to − 1 in order, bit for bit those of core's simulator", () => {
    const results = runReplications(stationary, 4, 9);
    expect(results.map((r) => r.replication)).toEqual([4, 5, 6, 7, 8]);
    const simulator = createSimulator(stationaryPlan(small));
    expect(results.map(bytes)).toEqual([4, 5, 6, 7, 8].map((k) => bytes(simulator.run(k))));
  });

  it("returns KPI vectors equal to core's kpiVector of the same replications", () => {
    const plan = stationaryPlan(small);
    const simulator = createSimulator(plan);
    const vectors = runKpiVectors(stationary, 2, 5);
    expect(vectors.map((v) => v.replication)).toEqual([2, 3, 4]);
    for (const { replication, vector } of vectors) expect(vector).toEqual(kpiVector(plan, simulator.run(replication)));
    // One array a chunk, the vectors one after another: they cross to the caller as one buffer.
    expect(new Set(vectors.map((v) => v.vector.buffer)).size).toBe(1);
    expect(vectors.map((v) => v.vector.byteOffset)).toEqual([0, 1, 2].map((i) => i * vectors[0]!.vector.byteLength));
  });

  it("runs a chunk for the pool as the run it names, with the chunk's time by this thread's clock", () => {
    const before = performance.now();
    const kpis = runChunk("kpiVectors", stationary, 2, 5);
    const spent = performance.now() - before;
    expect(kpis.items).toEqual(runKpiVectors(stationary, 2, 5));
    expect(kpis.elapsedMs).toBeGreaterThan(0);
    expect(kpis.elapsedMs).toBeLessThanOrEqual(spent);
    expect((runChunk("results", stationary, 4, 6).items as ReplicationResult[]).map(bytes)).toEqual(runReplications(stationary, 4, 6).map(bytes));
    expect(() => runChunk("capacityWeeks", stationary, 0, 1)).toThrow(/capacityWeeks/);
  });

  it("gives the same results in chunks as in one call", () => {
    const whole = runReplications(stationary, 0, 6).map(bytes);
    const chunks = [...runReplications(stationary, 0, 1), ...runReplications(stationary, 1, 4), ...runReplications(stationary, 4, 6)];
    expect(chunks.map(bytes)).toEqual(whole);
  });

  it("compiles a scenario's variant as core does, with a seed override, each replication at its draw unless assumptions are fixed", () => {
    const source: PlanSource = { kind: "scenario", scenario, variant: "+2 on Day", seed: 9 };
    const parsed = parseScenario(scenario);
    if (!parsed.ok) throw new Error(`fixture invalid: ${parsed.issues.map((issue) => issue.message).join("; ")}`);
    const variant = scenarioVariants(parsed.scenario)[1]!;
    const drawn = createScenarioSimulator({ scenario: { ...parsed.scenario, seed: 9 }, intervention: "+2 on Day" }).run(2);
    expect(runReplications(source, 2, 3).map(bytes)).toEqual([bytes(drawn)]);
    const central = createSimulator(compileScenario({ ...variant.scenario, seed: 9 })).run(2);
    expect(runReplications({ ...source, assumptions: "fixed" }, 2, 3).map(bytes)).toEqual([bytes(central)]);
    expect(compileSource(source).seed).toBe(9);
    expect(compileSource({ kind: "scenario", scenario }).seed).toBe(1);
  });

  it("reads an interval file", () => {
    const csv = "start,contacts,agents\n08:00,100,6\n08:30,140,7.5\n09:00,90,5\n";
    const source: PlanSource = {
      kind: "intervals",
      csv,
      options: { name: "day.csv", seed: 1, ahtSec: 200, handleDist: "exponential", handleCv: 1, patienceDist: "exponential", patienceCv: 1, targetAnswerSec: 20 },
    };
    const [result] = runReplications(source, 0, 1);
    expect(result!.intervalCount).toBe(3);
    expect(result!.queueCounters.length).toBeGreaterThan(0);
  });

  it("reports progress from inside replications, rising, as replications done in the call", () => {
    // Progress goes out at most every PROGRESS_INTERVAL_MS of the clock: a clock that moves 40 ms a reading lets it out
    // every third reading, whatever this machine's speed (a real one made the test depend on it).
    let clock = 0;
    const now = vi.spyOn(performance, "now").mockImplementation(() => (clock += 40));
    // About 336,000 contacts per replication: the engine offers progress every 65,536 events, ~15 times in one.
    const week: PlanSource = { kind: "stationary", options: { arrivalsPerHour: 2000, ahtSec: 180, agents: 105, patienceSec: 300, hours: 24 * 7 } };
    const seen: number[] = [];
    try {
      runReplications(week, 10, 12, (done) => seen.push(done));
    } finally {
      now.mockRestore();
    }
    expect(seen.length).toBeGreaterThan(4);
    expect(seen.some((done) => !Number.isInteger(done))).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
    for (const done of seen) expect(done > 0 && done <= 2).toBe(true);
  });

  it("names the scenario and the replication when the source is invalid", () => {
    const broken: PlanSource = { kind: "scenario", scenario: { ...scenario, name: "Broken center", intervalMinutes: 7 } };
    expect(() => runReplications(broken, 5, 8)).toThrow(/^scenario "Broken center", replication 5: the input is not a valid scenario:\n✖ .*\n {2}→ at intervalMinutes/);
    // A derived run (a phase, a sensitivity point) is named by its label: whatever fails in it, the engine's own cap
    // on arrivals included, the message says which run it was.
    const labelled: PlanSource = { ...broken, label: 'sensitivity point "Handle time" high (216)' };
    expect(() => runKpiVectors(labelled, 0, 1)).toThrow(/^scenario "Broken center" \(sensitivity point "Handle time" high \(216\)\), replication 0: /);
  });

  it("names the variant when it does not exist", () => {
    const source: PlanSource = { kind: "scenario", scenario, variant: "Hire 40" };
    expect(() => runReplications(source, 0, 1)).toThrow(
      'scenario "Small test center" (variant "Hire 40"), replication 0: unknown variant "Hire 40"; expected one of "Baseline", "+2 on Day"',
    );
  });

  it("names the interval file and the line of a bad row", () => {
    const source: PlanSource = {
      kind: "intervals",
      csv: "start,contacts,agents\n08:00,100,6\n08:30,abc,6\n09:00,90,5\n",
      options: { name: "bad.csv", seed: 1, ahtSec: 200, handleDist: "exponential", handleCv: 1, patienceDist: "exponential", patienceCv: 1, targetAnswerSec: 20 },
    };
    expect(() => runReplications(source, 0, 1)).toThrow(/^interval file "bad.csv", replication 0: not a valid interval file:\n✖ line 3/);
  });

  it("never marks a result for transfer: a detached buffer slows every later replication of the worker", () => {
    vi.mocked(transfer).mockClear();
    expect(runReplications(stationary, 0, 2)).toHaveLength(2);
    expect(runKpiVectors(stationary, 0, 2)).toHaveLength(2);
    expect(() => runCapacityWeeks(stationary, 0, 1)).toThrow(/capacityWeeks/);
    expect(transfer).not.toHaveBeenCalled();
  });
});

describe("describeSource", () => {
  it("names each kind of source", () => {
    expect(describeSource({ kind: "scenario", scenario: { name: "Bank" } })).toBe('scenario "Bank"');
    expect(describeSource({ kind: "scenario", scenario: 42, variant: "x" })).toBe('scenario "unnamed" (variant "x")');
    expect(describeSource(stationary)).toBe("stationary center");
    // A derived run (a phase, a sensitivity point) is named by its label, so that a failure says which one.
    expect(describeSource({ kind: "scenario", scenario: { name: "Bank" }, label: 'sensitivity point "Arrival volume" high (1200)' })).toBe(
      'scenario "Bank" (sensitivity point "Arrival volume" high (1200))',
    );
  });
});
