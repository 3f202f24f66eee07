import {
  compileScenario,
  formatScenarioIssues,
  parseIntervalTable,
  parseScenarioText,
  planFromIntervals,
  scenarioFingerprint,
  scenarioVariants,
  stationaryPlan,
  type AssumptionsView,
  type IntervalPlanOptions,
  type Plan,
  type Scenario,
} from "@ccplan/core";
import type { PlanSource, StationarySourceOptions } from "@ccplan/worker/node";
import { InputError } from "../errors.js";
import { readUserFile } from "../io.js";

/** A plan source the workers compile, with its plan compiled here too (for layouts, labels and checks). */
export interface ResolvedSource {
  source: PlanSource;
  plan: Plan;
  /** Stable hash of the source, so shards of different runs are never merged. */
  fingerprint: string;
}

/** A scenario file read and validated at the edge: any problem is an InputError listing every issue. */
export interface LoadedScenario {
  path: string;
  raw: unknown;
  scenario: Scenario;
  variantNames: string[];
}

export function loadScenario(path: string): LoadedScenario {
  const text = readUserFile(path, "scenario file");
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new InputError(formatScenarioIssues(parsed.issues, path));
  return { path, raw: JSON.parse(text), scenario: parsed.scenario, variantNames: scenarioVariants(parsed.scenario).map((v) => v.name) };
}

/** The source of one variant (the baseline when `variant` is undefined) of a loaded scenario: each replication at its
 * own draw of the scenario's uncertain inputs, unless `assumptions` is "fixed". */
export function scenarioSource(loaded: LoadedScenario, variant: string | undefined, seed: number | undefined, assumptions: AssumptionsView = "combined"): ResolvedSource {
  const variants = scenarioVariants(loaded.scenario);
  const chosen = variant === undefined ? variants[0]! : variants.find((v) => v.name === variant);
  if (!chosen) {
    throw new InputError(`invalid --variant: ${JSON.stringify(variant)}; expected one of ${loaded.variantNames.map((name) => JSON.stringify(name)).join(", ")}`);
  }
  const scenario = seed === undefined ? chosen.scenario : { ...chosen.scenario, seed };
  const source: PlanSource = {
    kind: "scenario",
    scenario: loaded.raw,
    ...(variant !== undefined && variant !== variants[0]!.name && { variant }),
    ...(seed !== undefined && { seed }),
    ...(assumptions === "fixed" && { assumptions }),
  };
  return { source, plan: compileScenario(scenario), fingerprint: scenarioFingerprint(source) };
}

export function stationarySource(options: StationarySourceOptions): ResolvedSource {
  const source: PlanSource = { kind: "stationary", options };
  return { source, plan: stationaryPlan(options), fingerprint: scenarioFingerprint(source) };
}

export function intervalSource(path: string, options: IntervalPlanOptions): ResolvedSource {
  const csv = readUserFile(path, "interval file");
  const parsed = parseIntervalTable(csv);
  if (!parsed.ok) throw new InputError(`${path} is not a valid interval file:\n${parsed.errors.map((e) => `✖ ${e}`).join("\n")}`);
  const built = planFromIntervals(parsed.table, options);
  if (!built.ok) throw new InputError(`${path}: ${built.error}`);
  const source: PlanSource = { kind: "intervals", csv, options };
  return { source, plan: built.plan, fingerprint: scenarioFingerprint(source) };
}
