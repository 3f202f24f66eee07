import { numberFlag, type NumberConstraint } from "../args.js";
import { InputError } from "../errors.js";
import { FLAG_RANGES } from "../flagRanges.js";
import { KPI_REGISTRY, type AssumptionsView, type KpiId } from "@ccplan/core";
import type { PrecisionTarget } from "@ccplan/worker/node";

/** The flags every command that simulates takes: how many replications, their seed, the worker threads, JSON out. */
export const SIMULATION_FLAGS = {
  replications: { type: "string" },
  seed: { type: "string" },
  workers: { type: "string" },
  json: { type: "boolean" },
} as const;

/** The flags of the commands that run one scenario's replications (`simulate`, `compare`): precision and assumptions too. */
export const RUN_FLAGS = {
  ...SIMULATION_FLAGS,
  precision: { type: "string" },
  "precision-kpi": { type: "string" },
  "fixed-assumptions": { type: "boolean" },
} as const;

type FlagValues = Record<string, string | boolean | string[] | undefined>;

/** --seed, checked (a non-negative 31-bit integer); undefined when absent. */
export function readSeed(values: FlagValues): number | undefined {
  return numberFlag("seed", values.seed as string | undefined, FLAG_RANGES.seed);
}

/** --workers, checked (1 to 256); undefined when absent. */
export function readWorkers(values: FlagValues): number | undefined {
  return numberFlag("workers", values.workers as string | undefined, FLAG_RANGES.workers);
}

/** --replications within the command's own bounds (`range`, narrowing FLAG_RANGES.replications), else `fallback`. */
export function readReplications(values: FlagValues, range: NumberConstraint, fallback: number): number {
  return numberFlag("replications", values.replications as string | undefined, { ...FLAG_RANGES.replications, ...range }) ?? fallback;
}

export const DEFAULT_REPLICATIONS = 100;
/** With --precision, --replications is the most that will be run. */
export const DEFAULT_MAX_REPLICATIONS_WITH_PRECISION = 1000;

export interface RunFlags {
  replications: number;
  precision?: PrecisionTarget;
  /** Given with --workers; undefined: `createRunner` picks the default (cores, and the memory the plans need). */
  workers?: number;
  seed?: number;
  /** `combined`: each replication draws the scenario's uncertain inputs; `fixed` (--fixed-assumptions): central values. */
  assumptions: AssumptionsView;
}

export function readRunFlags(values: FlagValues): RunFlags {
  const str = (name: string) => values[name] as string | undefined;
  const halfWidth = numberFlag("precision", str("precision"), { min: 0, exclusiveMin: true });
  if (halfWidth === undefined && str("precision-kpi") !== undefined) {
    throw new InputError("--precision-kpi needs --precision <half-width>");
  }
  const replications =
    numberFlag("replications", str("replications"), FLAG_RANGES.replications) ??
    (halfWidth === undefined ? DEFAULT_REPLICATIONS : DEFAULT_MAX_REPLICATIONS_WITH_PRECISION);
  return {
    replications,
    ...(halfWidth !== undefined && { precision: { kpi: checkPrecisionKpi(str("precision-kpi") ?? "serviceLevel"), halfWidth } }),
    ...(str("workers") !== undefined && { workers: readWorkers(values)! }),
    ...(str("seed") !== undefined && { seed: readSeed(values)! }),
    assumptions: values["fixed-assumptions"] === true ? "fixed" : "combined",
  };
}

function checkPrecisionKpi(kpi: string): KpiId {
  const known = KPI_REGISTRY.map((definition) => definition.id as string);
  if (!known.includes(kpi)) throw new InputError(`invalid --precision-kpi: ${JSON.stringify(kpi)}; expected one of ${known.join(", ")}`);
  return kpi as KpiId;
}
