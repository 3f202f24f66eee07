import {
  KPI_REGISTRY,
  evaluationsJob,
  fullDecision,
  plannedRuns,
  runKey,
  runPhaseJobAsync,
  SampleBook,
  type Scenario,
  scenarioVariants,
  spanKpiSample,
  type AssumptionsView,
  type CostEffectivenessRatio,
  type DeltaStatistics,
  type FullDecision,
  type InterventionEvaluation,
  type InterventionMoney,
  type KpiStatisticsByKpi,
  type KpiSummary,
  type PhaseRunRequest,
  decisionSentence,
  interventionLevers,
  partialValueNote,
  unchangedReason,
} from "@ccplan/core";
import { onePositional, parseCommandArgs } from "../args.js";
import { InputError } from "../errors.js";
import { DELTA_LEGEND, formatChange, formatDelta, isUnchanged, sameInAll, sameInEveryReplication } from "../format/delta.js";
import { varianceSources } from "../format/varianceSources.js";
import { signed } from "../format/sign.js";
import { formatValue, kpiLabel, renderTable } from "../format/units.js";
import { writeJson } from "../format/writeJson.js";
import { progressBar } from "../run/progressBar.js";
import { comparable, prefetchedPhases, progressTracker, recipeSource, runPaired, type VectorRunner } from "@ccplan/worker/node";
import { createRunner } from "../run/runner.js";
import { jobVariants, refuseOversizedRuns } from "../run/limits.js";
import { loadScenario, scenarioSource } from "../run/sources.js";
import { readRunFlags, RUN_FLAGS } from "./runFlags.js";

export const compareHelp = `ccplan compare <scenario.json> [--only <name>]… [--replications N | --precision P [--precision-kpi K]]
               [--workers W] [--seed S] [--fixed-assumptions] [--json]

Runs the baseline and each intervention of the scenario on the same seeds (common random numbers, so every
difference is paired) and prints, for every KPI, the mean and its 95% CI for each, then each intervention's change
against the baseline with its 95% CI, marked where the CI excludes zero. With --precision, runs until every
intervention's change in --precision-kpi (default serviceLevel) has a 95% CI half-width of at most P.
Each replication draws the scenario's uncertain inputs (the experience model's ranges, any range in the file) once,
the same draw for the baseline, every intervention and every phase; with a money section, the money of each
intervention over the horizon follows: its P10–P90, payback and the probability each option is best are those of
a year at each draw (not one simulated week times 52), with the evidence grades it rests on, where its uncertainty
comes from, and what it buys per unit of cost; then what is worth finding out before deciding (the value of
knowing each input exactly) and where the best option changes with the value of a kept customer.
  --only NAME           compare only this intervention (repeat for several)
  --replications N      paired replications (default 100; with --precision, the most it may run, default 1000)
  --precision P         run until every change in --precision-kpi (default serviceLevel) has a 95% CI half-width of at most P (a fraction,
                        or seconds for time KPIs), checked at 20, 40, 80, … replications
  --workers W           threads that simulate, this one included (default: the number of cores); the output
                        does not depend on it
  --seed S              the seed instead of the scenario's
  --fixed-assumptions   keep every uncertain input at its central value: the simulation's noise alone
  --json                {scenario, seed, replications, assumptions, baseline, interventions, decision}: every KPI and
                        change with its 95% CI, P10/P50/P90 and n; each intervention's money and cost lines`;

/** `ccplan compare`: the baseline against each intervention, side by side, with paired deltas. */
export async function runCompare(args: string[], write: (text: string) => void): Promise<void> {
  const { values, positionals } = parseCommandArgs("compare", args, { ...RUN_FLAGS, only: { type: "string", multiple: true } });
  const path = onePositional("compare", positionals);
  const flags = readRunFlags(values);
  const loaded = loadScenario(path);
  const all = scenarioVariants(loaded.scenario);
  const only = values.only as string[] | undefined;
  for (const name of only ?? []) {
    if (!all.slice(1).some((variant) => variant.name === name)) {
      throw new InputError(`invalid --only: ${JSON.stringify(name)}; expected one of ${all.slice(1).map((v) => JSON.stringify(v.name)).join(", ")}`);
    }
  }
  const chosen = all.slice(1).filter((variant) => !only || only.includes(variant.name));
  if (chosen.length === 0) throw new InputError(`${loaded.path} has no interventions to compare; add one to its "interventions" list`);

  const assumptions = flags.assumptions;
  const baseline = scenarioSource(loaded, undefined, flags.seed, assumptions);
  const variants = chosen.map((variant) => ({ name: variant.name, planned: scenarioSource(loaded, variant.name, flags.seed, assumptions) }));
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
      assumptions,
      interventions: seededScenario.interventions.filter((intervention) => chosen.some((variant) => variant.name === intervention.name)),
    });
  // One dry pass lists the money stage's runs, at one replication a run, as the web's comparison does: which runs the
  // job asks for does not depend on how many replications each has, and the dry pass's money (priced on empty samples)
  // costs a hundredth. Three passes at the full count took ~0.3 s of this thread, a third of it after the replications.
  const moneyPlan = loaded.scenario.money ? plannedRuns(moneyJob(1)) : [];
  const moneyRunsOf = (replications: number) => moneyPlan.map((request) => ({ ...request, replications }));
  refuseOversizedRuns(loaded.path, [
    { label: "the baseline", scenario: all[0]!.scenario },
    ...chosen.map((variant) => ({ label: `intervention ${JSON.stringify(variant.name)}`, scenario: variant.scenario })),
    ...jobVariants(moneyPlan),
  ]);
  const runner = createRunner(flags.workers, [baseline.plan, ...variants.map((variant) => variant.planned.plan)]);
  // The comparison's runs are kept as span samples, so the money stage does not simulate the baseline and the
  // steady states again (core's SampleBook, keyed by what the engine sees).
  const book = new SampleBook();
  const seeded = (scenario: Scenario) => (flags.seed === undefined ? scenario : { ...scenario, seed: flags.seed });
  const file = seededScenario;
  const keys = new Map([
    [baseline.source, runKey(seeded(all[0]!.scenario), { scenario: file, assumptions })] as const,
    ...variants.map((variant, v) => [variant.planned.source, runKey(seeded(chosen[v]!.scenario), { scenario: file, intervention: variant.name, assumptions })] as const),
  ]);
  const bar = progressBar();
  // Money needs each intervention's phases (class weeks, learning curve, steady state) over the horizon: core's
  // economics asks for the runs it needs, on the same seeds and draws, and prices them. The runs the comparison does
  // not make itself are queued in the pool at once (a dry pass lists them), each answered in its turn. Without a
  // precision target the comparison's replications, and so those runs, are known now: they are queued right behind
  // the comparison's last batch, so the workers simulate them while this thread folds and summarises the comparison
  // (the workers used to idle through that, and through the money stage's planning). The samples do not change:
  // replication k of a run is the same whatever runs beside it.
  const pairedKeys = new Set(keys.values());
  const earlyRuns =
    loaded.scenario.money && !flags.precision
      ? moneyRunsOf(flags.replications).filter((request) => !pairedKeys.has(runKey(request.scenario, request.recipe)))
      : [];
  const replicationsOf = (runs: readonly PhaseRunRequest[]) => runs.reduce((sum, request) => sum + request.replications, 0);
  const comparisonReplications = flags.replications * (variants.length + 1);
  const overall = progressTracker(comparisonReplications + replicationsOf(earlyRuns), bar.update);
  const comparisonPart = overall.part(comparisonReplications);
  const startMoneyRuns = (runs: readonly PhaseRunRequest[], tracker: Pick<typeof overall, "part">) =>
    prefetchedPhases([...runs], async (request) => {
      const part = tracker.part(request.replications);
      const vectors = await runner.vectors(recipeSource(request.recipe, request.label), 0, request.replications, part.within);
      part.finish();
      return vectors.map(spanKpiSample);
    });
  let earlyMoney: ReturnType<typeof startMoneyRuns> | undefined;
  let lastBatchesStarted = 0;
  // Every scenario's last batch (or its stream) is in the pool's queue: the money stage's runs go right behind them.
  const queuedUpTo = (to: number) => {
    if (to === flags.replications && ++lastBatchesStarted === variants.length + 1 && earlyRuns.length > 0) earlyMoney = startMoneyRuns(earlyRuns, overall);
  };
  const recording: VectorRunner = {
    async vectors(source, from, to, onProgress) {
      const pending = runner.vectors(source, from, to, onProgress);
      queuedUpTo(to);
      const vectors = await pending;
      const key = keys.get(source);
      if (key !== undefined) book.add(key, from, vectors.map(spanKpiSample));
      return vectors;
    },
    ...(runner.stream && {
      stream(source, from, to, onVectors, onProgress, streamOptions) {
        const key = keys.get(source);
        const record = (first: number, vectors: Float64Array[]) => {
          if (key !== undefined) book.add(key, first, vectors.map(spanKpiSample));
          onVectors(first, vectors);
        };
        const streaming = runner.stream!(source, from, to, record, onProgress, streamOptions);
        queuedUpTo(to);
        return streaming;
      },
    }),
  };
  try {
    const outcome = await runPaired({
      runner: recording,
      baseline,
      variants,
      maxReplications: flags.replications,
      ...(flags.precision && { precision: flags.precision }),
      onProgress: (done) => comparisonPart.within(done),
      // Without money to simulate next, the threads can end while this thread summarises.
      ...(!loaded.scenario.money && { onReplicationsDone: () => void runner.close() }),
    });
    comparisonPart.finish();
    const replications = outcome.comparison.replications;
    const moneyByName = new Map<string, InterventionMoney | null>();
    let evaluations: InterventionEvaluation[] = [];
    if (loaded.scenario.money) {
      const job = () => moneyJob(replications);
      // With a precision target, the runs are listed and queued only now that the replications are known. Without one,
      // the runs the comparison does not make were queued early (`earlyRuns`): none are left when nothing was.
      const run =
        earlyMoney ??
        (() => {
          const toRun = flags.precision ? moneyRunsOf(replications).filter((request) => book.get(request) === undefined) : earlyRuns;
          return startMoneyRuns(toRun, progressTracker(replicationsOf(toRun), bar.update));
        })();
      evaluations = await runPhaseJobAsync(job(), (request) => book.get(request) ?? run(request));
      for (const evaluation of evaluations) moneyByName.set(evaluation.name, evaluation.money);
    }
    // Every simulation is back: the threads end while this thread decides and writes (closing again is a no-op).
    void runner.close();
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
    const decided = fullDecision(loaded.scenario, evaluations);
    const output = {
      scenario: outcome.baseline.scenario,
      seed: outcome.baseline.seed,
      replications: outcome.comparison.replications,
      assumptions,
      ...(outcome.precision && { precision: outcome.precision }),
      baseline: outcome.baseline,
      interventions,
      decision: decided,
    };
    if (values.json) {
      writeJson(write, output);
      return;
    }
    // Why an option leaves figures as the baseline has them, from what it moves as entered (core's interventionLevers).
    const reasons = interventions.map((intervention) => {
      const entered = loaded.scenario.interventions.find((candidate) => candidate.name === intervention.name);
      return entered ? unchangedReason(interventionLevers(entered)) : null;
    });
    write(`${renderComparison(output.scenario, output.replications, assumptions, outcome.baseline.kpis, interventions, loaded.scenario.money?.currency, reasons)}\n`);
    const priced = interventions.filter((intervention) => intervention.money !== null);
    if (priced.length > 0) write(`\n${renderMoney(priced as { name: string; money: InterventionMoney }[], decided?.probBest ?? null)}\n`);
    if (decided && (decided.evppi.length > 0 || decided.breakEven.length > 0)) write(`\n${renderDecision(decided)}\n`);
  } finally {
    bar.done();
    await runner.close();
  }
}

// A figure every replication agrees on (the scheduled agents of a fixed roster) in words, not as "[14.29, 14.29]".
const meanWithCi = (summary: KpiStatisticsByKpi[keyof KpiStatisticsByKpi], unit: (typeof KPI_REGISTRY)[number]["unit"]) =>
  summary.ci95 && summary.mean !== null && sameInEveryReplication(summary.mean, summary.ci95)
    ? `${formatValue(summary.mean, unit)} ${sameInAll(summary.n)}`
    : summary.ci95
      ? `${formatValue(summary.mean, unit)} [${formatValue(summary.ci95[0], unit)}, ${formatValue(summary.ci95[1], unit)}]`
      : formatValue(summary.mean, unit);

/** What the figures' uncertainty covers, for the tables' headings. */
export function assumptionsNote(assumptions: AssumptionsView): string {
  return assumptions === "combined"
    ? "assumptions combined: each replication draws the uncertain inputs (ranges), so intervals carry them and the simulation's noise; --fixed-assumptions for the noise alone"
    : "assumptions fixed: every uncertain input at its central value, so intervals carry the simulation's noise alone";
}

function renderComparison(
  scenario: string,
  replications: number,
  assumptions: AssumptionsView,
  baseline: KpiStatisticsByKpi,
  interventions: { name: string; kpis: KpiStatisticsByKpi; deltas: Record<string, DeltaStatistics> }[],
  currency?: string,
  reasons: readonly (string | null)[] = [],
): string {
  const means = renderTable(
    ["KPI (mean [95% CI of the mean])", "Baseline", ...interventions.map((i) => i.name)],
    KPI_REGISTRY.map((kpi) => [kpiLabel(kpi, currency), meanWithCi(baseline[kpi.id], kpi.unit), ...interventions.map((i) => meanWithCi(i.kpis[kpi.id], kpi.unit))]),
  );
  const deltas = renderTable(
    ["Change against the baseline [95% CI]", ...interventions.map((i) => i.name)],
    KPI_REGISTRY.map((kpi) => [kpiLabel(kpi, currency), ...interventions.map((i) => formatDelta(i.deltas[kpi.id]!, kpi.unit))]),
  );
  return [
    `${scenario} · ${replications} paired replications (common random numbers)`,
    assumptionsNote(assumptions),
    means,
    "",
    deltas,
    DELTA_LEGEND,
    ...unchangedNotes(interventions, reasons),
  ].join("\n");
}

/**
 * Under the table of changes, for each option with rows that read "unchanged" and a reason from its levers: why its
 * queue figures are the baseline's in every replication (a satisfaction-only training runs the baseline's queue), so
 * that "unchanged" is read as "not acted on", not as a change too small to see.
 */
function unchangedNotes(interventions: { name: string; deltas: Record<string, DeltaStatistics> }[], reasons: readonly (string | null)[]): string[] {
  return interventions.flatMap((intervention, i) => {
    const reason = reasons[i];
    const unchanged = KPI_REGISTRY.filter((kpi) => isUnchanged(intervention.deltas[kpi.id]!));
    if (!reason || unchanged.length === 0) return [];
    const serviceLevel = unchanged.some((kpi) => kpi.id === "serviceLevel") ? " (service level among them)" : "";
    return [`"${intervention.name}" leaves ${unchanged.length} of ${KPI_REGISTRY.length} KPIs unchanged${serviceLevel} because it does not act on them: ${reason}.`];
  });
}

function moneyCell(summary: KpiSummary, format: (value: number) => string): string {
  if (summary.mean === null) return "–";
  // A figure no draw and no simulated week moves (a fixed cost) has no interval to show: "[128,000, 128,000]" would
  // read as a computed precision. Said in words instead.
  const tolerance = 1e-9 * Math.max(1, Math.abs(summary.mean));
  const constant = summary.ci95 !== null && summary.ci95[1] - summary.ci95[0] <= tolerance && summary.p10 !== null && summary.p90! - summary.p10 <= tolerance;
  if (constant) return `${format(summary.mean)} ${sameInAll(summary.n)}`;
  const ci = summary.ci95 ? ` [${format(summary.ci95[0])}, ${format(summary.ci95[1])}]` : "";
  return `${format(summary.mean)}${ci}`;
}

function spreadCell(summary: KpiSummary, format: (value: number) => string): string {
  if (summary.p10 === null || summary.p90 === null) return "–";
  return `${format(summary.p10)} to ${format(summary.p90)}`;
}

/** The break-even value of a kept customer: above it (or, for an option that loses customers, below it) the NPV is positive. */
function breakEvenCell(ratio: CostEffectivenessRatio | null, format: (value: number) => string): string {
  if (!ratio) return "–";
  if (ratio.quadrant === "dominant") return "any (pays without them)";
  if (ratio.quadrant === "dominated") return "none (loses customers and money)";
  const ci = ratio.ci95 ? ` [${format(ratio.ci95[0])}, ${format(ratio.ci95[1])}]` : " [unbounded]";
  return `${ratio.quadrant === "savingPerLoss" ? "below " : "above "}${format(ratio.mean!)}${ci}`;
}

function ratioCell(ratio: CostEffectivenessRatio | null, format: (value: number) => string): string {
  if (!ratio) return "–";
  if (ratio.quadrant === "dominant") return "dominant (no extra cost, better)";
  if (ratio.quadrant === "dominated") return "dominated (no saving, worse)";
  const ci = ratio.ci95 ? ` [${format(ratio.ci95[0])}, ${format(ratio.ci95[1])}]` : " [unbounded]";
  return `${ratio.quadrant === "savingPerLoss" ? "saves " : ""}${format(ratio.mean!)}${ci}`;
}

/**
 * Each intervention's money against the baseline over the horizon: mean [95% CI of the mean] across replications,
 * the P10–P90 of a year, payback, the probability each is best, the evidence it rests on, where its uncertainty comes
 * from and what it buys; then the warnings.
 */
function renderMoney(interventions: { name: string; money: InterventionMoney }[], probBest: Record<string, number> | null): string {
  const first = interventions[0]!.money;
  // Negative amounts (a loss, an interval reaching below 0) with a true minus, as every change in ccplan's tables,
  // and none on an amount that rounds to zero.
  const minus = (value: number, digits: string) => signed(value, digits, { plus: false });
  const amount = (value: number) => minus(value, Math.round(Math.abs(value)).toLocaleString("en-US"));
  const ratio = (value: number) => minus(value, Math.abs(value).toFixed(2));
  const percent = (value: number) => minus(value, `${(Math.abs(value) * 100).toFixed(0)}%`);
  const month = (value: number) => value.toFixed(1);
  const wholeMonth = (value: number) => String(Math.round(value));
  const points = (value: number) => formatChange(value, "fraction", { decimals: 2 });
  const cost = (value: number) => (Math.abs(value) >= 100 ? amount(value) : minus(value, Math.abs(value).toFixed(2)));
  const noPayback = (m: InterventionMoney) => (!m.benefitPriced ? "– (no benefit priced)" : m.totalCost.mean !== null && m.totalCost.mean <= 0 ? "– (costs nothing)" : null);
  const rows: [string, (money: InterventionMoney) => string][] = [
    [`Incremental cost (${first.currency})`, (m) => moneyCell(m.totalCost, amount)],
    [`Benefit (${first.currency})`, (m) => (m.benefitPriced ? moneyCell(m.totalBenefit, amount) : "– (none priced)")],
    [
      "ROI = (benefit − cost) / cost",
      (m) =>
        m.totalCost.mean === 0
          ? "– (costs nothing)"
          : m.roi.mean === null && m.saving.mean !== null
            ? `saves ${moneyCell(m.saving, amount)}`
            : m.benefitPriced
              ? moneyCell(m.roi, percent)
              : "– (no benefit priced)",
    ],
    ["  ROI, P10 to P90 of a year", (m) => spreadCell(m.roi, percent)],
    ["Benefit / cost", (m) => moneyCell(m.benefitCostRatio, ratio)],
    [`NPV at ${(first.discountRatePerYear * 100).toFixed(0)}% a year (${first.currency})`, (m) => moneyCell(m.npv, amount)],
    ["  NPV, P10 to P90 of a year", (m) => spreadCell(m.npv, amount)],
    // The year's change, class weeks and learning curve included: the table above shows the week at full effect.
    [`Service level over the ${first.horizonMonths} months`, (m) => moneyCell(m.serviceLevelChange, points)],
    // The mean of whole months keeps a decimal; its P10 and P90 are months some year reached (core's summarizeWholePeriods).
    ["Payback month (in years it pays back)", (m) => noPayback(m) ?? (m.paybackMonth.mean === null ? "never" : `${month(m.paybackMonth.mean)} (P10–P90 ${spreadCell(m.paybackMonth, wholeMonth)})`)],
    [`Pays back within ${first.horizonMonths} months`, (m) => noPayback(m) ?? (m.probPaybackWithinHorizon.mean === null ? "–" : `${percent(m.probPaybackWithinHorizon.mean)} of years`)],
    ...(probBest ? ([["Probability best (of all options)", (m: InterventionMoney) => percent(probBest[interventions.find((i) => i.money === m)!.name] ?? 0)]] as [string, (money: InterventionMoney) => string][]) : []),
    [`Value beyond the horizon, not booked (${first.currency})`, (m) => (m.retentionBeyondHorizon.mean ? moneyCell(m.retentionBeyondHorizon, amount) : "–")],
    [
      "Evidence (share of benefit)",
      (m) => (m.evidence ? (["measured", "literature", "article", "assumption"] as const).filter((grade) => m.evidence![grade] > 0.005).map((grade) => `${grade} ${percent(m.evidence![grade])}`).join(", ") : "–"),
    ],
    [`Cost per service-level point`, (m) => ratioCell(m.costEffectiveness.perServiceLevelPoint, cost)],
    [`Cost per abandoned contact avoided`, (m) => ratioCell(m.costEffectiveness.perAbandonAvoided, cost)],
    [`Cost per complaint avoided`, (m) => ratioCell(m.costEffectiveness.perComplaintAvoided, cost)],
    [`Cost per customer kept`, (m) => ratioCell(m.costEffectiveness.perCustomerKept, cost)],
    [`Break-even value of a kept customer`, (m) => breakEvenCell(m.costEffectiveness.breakEvenCustomerValue, cost)],
  ];
  const warnings = interventions.flatMap((i) => (i.money.evidenceWarning ? [`⚠ ${i.name}: ${i.money.evidenceWarning}.`] : []));
  const sources = interventions.map((i) => `${i.name}: ${varianceSources(i.money.varianceShares, i.money.replications)}`);
  return [
    `Money over ${first.horizonMonths} months against the baseline (mean [95% CI of the mean]; P10 to P90 of a year; phases: class, learning curve, steady state)`,
    assumptionsNote(first.assumptions),
    renderTable(["", ...interventions.map((i) => i.name)], rows.map(([label, cell]) => [label, ...interventions.map((i) => cell(i.money))])),
    ...(probBest ? [`Probability best: ${Object.entries(probBest).map(([name, p]) => `${name} ${percent(p)}`).join(", ")}.`] : []),
    "Where the NPV's uncertainty comes from (first-order variance shares with their 95% CIs; simulation: what the draws leave unexplained):",
    ...sources.map((line) => `  ${line}`),
    ...warnings,
  ].join("\n");
}

/**
 * What to measure first (EVPPI per input, largest first, in money) and where the best option changes with the value
 * of a kept customer: the manager's sentence, then the figures.
 */
export function renderDecision(decided: FullDecision): string {
  const whole = (value: number) => Math.round(value).toLocaleString("en-US");
  const amount = (value: number) => `${decided.currency} ${whole(value)}`;
  const lines: string[] = ["What to find out before deciding (the value of knowing each input exactly, for the option with the highest expected NPV):"];
  const sentence = decisionSentence(decided, amount);
  if (sentence !== null && decided.evppi.length > 0) lines.push(`  ${sentence}`);
  if (decided.evppi.length > 0) {
    const replications = decided.valueOfInformation.replications;
    // "0 to 0" would read as a measured certainty: core says what an interval at nothing means at this many replications.
    const interval = (entry: (typeof decided.evppi)[number]) => partialValueNote(entry, replications) ?? `${whole(entry.ci95[0])} to ${whole(entry.ci95[1])}`;
    lines.push(
      renderTable(
        ["Input", `Value of knowing it (${decided.currency})`, "95% interval"],
        [["everything (EVPI)", whole(decided.evpi), ""], ...decided.evppi.map((entry) => [entry.label, whole(entry.value), interval(entry)])],
      ),
    );
  } else lines.push("  No input is uncertain (assumptions fixed): nothing to learn first.");
  if (decided.breakEven.length > 0) {
    lines.push(
      `Where the best option (highest expected NPV) changes with the value of a kept customer (scenario: ${amount(decided.customerValue)}): ${decided.breakEven
        .map((entry) => `${entry.from} → ${entry.to} at ${amount(entry.customerValue)}`)
        .join("; ")}.`,
    );
  }
  if (decided.valueOfInformation.warning) lines.push(`⚠ ${decided.valueOfInformation.warning}.`);
  lines.push(`How: ${decided.valueOfInformation.basis}.`);
  return lines.join("\n");
}
