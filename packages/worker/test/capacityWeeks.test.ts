/// <reference types="node" />
// Planned weeks of a capacity plan in real worker threads: each chunk is sent with its own week inputs, and the
// results are core's, whatever the pool size and chunking.
import { readFileSync } from "node:fs";
import { parseScenario, projectCapacity, replicationWeekInputs, simulateWeek, weekScenario } from "@ccplan/core";
import { createNodePool, inProcessWeekSimulator, poolWeekSimulator } from "@ccplan/worker/node";
import { describe, expect, it } from "vitest";

const raw = JSON.parse(readFileSync(new URL("../../../test/fixtures/capacity-small.json", import.meta.url), "utf8"));
const parsed = parseScenario(raw);
if (!parsed.ok) throw new Error("the capacity fixture does not parse");
const scenario = parsed.scenario;

describe("planned weeks in the pool", () => {
  it("simulates each week input as core does, in order, with 2 workers and chunks of their own inputs", async () => {
    const inputs = [0, 1].flatMap((k) => replicationWeekInputs({ scenario }, k));
    const pool = createNodePool({ size: 2 });
    try {
      const pooled = await poolWeekSimulator(pool, { scenario: raw })(inputs);
      expect(pooled.map((kpis) => Array.from(kpis))).toEqual(inputs.map((input) => Array.from(simulateWeek(weekScenario(scenario, input)))));
    } finally {
      await pool.close();
    }
  });

  it("projects the same rows in the pool as in this thread, simulating only the weeks a cache lacks", async () => {
    const pool = createNodePool({ size: 2 });
    try {
      const cache = new Map<string, Float64Array>();
      const first = await projectCapacity({ run: { scenario }, replications: 3, simulate: poolWeekSimulator(pool, { scenario: raw }), cache });
      const alone = await projectCapacity({ run: { scenario }, replications: 3, simulate: inProcessWeekSimulator({ scenario: raw }) });
      expect(first.rows.map((row) => Array.from(row))).toEqual(alone.rows.map((row) => Array.from(row)));
      expect(first).toMatchObject({ weeks: 18, simulatedWeeks: 18 });
      // A bigger class in week 2 changes nothing before it graduates (week 4): weeks 1–3 come from the cache.
      const classes = { "Service team": [{ week: 2, size: 6, committed: true }] };
      const bigger = await projectCapacity({ run: { scenario, classes }, replications: 3, simulate: poolWeekSimulator(pool, { scenario: raw }), cache });
      expect(bigger.simulatedWeeks).toBe(9);
    } finally {
      await pool.close();
    }
  });
});
