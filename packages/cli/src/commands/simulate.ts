import {
  KPI_REGISTRY,
  compileScenario,
  createSimulator,
  formatScenarioIssues,
  parseIntervalTable,
  parseScenarioText,
  planFromIntervals,
  scenarioVariants,
  stationaryPlan,
  summarizeReplications,
  type KpiSummary,
  type Plan,
  type ReplicationResult,
  type RunSummary,
} from "@ccplan/core";
import { choiceFlag, numberFlag, parseCommandArgs, requiredNumberFlag } from "../args.js";
import { InputError } from "../errors.js";
import { formatValue, renderTable } from "../format/units.js";
import { readUserFile } from "../io.js";

export const simulateHelp = `ccplan simulate <scenario.json> [--variant <intervention name>] [--replications N] [--seed S] [--json]
ccplan simulate --rate R --aht A --agents N [--patience P] [--target T] [--hours H] [--replications N] [--seed S] [--json]
ccplan simulate --intervals <file.csv> [--aht A] [--handle-dist exponential|lognormal|gamma] [--handle-cv C]
                [--patience P] [--patience-dist exponential|lognormal|gamma] [--patience-cv C] [--target T] …

Runs the discrete-event simulation for N seeded replications (default 100) and reports every KPI of the registry
as the mean over replications with its 95% confidence interval (precision of the mean) and the P10–P90 spread of
outcomes (what a single day may look like). The same seed gives the same output, byte for byte.
  <scenario.json>   a scenario file (see scenarios/default.json); --variant runs one of its interventions
  --rate …          a stationary center: Poisson arrivals (contacts per hour), exponential handle time and patience
                    (seconds; no --patience = infinite), FCR 1, no retries, empty at the start, for --hours (default 8)
  --intervals       an ACD interval report or forecast: columns start (HH:MM or ISO date-time), contacts, agents
                    (on the floor, after shrinkage), optionally aht_seconds and patience_seconds`;

const DEFAULT_REPLICATIONS = 100;

/** `ccplan simulate`: builds a plan from one of three sources, runs it, prints a summary table or JSON. */
export function runSimulate(args: string[], write: (text: string) => void): void {
  const { values, positionals } = parseCommandArgs("simulate", args, {
    variant: { type: "string" },
    replications: { type: "string" },
    seed: { type: "string" },
    json: { type: "boolean" },
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
  });
  const replications = numberFlag("replications", values.replications, { min: 1, max: 100_000, integer: true }) ?? DEFAULT_REPLICATIONS;
  const seed = numberFlag("seed", values.seed, { integer: true, min: 0, max: 2 ** 31 - 1 });
  const sources = [positionals.length > 0, values.rate !== undefined, values.intervals !== undefined].filter(Boolean).length;
  if (sources !== 1) {
    throw new InputError("ccplan simulate needs exactly one source: a scenario file, --rate … for a stationary center, or --intervals <file.csv>");
  }
  if (positionals.length > 1) throw new InputError(`ccplan simulate takes one scenario file; got ${positionals.length}: ${positionals.join(", ")}`);

  let plan: Plan;
  if (positionals.length === 1) plan = planFromScenarioFile(positionals[0]!, values.variant, seed);
  else if (values.rate !== undefined) {
    plan = stationaryPlan({
      arrivalsPerHour: requiredNumberFlag("rate", values.rate, { min: 0 }),
      ahtSec: requiredNumberFlag("aht", values.aht, { min: 0, exclusiveMin: true }),
      agents: requiredNumberFlag("agents", values.agents, { min: 0, max: 20_000, integer: true }),
      patienceSec: numberFlag("patience", values.patience, { min: 0, exclusiveMin: true }),
      targetAnswerSec: numberFlag("target", values.target, { min: 0 }) ?? 20,
      hours: numberFlag("hours", values.hours, { min: 0, max: 92 * 24, exclusiveMin: true }) ?? 8,
      seed: seed ?? 1,
    });
    const expectedContacts = (Number(values.rate) * plan.intervalCount * plan.intervalSec) / 3600;
    if (expectedContacts > 5_000_000) {
      throw new InputError(`--rate ${values.rate} for ${plan.intervalCount * plan.intervalSec / 3600} hours is ${Math.round(expectedContacts)} contacts per replication; expected at most 5,000,000`);
    }
  } else plan = planFromIntervalFile(values.intervals!, values, seed);

  const simulator = createSimulator(plan);
  const results: ReplicationResult[] = [];
  for (let replication = 0; replication < replications; replication++) results.push(simulator.run(replication));
  const summary = summarizeReplications(plan, results);
  write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${renderSummary(summary, plan)}\n`);
}

function planFromScenarioFile(path: string, variantName: string | undefined, seed: number | undefined): Plan {
  const parsed = parseScenarioText(readUserFile(path, "scenario file"));
  if (!parsed.ok) throw new InputError(formatScenarioIssues(parsed.issues, path));
  const variants = scenarioVariants(parsed.scenario);
  const variant = variantName === undefined ? variants[0]! : variants.find((v) => v.name === variantName);
  if (!variant) {
    throw new InputError(`invalid --variant: ${JSON.stringify(variantName)}; expected one of ${variants.map((v) => JSON.stringify(v.name)).join(", ")}`);
  }
  const scenario = seed === undefined ? variant.scenario : { ...variant.scenario, seed };
  return compileScenario(scenario);
}

function planFromIntervalFile(path: string, values: Record<string, string | boolean | undefined>, seed: number | undefined): Plan {
  const parsed = parseIntervalTable(readUserFile(path, "interval file"));
  if (!parsed.ok) throw new InputError(`${path} is not a valid interval file:\n${parsed.errors.map((e) => `✖ ${e}`).join("\n")}`);
  const dists = ["exponential", "lognormal", "gamma"] as const;
  const str = (name: string) => values[name] as string | undefined;
  const built = planFromIntervals(parsed.table, {
    name: path,
    seed: seed ?? 1,
    ahtSec: numberFlag("aht", str("aht"), { min: 0, exclusiveMin: true }),
    handleDist: choiceFlag("handle-dist", str("handle-dist"), dists, "exponential"),
    handleCv: numberFlag("handle-cv", str("handle-cv"), { min: 0, max: 20, exclusiveMin: true }) ?? 1,
    patienceSec: numberFlag("patience", str("patience"), { min: 0, exclusiveMin: true }),
    patienceDist: choiceFlag("patience-dist", str("patience-dist"), dists, "exponential"),
    patienceCv: numberFlag("patience-cv", str("patience-cv"), { min: 0, max: 20, exclusiveMin: true }) ?? 1,
    targetAnswerSec: numberFlag("target", str("target"), { min: 0 }) ?? 20,
  });
  if (!built.ok) throw new InputError(`${path}: ${built.error}`);
  return built.plan;
}

const summaryCells = (summary: KpiSummary, unit: (typeof KPI_REGISTRY)[number]["unit"]) => [
  formatValue(summary.mean, unit),
  summary.ci95 ? `${formatValue(summary.ci95[0], unit)} to ${formatValue(summary.ci95[1], unit)}` : "–",
  summary.p10 === null ? "–" : `${formatValue(summary.p10, unit)} to ${formatValue(summary.p90, unit)}`,
  String(summary.n),
];

/** The human-readable report: the span's KPIs, then per day, then the intervals that miss the target most often. */
function renderSummary(summary: RunSummary, plan: Plan): string {
  const header = `${summary.scenario} · ${summary.replications} replications · seed ${summary.seed}`;
  const kpiTable = renderTable(
    ["KPI", "Mean", "95% CI of the mean", "P10 to P90 of outcomes", "n"],
    KPI_REGISTRY.map((kpi) => [kpi.label, ...summaryCells(summary.kpis[kpi.id], kpi.unit)]),
  );
  const parts = [header, kpiTable];
  if (summary.days.length > 1) {
    parts.push(
      "",
      "By day (means over replications)",
      renderTable(
        ["Day", "Offered", "Service level", "ASA", "Abandoned", "Occupancy"],
        summary.days.map(({ day, kpis }) => [
          day,
          formatValue(kpis.offered.mean, "contacts"),
          formatValue(kpis.serviceLevel.mean, "fraction"),
          formatValue(kpis.asa.mean, "seconds"),
          formatValue(kpis.abandonRate.mean, "fraction"),
          formatValue(kpis.occupancy.mean, "fraction"),
        ]),
      ),
    );
  }
  const target = plan.queues[0]?.targetAnswerSec ?? 20;
  const worst = summary.intervals
    .filter((interval) => interval.kpis.serviceLevel.mean !== null && interval.kpis.offered.mean! > 0)
    .sort((a, b) => a.kpis.serviceLevel.mean! - b.kpis.serviceLevel.mean!)
    .slice(0, 5);
  if (worst.length > 0) {
    parts.push(
      "",
      `Intervals with the lowest service level (answered within ${target} s)`,
      renderTable(
        ["Interval", "Service level", "P10 to P90", "Offered"],
        worst.map(({ start, kpis }) => [
          start,
          formatValue(kpis.serviceLevel.mean, "fraction"),
          `${formatValue(kpis.serviceLevel.p10, "fraction")} to ${formatValue(kpis.serviceLevel.p90, "fraction")}`,
          formatValue(kpis.offered.mean, "contacts"),
        ]),
      ),
    );
  }
  return parts.join("\n");
}
