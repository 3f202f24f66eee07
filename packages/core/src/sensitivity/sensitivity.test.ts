import { describe, expect, it } from "vitest";
import { createPhaseRunner } from "../economics/simulatePhase.js";
import { KPI_REGISTRY } from "../kpi/registry.js";
import type { PhaseRunRequest } from "../economics/phases.js";
import { interventionSchema, type Intervention } from "../schema/intervention.js";
import { parseScenario } from "../schema/parseScenario.js";
import type { Scenario } from "../schema/scenario.js";
import { sensitivityInputs } from "./sensitivityInputs.js";
import { sensitivity } from "./tornado.js";
import { resolveCentral } from "../schema/uncertain.js";

// One weekday, 08:00–18:00: 1,400 calls of 4 minutes on average, 14 agents for 10 hours (about 71% answered in 20 s).
function scenario(): Scenario {
  const result = parseScenario({
    version: 1,
    name: "One day",
    seed: 11,
    intervalMinutes: 60,
    days: ["wed"],
    queues: [
      {
        name: "phone",
        forecast: { dailyContacts: [1400], intradayProfile: "business-hours" },
        handle: { dist: "lognormal", meanSec: 240, cv: 0.8 },
        patience: { dist: "exponential", meanSec: 180 },
      },
    ],
    groups: [{ name: "Team", serves: ["phone"], shrinkage: 0.1, shifts: [{ name: "Day", start: "08:00", hours: 10, days: ["wed"], agents: 14 }] }],
    resolution: { fcr: 0.8, repeatDelay: { dist: "exponential", meanHours: 2 } },
    money: { wagePerHour: 25, revenuePerAnsweredContact: 4, hiringCostPerAgent: 2000, discountRatePerYear: 0 },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

const hasCsat = KPI_REGISTRY.some((kpi) => kpi.id === ("csat" as string));

const hire: Intervention = { kind: "addAgents", name: "+3", group: "Team", shift: "Day", agents: 3 };
const training: Intervention = interventionSchema.parse({ kind: "training", name: "Coaching", ahtChange: -0.1, hoursOffFloor: 2, learningCurveWeeks: 2, costPerTrainee: 300 });

describe("sensitivityInputs", () => {
  it("lists the workload, staff, resolution, the money values set and the intervention's own effect sizes, at ±20%", () => {
    const inputs = sensitivityInputs(resolveCentral(scenario()), resolveCentral(training));
    expect(inputs.map((input) => input.id).filter((id) => !id.startsWith("experience."))).toEqual([
      "volume",
      "aht",
      "patience",
      "shrinkage",
      "fcr",
      "money.wagePerHour",
      "money.revenuePerAnsweredContact",
      "money.hiringCostPerAgent",
      "intervention.ahtChange",
      "intervention.hoursOffFloor",
      "intervention.learningCurveWeeks",
      "intervention.costPerTrainee",
    ]);
    const byId = Object.fromEntries(inputs.map((input) => [input.id, input]));
    expect(byId.volume).toMatchObject({ unit: "contacts", base: 1400, low: 1120, high: 1680 });
    expect(byId.aht).toMatchObject({ unit: "seconds", base: 240, low: 192, high: 288 });
    expect(byId.fcr!.high).toBeCloseTo(0.96, 12);
    expect(byId["intervention.ahtChange"]).toMatchObject({ unit: "fraction", base: -0.1 });
    expect(byId["intervention.ahtChange"]!.high).toBeCloseTo(-0.12, 12);
  });

  it("varies the satisfaction model's effect sizes, and its churn and complaint assumptions where money counts them", () => {
    const experience = {
      referenceCsat: 0.75,
      wait: { changePerMinute: -0.05 },
      resolutionTime: { changePerTenPercentCut: 0.08 },
      repeats: { changePerFivePointsFewer: 0.1 },
      loyalty: { satisfied: { churn: 0.1 }, dissatisfied: { churn: 0.3 } },
      complaints: { dissatisfiedPropensity: 0.04 },
    };
    const valued = { ...scenario(), experience, money: { ...scenario().money!, customerLifetimeValue: 900 } } as Scenario;
    const ids = (inputs: ReturnType<typeof sensitivityInputs>) => inputs.map((input) => input.id).filter((id) => id.startsWith("experience."));
    expect(ids(sensitivityInputs(resolveCentral(valued), resolveCentral(hire)))).toEqual([
      "experience.wait.changePerMinute",
      "experience.resolutionTime.changePerTenPercentCut",
      "experience.repeats.changePerFivePointsFewer",
      "experience.referenceCsat",
      "experience.loyalty.dissatisfied.churn",
      "experience.loyalty.satisfied.churn",
    ]);
    // Without an intervention there is no money to move: only the satisfaction rules.
    expect(ids(sensitivityInputs(resolveCentral(valued)))).toHaveLength(4);
    const repeats = sensitivityInputs(resolveCentral(valued), resolveCentral(hire)).find((input) => input.id === "experience.repeats.changePerFivePointsFewer")!;
    expect(repeats.base).toBe(0.1);
    expect(repeats.low).toBeCloseTo(0.08, 12);
    expect(repeats.high).toBe(0.12);
    const applied = repeats.apply(0.11, { scenario: valued, intervention: hire }).scenario as Scenario & { experience: typeof experience };
    expect(applied.experience.repeats.changePerFivePointsFewer).toBe(0.11);
    expect(applied.experience.wait).toBe(experience.wait);
  });

  it("changes agents by whole numbers, keeps FCR ≤ 1 and takes explicit ranges", () => {
    const inputs = sensitivityInputs(resolveCentral({ ...scenario(), resolution: { ...scenario().resolution, fcr: 0.95 } }), resolveCentral(hire), { ranges: { volume: { low: 1000, high: 2000 } } });
    const byId = Object.fromEntries(inputs.map((input) => [input.id, input]));
    expect(byId["intervention.agents"]).toMatchObject({ unit: "agents", base: 3, low: 2, high: 4 });
    expect(byId.fcr!.high).toBe(1);
    expect(byId.volume).toMatchObject({ low: 1000, high: 2000 });
    const applied = byId.volume!.apply(2000, { scenario: scenario(), intervention: hire });
    expect((applied.scenario.queues[0]!.forecast as { dailyContacts: number[] }).dailyContacts).toEqual([2000]);
  });
});

describe("sensitivity", () => {
  it("draws a tornado per output, longest swing first, on paired runs; money-only inputs need no new simulation", () => {
    const requests: PhaseRunRequest[] = [];
    const run = createPhaseRunner();
    const result = sensitivity({
      scenario: scenario(),
      intervention: hire,
      replications: 6,
      runPhase: (request) => {
        requests.push(request);
        return run(request);
      },
    });
    expect(result).toMatchObject({ scenario: "One day", intervention: "+3", replications: 6, seed: 11, currency: "USD" });
    // CSAT's gain too, once the engine reports satisfaction.
    expect(result.tornados.map((tornado) => tornado.output.id)).toEqual(["roi", "npv", "serviceLevel", ...(hasCsat ? ["csat"] : [])]);
    // The central pair, then a baseline and an intervention per value of each input the engine sees (volume, aht,
    // patience, shrinkage, fcr and the satisfaction model's, when there is one), then an intervention per value of
    // the agents added (the baseline is shared); wage, sales and hiring reuse the central runs.
    const engineInputs = sensitivityInputs(resolveCentral(scenario()), resolveCentral(hire)).filter((input) => !/^(money|intervention)\./.test(input.id)).length;
    expect(requests).toHaveLength(2 + engineInputs * 2 * 2 + 2);
    const roi = result.tornados[0]!;
    const swings = roi.bars.map((bar) => Math.abs(bar.swing!));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    const bar = (tornado: typeof roi, id: string) => tornado.bars.find((candidate) => candidate.input === id)!;
    // A higher wage makes the hires dearer: ROI falls; it leaves the service level where it was, exactly.
    expect(bar(roi, "money.wagePerHour").swing!).toBeLessThan(0);
    const gain = result.tornados[2]!;
    expect(gain.output).toEqual({ id: "serviceLevel", label: "Service level: gain in the steady state", unit: "fraction" });
    expect(bar(gain, "money.wagePerHour")).toMatchObject({ swing: 0, swingCi95: [0, 0] });
    // More agents added: a larger gain, significantly (paired runs).
    expect(bar(gain, "intervention.agents").swingCi95![0]).toBeGreaterThan(0);
    expect(gain.base!).toBeGreaterThan(0);
  });

  it("without an intervention, shows what moves the baseline's service level, wait and abandonment", () => {
    const result = sensitivity({ scenario: scenario(), replications: 4, runPhase: createPhaseRunner() });
    expect(result.intervention).toBeNull();
    expect(result.tornados.map((tornado) => tornado.output.id)).toEqual(["serviceLevel", "asa", "abandonRate", ...(hasCsat ? ["csat"] : [])]);
    const level = result.tornados[0]!;
    expect(level.bars.slice(0, 2).map((bar) => bar.input).sort()).toEqual(["aht", "volume"]);
    const volume = level.bars.find((bar) => bar.input === "volume")!;
    expect(volume.outputHigh!).toBeLessThan(volume.outputLow!);
    // Money cannot move the baseline's service level.
    expect(level.bars.find((bar) => bar.input === "money.wagePerHour")!.swing).toBe(0);
  });

  it("draws the break-even week: a dearer training pays back later, counted over the replications that break even", () => {
    const result = sensitivity({ scenario: scenario(), intervention: training, replications: 6, outputs: ["breakEvenWeek"], runPhase: createPhaseRunner() });
    const weeks = result.tornados[0]!;
    expect(weeks.output).toEqual({ id: "breakEvenWeek", label: "Break-even week (from the option's start)", unit: "weeks" });
    // The coaching pays for itself within weeks (an ROI near 1,100% over the year), in every replication.
    expect(weeks.base!).toBeGreaterThanOrEqual(1);
    expect(weeks.base!).toBeLessThan(52);
    const bar = (id: string) => weeks.bars.find((candidate) => candidate.input === id)!;
    const cost = bar("intervention.costPerTrainee");
    expect(cost.swingReplications).toBe(6);
    expect(cost.outputHigh!).toBeGreaterThan(cost.outputLow!);
    expect(cost.swing!).toBeGreaterThan(0);
    // More revenue per answered contact pays the same cost back sooner; the wage, which the training leaves as it was
    // (no one is hired, the class hours are paid either way), moves nothing.
    expect(bar("money.revenuePerAnsweredContact").swing!).toBeLessThan(0);
    expect(bar("money.wagePerHour")).toMatchObject({ swing: 0, swingReplications: 6 });
  });

  it("leaves out of the break-even week's swings the replications that do not break even, and says how many remain", () => {
    // Three hires pay back within weeks at the scenario's volume; with 20% fewer calls they have too little to answer,
    // and in some replications they never pay back within the year.
    const result = sensitivity({ scenario: scenario(), intervention: hire, replications: 4, outputs: ["roi", "breakEvenWeek"], runPhase: createPhaseRunner() });
    const [roi, weeks] = result.tornados;
    expect(weeks!.base!).toBeGreaterThanOrEqual(1);
    const volume = weeks!.bars.find((bar) => bar.input === "volume")!;
    expect(volume.swingReplications).toBeGreaterThan(0);
    expect(volume.swingReplications).toBeLessThan(4);
    expect(volume.outputLow!).toBeGreaterThan(volume.outputHigh!);
    // The wage does not change which replications break even, only when.
    expect(weeks!.bars.find((bar) => bar.input === "money.wagePerHour")!.swingReplications).toBe(4);
    // ROI is defined in every replication at both values.
    for (const bar of roi!.bars) expect(bar.swingReplications).toBe(4);
  });

  it("refuses an output it cannot compute", () => {
    expect(() => sensitivity({ scenario: scenario(), replications: 2, outputs: ["roi"], runPhase: createPhaseRunner() })).toThrow(/needs an intervention/);
    expect(() => sensitivity({ scenario: scenario(), replications: 2, outputs: ["happiness"], runPhase: createPhaseRunner() })).toThrow(/invalid output "happiness"; expected roi, npv, breakEvenWeek or a KPI id/);
    expect(() => sensitivity({ scenario: scenario(), replications: 2, outputs: ["breakEvenWeek"], runPhase: createPhaseRunner() })).toThrow(/needs an intervention/);
  });
});
