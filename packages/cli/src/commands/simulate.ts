import { KPI_REGISTRY, kpiVectorLayout, SCENARIO_LIMITS, scenarioVariants, shardDocument, shardRange, type AssumptionsView } from "@ccplan/core";
import { choiceFlag, numberFlag, parseCommandArgs, requiredNumberFlag } from "../args.js";
import { InputError } from "../errors.js";
import { FLAG_RANGES } from "../flagRanges.js";
import { progressTracker, runSingle } from "@ccplan/worker/node";
import { progressBar } from "../run/progressBar.js";
import { refuseOversizedRuns } from "../run/limits.js";
import { createRunner } from "../run/runner.js";
import { intervalSource, loadScenario, scenarioSource, stationarySource, type ResolvedSource } from "../run/sources.js";
import { readReportFlags, writeReport, REPORT_FLAGS, REPORT_FLAGS_HELP } from "./reportFlags.js";
import { loadCalibration } from "../run/callLogInput.js";
import { readRunFlags, RUN_FLAGS } from "./runFlags.js";

export const simulateHelp = `ccplan simulate <scenario.json> [--variant <intervention name>] [run options]
ccplan simulate --rate R --aht A --agents N [--patience P] [--target T] [--hours H] [run options]
ccplan simulate --intervals <file.csv> [--aht A] [--handle-dist exponential|lognormal|gamma] [--handle-cv C]
                [--patience P] [--patience-dist exponential|lognormal|gamma] [--patience-cv C] [--target T] [run options]
ccplan simulate --intervals <file.csv> --calibration calibration.json [--target T] [run options]
run options: [--replications N] [--precision P [--precision-kpi K]] [--workers W] [--seed S] [--shard I/N]
             [--fixed-assumptions]
report options: [--target-sl F] [--all-intervals] [--json | --csv]

Runs the discrete-event simulation for N seeded replications (default 100) and reports every KPI of the registry
as the mean over replications with its 95% confidence interval (precision of the mean) and the P10–P90 spread of
outcomes (what a single day may look like). The same seed gives the same output, byte for byte, whatever --workers.
  <scenario.json>   a scenario file (see scenarios/default.json); --variant runs one of its interventions
  --rate …          a stationary center: Poisson arrivals (contacts per hour), exponential handle time and patience
                    (seconds; no --patience = infinite), FCR 1, no retries, empty at the start, for --hours (default 8)
  --intervals       an ACD interval report or forecast: columns start (HH:MM or ISO date-time), contacts, agents
                    (on the floor, after shrinkage), optionally aht_seconds and patience_seconds
  --calibration F   with --intervals: the calibrated handle-time shape plus after-call-work allowance (aht_seconds is
                    then each row's mean talk time), patience curve and priority class of 'ccplan calibrate --out'; the
                    target defaults to the calibration's
  --precision P     run until the 95% CI half-width of --precision-kpi (default serviceLevel) is at most P (a fraction,
                    or seconds for time KPIs), checked at fixed points (20, 40, 80, …), at most --replications (default 1000)
  --workers W       threads that simulate, this one included (default: the number of cores, fewer if the free
                    memory would not hold them)
  --shard I/N       run only the I-th of N equal parts of --replications and print them as a shard file (JSON);
                    'ccplan merge' combines the parts into exactly the output of one run
  --fixed-assumptions  keep every uncertain input of the scenario (ranges such as the experience model's) at its
                    central value; by default each replication draws them, so the intervals carry that uncertainty too
${REPORT_FLAGS_HELP}`;

/** `ccplan simulate`: builds a plan source from one of three inputs, runs it, prints a summary table or JSON. */
export async function runSimulate(args: string[], write: (text: string) => void): Promise<void> {
  const { values, positionals } = parseCommandArgs("simulate", args, {
    ...RUN_FLAGS,
    ...REPORT_FLAGS,
    variant: { type: "string" },
    shard: { type: "string" },
    rate: { type: "string" },
    aht: { type: "string" },
    agents: { type: "string" },
    patience: { type: "string" },
    target: { type: "string" },
    hours: { type: "string" },
    intervals: { type: "string" },
    "handle-dist": { type: "string" },
    "handle-cv": { type: "string" },
    "patience-dist": { type: "string" },
    "patience-cv": { type: "string" },
    calibration: { type: "string" },
  });
  const flags = readRunFlags(values);
  const report = readReportFlags(values);
  const shard = parseShard(values.shard);
  if (shard && flags.precision) {
    throw new InputError("--shard cannot be combined with --precision: where a run stops would depend on how it was split");
  }
  if (shard && (report.targetServiceLevel !== undefined || report.allIntervals || report.csv)) {
    throw new InputError("--shard prints a shard file: pass --target-sl, --all-intervals or --csv to 'ccplan merge' instead");
  }
  const sources = [positionals.length > 0, values.rate !== undefined, values.intervals !== undefined].filter(Boolean).length;
  if (sources !== 1) {
    throw new InputError("ccplan simulate needs exactly one source: a scenario file, --rate … for a stationary center, or --intervals <file.csv>");
  }
  if (positionals.length > 1) throw new InputError(`ccplan simulate takes one scenario file; got ${positionals.length}: ${positionals.join(", ")}`);
  const resolved = resolveSource(values, positionals[0], flags.seed, flags.assumptions);

  const runner = createRunner(flags.workers, [resolved.plan]);
  const bar = progressBar();
  try {
    if (shard) {
      const [from, to] = shardRange(flags.replications, shard.index - 1, shard.count);
      const tracker = progressTracker(to - from, bar.update);
      const vectors = await runner.vectors(resolved.source, from, to, (done) => tracker.within(done));
      bar.done();
      const document = shardDocument({
        scenario: resolved.plan.name,
        ...(typeof values.variant === "string" && { variant: values.variant }),
        scenarioFingerprint: resolved.fingerprint,
        seed: resolved.plan.seed,
        replications: flags.replications,
        from,
        to,
        layout: kpiVectorLayout(resolved.plan),
        vectors,
      });
      write(`${JSON.stringify(document)}\n`);
      return;
    }
    const { statistics, precision } = await runSingle({
      runner,
      planned: resolved,
      maxReplications: flags.replications,
      ...(flags.precision && { precision: flags.precision }),
      ...(report.targetServiceLevel !== undefined && { targetServiceLevel: report.targetServiceLevel }),
      onProgress: bar.update,
      // The worker threads end while this thread summarises (each takes ~15 ms to stop), not after.
      onReplicationsDone: () => void runner.close(),
    });
    bar.done();
    const note = precision
      ? `${precision.reached ? "precision reached" : "precision NOT reached"} (95% CI half-width of ${precision.kpi} at most ${halfWidthText(precision.kpi, precision.halfWidth)})`
      : undefined;
    const currency = scenarioCurrency(resolved.source);
    writeReport(write, statistics, report, { ...(precision && { json: { precision } }), ...(note !== undefined && { note }), ...(currency !== undefined && { currency }) });
  } finally {
    bar.done();
    await runner.close();
  }
}

/** `--shard 3/8` → { index: 3, count: 8 } (1-based, as job arrays count). */
export function parseShard(raw: string | undefined): { index: number; count: number } | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InputError(`invalid --shard: ${JSON.stringify(raw)}; expected I/N with 1 ≤ I ≤ N, e.g. 3/8`);
  }
  return { index, count };
}

function resolveSource(
  values: Record<string, string | boolean | undefined>,
  scenarioPath: string | undefined,
  seed: number | undefined,
  assumptions: AssumptionsView,
): ResolvedSource {
  const str = (name: string) => values[name] as string | undefined;
  if (scenarioPath !== undefined) {
    const loaded = loadScenario(scenarioPath);
    const variant = str("variant");
    const chosen = scenarioVariants(loaded.scenario).find((candidate, index) => (variant === undefined ? index === 0 : candidate.name === variant));
    if (chosen) refuseOversizedRuns(loaded.path, [{ label: variant === undefined ? "the baseline" : `intervention ${JSON.stringify(variant)}`, scenario: chosen.scenario }]);
    return scenarioSource(loaded, variant, seed, assumptions);
  }
  if (str("variant") !== undefined) throw new InputError("--variant needs a scenario file");
  if (str("calibration") !== undefined && str("intervals") === undefined) throw new InputError("--calibration needs --intervals <file.csv>");
  if (str("rate") !== undefined) {
    const options = {
      arrivalsPerHour: requiredNumberFlag("rate", str("rate"), FLAG_RANGES.rate),
      ahtSec: requiredNumberFlag("aht", str("aht"), FLAG_RANGES.aht),
      agents: requiredNumberFlag("agents", str("agents"), FLAG_RANGES.agents),
      targetAnswerSec: numberFlag("target", str("target"), FLAG_RANGES.target) ?? 20,
      hours: numberFlag("hours", str("hours"), FLAG_RANGES.hours) ?? 8,
      seed: seed ?? 1,
      ...(str("patience") !== undefined && { patienceSec: numberFlag("patience", str("patience"), FLAG_RANGES.patience)! }),
    };
    const expectedContacts = (options.arrivalsPerHour * options.hours);
    if (expectedContacts > SCENARIO_LIMITS.maxContactsPerReplication) {
      throw new InputError(
        `--rate ${str("rate")} for ${options.hours} hours is ${Math.round(expectedContacts).toLocaleString("en-US")} contacts per replication; expected at most ${SCENARIO_LIMITS.maxContactsPerReplication.toLocaleString("en-US")}`,
      );
    }
    return stationarySource(options);
  }
  const path = str("intervals")!;
  const dists = ["exponential", "lognormal", "gamma"] as const;
  if (str("calibration") !== undefined) {
    const clashing = ["aht", "handle-dist", "handle-cv", "patience", "patience-dist", "patience-cv"].filter((name) => str(name) !== undefined);
    if (clashing.length > 0) throw new InputError(`--calibration sets handle times and patience; remove ${clashing.map((name) => `--${name}`).join(", ")}`);
    const model = loadCalibration(str("calibration")!).model;
    return intervalSource(path, {
      name: path,
      seed: seed ?? 1,
      handleDist: "exponential",
      handleCv: 1,
      patienceDist: "exponential",
      patienceCv: 1,
      targetAnswerSec: numberFlag("target", str("target"), FLAG_RANGES.target) ?? model.targetAnswerSec,
      calibration: model,
    });
  }
  return intervalSource(path, {
    name: path,
    seed: seed ?? 1,
    ...(str("aht") !== undefined && { ahtSec: numberFlag("aht", str("aht"), FLAG_RANGES.aht)! }),
    handleDist: choiceFlag("handle-dist", str("handle-dist"), dists, "exponential"),
    handleCv: numberFlag("handle-cv", str("handle-cv"), FLAG_RANGES.cv) ?? 1,
    ...(str("patience") !== undefined && { patienceSec: numberFlag("patience", str("patience"), FLAG_RANGES.patience)! }),
    patienceDist: choiceFlag("patience-dist", str("patience-dist"), dists, "exponential"),
    patienceCv: numberFlag("patience-cv", str("patience-cv"), FLAG_RANGES.cv) ?? 1,
    targetAnswerSec: numberFlag("target", str("target"), FLAG_RANGES.target) ?? 20,
  });
}

/** The currency of a scenario source's money block (its money KPIs are in it); undefined for other sources. */
function scenarioCurrency(source: ResolvedSource["source"]): string | undefined {
  if (source.kind !== "scenario") return undefined;
  const currency = (source.scenario as { money?: { currency?: unknown } } | null)?.money?.currency;
  return typeof currency === "string" ? currency : undefined;
}

/** The precision asked for, in the KPI's unit: a share's half-width in percentage points, a time's in seconds. */
function halfWidthText(kpi: string, halfWidth: number): string {
  const unit = KPI_REGISTRY.find((entry) => entry.id === kpi)?.unit;
  if (unit === "fraction") return `${Number((halfWidth * 100).toPrecision(6))} pt`;
  if (unit === "seconds") return `${halfWidth} s`;
  return String(halfWidth);
}
