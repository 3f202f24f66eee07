import { readFileSync } from "node:fs";
import { parseScenario } from "@ccplan/core";
import { inProcessRunner } from "@ccplan/worker";
import { beforeAll, describe, expect, it } from "vitest";
import { compare } from "../run/compareApi";
import { memoryStorage, RunArchive } from "./runArchive";
import { readRunFile, runFileText, runFingerprint } from "./runFile";
import { commonScenarios, runPair } from "./runPair";
import { approximateBytes, type SavedRun } from "./savedRun";

const parsed = parseScenario(JSON.parse(readFileSync(new URL("../../../../../scenarios/default.json", import.meta.url), "utf8")));
if (!parsed.ok) throw new Error("scenarios/default.json must be valid");
const scenario = parsed.scenario;
const chosen = [scenario.interventions[0]!.name];

let run: SavedRun;
beforeAll(async () => {
  const view = await compare({ scenario, selected: chosen, maxReplications: 2 }, inProcessRunner());
  const base = {
    id: "run-1",
    savedAt: Date.UTC(2026, 0, 6, 9, 30),
    scenarioName: scenario.name,
    names: view.scenarios.map((s) => s.name),
    replications: view.replications,
    seed: view.seed,
    fingerprint: runFingerprint(scenario, chosen),
    scenario,
    settings: { chosen, maxReplications: 2, precisionHalfWidth: null },
    view,
    sizeBytes: 0,
  };
  run = { ...base, sizeBytes: approximateBytes(base) };
}, 60_000);

describe("RunArchive", () => {
  const copy = (id: string, savedAt: number, sizeBytes: number): SavedRun => ({ ...run, id, savedAt, sizeBytes });

  it("lists runs newest first and, over its cap, drops the oldest first and says which", async () => {
    const archive = new RunArchive(memoryStorage(), 1000);
    expect((await archive.save(copy("a", 1, 400))).dropped).toEqual([]);
    expect((await archive.save(copy("b", 2, 400))).dropped).toEqual([]);
    const outcome = await archive.save(copy("c", 3, 400));
    expect(outcome.dropped.map((summary) => summary.id)).toEqual(["a"]);
    expect((await archive.list()).map((summary) => summary.id)).toEqual(["c", "b"]);
    expect(await archive.get("a")).toBeNull();
    expect((await archive.get("c"))?.view.scenarios.length).toBe(2);
    await archive.remove("b");
    expect((await archive.list()).map((summary) => summary.id)).toEqual(["c"]);
  });

  it("refuses a run larger than the cap, saying both sizes, and keeps the others", async () => {
    const archive = new RunArchive(memoryStorage(), 2 * 1024 * 1024);
    await archive.save(copy("a", 1, 1000));
    await expect(archive.save(copy("huge", 2, 3 * 1024 * 1024))).rejects.toThrow("this run takes 3.0 MB, more than the 2.0 MB kept for runs");
    expect((await archive.list()).map((summary) => summary.id)).toEqual(["a"]);
  });

  it("measures a week's comparison of two scenarios at under a megabyte", () => {
    expect(run.sizeBytes).toBeGreaterThan(100_000);
    expect(run.sizeBytes).toBeLessThan(1024 * 1024);
  });
});

describe("run files", () => {
  it("export and import give back the run: its results, typed arrays and NaN included, under a new id", () => {
    const text = runFileText(run);
    const read = readRunFile(text, "week.ccplan-run.json", "run-2");
    if (!read.ok) throw new Error(read.problems.join("\n"));
    expect(read.run.id).toBe("run-2");
    expect(read.run.importedFrom).toBe("week.ccplan-run.json");
    expect(read.run.fingerprint).toBe(run.fingerprint);
    const series = read.run.view.scenarios[1]!.intervals.serviceLevel.mean;
    expect(series).toBeInstanceOf(Float64Array);
    expect(Array.from(series)).toEqual(Array.from(run.view.scenarios[1]!.intervals.serviceLevel.mean));
    expect(Number.isNaN(series[0]!)).toBe(true); // closed at midnight: no service level
    expect(read.run.view.scenarios[0]!.required[0]!.forecast.agents).toBeInstanceOf(Int32Array);
    expect(read.run.view.scenarios[0]!.kpis).toEqual(run.view.scenarios[0]!.kpis);
    expect(Array.from(read.run.view.scenarios[0]!.spanSamples)).toEqual(Array.from(run.view.scenarios[0]!.spanSamples));
  });

  it("refuses a file that is not a run, or a damaged one, naming every problem and where it is", () => {
    expect(readRunFile("{", "x.json", "id")).toMatchObject({ ok: false, problems: [expect.stringContaining("x.json is not JSON")] });
    expect(readRunFile(JSON.stringify({ version: 1, name: "a scenario" }), "x.json", "id")).toEqual({
      ok: false,
      problems: ['format: missing; expected "ccplan-run" (a run file exported by ccplan)'],
    });
    const damaged = JSON.parse(runFileText(run));
    damaged.view.scenarios[1].intervals.serviceLevel.mean.$f64.pop();
    damaged.scenario.queues[0].targetServiceLevel = 80;
    const read = readRunFile(JSON.stringify(damaged), "x.json", "id");
    expect(read.ok).toBe(false);
    const problems = read.ok ? [] : read.problems;
    expect(problems.some((p) => p.startsWith("scenario.queues[0].targetServiceLevel:"))).toBe(true);
    expect(problems).toContain("view.scenarios[1].intervals.serviceLevel: found an object without them; expected six series of 336 values");
    const wrongCount = JSON.parse(runFileText(run));
    wrongCount.names = ["Baseline"];
    expect(readRunFile(JSON.stringify(wrongCount), "x.json", "id")).toMatchObject({ ok: false, problems: expect.arrayContaining(["view.scenarios: found a list of 2; expected one per name (1)"]) });
  });
});

describe("runPair", () => {
  it("sets a later run of the same scenario against an earlier one: paired on the same seed, with what changed", async () => {
    const edited = structuredClone(scenario);
    const late = edited.groups[0]!.shifts.find((shift) => shift.name === "Late")!;
    late.agents += 2;
    const view = await compare({ scenario: edited, selected: chosen, maxReplications: 2 }, inProcessRunner());
    const after: SavedRun = { ...run, id: "run-2", savedAt: run.savedAt + 60_000, scenario: edited, view };
    const pair = runPair(run, after, "Baseline", ["Run 1", "Run 2"]);
    expect(pair.paired).toBe(true);
    expect(pair.sameIntervals).toBe(true);
    expect(pair.view.scenarios.map((s) => s.name)).toEqual(["Run 1", "Run 2"]);
    expect(pair.changes).toEqual([{ kind: "changed", where: "group “Service team” › shift “Late” › agents", before: String(late.agents - 2), after: String(late.agents) }]);
    // Two more agents on the late shift: more agents scheduled in every replication, a change core measures pairwise.
    const delta = pair.view.deltas[0]!.deltas.scheduledAgents;
    expect(delta.mean).toBeGreaterThan(0);
    expect(delta.significant).toBe(true);
    expect(pair.view.scenarios[1]!.intervals.scheduledAgents.mean).toBe(view.scenarios[0]!.intervals.scheduledAgents.mean);
    expect(commonScenarios(run, after)).toEqual(["Baseline", chosen[0]]);
    expect(() => runPair(run, after, "Nope", ["a", "b"])).toThrow("both runs must have run “Nope”");
  }, 60_000);
});
