import {
  KPI_REGISTRY,
  evaluationsJob,
  plannedRuns,
  runPhaseJobAsync,
  SampleBook,
  simulationKey,
  type PhaseRunRequest,
  type Scenario,
  scenarioVariants,
  spanKpiSample,
  type DeltaStatistics,
  type InterventionMoney,
  type KpiStatisticsByKpi,
  type KpiSummary,
} from "@ccplan/core";
import { parseCommandArgs } from "../args.js";
import { InputError } from "../errors.js";
import { DELTA_LEGEND, formatDelta } from "../format/delta.js";
import { formatValue, renderTable } from "../format/units.js";
import { writeJson } from "../format/writeJson.js";
import { progressBar } from "../run/progressBar.js";
import { comparable, prefetchedPhases, progressTracker, runPaired, type VectorRunner } from "@ccplan/worker/node";
import { createRunner } from "../run/runner.js";
import { jobVariants, refuseOversizedRuns } from "../run/limits.js";
import { loadScenario, scenarioSource } from "../run/sources.js";
import { readRunFlags, RUN_FLAGS } from "./runFlags.js";

export const compareHelp = `ccplan compare <scenario.json> [--only <name>]… [--replications N | --precision P [--precision-kpi K]]
               [--workers W] [--seed S] [--json]

Runs the baseline and each intervention of the scenario on the same seeds (common random numbers, so every
difference is paired) and prints, for every KPI, the mean and its 95% CI for each, then each intervention's change
against the baseline with its 95% CI, marked where the CI excludes zero. With --precision, runs until every
intervention's change in --precision-kpi (default serviceLevel) has a 95% CI half-width of at most P.
  --only NAME   compare only this intervention (repeat for several)`;

/** `ccplan compare`: the baseline against each intervention, side by side, with paired deltas. */
export async function runCompare(args: string[], write: (text: string) => void): Promise<void> {
  const { values, positionals } = parseCommandArgs("compare", args, { ...RUN_FLAGS, only: { type: "string", multiple: true } });
  if (positionals.length !== 1) throw new InputError(`ccplan compare takes one scenario file; got ${positionals.length}`);
  const flags = readRunFlags(values);
  const loaded = loadScenario(positionals[0]!);
  const all = scenarioVariants(loaded.scenario);
  const only = values.only as string[] | undefined;
  for (const name of only ?? []) {
    if (!all.slice(1).some((variant) => variant.name === name)) {
      throw new InputError(`invalid --only: ${JSON.stringify(name)}; expected one of ${all.slice(1).map((v) => JSON.stringify(v.name)).join(", ")}`);
    }
  }
  const chosen = all.slice(1).filter((variant) => !only || only.includes(variant.name));
  if (chosen.length === 0) throw new InputError(`${loaded.path} has no interventions to compare; add one to its "interventions" list`);

  const baseline = scenarioSource(loaded, undefined, flags.seed);
  const variants = chosen.map((variant) => ({ name: variant.name, planned: scenarioSource(loaded, variant.name, flags.seed) }));
  for (const variant of variants) {
    if (!comparable(baseline.plan, variant.planned.plan)) {
      throw new InputError(`intervention ${JSON.stringify(variant.name)} changes the simulated days or the queues; it cannot be compared interval by interval with the baseline`);
    }
  }
  // Every run's size is checked before any worker starts: the baseline, each intervention and, for the money, each
  // phase of each intervention's timeline.
  const seededScenario = { ...loaded.scenario, ...(flags.seed !== undefined && { seed: flags.seed }) };
  const moneyJob = (replications: number) =>
    evaluationsJob({
      scenario: seededScenario,
      replications,
      interventions: seededScenario.interventions.filter((intervention) => chosen.some((variant) => variant.name === intervention.name)),
    });
  refuseOversizedRuns(loaded.path, [
    { label: "the baseline", scenario: all[0]!.scenario },
    ...chosen.map((variant) => ({ label: `intervention ${JSON.stringify(variant.name)}`, scenario: variant.scenario })),
    ...(loaded.scenario.money ? jobVariants(plannedRuns(moneyJob(flags.replications))) : []),
  ]);
  const runner = createRunner(flags.workers, [baseline.plan, ...variants.map((variant) => variant.planned.plan)]);
  // The comparison's runs are kept as span samples, so the money stage does not simulate the baseline and the
  // steady states again (core's SampleBook, keyed by what the engine sees).
  const book = new SampleBook();
  const seeded = (scenario: Scenario) => (flags.seed === undefined ? scenario : { ...scenario, seed: flags.seed });
  const keys = new Map([
    [baseline.source, simulationKey(seeded(all[0]!.scenario))] as const,
    ...variants.map((variant, v) => [variant.planned.source, simulationKey(seeded(chosen[v]!.scenario))] as const),
  ]);
  const recording: VectorRunner = {
    async vectors(source, from, to, onProgress) {
      const vectors = await runner.vectors(source, from, to, onProgress);
      const key = keys.get(source);
      if (key !== undefined) book.add(key, from, vectors.map(spanKpiSample));
      return vectors;
    },
  };
  const bar = progressBar();
  try {
    const outcome = await runPaired({
      runner: recording,
      baseline,
      variants,
      maxReplications: flags.replications,
      ...(flags.precision && { precision: flags.precision }),
      onProgress: bar.update,
    });
    const replications = outcome.comparison.replications;
    const moneyByName = new Map<string, InterventionMoney | null>();
    if (loaded.scenario.money) {
      // Money needs each intervention's phases (class weeks, learning curve, steady state) over the horizon:
      // core's economics asks for the runs it needs, on the same seeds, and prices them.
      const job = () => moneyJob(replications);
      const isKnown = (request: PhaseRunRequest) => book.get(request.scenario, request.replications) !== undefined;
      const toRun = plannedRuns(job(), isKnown);
      const tracker = progressTracker(replications * toRun.length, bar.update);
      // The runs not in the book are queued in the pool at once (the dry pass listed them), each answered in its turn.
      const run = prefetchedPhases(toRun, async (request) => {
        const source = { kind: "scenario" as const, scenario: request.scenario, ...(request.label !== undefined && { label: request.label }) };
        const part = tracker.part(request.replications);
        const vectors = await runner.vectors(source, 0, request.replications, part.within);
        part.finish();
        return vectors.map(spanKpiSample);
      });
      const evaluations = await runPhaseJobAsync(job(), (request) => book.get(request.scenario, request.replications) ?? run(request));
      for (const evaluation of evaluations) moneyByName.set(evaluation.name, evaluation.money);
    }
    bar.done();
    const interventions = chosen.map((variant, v) => {
      const statistics = outcome.variants[v]!;
      const deltas = outcome.comparison.variants[v]!;
      return {
        name: variant.name,
        costLines: variant.costLines,
        money: moneyByName.get(variant.name) ?? null,
        kpis: statistics.kpis,
        deltas: deltas.deltas,
        targetMet: statistics.targetMet,
        days: statistics.days.map((day, d) => ({ ...day, deltas: deltas.days[d]!.deltas })),
        intervals: statistics.intervals.map((interval, i) => ({ ...interval, deltas: deltas.intervals[i]!.deltas })),
      };
    });
    const output = {
      scenario: outcome.baseline.scenario,
      seed: outcome.baseline.seed,
      replications: outcome.comparison.replications,
      ...(outcome.precision && { precision: outcome.precision }),
      baseline: outcome.baseline,
      interventions,
    };
    if (values.json) {
      writeJson(write, output);
      return;
    }
    write(`${renderComparison(output.scenario, output.replications, outcome.baseline.kpis, interventions)}\n`);
    const priced = interventions.filter((intervention) => intervention.money !== null);
    if (priced.length > 0) write(`\n${renderMoney(priced as { name: string; money: InterventionMoney }[])}\n`);
  } finally {
    bar.done();
    await runner.close();
  }
}

const meanWithCi = (summary: KpiStatisticsByKpi[keyof KpiStatisticsByKpi], unit: (typeof KPI_REGISTRY)[number]["unit"]) =>
  summary.ci95
    ? `${formatValue(summary.mean, unit)} [${formatValue(summary.ci95[0], unit)}, ${formatValue(summary.ci95[1], unit)}]`
    : formatValue(summary.mean, unit);

function renderComparison(
  scenario: string,
  replications: number,
  baseline: KpiStatisticsByKpi,
  interventions: { name: string; kpis: KpiStatisticsByKpi; deltas: Record<string, DeltaStatistics> }[],
): string {
  const means = renderTable(
    ["KPI (mean [95% CI of the mean])", "Baseline", ...interventions.map((i) => i.name)],
    KPI_REGISTRY.map((kpi) => [kpi.label, meanWithCi(baseline[kpi.id], kpi.unit), ...interventions.map((i) => meanWithCi(i.kpis[kpi.id], kpi.unit))]),
  );
  const deltas = renderTable(
    ["Change against the baseline [95% CI]", ...interventions.map((i) => i.name)],
    KPI_REGISTRY.map((kpi) => [kpi.label, ...interventions.map((i) => formatDelta(i.deltas[kpi.id]!, kpi.unit))]),
  );
  return [
    `${scenario} · ${replications} paired replications (common random numbers)`,
    means,
    "",
    deltas,
    DELTA_LEGEND,
  ].join("\n");
}

function moneyCell(summary: KpiSummary, format: (value: number) => string): string {
  if (summary.mean === null) return "–";
  const ci = summary.ci95 ? ` [${format(summary.ci95[0])}, ${format(summary.ci95[1])}]` : "";
  return `${format(summary.mean)}${ci}`;
}

/** Each intervention's money against the baseline over the horizon: mean [95% CI] across replications. */
function renderMoney(interventions: { name: string; money: InterventionMoney }[]): string {
  const first = interventions[0]!.money;
  const amount = (value: number) => `${Math.round(value).toLocaleString("en-US")}`;
  const ratio = (value: number) => value.toFixed(2);
  const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
  const month = (value: number) => value.toFixed(1);
  const rows: [string, (money: InterventionMoney) => string][] = [
    [`Incremental cost (${first.currency})`, (m) => moneyCell(m.totalCost, amount)],
    [`Benefit (${first.currency})`, (m) => moneyCell(m.totalBenefit, amount)],
    ["ROI = (benefit − cost) / cost", (m) => (m.roi.mean === null && m.saving.mean !== null ? `saves ${moneyCell(m.saving, amount)}` : moneyCell(m.roi, percent))],
    ["Benefit / cost", (m) => moneyCell(m.benefitCostRatio, ratio)],
    [`NPV at ${(first.discountRatePerYear * 100).toFixed(0)}% a year (${first.currency})`, (m) => moneyCell(m.npv, amount)],
    ["Payback month (when it pays back)", (m) => moneyCell(m.paybackMonth, month)],
    [`Pays back within ${first.horizonMonths} months`, (m) => (m.probPaybackWithinHorizon.mean === null ? "–" : `${percent(m.probPaybackWithinHorizon.mean)} of replications`)],
  ];
  return [
    `Money over ${first.horizonMonths} months against the baseline (mean [95% CI of the mean]; phases: class, learning curve, steady state)`,
    renderTable(["", ...interventions.map((i) => i.name)], rows.map(([label, cell]) => [label, ...interventions.map((i) => cell(i.money))])),
  ].join("\n");
}
