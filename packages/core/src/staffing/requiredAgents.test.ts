import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { replications, scenarioOf } from "../compare/testing/runs.js";
import { compileScenario } from "../plan/compile.js";
import { requiredAgentsByInterval } from "../queueing/requiredAgentsByInterval.js";
import { firstCountedInterval, replicationKpis } from "../report/replicationKpis.js";
import { requiredAgents } from "./requiredAgents.js";

const defaultFile = JSON.parse(readFileSync(new URL("../../../../scenarios/default.json", import.meta.url), "utf8")) as Record<string, unknown>;

describe("requiredAgents", () => {
  // The default scenario's Monday and Tuesday: retries and repeats come back overnight and arrive at Tuesday's opening.
  const input = structuredClone(defaultFile) as { days: string[]; queues: { forecast: { dailyContacts: number[] } }[]; interventions: unknown[] };
  input.days = ["mon", "tue"];
  input.queues[0]!.forecast.dailyContacts = input.queues[0]!.forecast.dailyContacts.slice(0, 2);
  input.interventions = [];
  const scenario = scenarioOf(input);
  const plan = compileScenario(scenario);
  const first = firstCountedInterval(plan);
  const runs = replications(plan, 8).map((result) => replicationKpis(plan, result));
  const offered = Float64Array.from(runs[0]!.intervals, (_, i) => runs.reduce((sum, run) => sum + run.intervals[i]!.offered!, 0) / runs.length);
  const [queue] = requiredAgents({ scenario, plan, first, offeredPerInterval: offered });
  const opening = plan.intervalsPerDay + 14; // Tuesday 07:00 (30-minute intervals)

  it("staffs the forecast line as Erlang A on the forecast's first contacts, grossed up for the group's shrinkage", () => {
    const expected = requiredAgentsByInterval({
      arrivalRatePerSec: plan.queues[0]!.arrivalRatePerSec.subarray(first),
      ahtSec: plan.queues[0]!.handleMeanSec,
      patienceSec: 180,
      model: "a",
      targetAnswerSec: 20,
      targetServiceLevel: 0.8,
      shrinkage: 0.12,
    });
    expect(queue!.model).toBe("a");
    expect(queue!.shrinkage).toBe(0.12);
    expect(queue!.forecast.scheduledAgents).toEqual(expected.scheduledAgents);
    expect(queue!.forecast.agents).toEqual(expected.agents);
  });

  it("staffs the offered line for what the simulation offered: at Tuesday's opening, the night's returns on top of the forecast", () => {
    const line = queue!.offered!;
    expect(line.contacts[opening]).toBe(offered[opening]);
    // Retries and repeats held while the line was closed arrive when it opens: far more than the forecast.
    expect(line.contacts[opening]!).toBeGreaterThan(2 * queue!.forecast.contacts[opening]!);
    expect(line.scheduledAgents[opening]!).toBeGreaterThan(queue!.forecast.scheduledAgents[opening]! + 3);
    // Over the two days the returns add load: the offered line never needs fewer agent-intervals in total.
    const total = (counts: Int32Array) => counts.reduce((sum, n) => sum + n, 0);
    expect(total(line.scheduledAgents)).toBeGreaterThan(total(queue!.forecast.scheduledAgents));
  });

  it("gives the forecast line's agents when the simulation offered exactly the forecast", () => {
    const [same] = requiredAgents({ scenario, plan, first, offeredPerInterval: queue!.forecast.contacts });
    expect(same!.offered!.scheduledAgents).toEqual(queue!.forecast.scheduledAgents);
    expect(requiredAgents({ scenario, plan, first })[0]!.offered).toBeNull();
    expect(() => requiredAgents({ scenario, plan, first, offeredPerInterval: [1, 2] })).toThrow(/expected one per counted interval/);
  });

  it("shares an interval's offered contacts among queues by their forecast, and leaves out queues that need no agent", () => {
    const twoQueues = structuredClone(input) as unknown as Record<string, unknown> & { queues: Record<string, unknown>[]; groups: { serves: string[] }[] };
    const phone = twoQueues.queues[0]!;
    twoQueues.queues = [
      phone,
      { ...structuredClone(phone), name: "vip", forecast: { dailyContacts: [1300, 1200], intradayProfile: "retail-weekday" } },
      { ...structuredClone(phone), name: "web", channel: "selfService", forecast: { dailyContacts: [500, 500], intradayProfile: "retail-weekday" } },
    ];
    twoQueues.groups[0]!.serves = ["phone", "vip"];
    const scenario2 = scenarioOf(twoQueues);
    const plan2 = compileScenario(scenario2);
    const count = plan2.intervalCount - first;
    const lines = requiredAgents({ scenario: scenario2, plan: plan2, first, offeredPerInterval: new Float64Array(count).fill(100) });
    expect(lines.map((line) => line.queue)).toEqual(["phone", "vip"]);
    const noon = 24;
    const forecastAt = (q: number) => plan2.queues[q]!.arrivalRatePerSec[first + noon]! * plan2.intervalSec;
    const total = forecastAt(0) + forecastAt(1) + forecastAt(2);
    expect(lines[0]!.offered!.contacts[noon]).toBeCloseTo((100 * forecastAt(0)) / total, 9);
    expect(lines[1]!.offered!.contacts[noon]).toBeCloseTo((100 * forecastAt(1)) / total, 9);
    // At night the forecast is 0: the interval's contacts are shared as the span's forecast is.
    expect(lines[0]!.offered!.contacts[0]! + lines[1]!.offered!.contacts[0]!).toBeLessThan(100);
    expect(lines[0]!.offered!.contacts[0]! / lines[1]!.offered!.contacts[0]!).toBeCloseTo(7500 / 2500, 9);
  });
});
