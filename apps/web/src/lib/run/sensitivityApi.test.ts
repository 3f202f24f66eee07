import { readFileSync } from "node:fs";
import { parseScenario, sensitivity as coreSensitivity, simulatePhase, type Scenario } from "@ccplan/core";
import { inProcessRunner } from "@ccplan/worker";
import { describe, expect, it } from "vitest";
import { sensitivity } from "./sensitivityApi";

function defaultScenario(): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(new URL("../../../../../scenarios/default.json", import.meta.url), "utf8")));
  if (!parsed.ok) throw new Error("scenarios/default.json does not parse");
  return parsed.scenario;
}

describe("sensitivity (in the comparison worker)", () => {
  it("gives core's tornados of the baseline, with progress over every simulated point", async () => {
    const scenario = defaultScenario();
    const progress: [number, number][] = [];
    // Every point is asked for once: the dry pass listed (and queued) the points exactly as the analysis asks for them.
    const inner = inProcessRunner();
    let calls = 0;
    const counting: typeof inner = { vectors: (...args) => (calls++, inner.vectors(...args)) };
    const result = await sensitivity({ scenario, replications: 2, range: 0.2 }, counting, (done, total) => progress.push([done, total]));
    expect(result.intervention).toBeNull();
    expect(result.tornados.map((tornado) => tornado.output.id)).toEqual(["serviceLevel", "asa", "abandonRate", "csat"]);
    const [done, total] = progress.at(-1)!;
    expect(done).toBe(total);
    expect(total % 2).toBe(0);
    expect(calls).toBe(total / 2);
    // The same analysis straight from core with its in-process runner: the same bars (the runner only moves data).
    const direct = coreSensitivity({ scenario, replications: 2, range: 0.2, runPhase: simulatePhase });
    const inputs = (bars: { input: string }[]) => bars.map((bar) => bar.input).sort();
    expect(inputs(result.tornados[0]!.bars)).toEqual(inputs(direct.tornados[0]!.bars));
  }, 120_000);

  it("names an intervention the scenario does not have", async () => {
    await expect(sensitivity({ scenario: defaultScenario(), intervention: "nope", replications: 2, range: 0.2 }, inProcessRunner())).rejects.toThrow(/no intervention named "nope"/);
  });

  it("refuses a point beyond the size limits before anything runs, naming it", async () => {
    const scenario = defaultScenario();
    // 4.6 million first contacts in the week, ×1.2 at the volume's high point: over 5 million with the returns.
    const queue = scenario.queues[0]!;
    const forecast = queue.forecast as { dailyContacts: number[] };
    const big = { ...scenario, interventions: [], queues: [{ ...queue, forecast: { ...forecast, dailyContacts: forecast.dailyContacts.map(() => 500_000) } }] };
    let ran = false;
    const runner = { vectors: async () => ((ran = true), []) };
    await expect(sensitivity({ scenario: big as unknown as Scenario, replications: 2, range: 0.2 }, runner)).rejects.toThrow(
      /nothing was simulated, because a point would exceed the size limits: about [\d,]+ contacts expected in one replication of sensitivity point "Arrival volume/,
    );
    expect(ran).toBe(false);
  });
});
