import { moneyReplications, type MoneyReplication } from "../economics/moneyReplications.js";
import type { KpiSample } from "../economics/kpiSample.js";
import {
  evaluationJob,
  labelledJob,
  runPhaseJob,
  runPhaseJobAsync,
  type InterventionEvaluation,
  type PhaseJob,
  type RunPhase,
  type RunPhaseAsync,
} from "../economics/phases.js";
import { KPI_REGISTRY, type KpiDefinition } from "../kpi/registry.js";
import { resolveCentral } from "../schema/uncertain.js";
import { uncertainInputs } from "../uncertainty/inputs.js";
import { uncertainQuantile } from "../uncertainty/quantile.js";
import { moneySchema } from "../schema/money.js";
import type { Intervention } from "../schema/intervention.js";
import type { Scenario } from "../schema/scenario.js";
import { summarize } from "../stats/summary.js";
import { sensitivityInputs, type SensitivityInput, type SensitivityInputOptions, type SensitivityUnit } from "./sensitivityInputs.js";

/** One bar of a tornado: an input at its low and high value, and the output's mean at each. */
export interface TornadoBar {
  input: string;
  label: string;
  unit: SensitivityUnit;
  /** The input's value in the scenario, and the values tried. */
  base: number;
  low: number;
  high: number;
  /** Mean of the output across replications with the input at `low` and at `high` (null: undefined in every one). */
  outputLow: number | null;
  outputHigh: number | null;
  /** outputHigh − outputLow, as the mean of the paired per-replication differences (same seeds): the bar's length. */
  swing: number | null;
  /** 95% CI of that mean difference: a bar whose CI spans 0 could be noise. */
  swingCi95: [number, number] | null;
  /** The replications the swing is the mean over: those in which the output is defined at both values. All of them
   * for most outputs; for the break-even week, those that break even within the horizon at both. */
  swingReplications: number;
}

/** The bars of one output, longest swing first: what the UI draws, centred on `base`. */
export interface Tornado {
  output: { id: string; label: string; unit: SensitivityUnit };
  /** The output's mean with every input at its value. */
  base: number | null;
  bars: TornadoBar[];
}

export interface SensitivityResult {
  scenario: string;
  /** The intervention analysed, or null for the baseline alone. */
  intervention: string | null;
  replications: number;
  seed: number;
  currency: string | null;
  tornados: Tornado[];
}

export interface SensitivityOptions extends SensitivityInputOptions {
  scenario: Scenario;
  /** Analyse this intervention's ROI, NPV and gains; without one, the baseline's KPIs. */
  intervention?: Intervention;
  replications: number;
  /**
   * Outputs, by id: "roi", "npv" and "breakEvenWeek" (with an intervention and money: the money over the horizon, and
   * the week, counted from the option's start, from which the cumulative net stays positive, defined only in the
   * replications that break even within the horizon) and any KPI id of the registry (with an intervention: its gain in
   * the steady state, intervention − baseline; without: the baseline's value).
   * Default: roi, npv, serviceLevel and csat (when the engine reports it) with an intervention; serviceLevel,
   * asa, abandonRate and csat without.
   */
  outputs?: string[];
}

/**
 * A one-at-a-time sensitivity analysis, ready to draw as tornados: each input of `sensitivityInputs` is set to its
 * low and then its high value, everything else at its value, and the intervention is evaluated again
 * (`evaluationJob`: every phase, paired replications on the scenario's seed), or the baseline simulated again
 * without one. Every run uses the same seed and replication numbers, so the swing of an output between the low
 * and the high value is a paired difference on common random numbers. Money-only inputs (wage, lifetime value, …)
 * reuse the central simulations (runs are memoised by what the engine sees). Bars are sorted by the size of
 * their swing; outputs undefined everywhere (ROI of an intervention that saves money) have no bars' swing.
 */
export function sensitivity(options: SensitivityOptions & { runPhase: RunPhase }): SensitivityResult {
  return runPhaseJob(sensitivityJob(options), options.runPhase);
}

/** `sensitivity` with a runner that may return a promise. */
export function sensitivityAsync(options: SensitivityOptions & { runPhase: RunPhaseAsync }): Promise<SensitivityResult> {
  return runPhaseJobAsync(sensitivityJob(options), options.runPhase);
}

/** The job behind `sensitivity`. */
export function* sensitivityJob(options: SensitivityOptions): PhaseJob<SensitivityResult> {
  // One point is one concrete world: uncertain inputs are taken at their central values, and each input's bar moves
  // it alone (a range the file gives is the bar's range unless `ranges` says otherwise).
  const { replications } = options;
  const scenario = resolveCentral(options.scenario);
  const intervention = options.intervention && resolveCentral(options.intervention);
  const inputs = sensitivityInputs(scenario, intervention, { ...options, ranges: { ...fileRanges(options.scenario, options.intervention), ...options.ranges } });
  const central = yield* outcomeJob({ scenario, intervention }, replications);
  const outputs = chooseOutputs(options, central);
  const varied: { input: SensitivityInput; low: Outcome; high: Outcome }[] = [];
  for (const input of inputs) {
    const point = (side: string, value: number) => `sensitivity point ${JSON.stringify(input.label)} ${side} (${Number(value.toPrecision(6)).toLocaleString("en-US")})`;
    const low = yield* labelledJob(outcomeJob(input.apply(input.low, { scenario, intervention }), replications), point("low", input.low));
    const high = yield* labelledJob(outcomeJob(input.apply(input.high, { scenario, intervention }), replications), point("high", input.high));
    varied.push({ input, low, high });
  }
  const tornados = outputs.map((output): Tornado => {
    const bars = varied.map(({ input, low, high }): TornadoBar => {
      const lows = output.values(low);
      const highs = output.values(high);
      const swing = summarize(highs.map((value, k) => (value === null || lows[k] === null ? null : value - lows[k]!)));
      return {
        input: input.id,
        label: input.label,
        unit: input.unit,
        base: input.base,
        low: input.low,
        high: input.high,
        outputLow: summarize(lows).mean,
        outputHigh: summarize(highs).mean,
        swing: swing.mean,
        swingCi95: swing.ci95,
        swingReplications: swing.n,
      };
    });
    bars.sort((a, b) => Math.abs(b.swing ?? -1) - Math.abs(a.swing ?? -1));
    return { output: { id: output.id, label: output.label, unit: output.unit }, base: summarize(output.values(central)).mean, bars };
  });
  return {
    scenario: scenario.name,
    intervention: intervention?.name ?? null,
    replications,
    seed: scenario.seed,
    currency: scenario.money?.currency ?? null,
    tornados,
  };
}

/**
 * The ranges a file gives its inputs, as tornado ranges: each uncertain input of the experience and money sections and
 * of the analysed intervention swings from its 10th to its 90th percentile (instead of ±range).
 */
function fileRanges(scenario: Scenario, intervention: Intervention | undefined): Record<string, { low: number; high: number }> {
  const ranges: Record<string, { low: number; high: number }> = {};
  for (const input of uncertainInputs(scenario)) {
    const range = { low: uncertainQuantile(input.spec, 0.1), high: uncertainQuantile(input.spec, 0.9) };
    const [section, index, ...rest] = input.path;
    if (section !== "interventions") ranges[input.path.join(".")] = range;
    else if (intervention && input.intervention === intervention.name) {
      // A part of `combined` is named by its index among the parts (sensitivityInputs' ids).
      const id = rest[0] === "interventions" ? `intervention.${rest.slice(1).join(".")}` : `intervention.${rest.join(".")}`;
      ranges[id] = range;
    }
    void index;
  }
  return ranges;
}

/** What one point of the analysis produced: the baseline samples, or the intervention's evaluation. */
type Outcome = { baseline: readonly KpiSample[]; evaluation: InterventionEvaluation | null; scenario: Scenario };

function* outcomeJob(target: { scenario: Scenario; intervention: Intervention | undefined }, replications: number): PhaseJob<Outcome> {
  if (!target.intervention) {
    const baseline: Scenario = { ...target.scenario, interventions: [] };
    const samples = yield { scenario: baseline, replications, pairedWith: [baseline], recipe: { scenario: baseline, assumptions: "fixed" }, label: "the baseline" };
    return { baseline: samples, evaluation: null, scenario: target.scenario };
  }
  const evaluation = yield* evaluationJob({ scenario: target.scenario, intervention: target.intervention, replications, assumptions: "fixed" });
  return { baseline: evaluation.phases[0]!.baseline, evaluation, scenario: target.scenario };
}

interface OutputSpec {
  id: string;
  label: string;
  unit: SensitivityUnit;
  values: (outcome: Outcome) => (number | null)[];
}

const registry = new Map((KPI_REGISTRY as readonly KpiDefinition[]).map((kpi) => [kpi.id, kpi]));

function chooseOutputs(options: SensitivityOptions, central: Outcome): OutputSpec[] {
  const withIntervention = options.intervention !== undefined;
  const reported = new Set(Object.keys(central.baseline[0] ?? {}));
  const defaults = withIntervention ? ["roi", "npv", "serviceLevel", "csat"] : ["serviceLevel", "asa", "abandonRate", "csat"];
  const ids = options.outputs ?? defaults.filter((id) => MONEY_OUTPUTS.has(id) || reported.has(id));
  return ids.map((id) => {
    const money = MONEY_OUTPUTS.get(id);
    if (money) {
      if (!withIntervention || !options.scenario.money) throw new Error(`invalid output "${id}": it needs an intervention and a money section`);
      return { id, label: money.label, unit: money.unit, values: (outcome) => moneyOf(outcome).map(money.value) };
    }
    const kpi = registry.get(id);
    if (!kpi && !reported.has(id)) {
      throw new Error(`invalid output "${id}"; expected ${[...MONEY_OUTPUTS.keys()].join(", ")} or a KPI id the engine reports (${[...reported].join(", ")})`);
    }
    const label = kpi?.label ?? id;
    const unit = (kpi?.unit ?? "fraction") as SensitivityUnit;
    if (!withIntervention) return { id, label, unit, values: (outcome) => outcome.baseline.map((sample) => sample[id] ?? null) };
    return {
      id,
      label: `${label}: gain in the steady state`,
      unit,
      values: (outcome) => {
        const steady = outcome.evaluation!.phases.at(-1)!;
        return steady.intervention.map((sample, k) => {
          const after = sample[id];
          const before = steady.baseline[k]?.[id];
          return after === null || after === undefined || before === null || before === undefined ? null : after - before;
        });
      },
    };
  });
}

/** The outputs read from the money over the horizon, replication by replication (`moneyReplications`). */
const MONEY_OUTPUTS = new Map<string, { label: string; unit: SensitivityUnit; value: (replication: MoneyReplication) => number | null }>([
  ["roi", { label: "ROI", unit: "fraction", value: (replication) => replication.roi }],
  ["npv", { label: "Net present value", unit: "money", value: (replication) => replication.npv }],
  // Null in a replication that does not break even within the horizon: a bar's means and swing are over the
  // replications that do (`swingReplications` says how many), so a value that delays break-even past the horizon in
  // some replications shows as fewer replications, not as a later week.
  // Counted from the option's start (week 1 its first), as the money cards and `ccplan compare` count it; the Year
  // view's break-even plan week is a week of the capacity plan, another count.
  ["breakEvenWeek", { label: "Break-even week (from the option's start)", unit: "weeks", value: (replication) => replication.breakEvenWeek }],
]);

function moneyOf(outcome: Outcome) {
  const evaluation = outcome.evaluation!;
  return moneyReplications({ money: resolveCentral(moneySchema.parse(outcome.scenario.money)), costLines: evaluation.money!.costLines, phases: evaluation.phases }).replications;
}
