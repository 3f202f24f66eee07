import { readFileSync } from "node:fs";
import { parseScenario, plannedRuns, sensitivityAsync, sensitivityJob, spanKpiSample, type PhaseRunRequest } from "@ccplan/core";
import { describe, expect, it } from "vitest";
import { prefetchedPhases } from "./prefetchedPhases.js";
import { inProcessRunner } from "./vectorRunner.js";
import { recipeSource } from "./planSource.js";

const parsed = parseScenario(JSON.parse(readFileSync(new URL("../../../test/fixtures/roster-tiny.json", import.meta.url), "utf8")));
if (!parsed.ok) throw new Error("the fixture does not parse");
const options = { scenario: parsed.scenario, replications: 4, range: 0.2 };

describe("prefetchedPhases", () => {
  it("answers a sensitivity analysis exactly as runs made one at a time, each planned run started at once and made once", async () => {
    const runner = inProcessRunner();
    const simulate = async (request: PhaseRunRequest) => {
      return (await runner.vectors(recipeSource(request.recipe, request.label), 0, request.replications)).map(spanKpiSample);
    };
    const oneByOne = await sensitivityAsync({ ...options, runPhase: simulate });

    const planned = plannedRuns(sensitivityJob(options));
    const started: string[] = [];
    let asked = 0;
    const runPhase = prefetchedPhases(planned, (request) => {
      started.push(request.label ?? "the baseline");
      return simulate(request);
    });
    // Every planned run is started before the job asks for the first.
    expect(started).toHaveLength(planned.length);
    const prefetched = await sensitivityAsync({
      ...options,
      runPhase: (request) => {
        asked++;
        return runPhase(request);
      },
    });
    expect(JSON.stringify(prefetched)).toBe(JSON.stringify(oneByOne));
    expect(asked).toBe(planned.length);
    expect(started).toHaveLength(planned.length);
  });

  it("runs a request it did not plan when asked", async () => {
    const calls: number[] = [];
    const request = plannedRuns(sensitivityJob(options))[0]!;
    const runPhase = prefetchedPhases([], async (r) => {
      calls.push(r.replications);
      return [];
    });
    await runPhase({ ...request, replications: 2 });
    expect(calls).toEqual([2]);
  });
});
