import { describe, expect, it } from "vitest";
import { createSimulator } from "../des/simulate.js";
import { QueueCounter, sumCounters } from "../des/result.js";
import { scenarioSchema, type Scenario } from "../schema/scenario.js";
import { compileScenario } from "./compile.js";
import { expectedContacts, returnsBound } from "./expectedContacts.js";

/** A one-day, one-queue scenario with `contacts` first contacts over the day and `agents` on all day. */
function scenario(options: { contacts: number; agents: number; patience?: object; retry?: object; fcr?: number; repeatDelay?: object; handleSec?: number }): Scenario {
  // The schema only: parseScenario would refuse the bypasses with the very bound under test.
  return scenarioSchema.parse({
    version: 1,
    name: "returns",
    intervalMinutes: 60,
    days: ["mon"],
    queues: [
      {
        name: "phone",
        forecast: { dailyContacts: [options.contacts], intradayProfile: "flat" },
        handle: { dist: "deterministic", meanSec: options.handleSec ?? 60 },
        ...(options.patience && { patience: options.patience }),
        ...(options.retry && { retry: options.retry }),
      },
    ],
    groups: [{ name: "A", serves: ["phone"], shifts: [{ name: "All day", start: "00:00", hours: 24, days: ["mon"], agents: options.agents }] }],
    resolution: { fcr: options.fcr ?? 1, repeatDelay: options.repeatDelay ?? { dist: "exponential", meanHours: 24 } },
  });
}

/** Mean offered contacts (first, retries, repeats) over `replications` replications. */
function simulatedOffered(s: Scenario, replications: number): number {
  const plan = compileScenario(s);
  const simulator = createSimulator(plan);
  let total = 0;
  for (let k = 0; k < replications; k++) total += sumCounters(simulator.run(k), { from: 0, to: plan.intervalCount }).queue[QueueCounter.offered]!;
  return total / replications;
}

describe("expectedContacts: a closed-form bound on the contacts a replication offers", () => {
  it("is the forecast when nothing comes back, and ignores retries of callers who never abandon", () => {
    expect(expectedContacts(scenario({ contacts: 1000, agents: 5 }))).toBeCloseTo(1000, 9);
    const noPatience = scenario({ contacts: 1000, agents: 5, retry: { probability: 1, delay: { dist: "deterministic", meanSec: 1 } } });
    expect(expectedContacts(noPatience)).toBeCloseTo(1000, 9);
  });

  it("is the geometric series of the larger return probability when delays are short beside the span", () => {
    const s = scenario({ contacts: 1000, agents: 5, patience: { dist: "exponential", meanSec: 60 }, retry: { probability: 0.6, delay: { dist: "exponential", meanSec: 60 } }, fcr: 0.7 });
    expect(expectedContacts(s)).toBeCloseTo(1000 / (1 - 0.6), 6);
  });

  it("bounds everyone retrying at once by the delays (the retry bypass): far more than one retry per contact", () => {
    // The bypass: 500 contacts, patience 1 s, retry probability 1 after 1 s, one agent for a day.
    const s = scenario({
      contacts: 500,
      agents: 1,
      patience: { dist: "deterministic", meanSec: 1 },
      retry: { probability: 1, delay: { dist: "deterministic", meanSec: 1 } },
    });
    expect(expectedContacts(s)).toBeGreaterThan(5_000_000);
    // About e·τ/delay returns for a first contact with τ seconds left: the time bound, finite although m = 1.
    const bound = returnsBound({ retryProbability: 1, retryDelay: () => 10, repeatProbability: 0, repeatDelay: null });
    expect(bound(86_400)).toBeGreaterThan(86_400 / 10);
    expect(bound(86_400)).toBeLessThan(((Math.E * 86_400) / 10) * 1.02); // e·τ/d, and the grid of s costs ≤ 2%
    expect(bound(0)).toBe(0);
  });

  // The bound must hold for any staffing. The worst case for retries is one agent busy all day (with nobody on shift
// the engine holds returns until an opening that never comes), for repeats ample agents.
  const cases: [string, Parameters<typeof scenario>[0], number][] = [
    [
      "everyone retries, nobody is answered",
      { contacts: 4, agents: 1, handleSec: 86_400, patience: { dist: "deterministic", meanSec: 0.5 }, retry: { probability: 1, delay: { dist: "deterministic", meanSec: 20 } } },
      // Each return takes 20.5 s against the bound's 20 s: the bound is at most e·20.5/20 of the truth (plus the
      // coarseness of its grid).
      3.5,
    ],
    [
      "most retry after an exponential delay, nobody is answered",
      { contacts: 50, agents: 1, handleSec: 86_400, patience: { dist: "exponential", meanSec: 30 }, retry: { probability: 0.95, delay: { dist: "exponential", meanSec: 300 } } },
      Infinity,
    ],
    [
      "almost nothing is resolved, everyone is answered at once",
      { contacts: 200, agents: 200, fcr: 0.02, repeatDelay: { dist: "exponential", meanHours: 0.5 }, handleSec: 1 },
      Infinity,
    ],
    [
      "both loops, a few agents",
      {
        contacts: 300,
        agents: 2,
        handleSec: 120,
        patience: { dist: "lognormal", meanSec: 60, cv: 1 },
        retry: { probability: 0.8, delay: { dist: "gamma", meanSec: 120, cv: 2 } },
        fcr: 0.3,
        repeatDelay: { dist: "deterministic", meanHours: 0.25 },
      },
      Infinity,
    ],
  ];
  it.each(cases)("holds against the simulation: %s", (_, options, looseness) => {
    const s = scenario(options);
    const bound = expectedContacts(s);
    const simulated = simulatedOffered(s, 8);
    expect(simulated).toBeGreaterThan(options.contacts * 0.5);
    expect(simulated).toBeLessThanOrEqual(bound);
    if (Number.isFinite(looseness)) expect(bound).toBeLessThan(simulated * looseness);
  });
});
