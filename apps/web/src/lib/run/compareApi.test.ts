import { readFileSync } from "node:fs";
import { KPI_REGISTRY, parseScenario, type Scenario } from "@ccplan/core";
import { inProcessRunner, runPaired } from "@ccplan/worker";
import { describe, expect, it } from "vitest";
import { compare, exportJson } from "./compareApi";
import { INTERVAL_KPIS } from "./comparisonView";

function defaultScenario(): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(new URL("../../../../../scenarios/default.json", import.meta.url), "utf8")));
  if (!parsed.ok) throw new Error("scenarios/default.json does not parse");
  return parsed.scenario;
}

describe("compare (the comparison worker's work)", () => {
  const scenario = defaultScenario();
  const first = scenario.interventions[0]!.name;

  it("returns core's statistics and paired deltas for the baseline and the chosen intervention, as runPaired gives them", async () => {
    const progress: number[] = [];
    const view = await compare({ scenario, selected: [first], maxReplications: 3 }, inProcessRunner(), (done) => progress.push(done));
    expect(view.scenarios.map((s) => s.name)).toEqual(["Baseline", first]);
    expect(view.replications).toBe(3);
    expect(progress.at(-1)).toBe(6);

    const { compileScenario, scenarioVariants } = await import("@ccplan/core");
    const variants = scenarioVariants(scenario);
    const direct = await runPaired({
      runner: inProcessRunner(),
      baseline: { source: { kind: "scenario", scenario }, plan: compileScenario(variants[0]!.scenario) },
      variants: [{ name: first, planned: { source: { kind: "scenario", scenario, variant: first }, plan: compileScenario(variants[1]!.scenario) } }],
      maxReplications: 3,
    });
    expect(view.scenarios[0]!.kpis).toEqual(direct.baseline.kpis);
    expect(view.scenarios[1]!.kpis).toEqual(direct.variants[0]!.kpis);
    // Every replication's span KPIs are kept, for pairing with a later run: their mean is the KPI's mean.
    const width = KPI_REGISTRY.length;
    const column = KPI_REGISTRY.findIndex((kpi) => kpi.id === "serviceLevel");
    const samples = view.scenarios[1]!.spanSamples;
    expect(samples.length).toBe(3 * width);
    expect((samples[column]! + samples[width + column]! + samples[2 * width + column]!) / 3).toBeCloseTo(direct.variants[0]!.kpis.serviceLevel.mean!, 12);
    expect(view.deltas[0]!.deltas).toEqual(direct.comparison.variants[0]!.deltas);
    // Interval series are core's interval rows, copied (null as NaN).
    const row = direct.baseline.intervals[40]!.kpis.serviceLevel;
    expect(view.scenarios[0]!.intervals.serviceLevel.mean[40]).toBe(row.mean ?? Number.NaN);
    expect(view.scenarios[0]!.intervals.serviceLevel.p90[40]).toBe(row.p90 ?? Number.NaN);
    expect(view.scenarios[0]!.intervalTargetMet.probability[40]).toBe(direct.baseline.intervals[40]!.targetMet.probability ?? Number.NaN);
    expect(view.intervalStarts.length).toBe(7 * 48);
    expect(view.intervalDays[48]).toBe("tue");
    expect(Object.keys(view.scenarios[0]!.intervals)).toEqual([...INTERVAL_KPIS]);
  }, 60_000);

  it("gives the agents core's Erlang A requires per interval for the load simulated and for the forecast, grossed up for the team's shrinkage", async () => {
    const view = await compare({ scenario, selected: [], maxReplications: 2 }, inProcessRunner());
    const required = view.scenarios[0]!.required[0]!;
    expect(required.model).toBe("a");
    expect(required.shrinkage).toBe(0.12);
    expect(required.forecast.agents.length).toBe(7 * 48);
    expect(required.offered!.agents.length).toBe(7 * 48);
    expect(required.forecast.agents[0]).toBe(0); // closed at midnight: nothing offered
    const midday = 48 + 24; // Tuesday 12:00
    expect(required.forecast.agents[midday]).toBeGreaterThan(20);
    expect(required.forecast.scheduledAgents[midday]).toBeGreaterThanOrEqual(required.forecast.agents[midday]!);
    // The load line is staffed for what the run offered in each interval.
    const offeredMean = (i: number) => view.scenarios[0]!.intervals.offered.mean[i]!;
    expect(required.offered!.contacts[midday]).toBeCloseTo(offeredMean(midday), 9);
    expect(required.offered!.contacts[48 + 14]).toBeGreaterThan(2 * required.forecast.contacts[48 + 14]!); // Tuesday 07:00
  }, 60_000);

  it("evaluates a training programme phase by phase (in class, learning curve, steady state) and prices it, reusing the runs the comparison made", async () => {
    const training = {
      kind: "training" as const,
      name: "Product training",
      ahtChange: -0.08,
      fcrChange: 0.05,
      learningCurveWeeks: 6,
      hoursOffFloor: 16,
      costPerTrainee: 450,
    };
    const file = JSON.parse(readFileSync(new URL("../../../../../scenarios/default.json", import.meta.url), "utf8"));
    // A kept customer worth something, so that the money has a benefit to price (the default file prices none).
    const parsed = parseScenario({ ...file, money: { ...file.money, customerLifetimeValue: 900 }, interventions: [training] });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const progress: [number, number][] = [];
    // Every run is asked for once: the money stage's runs were listed (and queued) in advance exactly as it asks for them.
    const inner = inProcessRunner();
    let calls = 0;
    const counting: typeof inner = { vectors: (...args) => (calls++, inner.vectors(...args)) };
    const view = await compare({ scenario: parsed.scenario, selected: ["Product training"], maxReplications: 3 }, counting, (done, total) => progress.push([done, total]));
    const money = view.money[0]!;
    expect(money.name).toBe("Product training");
    expect(money.phases.map((phase) => phase.label)).toContain("steady state");
    expect(money.phases.length).toBeGreaterThan(2);
    expect(money.money?.roi.n).toBeGreaterThan(0);
    expect(money.money?.assumptions).toBe("combined");
    expect(view.decision?.probBest?.baseline).toBeGreaterThanOrEqual(0);
    expect(money.roiByReplication.length).toBe(3);
    // The comparison's 2 × 3 runs, then every phase but the steady state (the comparison's intervention run).
    expect(progress.at(-1)).toEqual([6 + (money.phases.length - 1) * 3, 6 + (money.phases.length - 1) * 3]);
    expect(calls).toBe(2 + money.phases.length - 1);
  }, 120_000);

  it("keeps every replication's span KPIs when batches come back out of order, and runs nothing twice", async () => {
    // 40 replications go out in batches of 10, each started before the one before it is back: here the first batch of
    // each scenario comes back last.
    const inner = inProcessRunner();
    let calls = 0;
    const late: typeof inner = {
      async vectors(source, from, to, progress) {
        calls++;
        const vectors = await inner.vectors(source, from, to, progress);
        if (from === 0) await new Promise((resolve) => setTimeout(resolve, 200));
        return vectors;
      },
    };
    const request = { scenario, selected: [first], maxReplications: 40 };
    const shuffled = await compare(request, late);
    const ordered = await compare(request, inProcessRunner());
    expect(shuffled.scenarios[1]!.spanSamples.length).toBe(40 * KPI_REGISTRY.length);
    expect(shuffled.scenarios.map((s) => [...s.spanSamples])).toEqual(ordered.scenarios.map((s) => [...s.spanSamples]));
    expect(shuffled.money[0]!.money).toEqual(ordered.money[0]!.money);
    // Two scenarios × four batches; the money stage reused them all.
    expect(calls).toBe(8);
  }, 120_000);

  it("stops at the first check point where the service-level change is as precise as asked", async () => {
    const view = await compare(
      { scenario, selected: [first], maxReplications: 80, precision: { kpi: "serviceLevel", halfWidth: 0.05 } },
      inProcessRunner(),
    );
    expect(view.precision).toEqual({ kpi: "serviceLevel", halfWidth: 0.05, reached: true, replications: 20 });
    expect(view.replications).toBe(20);
    expect(view.money[0]!.replications).toBe(20);
  }, 120_000);

  it("runs everything at the central values when the assumptions are fixed (the switch under Run)", async () => {
    const fixed = await compare({ scenario, selected: [first], maxReplications: 2, assumptions: "fixed" }, inProcessRunner());
    expect(fixed.assumptions).toBe("fixed");
    expect(JSON.parse(exportJson()!).assumptions).toBe("fixed");
    const combined = await compare({ scenario, selected: [first], maxReplications: 2 }, inProcessRunner());
    expect(combined.assumptions).toBe("combined");
    // The same callers either way; only the satisfaction model's draws differ.
    expect(fixed.scenarios[0]!.kpis.serviceLevel).toEqual(combined.scenarios[0]!.kpis.serviceLevel);
    expect(fixed.scenarios[0]!.kpis.csatExpected!.mean).not.toBe(combined.scenarios[0]!.kpis.csatExpected!.mean);
    // Fixed is the central-value run of the worker's source, replication by replication.
    const { compileScenario, scenarioVariants } = await import("@ccplan/core");
    const direct = await runPaired({
      runner: inProcessRunner(),
      baseline: { source: { kind: "scenario", scenario, assumptions: "fixed" }, plan: compileScenario(scenarioVariants(scenario)[0]!.scenario) },
      variants: [],
      maxReplications: 2,
    });
    expect(fixed.scenarios[0]!.kpis.csatExpected).toEqual(direct.baseline.kpis.csatExpected);
  }, 60_000);

  it("rejects an intervention the scenario does not have, naming the ones it has", async () => {
    await expect(compare({ scenario, selected: ["nope"], maxReplications: 2 }, inProcessRunner())).rejects.toThrow(/no intervention named "nope"/);
  });

  it("keeps the full comparison for the JSON export, in the CLI's shape", async () => {
    await compare({ scenario, selected: [first], maxReplications: 2 }, inProcessRunner());
    const document = JSON.parse(exportJson()!);
    expect(document.replications).toBe(2);
    expect(document.interventions[0].name).toBe(first);
    expect(Object.keys(document.interventions[0])).toEqual(["name", "costLines", "kpis", "deltas", "targetMet", "days", "intervals", "money", "phases"]);
    // The default file prices no benefit: no ROI, what it buys instead; the document says which view it shows.
    expect(document.assumptions).toBe("combined");
    expect(document.interventions[0].money.roi.mean).toBeNull();
    expect(document.interventions[0].money.costEffectiveness.perServiceLevelPoint.quadrant).toBeDefined();
    expect(document.interventions[0].money.totalCost.ci95).toHaveLength(2);
    expect(document.decision.probBest).toBeNull();
    expect(document.interventions[0].intervals[0].deltas.serviceLevel).toBeDefined();

    // A warm-up comparison (the page's, while it is idle) leaves the export as it was.
    const before = exportJson();
    await compare({ scenario, selected: [], maxReplications: 2, assumptions: "fixed" }, inProcessRunner(), undefined, undefined, false);
    expect(exportJson()).toBe(before);
  }, 60_000);
});
