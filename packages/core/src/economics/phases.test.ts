import { describe, expect, it } from "vitest";
import type { Intervention } from "../schema/intervention.js";
import { interventionSchema } from "../schema/intervention.js";
import { parseScenario } from "../schema/parseScenario.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import type { KpiSample } from "./kpiSample.js";
import { evaluateIntervention, evaluateInterventionAsync, evaluateInterventions, interventionPhases, type PhaseRunRequest } from "./phases.js";
import { createPhaseRunner } from "./simulatePhase.js";

// One weekday, 09:00–17:00 (business hours), 1,600 calls of 4 minutes on average, 26 agents: about 80/20.
const input: ScenarioInput = {
  version: 1,
  name: "One day",
  seed: 3,
  intervalMinutes: 60,
  days: ["mon"],
  queues: [
    {
      name: "phone",
      forecast: { dailyContacts: [1600], intradayProfile: "business-hours" },
      handle: { dist: "lognormal", meanSec: 240, cv: 0.8 },
      patience: { dist: "exponential", meanSec: 180 },
    },
  ],
  groups: [{ name: "Team", serves: ["phone"], shrinkage: 0.1, shifts: [{ name: "Day", start: "08:00", hours: 10, days: ["mon"], agents: 26 }] }],
  resolution: { fcr: 0.75, repeatDelay: { dist: "exponential", meanHours: 2 } },
  money: { wagePerHour: 25, revenuePerAnsweredContact: 3, horizonMonths: 6, hiringCostPerAgent: 3000 },
};

function scenario(): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

const training: Intervention = interventionSchema.parse({
  kind: "training",
  name: "Coaching",
  ahtChange: -0.1,
  fcrChange: 0.05,
  hoursOffFloor: 3,
  learningCurveWeeks: 2,
  costPerTrainee: 200,
});

describe("interventionPhases", () => {
  it("gives the baseline without interventions, one scenario per phase and the whole cost", () => {
    const phases = interventionPhases({ ...scenario(), interventions: [training] }, training);
    expect(phases.baseline.interventions).toEqual([]);
    expect(phases.phases.map((phase) => [phase.label, phase.startWeek, phase.weeks])).toEqual([
      ["in class", 0, 1],
      ["learning curve 50%", 1, 2],
      ["steady state", 3, null],
    ]);
    expect(phases.phases[0]!.scenario.groups[0]!.shrinkage).toBeGreaterThan(0.1);
    expect((phases.phases[1]!.scenario.queues[0]!.handle as { meanSec: number }).meanSec).toBeCloseTo(228, 9);
    expect(phases.costLines.map((line) => line.amount)).toEqual([26 * 200]);
  });

  it("leaves out phases that start after the horizon", () => {
    const slow = interventionSchema.parse({ kind: "training", name: "Slow", classWeeks: 30, learningCurveWeeks: 6 });
    const phases = interventionPhases({ ...scenario(), money: { ...scenario().money!, horizonMonths: 6 } }, slow);
    expect(phases.phases.map((phase) => [phase.label, phase.weeks])).toEqual([["in class", null]]);
  });
});

describe("evaluateIntervention", () => {
  it("simulates the baseline and each phase on paired replications, and prices the result", () => {
    const requests: PhaseRunRequest[] = [];
    const run = createPhaseRunner();
    const evaluation = evaluateIntervention({
      scenario: scenario(),
      intervention: training,
      replications: 8,
      runPhase: (request) => {
        requests.push(request);
        return run(request);
      },
    });
    expect(requests.map((request) => request.replications)).toEqual([8, 8, 8, 8]);
    expect(requests.every((request) => request.pairedWith.length === 4 && request.scenario.seed === 3)).toBe(true);
    expect(evaluation.phases.map((phase) => phase.label)).toEqual(["in class", "learning curve 50%", "steady state"]);
    const [inClass, ramp, steady] = evaluation.phases;
    // 3 h of a 10 h week in class: service level falls; half the gains: it rises; all of them: more.
    expect(inClass!.deltas.serviceLevel!.ci95![1]).toBeLessThan(0);
    expect(ramp!.deltas.serviceLevel!.ci95![0]).toBeGreaterThan(0);
    expect(steady!.deltas.serviceLevel!.mean!).toBeGreaterThan(ramp!.deltas.serviceLevel!.mean!);
    expect(steady!.deltas.fcr!.mean!).toBeGreaterThan(0.03);
    // Each phase shares the baseline's samples: the pairing is by replication number.
    expect(inClass!.baseline).toBe(steady!.baseline);
    expect(evaluation.baseline.serviceLevel!.n).toBe(8);
    const money = evaluation.money!;
    expect(money.totalCost.mean).toBe(5200);
    expect(money.months).toHaveLength(6);
    expect(money.replications).toBe(8);
    expect(money.notCounted).toEqual([]);
    // One simulated Monday stands for a seventh of a week unless money.spanWeeks says otherwise.
    expect(evaluation.phases.map((phase) => phase.spanWeeks)).toEqual([1 / 7, 1 / 7, 1 / 7]);
  });

  it("takes the weeks a span stands for from money.spanWeeks", () => {
    const fake = (): KpiSample[] => [{ answered: 10 }, { answered: 12 }];
    const weekly = { ...scenario(), money: { ...scenario().money!, spanWeeks: 1 } };
    const evaluation = evaluateIntervention({ scenario: weekly, intervention: training, replications: 2, runPhase: fake });
    expect(evaluation.phases.every((phase) => phase.spanWeeks === 1)).toBe(true);
  });

  it("simulates identical scenarios once, and the async form gives the same result", async () => {
    const same: Intervention = { kind: "moveShift", name: "No move", group: "Team", shift: "Day", minutes: 0 };
    const calls: PhaseRunRequest[] = [];
    const fake = (request: PhaseRunRequest): KpiSample[] => {
      calls.push(request);
      return [{ answered: 10 }, { answered: 12 }];
    };
    const evaluation = evaluateIntervention({ scenario: scenario(), intervention: same, replications: 2, runPhase: fake });
    expect(calls).toHaveLength(1);
    expect(evaluation.phases[0]!.deltas.answered).toMatchObject({ mean: 0, n: 2 });
    expect(evaluation.money!.roi.n).toBe(0);
    expect(evaluation.money!.saving.mean).toBe(0);
    const asynchronous = await evaluateInterventionAsync({ scenario: scenario(), intervention: same, replications: 2, runPhase: async (request) => fake(request) });
    expect(asynchronous).toEqual(evaluation);
  });

  it("evaluates every intervention of a scenario, simulating the shared baseline once", () => {
    const hire: Intervention = { kind: "addAgents", name: "+2", group: "Team", shift: "Day", agents: 2 };
    const calls: PhaseRunRequest[] = [];
    const fake = (request: PhaseRunRequest): KpiSample[] => {
      calls.push(request);
      return [{ answered: 10 }, { answered: 12 }];
    };
    const evaluations = evaluateInterventions({ scenario: { ...scenario(), interventions: [hire, training] }, replications: 2, runPhase: fake });
    expect(evaluations.map((evaluation) => evaluation.name)).toEqual(["+2", "Coaching"]);
    // Baseline, +2 agents, then the training's class, learning curve and steady state.
    expect(calls).toHaveLength(5);
    expect(evaluations[0]!.money!.costLines.map((line) => line.kind)).toEqual(["perWeek", "oneOff"]);
  });

  it("refuses a runner that returns the wrong number of replications", () => {
    expect(() => evaluateIntervention({ scenario: scenario(), intervention: training, replications: 3, runPhase: () => [{}] })).toThrow(
      "the phase runner returned 1 replications; expected 3",
    );
  });
});
