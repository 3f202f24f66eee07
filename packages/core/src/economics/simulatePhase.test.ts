import { describe, expect, it } from "vitest";
import { createSimulator } from "../des/simulate.js";
import { compileScenario } from "../plan/compile.js";
import { replicationKpis } from "../report/replicationKpis.js";
import { parseScenario } from "../schema/parseScenario.js";
import type { Scenario } from "../schema/scenario.js";
import { alignCandidateRates, simulatePhase } from "./simulatePhase.js";

function day(contacts: number): Scenario {
  const result = parseScenario({
    version: 1,
    name: `${contacts} calls`,
    intervalMinutes: 60,
    days: ["tue"],
    queues: [{ name: "phone", forecast: { dailyContacts: [contacts], intradayProfile: "retail-weekday" }, handle: { dist: "exponential", meanSec: 200 } }],
    groups: [{ name: "Team", serves: ["phone"], shifts: [{ name: "Day", start: "06:00", hours: 18, days: ["tue"], agents: 12 }] }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

describe("alignCandidateRates", () => {
  it("raises each queue's candidate rate to the largest among the paired plans, by queue name", () => {
    const [small, large] = [compileScenario(day(800)), compileScenario(day(1000))];
    const aligned = alignCandidateRates(small, [small, large]);
    expect(aligned.queues[0]!.candidateRatePerSec).toBe(large.queues[0]!.candidateRatePerSec);
    expect(aligned.queues[0]!.arrivalRatePerSec).toBe(small.queues[0]!.arrivalRatePerSec);
    expect(alignCandidateRates(large, [small])).toEqual(large);
  });
});

describe("simulatePhase", () => {
  it("with aligned candidates, a scenario with less volume meets a subset of the same callers, interval by interval", () => {
    const [small, large] = [day(800), day(1000)];
    const offeredByInterval = (scenario: Scenario, paired: Scenario[]) => {
      const plan = alignCandidateRates(compileScenario(scenario), paired.map(compileScenario));
      const simulator = createSimulator(plan);
      return Array.from({ length: 5 }, (_, k) => replicationKpis(plan, simulator.run(k)).intervals.map((interval) => interval.offered!));
    };
    const more = offeredByInterval(large, [small, large]);
    const fewer = offeredByInterval(small, [small, large]);
    const alone = offeredByInterval(small, [small]);
    const violations = (counts: number[][]) => counts.flatMap((row, k) => row.filter((count, i) => count > more[k]![i]!)).length;
    expect(violations(fewer)).toBe(0);
    // Unaligned, the smaller day's callers come at other instants (its candidates are the larger day's, stretched in time).
    expect(violations(alone)).toBeGreaterThan(0);
  });

  it("returns the span KPIs of replications 0 … n − 1 in order", () => {
    const scenario = day(800);
    const samples = simulatePhase({ scenario, replications: 3, pairedWith: [scenario], recipe: { scenario, assumptions: "fixed" } });
    const plan = compileScenario(scenario);
    expect(samples).toEqual([0, 1, 2].map((k) => replicationKpis(plan, createSimulator(plan).run(k)).span));
  });
});
